/**
 * Release by release: every covered Linux release, oldest first, with what changed for this site's
 * question (each change with its effect, the confidence of its evidence and its commit links) or "no
 * change" with what was read. The data is the model's releases(), as snapshotted in data.json by
 * generate.mts (a unit test keeps the two equal), so these pages render it without importing the model
 * and there is nothing to compute in the browser.
 */
import Heading from '@theme/Heading';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import type { ReleaseChange, ReleaseEntry, ReleasesResult } from '../../model';
import ScrollBox from '../shared/ScrollBox';
import data from './data.json';
import { CONFIDENCE_LABEL, EFFECT_LABEL, EFFECT_MEANING, releaseAnchor } from './labels';
import styles from './styles.module.css';

/** releases() as of the last `npx tsx src/components/Releases/generate.mts`. */
const RELEASES_DATA = data as ReleasesResult;

function Links({ change }: { readonly change: ReleaseChange }): ReactNode {
  const linked = change.links.filter((l) => l.url !== null);
  const cited = change.links.filter((l) => l.url === null);
  return (
    <p className={styles.links}>
      {linked.map((l, i) => (
        <span key={l.label}>
          {i > 0 && ', '}
          <a href={l.url ?? undefined}>{l.label}</a>
        </span>
      ))}
      {cited.map((l) => (
        <span key={l.label}>
          {linked.length > 0 && '; '}
          {l.label}
        </span>
      ))}
    </p>
  );
}

function Change({ change }: { readonly change: ReleaseChange }): ReactNode {
  return (
    <li className={styles.change}>
      <p className={styles.what}>
        <span className={clsx(styles.badge, styles[change.effect])} title={EFFECT_MEANING[change.effect]}>
          {EFFECT_LABEL[change.effect]}
        </span>{' '}
        <span className={styles.area}>{change.area}</span> {change.what}
      </p>
      <p className={styles.bearing}>{change.bearing}</p>
      <p className={styles.where}>
        <code>{change.where}</code> · evidence {CONFIDENCE_LABEL[change.confidence]}
      </p>
      <Links change={change} />
    </li>
  );
}

function Read({ entry }: { readonly entry: ReleaseEntry }): ReactNode {
  return (
    <details className={styles.read}>
      <summary>What was read for this release ({entry.read.length})</summary>
      <ul>
        {entry.read.map((e) => (
          <li key={e.read}>
            {e.read} ({CONFIDENCE_LABEL[e.confidence]}; {e.ref})
          </li>
        ))}
        <li>The release date and commit: {entry.dateSeen}</li>
      </ul>
    </details>
  );
}

function Release({ entry }: { readonly entry: ReleaseEntry }): ReactNode {
  return (
    <section className={styles.release}>
      <Heading as="h3" id={releaseAnchor(entry.version)}>
        Linux {entry.version}
      </Heading>
      <p className={styles.meta}>
        Released {entry.date} (release commit <code>{entry.releaseCommit}</code>)
      </p>
      {entry.changes.length > 0 ? (
        <ul className={styles.changes}>
          {entry.changes.map((c) => (
            <Change key={c.id} change={c} />
          ))}
        </ul>
      ) : (
        <p className={styles.noChange}>
          <span className={clsx(styles.badge, styles.none)}>no change</span> {entry.noChange}
        </p>
      )}
      <Read entry={entry} />
    </section>
  );
}

/** Every covered release with its changes or "no change", from releases(). */
export default function Releases(): ReactNode {
  const { range, releases: entries } = RELEASES_DATA;
  return (
    <div className={styles.wrap}>
      <p className={styles.range}>
        Covered: {range}, {entries.length} releases.
      </p>
      <ScrollBox>
        <table className={styles.index}>
          <caption>Each release at a glance: the changes that bear on the question, by effect</caption>
          <thead>
            <tr>
              <th scope="col">release</th>
              <th scope="col">date</th>
              {(Object.keys(EFFECT_LABEL) as (keyof typeof EFFECT_LABEL)[]).map((e) => (
                <th scope="col" key={e}>
                  {EFFECT_LABEL[e]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.version}>
                <th scope="row">
                  <a href={`#${releaseAnchor(e.version)}`}>{e.version}</a>
                </th>
                <td>{e.date}</td>
                {(Object.keys(EFFECT_LABEL) as (keyof typeof EFFECT_LABEL)[]).map((k) => {
                  const n = e.changes.filter((c) => c.effect === k).length;
                  return <td key={k}>{n === 0 ? '' : n}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {entries.map((e) => (
        <Release key={e.version} entry={e} />
      ))}
    </div>
  );
}

/** The files to read at each new release (linux/releases READ_EACH_RELEASE), for the checklist page. */
export function ReadEachRelease(): ReactNode {
  return (
    <ol className={styles.files}>
      {RELEASES_DATA.readEachRelease.map((f) => (
        <li key={f}>{f}</li>
      ))}
    </ol>
  );
}

/** The covered range and the newest covered release, inline (the one place the data names them). */
export function CoveredRange(): ReactNode {
  return (
    <span>
      the model covers {RELEASES_DATA.range}, so the newest covered release is <strong>{RELEASES_DATA.newest}</strong>
    </span>
  );
}
