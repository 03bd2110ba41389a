import { defineConfig } from 'vitest/config';

// Browser tests against the production build (see scripts/browser-tests.mjs); one file at a time,
// since each launches Chromium on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
