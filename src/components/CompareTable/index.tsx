// biome-ignore-all lint/a11y/noRedundantRoles: on a narrow screen the rows are laid out as cards (display: block), and browsers that drop a table's semantics then keep the explicit roles
/**
 * The passthrough-BAR question side by side on arm64, x86 and RISC-V: for each guest mapping call,
 * what the hypervisor maps, what the guest asks for, what the CPU uses and who decided. Every cell is
 * compare() from the model: for the first kernel computed at build time (src/remark/build-data.ts
 * passes it in `data`), for another computed here by ./compare-rows, a chunk loaded when the reader
 * reaches for the kernel choice (points at it, touches it or tabs to it), so the page does not carry
 * the comparison's code until then.
 */

import Link from '@docusaurus/Link';
import type { CompareRow } from '@site/src/model/index';
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import type { CompareTableData } from '../../remark/build-data';
import { defaultExampleHref } from '../ClaimsTable/select';
import controls from '../shared/controls.module.css';
import ScrollBox from '../shared/ScrollBox';
import styles from './styles.module.css';

/** The example on the comparison page that shows each architecture's rule. */
const ARCH_EXAMPLE = {
  arm64: 'beyond/ioremap-wc-three-arches',
  x86: 'beyond/x86-ept-uc-guest-pat',
  riscv: 'beyond/riscv-guest-overrides',
} as const satisfies Record<CompareRow['arch'], string>;

const COLUMNS = ['Hypervisor maps', 'Guest asks for', 'CPU uses', 'Decided by', 'Sources'] as const;

/** A data cell; on a narrow screen, where rows become cards, it shows its column's name. */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }): ReactNode {
  return (
    <td role="cell" className={className}>
      <span className={styles.cardLabel} aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  );
}

/** Paths and identifiers may wrap after a slash or an underscore, so the column can stay narrow. */
function breakable(label: string): ReactNode {
  return label.split(/(?<=[/_])/).map((part, i, all) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string
    <span key={i}>
      {part}
      {i < all.length - 1 && <wbr />}
    </span>
  ));
}

function Sources({ row }: { row: CompareRow }): ReactNode {
  return (
    <ul className={styles.sources}>
      {row.sources.map((source) => (
        <li key={source.label}>{source.url ? <a href={source.url}>{breakable(source.label)}</a> : breakable(source.label)}</li>
      ))}
    </ul>
  );
}

type Rows = typeof import('./compare-rows');
let rowsModule: Promise<Rows> | null = null;
const loadRows = (): Promise<Rows> => {
  rowsModule ??= import(/* webpackChunkName: "compare-rows" */ './compare-rows');
  return rowsModule;
};

export interface CompareTableProps {
  /** The first kernel shown (read by the build, which computes its rows). */
  readonly kernel?: string;
  /** Filled in at build time: CompareTableData as JSON. */
  readonly data?: string;
}

export default function CompareTable({ data }: CompareTableProps): ReactNode {
  const first = useMemo(() => {
    if (data === undefined) throw new Error('<CompareTable />: data is missing; is src/remark/build-data.ts in docs.remarkPlugins?');
    return JSON.parse(data) as CompareTableData;
  }, [data]);
  const [shown, setShown] = useState({ kernel: first.kernel, results: first.results });
  const [kernel, setKernel] = useState(first.kernel);
  const id = useId();
  const caption = `A guest driver maps a passthrough PCI BAR: what each architecture's KVM gives it (kernel ${shown.kernel})`;
  // The latest choice wins when the reader changes it again before the chunk arrives.
  const latest = useRef(first.kernel);
  const choose = (next: string) => {
    latest.current = next;
    setKernel(next);
    void loadRows().then(({ compareRows }) => {
      if (latest.current === next) setShown({ kernel: next, results: compareRows(next) });
    });
  };
  const results = shown.results;
  return (
    <div className={styles.wrap}>
      <p className={styles.controls}>
        <label htmlFor={`${id}-k`}>arm64 and guest kernel</label>{' '}
        <select
          id={`${id}-k`}
          value={kernel}
          aria-busy={kernel !== shown.kernel}
          onChange={(e) => choose(e.currentTarget.value)}
          onPointerOver={() => void loadRows()}
          onTouchStart={() => void loadRows()}
          onFocus={() => void loadRows()}
        >
          {first.kernels.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </p>
      {/* The caption is repeated outside the scrolling box so it wraps to the page, not to the table. */}
      <p className={styles.caption} aria-hidden="true">
        {caption}
      </p>
      <ScrollBox>
        <table className={styles.table} role="table">
          <caption className={controls.srOnly}>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Architecture
              </th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          {results.map(({ guestMapping, answer }) => (
            <tbody key={guestMapping} role="rowgroup" data-mapping={guestMapping}>
              <tr role="row" className={styles.groupRow}>
                <th scope="rowgroup" colSpan={COLUMNS.length + 1} className={styles.group}>
                  The guest calls <code>{guestMapping}()</code>
                </th>
              </tr>
              {answer.ok ? (
                answer.result.rows.map((row) => (
                  <tr key={row.arch} role="row" data-arch={row.arch}>
                    <th scope="row" role="rowheader" className={styles.arch}>
                      {row.label}
                    </th>
                    <Cell label={COLUMNS[0]}>{row.hypervisorType ?? '—'}</Cell>
                    <Cell label={COLUMNS[1]}>{row.guestType ?? '—'}</Cell>
                    <Cell label={COLUMNS[2]} className={styles.effective}>
                      <Link to={defaultExampleHref(ARCH_EXAMPLE[row.arch])}>{row.effective ?? '—'}</Link>
                    </Cell>
                    <Cell label={COLUMNS[3]}>{row.decidedBy ?? '—'}</Cell>
                    <Cell label={COLUMNS[4]} className={styles.source}>
                      <Sources row={row} />
                    </Cell>
                  </tr>
                ))
              ) : (
                <tr role="row">
                  <td role="cell" colSpan={COLUMNS.length + 1}>
                    <span role="alert">{answer.error.message}</span>
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
      </ScrollBox>
    </div>
  );
}
