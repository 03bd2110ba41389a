// biome-ignore-all lint/a11y/noRedundantRoles: on a narrow screen the rows are laid out as cards (display: block), and browsers that drop a table's semantics then keep the explicit roles
/**
 * The seed message's claims with the verdicts `claims()` computes: speaker, our restatement, verdict
 * badge, evidence and the examples behind each. Rendered at build time; a filter works after
 * hydration. Rows have ids (`claim-<id>`) so pages can link to them.
 */
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import type { Claim, Verdict } from '../../model';
import { VERDICTS } from '../../model';
import { defaultExampleHref, selectClaims, VERDICT_LABEL } from './select';
import styles from './styles.module.css';

export interface ClaimsTableProps {
  /** Show only these claim ids, in this order (default: every claim). */
  readonly ids?: readonly string[];
  /** Where an example name links to (default: its anchor on the page named by its topic). */
  readonly exampleHref?: (name: string) => string | undefined;
  /** Offer the verdict filter (default true). */
  readonly filter?: boolean;
  /**
   * claims() as computed at build time (JSON), filled in by src/remark/build-data.ts in MDX pages.
   * Required at run time: the table does not compute claims() in the browser, so pages do not carry
   * the claim checks and the bus enumerations behind them (about 20 kB gzip).
   */
  readonly data?: string;
}

export default function ClaimsTable({ ids, exampleHref = defaultExampleHref, filter = true, data }: ClaimsTableProps): ReactNode {
  const all = useMemo<Claim[]>(() => {
    if (data === undefined) throw new Error('<ClaimsTable />: data is missing; is src/remark/build-data.ts in docs.remarkPlugins?');
    return JSON.parse(data) as Claim[];
  }, [data]);
  const [verdict, setVerdict] = useState<Verdict | 'all'>('all');
  const id = useId();
  const { rows, missing } = selectClaims(all, ids);
  if (missing.length > 0) throw new Error(`ClaimsTable: no claim with id ${missing.join(', ')}`);
  const counts = new Map<Verdict, number>(VERDICTS.map((v) => [v, rows.filter((c) => c.verdict === v).length]));
  const shown = verdict === 'all' ? rows : rows.filter((c) => c.verdict === verdict);

  return (
    <div className={styles.wrap}>
      {filter && (
        <p className={styles.filter}>
          <label htmlFor={`${id}-v`}>Verdict</label>{' '}
          <select id={`${id}-v`} value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict | 'all')}>
            <option value="all">all ({rows.length})</option>
            {VERDICTS.filter((v) => (counts.get(v) ?? 0) > 0).map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABEL[v]} ({counts.get(v)})
              </option>
            ))}
          </select>
        </p>
      )}
      <table className={styles.table} role="table">
        <caption className={styles.caption}>
          Claims in the thread and what the model says about each ({shown.length} of {rows.length} shown)
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" className={styles.colClaim}>
              Claim
            </th>
            <th scope="col" role="columnheader" className={styles.colVerdict}>
              Verdict
            </th>
            <th scope="col" role="columnheader">
              Evidence from the model
            </th>
            <th scope="col" role="columnheader" className={styles.colExamples}>
              Examples
            </th>
          </tr>
        </thead>
        <tbody aria-live="polite" role="rowgroup">
          {shown.map((c) => (
            <tr key={c.id} id={`claim-${c.id}`} data-verdict={c.verdict} role="row">
              <th scope="row" role="rowheader" className={styles.claim}>
                <span className={styles.speaker}>{c.speaker}</span>
                <span className={styles.text}>{c.claim}</span>
                <Link className={styles.page} to={`/docs/${c.page}`}>
                  explained in {c.page.replace(/-/g, ' ')}
                </Link>
              </th>
              <td role="cell">
                <span className={clsx(styles.badge, styles[c.verdict])}>{VERDICT_LABEL[c.verdict]}</span>
              </td>
              <td role="cell" className={styles.evidence}>
                <span className={styles.cardLabel} aria-hidden="true">
                  Evidence from the model
                </span>
                {c.evidence}
              </td>
              <td role="cell" className={styles.exampleCell}>
                <span className={styles.cardLabel} aria-hidden="true">
                  Examples
                </span>
                {c.examples.length === 0 ? (
                  <span className={styles.none}>none yet</span>
                ) : (
                  <ul className={styles.examples}>
                    {c.examples.map((name) => {
                      const href = exampleHref(name);
                      return <li key={name}>{href ? <Link to={href}>{name}</Link> : <code>{name}</code>}</li>;
                    })}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
