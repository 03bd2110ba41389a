import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
  },
});
