/**
 * The navbar's search box, with its code fetched when the reader reaches for it. The search plugin's
 * SearchBar (@easyops-cn/docusaurus-search-local, with comlink and its suggestion templates: about
 * 5 kB gzip) would otherwise be part of every page's main bundle and run while the page loads. Until
 * then the page shows a look-alike input (same markup and classes); the real box replaces it when the
 * reader points at, focuses or types into the input, or presses the search shortcut (the plugin
 * itself starts fetching its index at the same moments). Focus and anything already typed carry over.
 */
import { translate } from '@docusaurus/Translate';
import styles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
import clsx from 'clsx';
import {
  type ComponentType,
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

type SearchBarProps = Record<string, unknown>;

let pending: Promise<ComponentType<SearchBarProps>> | null = null;
function loadSearchBar(): Promise<ComponentType<SearchBarProps>> {
  pending ??= import('@theme-original/SearchBar').then((m: { default: ComponentType<SearchBarProps> }) => m.default);
  return pending;
}

/** The plugin's search shortcut (its default keymap, mod+k). */
function isShortcut(e: KeyboardEvent | ReactKeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

const ICON =
  'M6.02945 10.20327a4.17382 4.17382 0 1 1 4.17382-4.17382 4.15609 4.15609 0 0 1-4.17382 4.17382Zm9.69195 4.2199-4.8225-4.82338A5.88021 5.88021 0 0 0 12.058 6.02856 6.00467 6.00467 0 1 0 9.59979 10.8989l4.82338 4.82338a.89729.89729 0 0 0 1.29912 0 .89749.89749 0 0 0-.00087-1.29909Z';

export default function SearchBar(props: SearchBarProps) {
  const [Real, setReal] = useState<ComponentType<SearchBarProps> | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const handoff = useRef({ focused: false, value: '' });

  const swap = useCallback(() => {
    loadSearchBar().then(
      (component) => {
        const input = box.current?.querySelector('input');
        handoff.current = { focused: input !== null && input !== undefined && document.activeElement === input, value: input?.value ?? '' };
        setReal(() => component);
      },
      () => undefined, // Offline or a failed chunk: the look-alike stays; nothing else depends on it.
    );
  }, []);

  useEffect(() => {
    if (Real) return;
    const onShortcut = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      box.current?.querySelector('input')?.focus();
      swap();
    };
    document.addEventListener('keydown', onShortcut);
    return () => document.removeEventListener('keydown', onShortcut);
  }, [Real, swap]);

  // The real box has just replaced the look-alike: give it the focus and the text the reader left there.
  useLayoutEffect(() => {
    if (!Real) return;
    const input = box.current?.querySelector('input');
    const { focused, value } = handoff.current;
    if (!input) return;
    if (value !== '') {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (focused) input.focus();
  }, [Real]);

  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });
  return (
    <div ref={box} style={{ display: 'contents' }}>
      {Real ? (
        <Real {...props} />
      ) : (
        <div className={clsx('navbar__search', styles.searchBarContainer)} dir="ltr">
          <svg aria-hidden="true" className={styles.searchIcon} focusable="false" viewBox="0 0 16 16">
            <path fill="currentColor" d={ICON} />
          </svg>
          <input
            placeholder={label}
            aria-label={label}
            className={`navbar__search-input ${styles.searchInput}`}
            onFocus={swap}
            onMouseEnter={swap}
            onInput={swap}
          />
        </div>
      )}
    </div>
  );
}
