import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests against the production build (see scripts/browser-tests.mjs); one file at a time,
// since each launches Chromium on a 2-core machine.
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
    fileParallelism: false,
  },
});
