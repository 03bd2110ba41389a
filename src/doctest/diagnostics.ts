/**
 * A type error as the type checker (./typecheck.ts) reports it. Apart from the checker so the page's
 * main thread can show errors without bundling @typescript/vfs (or, through it, TypeScript).
 */
export interface TypeDiagnostic {
  /** The TypeScript error number: 2322 for TS2322. */
  readonly code: number;
  readonly message: string;
  /** 1-based line and column where the error starts, and where it ends. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** `line 3, column 7: TS2322: Type 'string' is not assignable to type 'number'.` */
export function describeTypeDiagnostic(d: TypeDiagnostic): string {
  return `line ${d.line}, column ${d.column}: TS${d.code}: ${d.message}`;
}
