/**
 * The one layout of an example, static or live: a header with the file name, the "editable" cue and
 * the Run / Copy / Reset buttons, the code, the keyboard hint, the output. The static view renders it
 * with the buttons disabled and the cue hidden (the page's scripts have not loaded, or never will),
 * so when the live editor replaces the static code nothing on the page moves.
 */
import type { ReactNode } from 'react';
import styles from './styles.module.css';

const HINT = 'Ctrl/⌘+Enter runs; Esc then Tab leaves the editor.';

export interface Action {
  readonly label: string;
  readonly onClick?: () => void;
  readonly disabled?: boolean;
  readonly describedBy?: string;
}

export interface FrameProps {
  readonly file: string;
  /** Live: the cue and buttons work. Static: they hold their place, hidden and disabled. */
  readonly live: boolean;
  readonly actions: readonly Action[];
  readonly code: ReactNode;
  readonly hintId?: string;
  /** Below the hint: the type errors of the edited code (live only). */
  readonly typeErrors?: ReactNode;
  readonly outputLabel: ReactNode;
  readonly output: ReactNode;
  /** Below the output: what the last run did (live only). */
  readonly status?: ReactNode;
}

export function Frame({ file, live, actions, code, hintId, typeErrors, outputLabel, output, status }: FrameProps) {
  return (
    <>
      <figcaption className={styles.header}>
        <span className={styles.file}>
          {file}
          <span className={live ? styles.badge : `${styles.badge} ${styles.placeholder}`} aria-hidden="true">
            editable
          </span>
        </span>
        <span className={styles.toolbar}>
          {actions.map((a) => (
            <button
              key={a.label}
              type="button"
              className={styles.button}
              onClick={a.onClick}
              disabled={!live || a.disabled}
              aria-describedby={a.describedBy}
            >
              {a.label}
            </button>
          ))}
        </span>
      </figcaption>
      {code}
      <p id={hintId} className={styles.hint}>
        {HINT}
      </p>
      {typeErrors}
      <div className={styles.outputLabel}>{outputLabel}</div>
      {output}
      {status}
    </>
  );
}
