/**
 * Whether a component is being hydrated on the page's first load (true) or rendered by React in the
 * browser, after a client-side navigation or on the server (false). Decided once, when it mounts: a
 * component that keeps the server's HTML on the first load (an empty `dangerouslySetInnerHTML`, which
 * React leaves alone) keeps it for good, since nothing it shows depends on what changes later.
 */
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useState } from 'react';

export function useKeepsServerHtml(): boolean {
  // During the first load's hydration useIsBrowser() is false in the browser; on the server there is no window.
  const isBrowser = useIsBrowser();
  const [keep] = useState(() => typeof window !== 'undefined' && !isBrowser);
  return keep;
}
