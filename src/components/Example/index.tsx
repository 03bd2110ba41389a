/**
 * `<Example name="arm64/decode-normal-nc" />` in MDX: an example's code and its verified output.
 * The build-time plugin (src/doctest/remark-examples.ts) fills in `code` and `output` from the file,
 * so both are in the static HTML. When the reader reaches for an example (points at it, touches it,
 * or moves the keyboard focus into it), the live editor (./Live, its own chunk with CodeMirror)
 * replaces the static code in the same layout (./Frame), and takes the focus if the static code had
 * it. Nothing of the editor loads or runs while a page loads: CodeMirror's parse and set-up were the
 * longest tasks after `load` on every page with an example (Lighthouse mobile, `npm run bench`).
 */
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import clsx from 'clsx';
import { type ComponentType, useEffect, useState } from 'react';
import colours from '../shared/code-colours.module.css';
import { useCodeThemes } from '../shared/code-themes';
import { codeColours, HighlightedLines, lineNumberColours } from '../shared/code-tokens';
import { useKeepsServerHtml } from '../shared/first-load';
import { exampleAnchor } from './anchor';
import { Frame } from './Frame';
import { hasKeptEdit } from './kept-edit';
import type { LiveProps } from './Live';
import styles from './styles.module.css';

export interface ExampleProps {
  /** `<topic>/<name>`, the file examples/<topic>/<name>.ts. */
  readonly name: string;
  /** Filled in at build time. */
  readonly code?: string;
  /** Filled in at build time: the file's Output block, which `npm test` checks. */
  readonly output?: string;
}

const LANGUAGE = 'typescript';

const STATIC_ACTIONS = [{ label: 'Run' }, { label: 'Copy' }, { label: 'Reset' }];

/**
 * The code as it looks before the editor loads: the editor's gutter and metrics, Prism's colours for
 * both modes (../shared/code-tokens). On the page's first load the server's HTML is kept as it is: the same in
 * either mode, it needs no tokenizing and no redraw when the colour mode is known.
 */
function StaticCode({ code }: { code: string }) {
  const themes = useCodeThemes();
  const keepServerHtml = useKeepsServerHtml();
  const lines = code.split('\n').length;
  return (
    <div className={clsx(styles.code, colours.colours)} style={{ ...codeColours(themes), ...lineNumberColours(themes, LANGUAGE) }}>
      {keepServerHtml ? (
        <div
          className={styles.staticScroller}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region must be reachable by keyboard (as Docusaurus's code blocks are)
          tabIndex={0}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: empty: React keeps the server's HTML in place
          dangerouslySetInnerHTML={{ __html: '' }}
          suppressHydrationWarning
        />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region must be reachable by keyboard (as Docusaurus's code blocks are)
        <div className={styles.staticScroller} tabIndex={0}>
          <div className={styles.staticGutter} aria-hidden="true">
            {Array.from({ length: lines }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: line numbers are positions
              <div key={i}>{i + 1}</div>
            ))}
          </div>
          <pre className={clsx(styles.staticCode, colours.tokens)}>
            <HighlightedLines code={code} language={LANGUAGE} themes={themes} />
          </pre>
        </div>
      )}
    </div>
  );
}

export default function Example({ name, code, output }: ExampleProps) {
  const anchor = exampleAnchor(name);
  // Registers the anchor with the build's broken-anchor check (onBrokenAnchors: 'throw').
  useBrokenLinks().collectAnchor(anchor);
  const [Live, setLive] = useState<ComponentType<LiveProps> | null>(null);
  const [reached, setReached] = useState<'pointer' | 'focus' | 'edited' | null>(null);
  // An edit kept from earlier in the session is shown at once: the static code would show the original.
  useEffect(() => {
    if (hasKeptEdit(name)) setReached((was) => was ?? 'edited');
  }, [name]);
  useEffect(() => {
    if (reached === null) return;
    let cancelled = false;
    import(/* webpackChunkName: "example-live" */ './Live').then(
      (m) => !cancelled && setLive(() => m.default),
      () => undefined, // The static code and output stay; nothing else depends on the editor.
    );
    return () => {
      cancelled = true;
    };
  }, [reached]);
  const reach = (how: 'pointer' | 'focus') => () => setReached((was) => (was === 'focus' ? was : how));
  if (code === undefined || output === undefined) {
    throw new Error(`<Example name="${name}" />: code and output are missing; is src/doctest/remark-examples.ts in docs.remarkPlugins?`);
  }
  const file = `examples/${name}.ts`;
  if (Live) {
    return (
      <div id={anchor}>
        <Live name={name} file={file} code={code} output={output} autoFocus={reached === 'focus'} />
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: not a control: it notices the reader reaching the example's own code and buttons (events bubble here) to load the editor
    <div id={anchor} onPointerOver={reach('pointer')} onTouchStart={reach('pointer')} onFocus={reach('focus')}>
      <figure className={styles.example} data-example={name}>
        <Frame
          file={file}
          live={false}
          actions={STATIC_ACTIONS}
          code={<StaticCode code={code} />}
          outputLabel="Output"
          output={
            // biome-ignore lint/a11y/noNoninteractiveTabindex: scrolls horizontally, so it must be reachable by keyboard
            <pre className={styles.output} data-example-output="" tabIndex={0}>
              {output}
            </pre>
          }
        />
      </figure>
    </div>
  );
}
