/// <reference lib="webworker" />
/**
 * Runs a reader's example in a Web Worker with the same runner the doc tests use, so output and
 * errors read the same as in `npm test`. `import ... from 'memattr'` resolves to the bundled model.
 */
import * as model from 'memattr';
import { runExample } from '../../doctest/run';

const MODULES = { memattr: model };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<{ id: number; code: string }>) => {
  const result = await runExample(e.data.code, MODULES);
  scope.postMessage({ id: e.data.id, ...result });
};
