/// <reference lib="webworker" />
/**
 * Answers `access()` off the page's main thread: a copy on a gathering type enumerates thousands of
 * outcomes, which would hold up the page for longer than a control may take to answer.
 */
import { access } from 'memattr';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<{ id: number; input: unknown }>) => {
  scope.postMessage({ id: e.data.id, answer: access(e.data.input) });
};
