/// <reference lib="webworker" />
/**
 * Runs a reader's example in a Web Worker with the same runner the doc tests use, so output and
 * errors read the same as in `npm test`. `import ... from 'memattr'` resolves to the bundled model.
 * Output is cut to the live limits here, so a flood is never transferred or drawn; what timers print
 * after the run is sent on as late output, a batch at most every `LATE_BATCH_MS`.
 */
import { EXAMPLE_MODULES } from '../../doctest/modules';
import { LIVE_OUTPUT_LIMITS, type OutputCut } from '../../doctest/output';
import { runExample } from '../../doctest/run';
import type { FromWorker, ToWorker } from './protocol';

const LATE_BATCH_MS = 50;
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Kept before any example runs: example code gets counted timers, this worker keeps the host's.
const hostSetTimeout = scope.setTimeout.bind(scope);

function post(message: FromWorker): void {
  scope.postMessage(message);
}

scope.onmessage = async (e: MessageEvent<ToWorker>) => {
  const { id, code } = e.data;
  let texts: string[] = [];
  let cut: OutputCut | null = null;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    post({ type: 'late', id, text: texts.length > 0 ? texts.join('\n') : null, cut });
    texts = [];
  };
  const result = await runExample(code, {
    modules: EXAMPLE_MODULES,
    limits: LIVE_OUTPUT_LIMITS,
    onLate: (late) => {
      if (late.text !== null) texts.push(late.text);
      cut = late.cut;
      if (!scheduled) {
        scheduled = true;
        hostSetTimeout(flush, LATE_BATCH_MS);
      }
    },
  });
  post({ type: 'done', id, result });
};
