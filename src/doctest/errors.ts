/** A failed example run, as the doc tests and the page report it. Pure, and free of sucrase (the page's main thread imports it). */
export interface RunError {
  readonly kind: 'syntax' | 'runtime' | 'import';
  readonly message: string;
  /** 1-based line in the example's code, when known. */
  readonly line: number | null;
  /** 1-based column in that line, when known (the editor marks the error from there). */
  readonly column: number | null;
}

/** The error as one readable line: `line 3: TypeError: ...`. */
export function describeError(error: { readonly message: string; readonly line: number | null }): string {
  return error.line === null ? error.message : `line ${error.line}: ${error.message}`;
}
