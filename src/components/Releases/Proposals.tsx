/**
 * The proposals after the thread that were not merged (timeline() entries whose status is not
 * `merged`), newest posting last. Merged changes are on the "Release by release" page, from the same
 * version data, so no change is listed twice.
 */
import type { ReactNode } from 'react';
import { timeline } from '../../model';
import styles from './styles.module.css';

export default function Proposals(): ReactNode {
  const answer = timeline({});
  if (!answer.ok) return <p role="alert">timeline() failed: {answer.error.message}</p>;
  const proposals = answer.result.entries.filter((e) => e.status !== 'merged');
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
