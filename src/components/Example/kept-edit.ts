/**
 * A reader's edit of an example, kept in session storage while they stay on the site (Reset forgets
 * it). Apart from ./Live so that the static view can tell, without loading the editor, that an edit
 * is waiting to be shown.
 */
const STORAGE_PREFIX = 'memattr-example:';

/** The session-storage key of an example's kept edit. */
export function keptEditKey(name: string): string {
  return STORAGE_PREFIX + name;
}

export function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Storage can be disabled; edits then last as long as the page.
  }
}

export function hasKeptEdit(name: string): boolean {
  return storage()?.getItem(keptEditKey(name)) != null;
}
