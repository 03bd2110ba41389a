import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One name for the model everywhere: `import ... from 'memattr'` (CONTRACT.md "Examples").
export default defineConfig({
  resolve: {
    alias: { memattr: fileURLToPath(new URL('./src/model/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/property/**/*.test.ts',
      'test/doc/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/robustness/**/*.test.ts',
      'test/lint/**/*.test.ts',
    ],
    environment: 'node',
    // Files share a worker's modules: the model is pure, with no module-level state a file could
    // leave behind, and loading it once per worker instead of once per file halves the import time.
    pool: 'threads',
    isolate: false,
    testTimeout: 60_000,
  },
});
