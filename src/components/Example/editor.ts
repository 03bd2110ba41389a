/**
 * The live example's CodeMirror 6 editor: TypeScript highlighting in the site's Prism colours (so
 * the editor and the static code read alike, at the same contrast), line numbers, no soft wrap, a
 * lint gutter and a marked line for the errors of a run and of the type checker, Mod-Enter to run,
 * and Esc then Tab to leave (Tab indents otherwise). Its metrics match the static view
 * (styles.module.css `.static*`), so the page does not move when the editor replaces it.
 */
import { history, historyKeymap, indentLess, indentMore, standardKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, diagnosticCount, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, type Extension, RangeSetBuilder, StateEffect, StateField, Transaction } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { PrismTheme } from 'prism-react-renderer';

/** The last colour a Prism theme gives a token type (later rules win, as in prism-react-renderer). */
function prismColour(theme: PrismTheme, type: string): string {
  let colour = theme.plain.color ?? 'inherit';
  for (const rule of theme.styles) if (rule.types.includes(type) && rule.style.color) colour = rule.style.color;
  return colour;
}

function highlightStyle(theme: PrismTheme): HighlightStyle {
  const c = (type: string) => prismColour(theme, type);
  return HighlightStyle.define([
    { tag: t.comment, color: c('comment') },
    { tag: [t.keyword, t.self, t.null], color: c('keyword') },
    { tag: [t.bool, t.atom], color: c('boolean') },
    { tag: t.number, color: c('number') },
    { tag: [t.string, t.special(t.string), t.regexp, t.escape], color: c('string') },
    { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: c('function') },
    { tag: [t.typeName, t.className, t.definition(t.typeName), t.definition(t.className), t.namespace], color: c('class-name') },
    { tag: t.definition(t.propertyName), color: c('property') },
    { tag: [t.operator, t.definitionOperator], color: c('operator') },
    { tag: [t.punctuation, t.derefOperator], color: c('punctuation') },
    { tag: t.invalid, color: c('property') },
  ]);
}

function editorTheme(theme: PrismTheme, dark: boolean): Extension {
  const background = theme.plain.backgroundColor ?? 'inherit';
  const foreground = theme.plain.color ?? 'inherit';
  return EditorView.theme(
    {
      '&': { backgroundColor: background, color: foreground },
      '&.cm-focused': { outline: 'none' },
      '.cm-scroller': { fontFamily: 'inherit', lineHeight: 'inherit' },
      '.cm-content': { padding: '16px 0', caretColor: foreground },
      '.cm-line': { padding: '0 16px 0 8px' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: foreground },
      '.cm-gutters': { backgroundColor: background, color: prismColour(theme, 'comment'), border: 'none' },
      '.cm-gutter-lint': { width: '16px' },
      '.cm-gutter-lint .cm-gutterElement': { padding: '0 2px', display: 'flex', alignItems: 'center' },
      '.cm-lint-marker': { width: '12px', height: '12px' },
      '.cm-lineNumbers .cm-gutterElement': { padding: '0 4px 0 8px', minWidth: 'calc(3ch + 12px)' },
      '.cm-errorLine': { boxShadow: `inset 3px 0 0 ${dark ? '#ff8a80' : '#c62828'}` },
      '.cm-tooltip': { color: foreground, backgroundColor: background },
    },
    { dark },
  );
}

/** Lines (1-based) the current errors are on, drawn as marked lines. */
const setErrorLines = StateEffect.define<readonly number[]>();
const errorLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      for (const n of [...new Set(e.value)].sort((a, b) => a - b)) {
        if (n < 1 || n > tr.state.doc.lines) continue;
        const line = tr.state.doc.line(n);
        builder.add(line.from, line.from, Decoration.line({ class: 'cm-errorLine', attributes: { 'data-error-line': String(n) } }));
      }
      next = builder.finish();
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** An error at a 1-based line and column (to the end of `endLine`/`endColumn`, or of the line). */
export interface EditorError {
  readonly line: number;
  readonly column: number | null;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
  readonly source: string;
}

/** Show `errors` as lint diagnostics (gutter marker, underline, message) and marked lines. */
export function showErrors(view: EditorView, errors: readonly EditorError[]): void {
  const doc = view.state.doc;
  const at = (line: number, column: number | null, fallback: 'start' | 'end') => {
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    if (column === null) return fallback === 'start' ? l.from : l.to;
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
  };
  const diagnostics: Diagnostic[] = errors
    .filter((e) => e.line >= 1 && e.line <= doc.lines)
    .map((e) => {
      const from = at(e.line, e.column, 'start');
      const end = e.endLine === undefined ? doc.line(e.line).to : at(e.endLine, e.endColumn ?? null, 'end');
      return { from, to: Math.max(end, from), severity: 'error', message: e.message, source: e.source };
    });
  // Nothing to show and nothing shown: no transaction (a run without errors stays cheap).
  if (diagnostics.length === 0 && diagnosticCount(view.state) === 0 && view.state.field(errorLines).size === 0) return;
  view.dispatch(setDiagnostics(view.state, diagnostics), { effects: setErrorLines.of(errors.map((e) => e.line)) });
}

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly doc: string;
  readonly theme: PrismTheme;
  readonly dark: boolean;
  /** The editor's accessible name, and the id of the element that describes it (the keyboard hint). */
  readonly label: string;
  readonly describedBy: string;
  /** The code changed; `byReader` is false for `setCode`. */
  readonly onChange: (code: string, byReader: boolean) => void;
  readonly onRun: () => void;
  /** The reader entered the editor (a run may follow: time to start the worker). */
  readonly onFocus: () => void;
}

export interface LiveEditor {
  readonly view: EditorView;
  setTheme(theme: PrismTheme, dark: boolean): void;
  setCode(code: string): void;
}

export function createEditor(o: EditorOptions): LiveEditor {
  const look = new Compartment();
  // Esc releases Tab (and Shift+Tab) to move focus out; any other key gives Tab back to indenting.
  let tabReleased = false;
  const unlessReleased = (command: (view: EditorView) => boolean) => (view: EditorView) => (tabReleased ? false : command(view));
  const lookOf = (theme: PrismTheme, dark: boolean) => [editorTheme(theme, dark), syntaxHighlighting(highlightStyle(theme))];
  const view = new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lintGutter(),
        lineNumbers(),
        highlightSpecialChars(),
        history(),
        javascript({ typescript: true }),
        EditorState.tabSize.of(2),
        indentUnit.of('  '),
        errorLines,
        look.of(lookOf(o.theme, o.dark)),
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              o.onRun();
              return true;
            },
            preventDefault: true,
          },
          {
            key: 'Escape',
            run: () => {
              tabReleased = true;
              return false; // Escape still closes a tooltip.
            },
          },
          { key: 'Tab', run: unlessReleased(indentMore), shift: unlessReleased(indentLess) },
          ...standardKeymap,
          ...historyKeymap,
          ...lintKeymap,
        ]),
        EditorView.domEventHandlers({
          keydown: (e) => {
            if (!['Escape', 'Tab', 'Shift'].includes(e.key)) tabReleased = false;
            return false;
          },
          focus: () => {
            tabReleased = false;
            o.onFocus();
            return false;
          },
        }),
        // tabindex: the content is focusable anyway (contenteditable); said explicitly, checkers such as
        // axe see that the horizontally scrolling region holds focusable content.
        EditorView.contentAttributes.of({ 'aria-label': o.label, 'aria-describedby': o.describedBy, tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged)
            o.onChange(
              u.state.doc.toString(),
              u.transactions.some((tr) => tr.annotation(Transaction.userEvent) !== undefined),
            );
        }),
      ],
    }),
  });
  return {
    view,
    setTheme: (theme, dark) => view.dispatch({ effects: look.reconfigure(lookOf(theme, dark)) }),
    setCode: (code) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
  };
}
