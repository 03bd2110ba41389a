/**
 * Content that needs no JavaScript (src/remark/static-islands.ts wraps a page's prose in it). On the
 * page's first load React does not hydrate it: the island renders an empty `dangerouslySetInnerHTML`,
 * which React leaves alone, so the server's HTML stays as it is and costs no main-thread time. Where
 * the page is rendered in the browser (a later client-side navigation), the island renders its
 * children as usual. Which of the two an island is, it decides once, when it mounts.
 *
 * Links in a hydrated page are React Links, which navigate inside the app; links in an island are
 * plain HTML, so the island routes a plain click on a link to another page of the site through the
 * router itself, as a Link would.
 */
import { useHistory } from '@docusaurus/router';
import type { MouseEvent, ReactNode } from 'react';
import { useKeepsServerHtml } from '../shared/first-load';
import styles from './styles.module.css';

function routeLinkClick(history: ReturnType<typeof useHistory>, e: MouseEvent<HTMLDivElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest('a');
  if (a === null || (a.target !== '' && a.target !== '_self') || a.hasAttribute('download')) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  // A link within the page: the browser scrolls to it.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash !== '') return;
  e.preventDefault();
  history.push(url.pathname + url.search + url.hash);
}

export default function Static({ children }: { readonly children: ReactNode }): ReactNode {
  const keepServerHtml = useKeepsServerHtml();
  const history = useHistory();
  if (keepServerHtml) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: delegates the clicks of the links inside, which are focusable and keyboard-activated themselves
      // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires its click, which reaches this handler
      <div
        className={styles.static}
        data-static=""
        onClick={(e) => routeLinkClick(history, e)}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: empty: React keeps the server's HTML in place
        dangerouslySetInnerHTML={{ __html: '' }}
        suppressHydrationWarning
      />
    );
  }
  // Rendered here, its links are React Links, which navigate inside the app themselves.
  return (
    <div className={styles.static} data-static="">
      {children}
    </div>
  );
}
