#!/usr/bin/env node
// Browser tests drive Debian's Chromium (no browser download works here). Install it when missing,
// as root through apt; otherwise stop with a one-line instruction.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!(root && apt)) {
    console.error(
      `browser tests need Chromium at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium" as root, or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package`);
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])) {
    console.error('installing chromium failed: run "apt-get update && apt-get install -y chromium" and retry');
    process.exit(1);
  }
}
if (!existsSync('build/index.html')) {
  console.error('browser tests need the production build: run "npx docusaurus build" first');
  process.exit(1);
}
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.browser.config.mts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
