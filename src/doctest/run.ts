/**
 * Runs an example's TypeScript the way the page does: sucrase strips types and turns `import` into
 * `require`, keeping every line where it was, then the code runs as an async function whose only
 * module is the model (`'memattr'`). The Node doc tests and the page's worker both call `runExample`,
 * so what a test checks is what the reader's Run button does. Pure: no Node, no DOM.
 */
import { transform } from 'sucrase';
import type { RunError } from './errors';
import { formatLogArgs } from './format';

export { describeError, type RunError } from './errors';

export interface RunResult {
  /** Everything `console.log` printed, lines joined by `\n` (also when the run failed part-way). */
  readonly output: string;
  readonly error: RunError | null;
}

/** The file name stack traces carry for example code (see `sourceURL` below). */
const SOURCE_URL = 'memattr-example.ts';

export function compileExample(code: string): { ok: true; js: string } | { ok: false; error: RunError } {
  try {
    const js = transform(code, { transforms: ['typescript', 'imports'], production: true }).code;
    return { ok: true, js };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { ok: false, error: { kind: 'syntax', message: `SyntaxError: ${message}`, line: err.loc?.line ?? null } };
  }
}

/** Lines V8 puts before a `new Function` body; measured once rather than assumed. */
let headerLines: number | null = null;
function functionHeaderLines(): number {
  if (headerLines === null) {
    const probe = new Function(`throw new Error('probe');\n//# sourceURL=${SOURCE_URL}`);
    try {
      probe();
    } catch (e) {
      const line = lineInStack(String((e as Error).stack), 0);
      headerLines = line === null ? 0 : line - 1;
    }
  }
  return headerLines ?? 0;
}

function lineInStack(stack: string, offset: number): number | null {
  const m = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):\\d+`).exec(stack);
  return m ? Number(m[1]) - offset : null;
}

/**
 * Run example code with `modules` as the only importable modules. Returns what it printed and the
 * first error, with the line in `code` where the engine says it happened.
 */
export async function runExample(code: string, modules: Readonly<Record<string, unknown>>): Promise<RunResult> {
  const lines: string[] = [];
  const compiled = compileExample(code);
  if (!compiled.ok) return { output: '', error: compiled.error };
  const log = (...args: unknown[]) => lines.push(formatLogArgs(args));
  const sandboxConsole = { log, info: log, warn: log, error: log, debug: log };
  const require = (name: string) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw Object.assign(new Error(`Cannot import '${name}': examples can import only from 'memattr'`), { importError: true });
  };
  try {
    // The body starts on the function's first line, so line numbers in the stack map 1:1 (less the header).
    const fn = new Function(
      'require',
      'console',
      'exports',
      'module',
      `return (async () => {${compiled.js}\n})();\n//# sourceURL=${SOURCE_URL}`,
    );
    const module = { exports: {} };
    await fn(require, sandboxConsole, module.exports, module);
    return { output: lines.join('\n'), error: null };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const importError = (err as { importError?: boolean }).importError === true;
    const name = err.name || 'Error';
    return {
      output: lines.join('\n'),
      error: {
        kind: importError ? 'import' : 'runtime',
        message: `${name}: ${err.message}`,
        line: lineInStack(String(err.stack), functionHeaderLines()),
      },
    };
  }
}
