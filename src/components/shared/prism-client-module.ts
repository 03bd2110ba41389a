/**
 * Stands in for @docusaurus/theme-classic's client module that loads Prism and its additional
 * languages with every page (docusaurus.config.ts aliases it here). Prism is loaded instead on the
 * reader's first pointer, touch or key after the page has loaded (./prism), ahead of a client-side
 * navigation to a page whose code must be highlighted in the browser.
 */
import { loadPrism } from './prism';

const FIRST_REACH = ['pointerover', 'touchstart', 'keydown'] as const;

function onFirstReach(): void {
  for (const type of FIRST_REACH) window.removeEventListener(type, onFirstReach, true);
  // A failure (offline) is left to the component that needs Prism, which asks again.
  loadPrism().catch(() => undefined);
}

function listen(): void {
  for (const type of FIRST_REACH) window.addEventListener(type, onFirstReach, { capture: true, passive: true });
}

if (typeof window !== 'undefined') {
  if (document.readyState === 'complete') listen();
  else window.addEventListener('load', listen, { once: true });
}
