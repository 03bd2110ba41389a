// Mutation testing of the model (`npm run mutate`; issue 13 item 1). Not part of `npm test`.
// One area: `npm run mutate -- --mutate 'src/model/arm64/**/*.ts'`. Incremental: a rerun tests only
// mutants whose code or covering tests changed (reports/stryker-incremental.json, gitignored).
// Per-file scores: `node scripts/mutation-score.mjs` reads reports/mutation/mutation.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.mts' },
  mutate: ['src/model/**/*.ts'],
  // String literals are prose (explanations, messages): tests pin their content where it carries a
  // fact, and the score counts logic mutants only.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // The machine is shared: a test that runs slower than in the dry run must not count as a kill.
  // The model has no loop that can hang, so a generous limit costs nothing in practice.
  timeoutFactor: 3,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['build', '.docusaurus', '.doctest', 'reports', 'bench-results', 'test-results', '.test-results'],
  thresholds: { high: 90, low: 80, break: null },
};
