/**
 * The passthrough-BAR question side by side on arm64, x86 and RISC-V: for each guest mapping call,
 * what the hypervisor maps, what the guest asks for, what the CPU uses and who decided. Every cell is
 * compare() from the model, at build time and again when the kernel version changes.
 */
import type { CompareRow } from '@site/src/model/index';
import { compare, KERNEL_VERSIONS } from '@site/src/model/index';
import { type ReactNode, useId, useMemo, useState } from 'react';
import styles from './styles.module.css';

const MAPPINGS = ['ioremap', 'ioremap_wc', 'ioremap_np', 'ioremap_cache'] as const;

function firstSource(row: CompareRow): { label: string; url: string | null } | null {
  return row.sources[0] ?? null;
}

export default function CompareTable({ kernel: initialKernel = '6.17' }: { kernel?: string }): ReactNode {
  const [kernel, setKernel] = useState(initialKernel);
  const id = useId();
  const results = useMemo(() => MAPPINGS.map((guestMapping) => ({ guestMapping, answer: compare({ guestMapping, kernel }) })), [kernel]);
  return (
    <div className={styles.wrap}>
      <p className={styles.controls}>
        <label htmlFor={`${id}-k`}>arm64 and guest kernel</label>{' '}
        <select id={`${id}-k`} value={kernel} onChange={(e) => setKernel(e.currentTarget.value)}>
          {KERNEL_VERSIONS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </p>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <caption>A guest driver maps a passthrough PCI BAR: what each architecture's KVM gives it (kernel {kernel})</caption>
          <thead>
            <tr>
              <th scope="col">Guest call</th>
              <th scope="col">Architecture</th>
              <th scope="col">Hypervisor maps</th>
              <th scope="col">Guest asks for</th>
              <th scope="col">CPU uses</th>
              <th scope="col">Decided by</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {results.flatMap(({ guestMapping, answer }) => {
              if (!answer.ok) {
                return [
                  <tr key={guestMapping}>
                    <th scope="row">
                      <code>{guestMapping}()</code>
                    </th>
                    <td colSpan={6} role="alert">
                      {answer.error.message}
                    </td>
                  </tr>,
                ];
              }
              return answer.result.rows.map((row, i) => {
                const source = firstSource(row);
                return (
                  <tr key={`${guestMapping}-${row.arch}`} data-arch={row.arch} data-mapping={guestMapping}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={answer.result.rows.length}>
                        <code>{guestMapping}()</code>
                      </th>
                    )}
                    <td>{row.label}</td>
                    <td>{row.hypervisorType ?? '—'}</td>
                    <td>{row.guestType ?? '—'}</td>
                    <td className={styles.effective}>{row.effective ?? '—'}</td>
                    <td>{row.decidedBy ?? '—'}</td>
                    <td className={styles.source}>{source ? source.url ? <a href={source.url}>{source.label}</a> : source.label : '—'}</td>
                  </tr>
                );
              });
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
