/**
 * Node side of the doc tests: find the examples, run one and compare it with its Output block, and
 * collect what the MDX pages embed and which code blocks they contain. Used by test/doc, by
 * `npm run examples:update` and by the build-time MDX plugin. The running itself is `runExample`,
 * the same function the page's worker calls.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Code, Root } from 'mdast';
import * as model from 'memattr';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { compareOutput, parseExample } from './expected';
import { EXAMPLE_COMPONENT, exampleNameAttribute } from './remark-examples';
import { describeError, type RunResult, runExample } from './run';

/** The modules example code may import: the model, under its one name. */
export const EXAMPLE_MODULES: Readonly<Record<string, unknown>> = { memattr: model };

/** Every example under `<root>/examples`, by name, sorted. */
export function listExamples(root: string): string[] {
  const dir = join(root, 'examples');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3).split(sep).join('/'))
    .sort();
}

export interface ExampleCheck {
  readonly run: RunResult;
  /** null when the example passes; else one message naming `file:line`. */
  readonly failure: string | null;
}

/** Run one example file and compare its output with its Output block. `display` names it in messages. */
export async function checkExampleSource(source: string, display: string): Promise<ExampleCheck> {
  const parsed = parseExample(source);
  const run = await runExample(parsed.code, EXAMPLE_MODULES);
  if (run.error) {
    const where = run.error.line === null ? display : `${display}:${run.error.line}`;
    return { run, failure: `${where}: the example failed: ${describeError(run.error)}` };
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

export async function checkExampleFile(root: string, file: string): Promise<ExampleCheck> {
  return checkExampleSource(readFileSync(file, 'utf8'), relative(root, file).split(sep).join('/'));
}

// ---- MDX pages ----------------------------------------------------------------------------------

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

const mdxParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

/** The `<Example name="..." />` elements and fenced code blocks of one MDX page. */
export function readPage(source: string): PageContents {
  const tree = mdxParser.parse(source) as Root;
  const examples: EmbeddedExample[] = [];
  const blocks: PageCodeBlock[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === EXAMPLE_COMPONENT) {
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

/** Every .mdx/.md file under `<root>/docs`, relative to root with forward slashes. */
export function listPages(root: string): string[] {
  const dir = join(root, 'docs');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => `docs/${f.split(sep).join('/')}`)
    .sort();
}

/**
 * Check one fenced ts/tsx block of a page. The block runs like an example (and must print its Output
 * block when it has one); `norun` blocks must name their expected error as `error="..."` in the meta
 * and are not run. Returns null when it passes, else a message naming `page:line`.
 */
export async function checkCodeBlock(block: PageCodeBlock, page: string): Promise<string | null> {
  // The code starts on the line after the fence.
  const offset = block.line;
  if (block.flags.includes('norun')) {
    return /\berror="[^"]+"/.test(block.meta)
      ? null
      : `${page}:${block.line}: a \`norun\` block must name its expected error in the meta, e.g. norun error="TS2322"`;
  }
  const { run, failure } = await checkExampleSource(block.code, page);
  if (failure === null) return null;
  if (run.error)
    return `${page}:${run.error.line === null ? block.line : run.error.line + offset}: the block failed: ${describeError(run.error)}`;
  const parsed = parseExample(block.code);
  if (parsed.expected === null) return null;
  const mismatch = compareOutput(run.output, parsed);
  return mismatch === null ? null : failure.replace(`${page}:${mismatch.line}:`, `${page}:${mismatch.line + offset}:`);
}

/** A sh block runs when a command in it is `npx memattr ...` (at a line's start or after a pipe). */
export const SH_RUNNABLE = /(^|\|)\s*npx memattr\b/m;

/** The block as a bash script where `npx memattr` runs this checkout's CLI directly (no npx start-up). */
export function shellScript(code: string): string {
  const shim = 'npx() { if [ "$1" = memattr ]; then shift; node bin/memattr.mjs "$@"; else command npx "$@"; fi; }';
  return `${shim}\n${code}\n`;
}
