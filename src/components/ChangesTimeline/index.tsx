/**
 * What happened after the thread, in release order, from the model's version data (timeline()):
 * merged changes by kernel release, proposals by posting date, each with its links and status.
 */
import type { TimelineEntry } from '@site/src/model/index';
import { timeline } from '@site/src/model/index';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import styles from './styles.module.css';

function when(e: TimelineEntry): string {
  if (e.kernel) return `Linux ${e.kernel}`;
  return e.date ?? 'undated';
}

export default function ChangesTimeline(): ReactNode {
  const answer = timeline({});
  if (!answer.ok) return <p role="alert">timeline() failed: {answer.error.message}</p>;
  return (
    <ol className={styles.timeline}>
      {answer.result.entries.map((e) => (
        <li key={e.id} className={styles.entry} data-status={e.status}>
          <div className={styles.when}>
            {when(e)} <span className={clsx(styles.status, styles[e.status])}>{e.status}</span>{' '}
            <span className={styles.area}>{e.area}</span>
          </div>
          <div className={styles.title}>{e.title}</div>
          <p className={styles.why}>{e.why}</p>
          {e.links.some((l) => l.url) && (
            <ul className={styles.links}>
              {e.links
                .filter((l) => l.url)
                .map((l) => (
                  <li key={l.label}>
                    <a href={l.url ?? undefined}>{l.label}</a>
                  </li>
                ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
