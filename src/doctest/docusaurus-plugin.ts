/**
 * Docusaurus plugin: the files the page's type-check worker loads when a reader first edits an
 * example, served from the site itself (so it works offline) and never part of a page's weight:
 * - TypeScript's compiler (typescript/lib/typescript.js, 9 MB), minified by esbuild (3.6 MB, in under
 *   a second of CPU, then cached) rather than by the site's minifier, and loaded with `importScripts`
 *   in a classic worker;
 * - one JSON file with the lib files and the model's sources (./typecheck-node.ts).
 * Both are written to a generated static folder that docusaurus.config.ts lists in
 * `staticDirectories` (copied as they are, never minified), with a content hash in their names. The
 * page finds their URLs in the plugin's global data (`usePluginData(TYPECHECK_PLUGIN)`).
 * Runs in Node inside Docusaurus's config loader: relative imports only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { PROJECT_SETTINGS, TYPECHECK_PLUGIN } from './settings';
import { loadTypeScript, typeCheckFiles } from './typecheck-node';

/** The generated static folder, relative to the site; its `typecheck/` becomes `/typecheck/` on the site. */
export const TYPECHECK_STATIC_DIR = '.docusaurus/memattr-static';

export interface TypeCheckAssets {
  /** URL of the (minified) TypeScript compiler, a classic script that defines the global `ts`. */
  readonly typescriptUrl: string;
  /** URL of the JSON `TypeCheckFiles`. */
  readonly filesUrl: string;
}

function hashed(dir: string, stem: string, ext: string, content: string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const name = `${stem}.${hash}.${ext}`;
  writeFileSync(join(dir, name), content);
  return name;
}

/**
 * typescript.js minified by esbuild (a classic script: esbuild keeps its top-level `var ts`, the
 * global the worker reads), kept in node_modules/.cache by the source's hash so a rebuild skips it.
 */
async function minifiedTypeScript(require: NodeRequire, root: string): Promise<string> {
  const source = readFileSync(require.resolve('typescript/lib/typescript.js'), 'utf8');
  const esbuild = require('esbuild') as typeof import('esbuild');
  const key = createHash('sha256').update(source).update(esbuild.version).digest('hex').slice(0, 16);
  const cached = join(root, 'node_modules', '.cache', 'memattr-typecheck', `typescript.${key}.min.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const minified = (await esbuild.transform(source, { minify: true, legalComments: 'inline' })).code;
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, minified);
  return minified;
}

export default function typecheckAssetsPlugin(context: LoadContext): Plugin {
  return {
    name: TYPECHECK_PLUGIN,
    async loadContent(): Promise<TypeCheckAssets> {
      const root = context.siteDir;
      const dir = join(root, TYPECHECK_STATIC_DIR, 'typecheck');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const require = createRequire(join(root, 'package.json'));
      const ts = loadTypeScript(root);
      const compiler = hashed(dir, `typescript-${ts.version}`, 'js', await minifiedTypeScript(require, root));
      const files = hashed(dir, 'files', 'json', JSON.stringify(typeCheckFiles(ts, root, PROJECT_SETTINGS)));
      return { typescriptUrl: `${context.baseUrl}typecheck/${compiler}`, filesUrl: `${context.baseUrl}typecheck/${files}` };
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
    // The server render bundles the type-check worker too; @typescript/vfs would pull TypeScript (9 MB)
    // into it through a require.resolve it never calls there. (The browser build skips it by its
    // package.json "browser" field.)
    // Its Node-only helpers also `require` path and fs by computed names, which the bundler warns about
    // (in both builds); the page never calls them.
    configureWebpack: (_config, isServer) => ({
      ...(isServer ? { resolve: { alias: { typescript: false } } } : {}),
      ignoreWarnings: [{ module: /@typescript[\\/]vfs/, message: /Critical dependency/ }],
    }),
  };
}
