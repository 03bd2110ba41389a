/**
 * The type checker's files, read from disk: the TypeScript lib files `EXAMPLE_LIB` pulls in and the
 * sources of each importable module. The Node doc tests check against exactly these; the Docusaurus
 * plugin (./docusaurus-plugin.ts) writes the same set to one JSON file for the page's worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type * as TS from 'typescript';
import type { DocTestSettings } from './settings';
import { EXAMPLE_LIB, type TypeCheckFiles } from './typecheck';

/** Comments out (they are most of a lib file's size), `///` directives kept: they name the libs a lib needs. */
function withoutComments(ts: typeof TS, text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const token = scanner.getTokenText();
    const comment = kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
    if (!comment || token.startsWith('///')) out += token;
    else if (kind === ts.SyntaxKind.MultiLineCommentTrivia) out += token.replace(/[^\n]/g, '');
  }
  return out.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n');
}

function libFiles(ts: typeof TS, libDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (file: string) => {
    if (Object.hasOwn(files, `/${file}`)) return;
    const text = readFileSync(join(libDir, file), 'utf8');
    files[`/${file}`] = withoutComments(ts, text);
    for (const m of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"/gm)) visit(`lib.${(m[1] as string).toLowerCase()}.d.ts`);
  };
  visit(EXAMPLE_LIB);
  return files;
}

/** Every .ts file in the folder of each module's entry, under `/<module name>/`. */
function moduleFiles(root: string, entries: DocTestSettings['moduleEntries']): TypeCheckFiles {
  const files: Record<string, string> = {};
  const modules: Record<string, string> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const dir = resolve(root, dirname(entry));
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      files[`/${name}/${f.split(sep).join('/')}`] = readFileSync(join(dir, f), 'utf8');
    }
    modules[name] = `/${name}/${relative(dirname(entry), entry).split(sep).join('/')}`;
  }
  return { files, modules };
}

/** The TypeScript that Node resolves from `root` (the project's own, 6.0.3). */
export function loadTypeScript(root: string): typeof TS {
  return createRequire(join(root, 'package.json'))('typescript') as typeof TS;
}

/** The files of the example type checker for this project: libs (comments removed) and module sources. */
export function typeCheckFiles(ts: typeof TS, root: string, settings: Pick<DocTestSettings, 'moduleEntries'>): TypeCheckFiles {
  const libDir = dirname(createRequire(join(root, 'package.json')).resolve('typescript/lib/lib.d.ts'));
  const sources = moduleFiles(root, settings.moduleEntries);
  return { files: { ...libFiles(ts, libDir), ...sources.files }, modules: sources.modules };
}
