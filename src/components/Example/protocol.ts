/** Messages between the page and its example worker (./worker.ts). */

import type { TypeDiagnostic } from '../../doctest/diagnostics';
import type { OutputCut } from '../../doctest/output';
import type { RunResult } from '../../doctest/run';

export interface ToWorker {
  readonly id: number;
  readonly code: string;
}

export type FromWorker =
  | { readonly type: 'done'; readonly id: number; readonly result: RunResult }
  /** Printed by run `id` after it finished; `text` null when the limits cut all of it. */
  | { readonly type: 'late'; readonly id: number; readonly text: string | null; readonly cut: OutputCut | null };

/** To the type-check worker: where its files are (first message), then code to check. */
export interface ToTypeCheck {
  readonly id: number;
  /** A virtual file name per example, so examples on one page do not see each other. */
  readonly file: string;
  readonly code: string;
  readonly typescriptUrl: string;
  readonly filesUrl: string;
}

export type FromTypeCheck =
  | { readonly id: number; readonly diagnostics: readonly TypeDiagnostic[] }
  | { readonly id: number; readonly unavailable: string };
