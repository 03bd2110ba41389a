/**
 * The page side of type checking: one worker (./typecheck-worker.ts) for every example on the page,
 * created on the first check, which Live asks for only once the reader has edited. Nothing of it (nor
 * TypeScript) is fetched before that.
 */
import type { TypeDiagnostic } from '../../doctest/diagnostics';
import type { FromTypeCheck, ToTypeCheck } from './protocol';

export interface TypeCheckAssets {
  readonly typescriptUrl: string;
  readonly filesUrl: string;
}

export type TypeCheckReply = { readonly diagnostics: readonly TypeDiagnostic[] } | { readonly unavailable: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: TypeCheckReply) => void>();

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL(/* webpackChunkName: "example-typecheck" */ './typecheck-worker.ts', import.meta.url), {
    name: 'memattr-typecheck',
  });
  worker.onmessage = (e: MessageEvent<FromTypeCheck>) => {
    const resolve = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    resolve?.(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const resolve of waiting.values()) resolve({ unavailable: e.message || 'the type checker stopped' });
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Type-check `code` as the virtual file `file` (one per example). */
export function typeCheck(assets: TypeCheckAssets, file: string, code: string): Promise<TypeCheckReply> {
  const id = nextId++;
  const message: ToTypeCheck = { id, file, code, ...assets };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    ensureWorker().postMessage(message);
  });
}
