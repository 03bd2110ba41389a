/**
 * The Node side of the doc tests, as one object made from options (`createDocTest`): find the
 * examples, run one and compare it with its Output block, read the MDX pages and check their code
 * blocks, type-check code against the model's types. Used by test/doc (the project's settings and its
 * own fixtures), `npm run examples:update` and the browser tests. The running itself is `runExample`
 * and the type checking `createTypeChecker`, the same functions the page's workers call.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describeTypeDiagnostic, type TypeDiagnostic } from './diagnostics';
import { compareOutput, parseExample } from './expected';
import { exampleNameAttribute } from './remark-examples';
import { describeError, type RunResult, runExample } from './run';
import type { DocTestSettings } from './settings';
import { createTypeChecker } from './typecheck';
import { loadTypeScript, typeCheckFiles } from './typecheck-node';

export interface DocTestOptions extends DocTestSettings {
  /** The project root; the examples and docs folders are relative to it. */
  readonly root: string;
  /** The modules example code may import, by name (the values `import` gives). */
  readonly modules: Readonly<Record<string, unknown>>;
}

export interface ExampleCheck {
  readonly run: RunResult;
  /** null when the example passes; else one message naming `file:line`. */
  readonly failure: string | null;
}

export interface EmbeddedExample {
  readonly name: string;
  readonly line: number;
}

export interface PageCodeBlock {
  readonly lang: string;
  readonly meta: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** Meta words (split on whitespace, see stack.md pitfall 15). */
  readonly flags: readonly string[];
}

export interface PageContents {
  readonly examples: readonly EmbeddedExample[];
  readonly blocks: readonly PageCodeBlock[];
}

/**
 * What a fenced block's language means here. TypeScript blocks run and must type-check against the
 * model; JavaScript blocks run (sucrase reads plain JavaScript too). A block in any of these languages
 * is never shown without being tested.
 */
export const RUNNABLE_LANGS = {
  ts: 'typescript',
  tsx: 'typescript',
  typescript: 'typescript',
  mts: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
} as const satisfies Record<string, 'typescript' | 'javascript'>;

export function runnableLang(lang: string): 'typescript' | 'javascript' | null {
  return Object.hasOwn(RUNNABLE_LANGS, lang) ? RUNNABLE_LANGS[lang as keyof typeof RUNNABLE_LANGS] : null;
}

/** A sh block runs when a command in it is `npx memattr ...` (at a line's start or after a pipe). */
export const SH_RUNNABLE = /(^|\|)\s*npx memattr\b/m;
export const SHELL_LANGS: readonly string[] = ['sh', 'bash', 'shell'];

/** The block as a bash script where `npx memattr` runs this checkout's CLI directly (no npx start-up). */
export function shellScript(code: string): string {
  const shim = 'npx() { if [ "$1" = memattr ]; then shift; node bin/memattr.mjs "$@"; else command npx "$@"; fi; }';
  return `${shim}\n${code}\n`;
}

const mdxParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

/** `error="..."` in a block's meta, or null. */
function statedError(meta: string): string | null {
  return /\berror="([^"]+)"/.exec(meta)?.[1] ?? null;
}

export type DocTest = ReturnType<typeof createDocTest>;

export function createDocTest(options: DocTestOptions) {
  const { root, modules, component } = options;
  const examplesDir = join(root, options.examplesDir);
  const docsDir = join(root, options.docsDir);
  let checker: ((fileName: string, code: string) => TypeDiagnostic[]) | null = null;

  /** Type errors of `code` against the modules' types, in the page's environment (typecheck.ts). */
  function typeCheck(code: string): TypeDiagnostic[] {
    if (checker === null) {
      const ts = loadTypeScript(root);
      checker = createTypeChecker(ts, typeCheckFiles(ts, root, options));
    }
    // One virtual file, replaced on each check, so nothing of an earlier check leaks into a later one.
    return checker('/checked.ts', code);
  }

  function exampleFile(name: string): string {
    return join(examplesDir, `${name}.ts`);
  }

  /** Every example, by name, sorted. */
  function listExamples(): string[] {
    if (!existsSync(examplesDir)) return [];
    return (readdirSync(examplesDir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3).split(sep).join('/'))
      .sort();
  }

  /** Run one example's source and compare its output with its Output block. `display` names it in messages. */
  async function checkExampleSource(source: string, display: string): Promise<ExampleCheck> {
    const parsed = parseExample(source);
    const run = await runExample(parsed.code, { modules });
    if (run.error) {
      const where = run.error.line === null ? display : `${display}:${run.error.line}`;
      return { run, failure: `${where}: the example failed: ${describeError(run.error)}` };
    }
    if (run.timersPending > 0) {
      return {
        run,
        failure: `${display}: the example left ${run.timersPending} timer(s) pending when it finished, so what they print is not checked (await them)`,
      };
    }
    if (parsed.expected === null) {
      return { run, failure: `${display}: no "// Output:" block at the end (run \`npm run examples:update\` to add it)` };
    }
    const mismatch = compareOutput(run.output, parsed);
    if (mismatch === null) return { run, failure: null };
    const show = (s: string | null) => (s === null ? '(no line)' : JSON.stringify(s));
    return {
      run,
      failure: `${display}:${mismatch.line}: output differs from the Output block: expected ${show(mismatch.expected)}, got ${show(mismatch.actual)}`,
    };
  }

  function checkExample(name: string): Promise<ExampleCheck> {
    const file = exampleFile(name);
    return checkExampleSource(readFileSync(file, 'utf8'), relative(root, file).split(sep).join('/'));
  }

  /** Every .mdx/.md page, relative to the root with forward slashes. */
  function listPages(): string[] {
    return (readdirSync(docsDir, { recursive: true }) as string[])
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => relative(root, join(docsDir, f)).split(sep).join('/'))
      .sort();
  }

  /** The example elements and fenced code blocks of one MDX page. */
  function readPage(source: string): PageContents {
    const tree = mdxParser.parse(source) as Root;
    const examples: EmbeddedExample[] = [];
    const blocks: PageCodeBlock[] = [];
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === component) {
        examples.push({ name: exampleNameAttribute(node) ?? '', line: node.position?.start.line ?? 0 });
      }
      if (node.type === 'code') {
        const code = node as Code;
        const meta = code.meta ?? '';
        blocks.push({
          lang: code.lang ?? '',
          meta,
          code: code.value,
          line: code.position?.start.line ?? 0,
          flags: meta.split(/\s+/).filter(Boolean),
        });
      }
    });
    return { examples, blocks };
  }

  /**
   * A `norun` block must fail as its meta says: `error="TS2322"` is a type error the checker must
   * report; any other `error="..."` (`SyntaxError`, `TypeError: Cannot read ...`) is the start of the
   * error running the block must give.
   */
  async function checkNorun(block: PageCodeBlock, page: string): Promise<string | null> {
    const at = `${page}:${block.line}`;
    const stated = statedError(block.meta);
    if (stated === null) return `${at}: a \`norun\` block must name its expected error in the meta, e.g. norun error="TS2322"`;
    const offset = block.line;
    const tsCode = /^TS(\d+)$/.exec(stated);
    if (tsCode) {
      if (runnableLang(block.lang) !== 'typescript')
        return `${at}: error="${stated}" is a type error, but a ${block.lang} block is not type-checked`;
      const found = typeCheck(block.code);
      if (found.some((d) => d.code === Number(tsCode[1]))) return null;
      const got = found.length === 0 ? 'no type error' : found.map((d) => `TS${d.code} on line ${d.line + offset}`).join(', ');
      return `${at}: the block should fail to type-check with ${stated}, but the checker found ${got}`;
    }
    const run = await runExample(block.code, { modules });
    if (run.error === null) return `${at}: the block should fail with "${stated}", but it ran without error`;
    if (run.error.message.startsWith(stated)) return null;
    const line = run.error.line === null ? '' : ` on line ${run.error.line + offset}`;
    return `${at}: the block should fail with "${stated}", but it failed with "${run.error.message}"${line}`;
  }

  /**
   * Check one fenced block in a runnable language. It runs like an example (and must print its Output
   * block when it has one); TypeScript blocks must also type-check. `norun` blocks are checked against
   * their stated error instead. Returns null when it passes, else a message naming `page:line`.
   */
  async function checkCodeBlock(block: PageCodeBlock, page: string): Promise<string | null> {
    const lang = runnableLang(block.lang);
    if (lang === null) return `${page}:${block.line}: a \`${block.lang}\` block is not a runnable language`;
    if (block.flags.includes('norun')) return checkNorun(block, page);
    // The code starts on the line after the fence.
    const offset = block.line;
    const { run, failure } = await checkExampleSource(block.code, page);
    if (run.error)
      return `${page}:${run.error.line === null ? block.line : run.error.line + offset}: the block failed: ${describeError(run.error)}`;
    if (run.timersPending > 0) return failure?.replace(`${page}:`, `${page}:${block.line}:`) ?? null;
    const parsed = parseExample(block.code);
    if (parsed.expected !== null) {
      const mismatch = compareOutput(run.output, parsed);
      if (mismatch !== null && failure !== null) return failure.replace(`${page}:${mismatch.line}:`, `${page}:${mismatch.line + offset}:`);
    }
    if (lang === 'typescript') {
      const [first] = typeCheck(parseExample(block.code).code);
      if (first) return `${page}:${first.line + offset}: the block does not type-check: ${describeTypeDiagnostic(first)}`;
    }
    return null;
  }

  return {
    options,
    exampleFile,
    listExamples,
    checkExample,
    checkExampleSource,
    listPages,
    readPage,
    checkCodeBlock,
    typeCheck,
  };
}
