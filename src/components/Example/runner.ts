/**
 * The page side of the live runner: sends code to a Web Worker (./worker.ts) and waits at most
 * `TIME_LIMIT_MS`. A run that takes longer (an endless loop) is stopped by terminating the worker; the
 * next run gets a fresh one, as does a run after one that left timers pending (so their late output
 * cannot mix into the new run's). The main thread never runs the reader's code.
 */
import type { RunError } from '../../doctest/errors';
import type { OutputCut } from '../../doctest/output';
import type { FromWorker } from './protocol';

export const TIME_LIMIT_MS = 2000;

/** Why the page stopped a run, as the reader reads it. */
export const TIMEOUT_MESSAGE = `Stopped after ${TIME_LIMIT_MS / 1000} s: the code ran too long (an endless loop?).`;

export type LiveError =
  | RunError
  | { readonly kind: 'timeout' | 'crash'; readonly message: string; readonly line: null; readonly column: null };

export interface LiveResult {
  readonly output: string;
  readonly error: LiveError | null;
  readonly cut: OutputCut | null;
  /** Timers the code left running: what they print arrives through `onLate`. */
  readonly timersPending: number;
}

export type LateListener = (text: string | null, cut: OutputCut | null) => void;

interface Pending {
  readonly id: number;
  readonly resolve: (r: LiveResult) => void;
  readonly timer: number;
}

const stopped = (kind: 'timeout' | 'crash', message: string): LiveResult => ({
  output: '',
  error: { kind, message, line: null, column: null },
  cut: null,
  timersPending: 0,
});

export class ExampleRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: Pending | null = null;
  /** The run whose late output is wanted, and who wants it. */
  private late: { id: number; listener: LateListener } | null = null;
  private timersLeft = false;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL(/* webpackChunkName: "example-worker" */ './worker.ts', import.meta.url), {
      name: 'memattr-example',
    });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'late') {
        if (this.late?.id === m.id) this.late.listener(m.text, m.cut);
        return;
      }
      const p = this.pending;
      if (!p || p.id !== m.id) return;
      window.clearTimeout(p.timer);
      this.pending = null;
      this.timersLeft = m.result.timersPending > 0;
      p.resolve(m.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.finish(stopped('crash', `Error: ${e.message}`));
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the run still going (if any) with `result` and drops its worker. */
  private finish(result: LiveResult): void {
    const p = this.pending;
    this.dispose();
    if (!p) return;
    window.clearTimeout(p.timer);
    this.pending = null;
    p.resolve(result);
  }

  /** Start the worker ahead of the first run (it loads sucrase and the model). */
  warm(): void {
    this.ensureWorker();
  }

  /** Run `code`; output it prints after finishing goes to `onLate` until the next run. */
  run(code: string, onLate: LateListener): Promise<LiveResult> {
    // A new run replaces one still going (it may be a runaway loop) and one that left timers behind.
    if (this.pending) this.finish(stopped('timeout', 'Replaced by a newer run.'));
    else if (this.timersLeft) this.dispose();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.late = { id, listener: onLate };
    return new Promise((resolve) => {
      const timer = window.setTimeout(() => this.finish(stopped('timeout', TIMEOUT_MESSAGE)), TIME_LIMIT_MS);
      this.pending = { id, resolve, timer };
      worker.postMessage({ id, code });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.timersLeft = false;
  }
}
