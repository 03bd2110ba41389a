/// <reference lib="webworker" />
/**
 * Type-checks a reader's edited example against the model's types, off the page's thread, the way the
 * TypeScript playground does. Started on the first edit (./typecheck-client.ts); on its first request
 * it loads the TypeScript compiler (a classic script from this site, defining the global `ts`) and the
 * lib and model files (JSON), both written by src/doctest/docusaurus-plugin.ts; then every check runs
 * `createTypeChecker`, the same function the Node doc tests use.
 */
import type * as TS from 'typescript';
import { createTypeChecker, type TypeCheckFiles } from '../../doctest/typecheck';
import type { FromTypeCheck, ToTypeCheck } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope & { ts?: typeof TS };
let checker: Promise<ReturnType<typeof createTypeChecker>> | null = null;

async function load(typescriptUrl: string, filesUrl: string): Promise<ReturnType<typeof createTypeChecker>> {
  const response = await fetch(filesUrl);
  if (!response.ok) throw new Error(`${filesUrl}: HTTP ${response.status}`);
  const files = (await response.json()) as TypeCheckFiles;
  scope.importScripts(typescriptUrl);
  if (!scope.ts) throw new Error(`${typescriptUrl} did not define the TypeScript compiler`);
  return createTypeChecker(scope.ts, files);
}

scope.onmessage = async (e: MessageEvent<ToTypeCheck>) => {
  const { id, file, code, typescriptUrl, filesUrl } = e.data;
  let reply: FromTypeCheck;
  try {
    checker ??= load(typescriptUrl, filesUrl);
    reply = { id, diagnostics: (await checker)(file, code) };
  } catch (err) {
    checker = null;
    reply = { id, unavailable: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
