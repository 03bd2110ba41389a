/**
 * The page side of ./access.worker.ts: asks the worker for `access()` answers and remembers recent
 * ones. Where no worker can run, the model is loaded on the main thread instead, as a chunk of its
 * own: the page itself carries no enumeration code (its first answer comes from the build).
 */
import type { AccessInput, AccessResult, Answer } from '../../model';

type AccessAnswer = Answer<AccessResult>;

/** Answers kept, so going back to a recent choice redraws at once. */
const CACHE_SIZE = 64;

export function accessKey(input: AccessInput): string {
  return `${input.accessor}|${input.memoryType}|${input.kernel}|${input.bytes ?? ''}|${input.hostKernel ?? ''}|${input.locationSupportsLs64 ?? ''}`;
}

export class AccessClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { input: AccessInput; resolve: (a: AccessAnswer) => void }>();
  private readonly cache = new Map<string, AccessAnswer>();

  /** Start the worker ahead of the first question (it loads the model). */
  warm(): void {
    this.ensureWorker();
  }

  cached(input: AccessInput): AccessAnswer | undefined {
    return this.cache.get(accessKey(input));
  }

  ask(input: AccessInput): Promise<AccessAnswer> {
    const key = accessKey(input);
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit);
    const worker = this.ensureWorker();
    if (worker === null) return this.answerHere(input);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { input, resolve });
      worker.postMessage({ id, input });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** access() on the main thread, its code fetched on first use. */
  private async answerHere(input: AccessInput): Promise<AccessAnswer> {
    const { access } = await import(/* webpackChunkName: "timeline-access-here" */ '../../model');
    return this.remember(accessKey(input), access(input));
  }

  private remember(key: string, answer: AccessAnswer): AccessAnswer {
    this.cache.set(key, answer);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return answer;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    const worker = new Worker(new URL(/* webpackChunkName: "timeline-access-worker" */ './access.worker.ts', import.meta.url), {
      name: 'memattr-access',
    });
    worker.onmessage = (e: MessageEvent<{ id: number; answer: AccessAnswer }>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      w.resolve(this.remember(accessKey(w.input), e.data.answer));
    };
    // A worker that cannot start (blocked by the host, say): answer what is waiting here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      this.dispose();
      for (const [id, w] of this.waiting) {
        this.waiting.delete(id);
        void this.answerHere(w.input).then(w.resolve);
      }
    };
    this.worker = worker;
    return worker;
  }
}
