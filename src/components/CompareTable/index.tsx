/**
 * The passthrough-BAR question side by side on arm64, x86 and RISC-V: for each guest mapping call,
 * what the hypervisor maps, what the guest asks for, what the CPU uses and who decided. Every cell is
 * compare() from the model, at build time and again when the kernel version changes.
 */

import Link from '@docusaurus/Link';
import type { CompareRow } from '@site/src/model/index';
import { compare, KERNEL_VERSIONS } from '@site/src/model/index';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { exampleAnchor } from '../Example/anchor';
import styles from './styles.module.css';

const MAPPINGS = ['ioremap', 'ioremap_wc', 'ioremap_np', 'ioremap_cache'] as const;

/** The example on the comparison page that shows each architecture's rule. */
const ARCH_EXAMPLE = {
  arm64: 'beyond/ioremap-wc-three-arches',
  x86: 'beyond/x86-ept-uc-guest-pat',
  riscv: 'beyond/riscv-guest-overrides',
} as const satisfies Record<CompareRow['arch'], string>;

function Sources({ row }: { row: CompareRow }): ReactNode {
  return (
    <ul className={styles.sources}>
      {row.sources.map((source) => (
        <li key={source.label}>{source.url ? <a href={source.url}>{source.label}</a> : source.label}</li>
      ))}
    </ul>
  );
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
              <th scope="col">Sources</th>
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
                    <td className={styles.effective}>
                      <Link to={`#${exampleAnchor(ARCH_EXAMPLE[row.arch])}`}>{row.effective ?? '—'}</Link>
                    </td>
                    <td>{row.decidedBy ?? '—'}</td>
                    <td className={styles.source}>
                      <Sources row={row} />
                    </td>
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
