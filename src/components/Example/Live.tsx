/**
 * The live example: an editable copy of the code (react-simple-code-editor, Prism highlighting),
 * Run (also Ctrl/Cmd+Enter) and Reset, and the output. Loaded lazily by ./index.tsx.
 */
import type { PrismTheme } from 'prism-react-renderer';
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import Editor from 'react-simple-code-editor';
import { describeError } from '../../doctest/errors';
import controls from '../shared/controls.module.css';
import { codeTokens } from './Code';
import { ExampleRunner, type LiveResult } from './runner';
import styles from './styles.module.css';

/** Past this many characters the editor shows plain text: highlighting a huge paste would freeze the page. */
const HIGHLIGHT_LIMIT = 20_000;

export interface LiveProps {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  readonly output: string;
  readonly theme: PrismTheme;
}

type Shown = { readonly output: string; readonly error: string | null; readonly stale: boolean };

export default function Live({ name, file, code: original, output: originalOutput, theme }: LiveProps) {
  const [code, setCode] = useState(original);
  const [shown, setShown] = useState<Shown>({ output: originalOutput, error: null, stale: false });
  const [running, setRunning] = useState(false);
  const runner = useRef<ExampleRunner | null>(null);
  const id = useId();
  const editorId = `${id}-code`;
  const hintId = `${id}-hint`;

  useEffect(() => () => runner.current?.dispose(), []);
  const getRunner = useCallback(() => {
    runner.current ??= new ExampleRunner();
    return runner.current;
  }, []);

  const run = useCallback(async () => {
    setRunning(true);
    const result: LiveResult = await getRunner().run(code);
    setRunning(false);
    setShown({ output: result.output, error: result.error ? describeError(result.error) : null, stale: false });
  }, [code, getRunner]);

  const reset = () => {
    setCode(original);
    setShown({ output: originalOutput, error: null, stale: false });
  };

  // Tab indents inside the editor; Esc releases the next Tab so keyboard users can leave (and the
  // editor's own Esc, a blur, would lose the keyboard's place on the page).
  const [tabReleased, setTabReleased] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setTabReleased(true);
    } else if (e.key !== 'Tab' && e.key !== 'Shift') {
      setTabReleased(false);
    }
  };

  return (
    <figure className={styles.example} data-example={name} data-live="">
      <figcaption className={styles.header}>
        <label className={styles.file} htmlFor={editorId}>
          {file}
          <span className={controls.srOnly}> (editable TypeScript)</span>
        </label>
        <span className={styles.toolbar}>
          <button type="button" className={styles.button} onClick={() => void run()} aria-describedby={hintId}>
            {running ? 'Running…' : 'Run'}
          </button>
          <button
            type="button"
            className={styles.button}
            onClick={reset}
            disabled={code === original && !shown.stale && shown.error === null && shown.output === originalOutput}
          >
            Reset
          </button>
        </span>
      </figcaption>
      <div className={styles.code} style={{ backgroundColor: theme.plain.backgroundColor, color: theme.plain.color }}>
        <Editor
          value={code}
          onValueChange={(next) => {
            setCode(next);
            setShown((s) => ({ ...s, stale: true }));
          }}
          onFocus={() => {
            setTabReleased(false);
            getRunner().warm();
          }}
          ignoreTabKey={tabReleased}
          onKeyDown={onKeyDown}
          highlight={(c) => (c.length > HIGHLIGHT_LIMIT ? c : codeTokens(c, theme))}
          textareaId={editorId}
          textareaClassName={styles.textarea}
          preClassName={styles.editorPre}
          className={styles.editor}
          aria-describedby={hintId}
          padding={16}
          tabSize={2}
          insertSpaces
        />
      </div>
      <p id={hintId} className={styles.hint}>
        Ctrl+Enter or ⌘+Enter runs; Esc then Tab leaves the editor.
      </p>
      <div className={styles.outputLabel}>
        Output{shown.stale ? <span className={styles.staleNote}> (of the code before your edit: press Run)</span> : null}
      </div>
      <pre className={styles.output} data-example-output="" aria-live="polite" aria-busy={running}>
        {shown.output}
        {shown.error ? (
          <span className={styles.error} role="alert" data-example-error="">
            {shown.output ? '\n' : ''}
            {shown.error}
          </span>
        ) : null}
      </pre>
    </figure>
  );
}
