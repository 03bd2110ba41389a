/**
 * Prism, loaded when something is to be highlighted in the browser rather than with every page.
 * Evaluating prism-react-renderer (its grammars are built when the module runs) was about 40 % of
 * the main bundle's evaluation, the longest task of every page's load (Lighthouse mobile, `npm run
 * bench`), yet a first load highlights nothing in the browser: the server's HTML of code blocks and
 * examples is kept (./code-tokens, src/theme/CodeBlock). It is needed after a client-side navigation,
 * so it loads once the reader first points, touches or types after the page has loaded
 * (./prism-client-module), and at the latest when a component asks for it.
 */
import { use, useEffect, useState } from 'react';
import type { PrismModule } from './prism-languages';

export type { PrismModule };

let loaded: PrismModule | null = null;
let loading: Promise<PrismModule> | null = null;

/** Prism's chunk, fetched once; after a failure (offline) the next call tries again. */
export function loadPrism(): Promise<PrismModule> {
  loading ??= import(/* webpackChunkName: "prism" */ './prism-languages').then(
    (m) => {
      loaded = m.prism;
      return m.prism;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Prism for rendering: on the server, once loaded (suspending with no boundary holds the page's HTML
 * until then, and Docusaurus writes a page once all of it is ready); in the browser, null until it
 * has loaded, then the component renders again.
 */
export function usePrism(): PrismModule | null {
  const [prism, setPrism] = useState(() => loaded);
  useEffect(() => {
    if (prism !== null) return;
    let live = true;
    loadPrism().then(
      (p) => live && setPrism(() => p),
      () => undefined, // Offline or a failed chunk: the code stays plain text, as drawn.
    );
    return () => {
      live = false;
    };
  }, [prism]);
  return typeof window === 'undefined' ? use(loadPrism()) : prism;
}
