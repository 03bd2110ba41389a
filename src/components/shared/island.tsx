/**
 * A component made interactive only when the reader comes near it, so that loading a page costs only
 * its prose and the code that must run at once. The server renders the component as usual; on the
 * page's first load React keeps that HTML as it is (an empty `dangerouslySetInnerHTML`, as in
 * ../Static) until the island is within a screen's height of the viewport, or the reader points at,
 * touches or tabs into it, and the page has loaded. Then the component's code, and the model code it
 * calls, load in a chunk of their own, and the component renders in place of the server's HTML, with
 * the same markup, in one commit; an element of it that had the keyboard focus keeps it. After a
 * client-side navigation there is no server HTML to show, so the code loads at once.
 *
 * Not a lazy Suspense boundary in the page's tree: Docusaurus updates a context right after
 * hydration, and React then drops a boundary still waiting for its code (its server HTML
 * disappears until the code arrives). The component is rendered in the page's tree all the same,
 * so it has the router's and the theme's contexts.
 */
import { type ComponentType, lazy, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useKeepsServerHtml } from './first-load';
import styles from './island.module.css';

/** How far from the viewport an island starts loading: a screen's height above or below it. */
const NEAR = '100% 0px';

/** The child indexes from `root` down to `node`, or null when `node` is not inside `root`. */
function pathTo(root: Element, node: Element | null): number[] | null {
  const path: number[] = [];
  for (let at = node; at !== null && at !== root; at = at.parentElement) {
    const parent: Element | null = at.parentElement;
    if (parent === null) return null;
    path.unshift([...parent.children].indexOf(at));
  }
  return node === null ? null : path;
}

function elementAt(root: Element, path: readonly number[]): Element | null {
  let at: Element | null = root;
  for (const i of path) at = at?.children[i] ?? null;
  return at;
}

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
  const firstLoad = useKeepsServerHtml();
  const [wanted, setWanted] = useState(!firstLoad);
  const box = useRef<HTMLDivElement>(null);
  /** Where the keyboard focus was in the server's HTML when the component replaced it. */
  const focused = useRef<number[] | null>(null);

  useEffect(() => {
    if (wanted || Component !== null) return;
    const shown = box.current?.firstElementChild;
    if (shown === undefined || shown === null || typeof IntersectionObserver === 'undefined') {
      setWanted(true);
      return;
    }
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setWanted(true), { rootMargin: NEAR });
    near.observe(shown);
    return () => near.disconnect();
  }, [wanted, Component]);

  useEffect(() => {
    if (!wanted || Component !== null) return;
    let live = true;
    void loader.fetch().then((c) => {
      if (!live) return;
      focused.current = box.current && pathTo(box.current, document.activeElement);
      setComponent(() => c);
    });
    return () => {
      live = false;
    };
  }, [wanted, Component, loader]);

  useLayoutEffect(() => {
    const path = focused.current;
    focused.current = null;
    if (Component === null || path === null || box.current === null) return;
    const again = elementAt(box.current, path);
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus({ preventScroll: true });
  }, [Component]);

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
      <div ref={box} className={styles.island} data-island="">
        <Component {...props} />
      </div>
    );
  }
  const reach = () => setWanted(true);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: not a control: it notices the reader reaching the server's HTML inside (events bubble here) to load the component
    <div
      ref={box}
      className={styles.island}
      data-island=""
      onPointerOver={reach}
      onTouchStart={reach}
      onFocus={reach}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: empty: React keeps the server's HTML in place until the code arrives
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
    />
  );
}

/** The component `load` gives, rendered by the server and rendered again in the browser once the reader comes near it. */
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
