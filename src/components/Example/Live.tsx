/**
 * The live example: the code in a CodeMirror editor (./editor.ts), Run (also Ctrl/Cmd+Enter), Copy
 * and Reset, the output, and what the last run did. Loaded lazily by ./index.tsx, in the static
 * view's layout (./Frame).
 * - Runs happen in a worker (./runner.ts) with bounded output; what timers print afterwards is shown
 *   as late output.
 * - Once the reader edits, the code is type-checked in another worker (./typecheck-client.ts); type
 *   errors show in the editor and in a list, and never stop a run (as in the TypeScript playground).
 * - Errors of a run (syntax, runtime) and type errors are marked on their line in the editor.
 * - Edits stay in sessionStorage per example while the reader is on the site; Reset clears them.
 */
import { useColorMode, usePrismTheme } from '@docusaurus/theme-common';
import { usePluginData } from '@docusaurus/useGlobalData';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { describeTypeDiagnostic, type TypeDiagnostic } from '../../doctest/diagnostics';
import { describeError } from '../../doctest/errors';
import { describeCut, type OutputCut } from '../../doctest/output';
import { TYPECHECK_PLUGIN } from '../../doctest/settings';
import { createEditor, type EditorError, type LiveEditor, showErrors } from './editor';
import { Frame } from './Frame';
import { keptEditKey, storage } from './kept-edit';
import { ExampleRunner, type LiveError } from './runner';
import styles from './styles.module.css';
import { type TypeCheckAssets, typeCheck } from './typecheck-client';

/** Type-check this long after the last keystroke. */
const TYPECHECK_DELAY_MS = 300;
const SAVE_DELAY_MS = 250;
const BUSY_AFTER_MS = 100;

export interface LiveProps {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  readonly output: string;
  /** Focus the editor once it is created: the reader's focus was on the static code it replaces. */
  readonly autoFocus?: boolean;
}

interface Shown {
  readonly output: string;
  readonly error: LiveError | null;
  readonly cut: OutputCut | null;
  /** What timers printed after the run finished. */
  readonly late: string | null;
  /** The code the output belongs to (null: the verified output of the original code). */
  readonly ran: string | null;
}

interface Status {
  readonly run: number;
  readonly at: Date;
  readonly ms: number;
  readonly failed: boolean;
  readonly timersPending: number;
}

type TypeState =
  | { readonly kind: 'none' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'done'; readonly code: string; readonly diagnostics: readonly TypeDiagnostic[] }
  | { readonly kind: 'unavailable'; readonly reason: string };

function clock(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function statusText(s: Status): string {
  const timers =
    s.timersPending > 0
      ? `; ${s.timersPending} ${s.timersPending === 1 ? 'timer is' : 'timers are'} still pending, so more output may follow`
      : '';
  return `Run ${s.run} ${s.failed ? 'stopped with an error' : 'finished'} at ${clock(s.at)} in ${Math.round(s.ms)} ms${timers}.`;
}

export default function Live({ name, file, code: original, output: verified, autoFocus = false }: LiveProps) {
  const { colorMode } = useColorMode();
  const theme = usePrismTheme();
  const assets = usePluginData(TYPECHECK_PLUGIN) as TypeCheckAssets;
  const storageKey = keptEditKey(name);
  const [initial] = useState(() => storage()?.getItem(storageKey) ?? original);
  const [code, setCode] = useState(initial);
  const [shown, setShown] = useState<Shown>({ output: verified, error: null, cut: null, late: null, ran: null });
  const [status, setStatus] = useState<Status | null>(null);
  const [running, setRunning] = useState(false);
  const [types, setTypes] = useState<TypeState>({ kind: 'none' });
  const [copied, setCopied] = useState<string | null>(null);

  const host = useRef<HTMLDivElement>(null);
  const outputRef = useRef<HTMLPreElement>(null);
  const editor = useRef<LiveEditor | null>(null);
  const runner = useRef<ExampleRunner | null>(null);
  const runs = useRef(0);
  const checks = useRef({ latest: 0, timer: 0 });
  const saveTimer = useRef(0);
  const pendingSave = useRef<(() => void) | null>(null);
  const id = useId();
  const hintId = `${id}-hint`;

  const getRunner = useCallback(() => {
    runner.current ??= new ExampleRunner();
    return runner.current;
  }, []);

  const checkTypes = useCallback(
    (next: string) => {
      window.clearTimeout(checks.current.timer);
      const ticket = ++checks.current.latest;
      setTypes((t) => (t.kind === 'none' ? { kind: 'checking' } : t));
      checks.current.timer = window.setTimeout(async () => {
        const reply = await typeCheck(assets, `/examples/${name}.ts`, next);
        if (ticket !== checks.current.latest) return; // A newer edit is being checked.
        setTypes(
          'unavailable' in reply
            ? { kind: 'unavailable', reason: reply.unavailable }
            : { kind: 'done', code: next, diagnostics: reply.diagnostics },
        );
      }, TYPECHECK_DELAY_MS);
    },
    [assets, name],
  );

  const run = useCallback(async () => {
    const view = editor.current?.view;
    if (!view) return;
    const source = view.state.doc.toString();
    const n = ++runs.current;
    let late: string | null = null;
    let lateCut: OutputCut | null = null;
    // "Running…" only for a run that takes a while: a quick one would just flicker (and cost a render).
    const busy = window.setTimeout(() => runs.current === n && setRunning(true), BUSY_AFTER_MS);
    const t0 = performance.now();
    const result = await getRunner().run(source, (text, cut) => {
      if (text !== null) late = late === null ? text : `${late}\n${text}`;
      lateCut = cut;
      // Late output of this run, as long as it is still the one shown.
      if (runs.current === n) setShown((s) => ({ ...s, late, cut: lateCut ?? s.cut }));
    });
    const ms = performance.now() - t0;
    window.clearTimeout(busy);
    if (runs.current !== n) return;
    setRunning(false);
    setShown({ output: result.output, error: result.error, cut: lateCut ?? result.cut, late, ran: source });
    setStatus({ run: n, at: new Date(), ms, failed: result.error !== null, timersPending: result.timersPending });
  }, [getRunner]);

  const onRun = useRef(run);
  onRun.current = run;

  // The editor lives as long as the component; React never re-renders inside it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; later props reach it through the effects below
  useEffect(() => {
    if (!host.current) return;
    const created = createEditor({
      parent: host.current,
      doc: initial,
      theme,
      dark: colorMode === 'dark',
      label: `${file} (editable TypeScript)`,
      describedBy: hintId,
      onRun: () => void onRun.current(),
      onFocus: () => getRunner().warm(),
      onChange: (next, byReader) => {
        setCode(next);
        window.clearTimeout(saveTimer.current);
        pendingSave.current = () => {
          pendingSave.current = null;
          const store = storage();
          if (next === original) store?.removeItem(storageKey);
          else store?.setItem(storageKey, next);
        };
        saveTimer.current = window.setTimeout(() => pendingSave.current?.(), SAVE_DELAY_MS);
        if (byReader) checkTypes(next);
      },
    });
    editor.current = created;
    if (autoFocus) created.view.focus();
    // An edit kept from earlier in the session is an edit: check it as one.
    if (initial !== original) checkTypes(initial);
    return () => {
      // Leaving the page: keep the last edit now, so the page the reader comes back to shows it.
      window.clearTimeout(saveTimer.current);
      pendingSave.current?.();
      created.view.destroy();
      editor.current = null;
      runner.current?.dispose();
      runner.current = null;
      window.clearTimeout(checks.current.timer);
    };
  }, []);

  useEffect(() => editor.current?.setTheme(theme, colorMode === 'dark'), [theme, colorMode]);

  // A brief highlight of the output on every run, so Run shows it did something even when the output is the same.
  useEffect(() => {
    const el = outputRef.current;
    if (!el || status === null || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    // The Web Animations API restarts it without forcing a layout (as toggling a CSS class would).
    const from = getComputedStyle(el).getPropertyValue('--ifm-color-emphasis-200');
    el.animate([{ backgroundColor: from }, {}], { duration: 600, easing: 'ease-out', id: 'example-ran' });
  }, [status]);

  // The editor shows the errors of the code it holds: the last run's (until the code changes) and the type checker's.
  useEffect(() => {
    const view = editor.current?.view;
    if (!view) return;
    const errors: EditorError[] = [];
    if (types.kind === 'done' && types.code === code) {
      for (const d of types.diagnostics)
        errors.push({
          line: d.line,
          column: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
          message: `TS${d.code}: ${d.message}`,
          source: 'TypeScript',
        });
    }
    const e = shown.error;
    if (e && e.line !== null && shown.ran === code) errors.push({ line: e.line, column: e.column, message: e.message, source: 'run' });
    showErrors(view, errors);
  }, [types, shown, code]);

  const reset = () => {
    runs.current++; // A run still going no longer shows its result.
    setRunning(false);
    window.clearTimeout(checks.current.timer);
    checks.current.latest++;
    editor.current?.setCode(original);
    storage()?.removeItem(storageKey);
    setTypes({ kind: 'none' });
    setShown({ output: verified, error: null, cut: null, late: null, ran: null });
    setStatus(null);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(editor.current?.view.state.doc.toString() ?? code);
      setCopied('Copied');
    } catch {
      setCopied('Copy failed: select the code and copy it');
    }
    window.setTimeout(() => setCopied(null), 2000);
  };

  const edited = code !== original;
  const stale = shown.ran === null ? edited : shown.ran !== code;
  const pristine = !edited && shown.ran === null;
  const typeErrors = types.kind === 'done' && types.code === code ? types.diagnostics : [];

  return (
    <figure className={styles.example} data-example={name} data-live="">
      <Frame
        file={file}
        live
        actions={[
          { label: running ? 'Running…' : 'Run', onClick: () => void run(), describedBy: hintId },
          { label: copied === 'Copied' ? 'Copied' : 'Copy', onClick: () => void copy() },
          { label: 'Reset', onClick: reset, disabled: pristine },
        ]}
        code={<div ref={host} className={styles.code} style={{ backgroundColor: theme.plain.backgroundColor, color: theme.plain.color }} />}
        hintId={hintId}
        typeErrors={
          types.kind === 'none' ? null : (
            <div className={styles.types} data-example-types="" aria-live="polite">
              {types.kind === 'checking' || (types.kind === 'done' && types.code !== code) ? (
                'Type-checking…'
              ) : types.kind === 'unavailable' ? (
                `Type checking is unavailable: ${types.reason}`
              ) : typeErrors.length === 0 ? (
                'No type errors.'
              ) : (
                <>
                  {typeErrors.length === 1 ? '1 type error' : `${typeErrors.length} type errors`} (the code still runs):
                  <ul>
                    {typeErrors.map((d) => (
                      <li key={`${d.line}:${d.column}:${d.code}`} data-type-error={`TS${d.code}`}>
                        {describeTypeDiagnostic(d)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )
        }
        outputLabel={
          <>
            Output
            {stale ? <span className={styles.staleNote}> (of the code before your edit: press Run)</span> : null}
          </>
        }
        output={
          // biome-ignore lint/a11y/noNoninteractiveTabindex: scrolls horizontally, so it must be reachable by keyboard
          <pre ref={outputRef} className={styles.output} data-example-output="" aria-live="polite" aria-busy={running} tabIndex={0}>
            {shown.output}
            {shown.error ? (
              <span className={styles.error} role="alert" data-example-error="">
                {shown.output ? '\n' : ''}
                {describeError(shown.error)}
              </span>
            ) : null}
            {shown.late !== null ? (
              <span data-example-late="">
                <span className={styles.note}>
                  {shown.output || shown.error ? '\n' : ''}
                  {'── printed after the run finished ──'}
                </span>
                {`\n${shown.late}`}
              </span>
            ) : null}
            {shown.cut ? (
              <span className={styles.note} data-example-cut="">
                {'\n'}
                {describeCut(shown.cut)}
              </span>
            ) : null}
          </pre>
        }
        status={
          <p className={styles.status} role="status" data-example-status="">
            {copied ?? (status ? statusText(status) : null)}
          </p>
        }
      />
    </figure>
  );
}
