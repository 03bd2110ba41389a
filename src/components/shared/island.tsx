/**
 * A component made interactive after the page's `load` event, so that the page's load carries only
 * its prose and the code that must run at once. The server renders the component as usual; on the page's first
 * load React keeps that HTML as it is (an empty `dangerouslySetInnerHTML`, as in ../Static) while the
 * component's code, and the model code it calls, load in a chunk of their own once the page has
 * loaded; then the component renders in place of the server's HTML, with the same markup, in one
 * commit. After a client-side navigation the code loads at once (the page has loaded).
 *
 * Not a lazy Suspense boundary in the page's tree: Docusaurus updates a context right after
 * hydration, and React then drops a boundary still waiting for its code (its server HTML
 * disappears until the code arrives). The component is rendered in the page's tree all the same,
 * so it has the router's and the theme's contexts.
 */
import { type ComponentType, lazy, type ReactNode, useEffect, useState } from 'react';
import styles from './island.module.css';

/** Resolves once the document has loaded: at once on the server and after a client-side navigation. */
function pageLoaded(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/** Where an island's component comes from: its chunk, fetched once, and the component once it has been. */
interface Loader<P> {
  readonly fetch: () => Promise<ComponentType<P>>;
  readonly loaded: () => ComponentType<P> | null;
  /** The component for the server's render, which waits for its code. */
  readonly onServer: ComponentType<P>;
}

function Island<P extends object>({ loader, props }: { loader: Loader<P>; props: P }): ReactNode {
  const [Component, setComponent] = useState<ComponentType<P> | null>(loader.loaded);
  useEffect(() => {
    if (Component !== null) return;
    let live = true;
    void loader.fetch().then((c) => {
      if (live) setComponent(() => c);
    });
    return () => {
      live = false;
    };
  }, [Component, loader]);

  if (typeof window === 'undefined') {
    const OnServer = loader.onServer;
    // No Suspense boundary here: React's server renderer moves a large completed boundary out of
    // place (into a hidden element at the end of the body, put back by an inline script, revealed
    // in React 19.2 up to 300 ms after the first paint), so the component would be missing without
    // JavaScript and would shift the page when it appeared. Suspending without a boundary only
    // holds the page's HTML until the code is there, and Docusaurus waits for all of it anyway.
    return (
      <div className={styles.island} data-island="">
        <OnServer {...props} />
      </div>
    );
  }
  if (Component !== null) {
    return (
      <div className={styles.island} data-island="">
        <Component {...props} />
      </div>
    );
  }
  return (
    <div
      className={styles.island}
      data-island=""
      // biome-ignore lint/security/noDangerouslySetInnerHtml: empty: React keeps the server's HTML in place until the code arrives
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
    />
  );
}

/** The component `load` gives, rendered by the server and rendered again in the browser after the page's load. */
export function island<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): (props: P) => ReactNode {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loader: Loader<P> = {
    fetch: () =>
      (loading ??= pageLoaded()
        .then(load)
        .then((m) => {
          loaded = m.default;
          return m.default;
        })),
    loaded: () => loaded,
    // Docusaurus renders with renderToPipeableStream and writes the page once all of it is ready.
    onServer: lazy(load),
  };
  return (props: P) => <Island loader={loader} props={props} />;
}
