import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser test files, longest first (as measured in `npm test`): with two at a time, starting
 * the long ones first keeps the two workers busy to the end. Files not listed run after these.
 */
const LONGEST_FIRST = ['every-page-1', 'every-page-2', 'components', 'examples', 'editor', 'layout', 'search', 'keyboard'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(basename(f.moduleId).replace(/\.test\.ts$/, ''));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// Browser tests against the production build (see scripts/browser-tests.mjs). Two files at a time:
// much of a browser test is waiting (for the network to go idle, a live example's time limit, a
// worker), and two Chromiums fill those waits on a 2-core machine. No test measures time.
export default defineConfig({
  // The tests read examples and pages with src/doctest, which imports the model by its one name.
  resolve: {
    alias: { memattr: fileURLToPath(new URL('./src/model/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    // Files share a worker's modules (playwright-core, the model): the tests keep no module-level
    // state, and each file starts its own server and browser in its hooks. (One Chromium shared by
    // the files, each in its own contexts, was tried: it cost about 50 CPU-seconds more per run.)
    isolate: false,
    // Tests marked concurrent (the axe pages) run three at a time: more only queues on two cores.
    maxConcurrency: 3,
    sequence: { sequencer: LongestFirst },
  },
});
