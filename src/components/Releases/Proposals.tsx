/**
 * The proposals after the thread that were not merged (timeline() entries whose status is not
 * `merged`), newest posting last, from the snapshot ./proposals.json (./generate.mts writes it; a unit
 * test keeps it equal to timeline()). Merged changes are on the "Release by release" page, from the
 * same version data, so no change is listed twice.
 */
import type { ReactNode } from 'react';
import type { TimelineEntry } from '../../model';
import data from './proposals.json';
import styles from './styles.module.css';

const proposals = data as readonly TimelineEntry[];

export default function Proposals(): ReactNode {
  return (
    <ul className={styles.proposals}>
      {proposals.map((e) => (
        <li key={e.id} className={styles.change}>
          <p className={styles.what}>
            <span className={styles.badge}>{e.status}</span> {e.date} {e.title}
          </p>
          <p className={styles.bearing}>{e.why}</p>
          <p className={styles.links}>
            {e.links
              .filter((l) => l.url !== null)
              .map((l, i) => (
                <span key={l.label}>
                  {i > 0 && '; '}
                  <a href={l.url ?? undefined}>{l.label}</a>
                </span>
              ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
