import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.mjs): the model's unit and property
// tests only. They import the model directly, need no build, browser, CLI process or fixture tree,
// so they run unchanged in Stryker's sandbox copy.
export default defineConfig({
  resolve: {
    alias: { memattr: fileURLToPath(new URL('./src/model/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
