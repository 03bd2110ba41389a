/**
 * Runs an example's TypeScript the way the page does: sucrase strips types and turns `import` into
 * `require`, keeping every line where it was, then the code runs as an async function whose only
 * modules are the module map (`{ memattr: model }`). The Node doc tests and the page's worker both
 * call `runExample`, so what a test checks is what the reader's Run button does. Pure: no Node, no DOM.
 */
import { transform } from 'sucrase';
import { describeError, type RunError } from './errors';
import { formatLogArgs } from './format';
import { type OutputCut, type OutputLimits, OutputSink } from './output';
import { decodeMappings, originalPosition } from './source-map';

export { describeError, type RunError } from './errors';

export interface RunResult {
  /** Everything `console.log` printed (within the limits), lines joined by `\n` (also when the run failed part-way). */
  readonly output: string;
  readonly error: RunError | null;
  /** What the output limits cut, or null. */
  readonly cut: OutputCut | null;
  /** Timers (`setTimeout`, `setInterval`) still pending when the code finished: what they print comes late. */
  readonly timersPending: number;
}

/** Output printed after the run finished (by a timer), as far as the limits let it through. */
export interface LateOutput {
  /** The kept text (null when the limits cut all of it). */
  readonly text: string | null;
  /** All that the limits cut so far, the run's output included. */
  readonly cut: OutputCut | null;
}

export interface RunOptions {
  /** The only modules the code may import, by name. */
  readonly modules: Readonly<Record<string, unknown>>;
  /** Bound the output (the page does); without limits everything is kept (the doc tests compare it all). */
  readonly limits?: OutputLimits;
  /**
   * Receives output printed after the run finished. Without it, timers still pending at the end are
   * cancelled (nobody would see their output) and only counted in `timersPending`.
   */
  readonly onLate?: (late: LateOutput) => void;
}

/** The file name stack traces carry for example code (see `sourceURL` below). */
const SOURCE_URL = 'memattr-example.ts';
/** The body's first line starts with this, before the compiled code's first line. */
const BODY_PREFIX = 'return (async () => {';

type SourceMap = ReturnType<typeof decodeMappings>;

export function compileExample(code: string): { ok: true; js: string; map: SourceMap } | { ok: false; error: RunError } {
  try {
    const out = transform(code, {
      transforms: ['typescript', 'imports'],
      production: true,
      filePath: SOURCE_URL,
      sourceMapOptions: { compiledFilename: 'example.js' },
    });
    return { ok: true, js: out.code, map: decodeMappings(out.sourceMap?.mappings ?? '') };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    // sucrase names the file (needed for the source map) and appends the position; the line says where.
    const message = err.message.replace(`Error transforming ${SOURCE_URL}: `, '').replace(/\s*\(\d+:\d+\)$/, '');
    // sucrase's loc is 1-based for both line and column.
    return {
      ok: false,
      error: { kind: 'syntax', message: `SyntaxError: ${message}`, line: err.loc?.line ?? null, column: err.loc?.column ?? null },
    };
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
      const at = positionInStack(String((e as Error).stack));
      headerLines = at === null ? 0 : at.line - 1;
    }
  }
  return headerLines ?? 0;
}

function positionInStack(stack: string): { line: number; column: number } | null {
  const m = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

/** Where in the reader's code the engine says an error happened. */
function errorPosition(stack: string, map: SourceMap): { line: number | null; column: number | null } {
  const at = positionInStack(stack);
  if (at === null) return { line: null, column: null };
  const line = at.line - functionHeaderLines();
  const column = line === 1 ? at.column - BODY_PREFIX.length : at.column;
  const original = originalPosition(map, line, column);
  return original ?? { line, column: null };
}

function asRunError(e: unknown, map: SourceMap): RunError {
  const err = e instanceof Error ? e : new Error(String(e));
  const importError = (err as { importError?: boolean }).importError === true;
  return {
    kind: importError ? 'import' : 'runtime',
    message: `${err.name || 'Error'}: ${err.message}`,
    ...errorPosition(String(err.stack), map),
  };
}

/**
 * The timer functions example code sees: the host's, counted, so the run knows whether output can
 * still come after it finished, and can cancel what nobody will see.
 */
function countedTimers(onError: (e: unknown) => void) {
  type Handle = ReturnType<typeof globalThis.setTimeout>;
  const pending = new Map<Handle, 'timeout' | 'interval'>();
  const guard = (fn: unknown, args: unknown[]) => (): void => {
    try {
      if (typeof fn === 'function') fn(...args);
    } catch (e) {
      onError(e);
    }
  };
  return {
    pending,
    scope: {
      setTimeout: (fn: unknown, ms?: number, ...args: unknown[]): Handle => {
        const h: Handle = globalThis.setTimeout(() => {
          pending.delete(h);
          guard(fn, args)();
        }, ms);
        pending.set(h, 'timeout');
        return h;
      },
      setInterval: (fn: unknown, ms?: number, ...args: unknown[]): Handle => {
        const h = globalThis.setInterval(guard(fn, args), ms);
        pending.set(h, 'interval');
        return h;
      },
      clearTimeout: (h: Handle) => {
        pending.delete(h);
        globalThis.clearTimeout(h);
      },
      clearInterval: (h: Handle) => {
        pending.delete(h);
        globalThis.clearInterval(h);
      },
    },
    cancelAll: () => {
      for (const [h, kind] of pending) (kind === 'timeout' ? globalThis.clearTimeout : globalThis.clearInterval)(h);
      pending.clear();
    },
  };
}

/**
 * Run example code with `options.modules` as the only importable modules. Returns what it printed
 * and the first error, with the line and column in `code` where the engine says it happened.
 */
export async function runExample(code: string, options: RunOptions): Promise<RunResult> {
  const { modules, onLate } = options;
  const compiled = compileExample(code);
  if (!compiled.ok) return { output: '', error: compiled.error, cut: null, timersPending: 0 };
  const sink = new OutputSink(options.limits ?? null);
  let finished = false;
  const print = (text: string) => {
    const kept = sink.add(text);
    if (finished) onLate?.({ text: kept, cut: sink.cut() });
  };
  const log = (...args: unknown[]) => print(formatLogArgs(args));
  const sandboxConsole = { log, info: log, warn: log, error: log, debug: log };
  const timers = countedTimers((e) => print(`Uncaught ${describeError(asRunError(e, compiled.map))}`));
  const require = (name: string) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    const names = Object.keys(modules)
      .map((n) => `'${n}'`)
      .join(', ');
    throw Object.assign(new Error(`Cannot import '${name}': examples can import only from ${names}`), { importError: true });
  };
  const finish = (error: RunError | null): RunResult => {
    finished = true;
    const timersPending = timers.pending.size;
    if (!onLate) timers.cancelAll();
    return { output: sink.text(), error, cut: sink.cut(), timersPending };
  };
  try {
    // The body starts on the function's first line, so line numbers in the stack map 1:1 (less the header).
    const fn = new Function(
      'require',
      'console',
      'exports',
      'module',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      `${BODY_PREFIX}${compiled.js}\n})();\n//# sourceURL=${SOURCE_URL}`,
    );
    const module = { exports: {} };
    const t = timers.scope;
    await fn(require, sandboxConsole, module.exports, module, t.setTimeout, t.setInterval, t.clearTimeout, t.clearInterval);
    return finish(null);
  } catch (e) {
    return finish(asRunError(e, compiled.map));
  }
}
