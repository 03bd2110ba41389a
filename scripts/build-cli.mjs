#!/usr/bin/env node
/**
 * The compiled CLI: src/cli/main.ts and the model it imports, bundled by esbuild into one ESM file,
 * dist/cli.mjs, so `memattr` compiles no TypeScript when it runs.
 *
 *   node scripts/build-cli.mjs     build dist/cli.mjs (npm runs it as `prepare` on `npm install`,
 *                                  and as `npm run build:cli`)
 *
 * bin/memattr.mjs calls ensureCli() before every run: when the bundle is missing, or a file it was
 * built from (or this script) is not older than it, it is rebuilt first (~100-250 ms), so an edit
 * under src/ never gives a stale answer. dist/cli.meta.json lists the files the bundle was built from
 * (esbuild's metafile inputs), so the check stats those files only.
 */
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_SCRIPT = 'scripts/build-cli.mjs';

/**
 * Where the compiled CLI and the list of its inputs live under the project root.
 * @param {string} root
 */
export function cliPaths(root) {
  return { bundle: join(root, 'dist', 'cli.mjs'), meta: join(root, 'dist', 'cli.meta.json') };
}

/**
 * esbuild's options for the CLI bundle (also used by the test that keeps dist/cli.mjs in sync).
 * @param {string} root
 * @returns {import('esbuild').BuildOptions & { write: false, metafile: true }}
 */
export function buildOptions(root) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: cliPaths(root).bundle,
    write: false,
    metafile: true,
    logLevel: 'error',
  };
}

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Whether dist/cli.mjs must be (re)built: it or its input list is missing, or one of its inputs (or
 * this script) is missing or was modified at or after the bundle's time stamp (the build's start).
 * @param {string} root
 */
export function isStale(root) {
  const { bundle, meta } = cliPaths(root);
  const built = mtimeMs(bundle);
  if (built === null) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(meta, 'utf8')).inputs;
  } catch {
    return true;
  }
  if (!Array.isArray(inputs)) return true;
  for (const input of [...inputs, THIS_SCRIPT]) {
    const t = mtimeMs(join(root, input));
    if (t === null || t >= built) return true;
  }
  return false;
}

function writeAtomically(path, text, stamp) {
  // Several processes (or threads) may rebuild at once, as parallel tests do: each writes its own file
  // and renames it into place, so a reader sees a whole bundle, never a half-written one.
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  if (stamp) utimesSync(tmp, stamp, stamp);
  renameSync(tmp, path);
}

/**
 * Builds dist/cli.mjs and dist/cli.meta.json. The bundle is stamped with the build's start time, so a
 * source saved while esbuild was reading it makes the bundle stale.
 * @param {string} root
 */
export async function buildCli(root) {
  const started = new Date();
  const esbuild = await import('esbuild');
  const result = await esbuild.build(buildOptions(root));
  const [output] = result.outputFiles;
  const { bundle, meta } = cliPaths(root);
  mkdirSync(dirname(bundle), { recursive: true });
  writeAtomically(meta, `${JSON.stringify({ inputs: Object.keys(result.metafile.inputs).sort() }, null, 1)}\n`);
  writeAtomically(bundle, output.text, started);
  return bundle;
}

/**
 * The compiled CLI's path, rebuilt first when it is stale.
 * @param {string} root
 */
export async function ensureCli(root) {
  return isStale(root) ? await buildCli(root) : cliPaths(root).bundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const t0 = performance.now();
  await buildCli(root);
  console.log(`build-cli: dist/cli.mjs in ${Math.round(performance.now() - t0)} ms`);
}
