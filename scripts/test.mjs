#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
// typecheck -> lint -> unit, property, CLI and doc tests (Vitest) -> production build -> browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// Each Vitest run also writes a JSON report, so the closing line can count every test.
const REPORTS = '.test-results';
rmSync(REPORTS, { recursive: true, force: true });
const json = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint (biome, layers, the model without DOM or Node types)', 'npm', ['run', '--silent', 'lint']],
  ['unit, property, CLI and doc tests', 'npx', ['vitest', 'run', ...json('unit')]],
  ['production build', 'npx', ['docusaurus', 'build']],
  ['browser tests', 'node', ['scripts/browser-tests.mjs', ...json('browser')]],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, npm_config_loglevel: 'error' } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(`\nnpm test: ${name} failed (exit ${r.status ?? r.signal}) after ${secs} s\n`);
    process.exit(1);
  }
  process.stdout.write(`== ${name}: passed in ${secs} s\n`);
}
if (!existsSync('build/index.html')) {
  process.stderr.write('npm test: the build produced no build/index.html\n');
  process.exit(1);
}
let passed = 0;
let failed = 0;
for (const name of ['unit', 'browser']) {
  const report = JSON.parse(readFileSync(`${REPORTS}/${name}.json`, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
process.stdout.write(`\nnpm test: all steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
