/**
 * `<Example name="arm64/decode-normal-nc" />` in MDX: an example's code and its verified output.
 * The build-time plugin (src/doctest/remark-examples.ts) fills in `code` and `output` from the file,
 * so both are in the static HTML. After first paint the live editor (./Live, its own chunk) replaces
 * the static code; only pages that embed an example load it.
 */
import { usePrismTheme } from '@docusaurus/theme-common';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { type ComponentType, useEffect, useState } from 'react';
import { exampleAnchor } from './anchor';
import { codeTokens } from './Code';
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

function whenIdle(run: () => void): () => void {
  const w = window as Window & {
    requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number;
    cancelIdleCallback?: (h: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const handle = w.requestIdleCallback(run, { timeout: 1500 });
    return () => w.cancelIdleCallback?.(handle);
  }
  const handle = window.setTimeout(run, 200);
  return () => window.clearTimeout(handle);
}

export default function Example({ name, code, output }: ExampleProps) {
  const theme = usePrismTheme();
  const anchor = exampleAnchor(name);
  // Registers the anchor with the build's broken-anchor check (onBrokenAnchors: 'throw').
  useBrokenLinks().collectAnchor(anchor);
  const [Live, setLive] = useState<ComponentType<LiveProps> | null>(null);
  useEffect(() => {
    let cancelled = false;
    const cancel = whenIdle(() => {
      import(/* webpackChunkName: "example-live" */ './Live').then(
        (m) => !cancelled && setLive(() => m.default),
        () => undefined, // The static code and output stay; nothing else depends on the editor.
      );
    });
    return () => {
      cancelled = true;
      cancel();
    };
  }, []);
  if (code === undefined || output === undefined) {
    throw new Error(`<Example name="${name}" />: code and output are missing; is src/doctest/remark-examples.ts in docs.remarkPlugins?`);
  }
  const file = `examples/${name}.ts`;
  if (Live) {
    return (
      <div id={anchor}>
        <Live name={name} file={file} code={code} output={output} theme={theme} />
      </div>
    );
  }
  return (
    <figure id={anchor} className={styles.example} data-example={name}>
      <figcaption className={styles.header}>
        <span className={styles.file}>{file}</span>
      </figcaption>
      <div className={styles.code} style={{ backgroundColor: theme.plain.backgroundColor, color: theme.plain.color }}>
        <pre className={styles.staticCode}>{codeTokens(code, theme)}</pre>
      </div>
      <div className={styles.outputLabel}>Output</div>
      <pre className={styles.output} data-example-output="">
        {output}
      </pre>
    </figure>
  );
}
