#!/usr/bin/env node
// `npm test`: every check the project has. Two lanes run side by side, since neither waits for the
// other and the machine has two cores:
//   checks: typecheck -> lint -> unit, property, CLI and doc tests (Vitest)
//   site:   production build -> browser tests (they need the build, nothing else)
// Each lane stops at its first failure; a failure in one lane stops the other, and npm test fails.
// Every output line is prefixed with its lane.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// Each Vitest run also writes a JSON report, so the closing line can count every test.
const REPORTS = '.test-results';
rmSync(REPORTS, { recursive: true, force: true });
const json = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];

const lanes = {
  checks: [
    // TypeScript 7's native compiler (the `typescript7` alias): the same diagnostics as 6.0.3 in a
    // fifth of the CPU. The `typescript` package stays at 6.0.3 for its compiler API (doc tests, the
    // editor's type-check worker), which 7 does not have.
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint (biome, layers, the model without DOM or Node types)', 'npm', ['run', '--silent', 'lint']],
    ['unit, property, CLI and doc tests', 'npx', ['vitest', 'run', ...json('unit')]],
  ],
  site: [
    ['production build', 'npx', ['docusaurus', 'build']],
    ['browser tests', 'node', ['scripts/browser-tests.mjs', ...json('browser')]],
  ],
};

const running = new Set();
let failed = false;

function prefixed(stream, lane) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) process.stdout.write(`[${lane}] ${line}\n`);
  });
  stream.on('end', () => {
    if (rest) process.stdout.write(`[${lane}] ${rest}\n`);
  });
}

function step(lane, [name, cmd, args]) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    process.stdout.write(`[${lane}] == ${name}: ${cmd} ${args.join(' ')}\n`);
    // Its own process group, so a failure elsewhere can stop it with everything it started.
    const child = spawn(cmd, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    running.add(child);
    prefixed(child.stdout, lane);
    prefixed(child.stderr, lane);
    child.on('close', (code, signal) => {
      running.delete(child);
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (code === 0) process.stdout.write(`[${lane}] == ${name}: passed in ${secs} s\n`);
      else if (!failed) process.stderr.write(`\nnpm test: ${name} failed (exit ${code ?? signal}) after ${secs} s\n`);
      resolve(code === 0);
    });
  });
}

async function runLane(lane) {
  for (const s of lanes[lane]) {
    if (failed) return false;
    if (!(await step(lane, s))) {
      if (!failed) {
        failed = true;
        for (const child of running) process.kill(-child.pid, 'SIGTERM');
      }
      return false;
    }
  }
  return true;
}

const started = Date.now();
const results = await Promise.all(Object.keys(lanes).map(runLane));
if (results.includes(false)) process.exit(1);
if (!existsSync('build/index.html')) {
  process.stderr.write('npm test: the build produced no build/index.html\n');
  process.exit(1);
}
let passed = 0;
let failures = 0;
for (const name of ['unit', 'browser']) {
  const report = JSON.parse(readFileSync(`${REPORTS}/${name}.json`, 'utf8'));
  passed += report.numPassedTests;
  failures += report.numFailedTests;
}
process.stdout.write(`\nnpm test: all steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${passed} passed, ${failures} failed\n`);
