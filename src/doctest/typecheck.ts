/**
 * Type-checks example code against the model's types, as the TypeScript playground does: a language
 * service over virtual files (@typescript/vfs) holding the TypeScript lib files, the model's sources
 * under their module name, and the globals the runner gives example code. The page's type-check
 * worker and the Node doc tests (`norun error="TS2322"` blocks, every example) call the same
 * `createTypeChecker`; only where `ts` and the files come from differs. Pure: no Node, no DOM.
 */
import { createSystem, createVirtualTypeScriptEnvironment } from '@typescript/vfs';
import type * as TS from 'typescript';
import type { TypeDiagnostic } from './diagnostics';

/** The files a checker needs: virtual path -> text, and the entry file of each importable module. */
export interface TypeCheckFiles {
  readonly files: Readonly<Record<string, string>>;
  /** Module name -> virtual path of its entry file, e.g. `{ memattr: '/memattr/index.ts' }`. */
  readonly modules: Readonly<Record<string, string>>;
}

/** The lib example code is checked against: what the project's tsconfig targets, without the DOM. */
export const EXAMPLE_LIB = 'lib.es2022.d.ts';

/** Where the runner's globals are declared among the virtual files. */
export const GLOBALS_FILE = '/example-globals.d.ts';

/** What example code sees besides its imports: the runner's console and counted timers (run.ts). */
export const EXAMPLE_GLOBALS = `interface ExampleConsole {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}
declare var console: ExampleConsole;
type TimerHandle = number & { readonly __timer: unique symbol };
declare function setTimeout<A extends unknown[]>(handler: (...args: A) => void, timeout?: number, ...args: A): TimerHandle;
declare function setInterval<A extends unknown[]>(handler: (...args: A) => void, timeout?: number, ...args: A): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;
declare function clearInterval(handle: TimerHandle | undefined): void;
`;

/** The project's strictness (tsconfig.json), so a reader sees the errors `tsc` would report. */
function compilerOptions(ts: typeof TS, modules: TypeCheckFiles['modules']): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    lib: [EXAMPLE_LIB],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Top-level await works in every example, with or without an import.
    moduleDetection: ts.ModuleDetectionKind.Force,
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    paths: Object.fromEntries(Object.entries(modules).map(([name, entry]) => [name, [entry]])),
  };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A checker over `files`: give it a virtual file name (one per example) and the code; get its type errors. */
export function createTypeChecker(ts: typeof TS, env: TypeCheckFiles): (fileName: string, code: string) => TypeDiagnostic[] {
  const files = new Map(Object.entries(env.files));
  files.set(GLOBALS_FILE, EXAMPLE_GLOBALS);
  const system = createSystem(files);
  const vfs = createVirtualTypeScriptEnvironment(system, [GLOBALS_FILE], ts, compilerOptions(ts, env.modules));
  return (fileName, code) => {
    if (code.trim() === '') return [];
    if (vfs.getSourceFile(fileName)) vfs.updateFile(fileName, code);
    else vfs.createFile(fileName, code);
    const found = [...vfs.languageService.getSyntacticDiagnostics(fileName), ...vfs.languageService.getSemanticDiagnostics(fileName)];
    return found.map((d) => {
      const start = position(code, d.start ?? 0);
      const end = position(code, (d.start ?? 0) + (d.length ?? 0));
      return {
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    });
  };
}
