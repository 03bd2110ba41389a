/**
 * The page side of the live runner: sends code to a Web Worker (./worker.ts) and waits at most
 * `TIME_LIMIT_MS`. A run that takes longer (an endless loop) is stopped by terminating the worker; the
 * next run gets a fresh one. The main thread never runs the reader's code.
 */
import type { RunResult } from '../../doctest/run';

export const TIME_LIMIT_MS = 2000;

export type LiveResult = RunResult | { readonly output: string; readonly error: { kind: 'timeout'; message: string; line: null } };

export class ExampleRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: (r: LiveResult) => void; timer: number } | null = null;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL(/* webpackChunkName: "example-worker" */ './worker.ts', import.meta.url), {
      name: 'memattr-example',
    });
    worker.onmessage = (e: MessageEvent<{ id: number } & RunResult>) => {
      const p = this.pending;
      if (!p || p.id !== e.data.id) return;
      window.clearTimeout(p.timer);
      this.pending = null;
      p.resolve({ output: e.data.output, error: e.data.error });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.finish({ output: '', error: { kind: 'runtime', message: `Error: ${e.message}`, line: null } }, true);
    };
    this.worker = worker;
    return worker;
  }

  private finish(result: LiveResult, killWorker: boolean): void {
    const p = this.pending;
    if (killWorker) this.dispose();
    if (!p) return;
    window.clearTimeout(p.timer);
    this.pending = null;
    p.resolve(result);
  }

  /** Start the worker ahead of the first run (it loads sucrase and the model). */
  warm(): void {
    this.ensureWorker();
  }

  run(code: string): Promise<LiveResult> {
    // A new run replaces one still going: that one may be a runaway loop, so its worker goes too.
    if (this.pending) this.finish({ output: '', error: { kind: 'timeout', message: 'Replaced by a newer run.', line: null } }, true);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = window.setTimeout(() => {
        this.finish(
          {
            output: '',
            error: {
              kind: 'timeout',
              message: `Stopped after ${TIME_LIMIT_MS / 1000} s: the code ran too long (an endless loop?).`,
              line: null,
            },
          },
          true,
        );
      }, TIME_LIMIT_MS);
      this.pending = { id, resolve, timer };
      worker.postMessage({ id, code });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
