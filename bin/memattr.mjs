#!/usr/bin/env node
// Runs the compiled CLI (dist/cli.mjs, built on `npm install` by `prepare`); when it is missing or
// older than a source it was built from, esbuild rebuilds it first (scripts/build-cli.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCli } from '../scripts/build-cli.mjs';

let bundle;
try {
  bundle = await ensureCli(join(dirname(fileURLToPath(import.meta.url)), '..'));
} catch (e) {
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`memattr: dist/cli.mjs is missing or older than src/, and rebuilding it failed: ${why}\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
