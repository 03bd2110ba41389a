/**
 * Answers and typed errors. Every public operation returns an `Answer`, the same shape the batch
 * JSON carries (CONTRACT.md "Batch mode"), so callers must handle failure and the CLI prints it as is.
 */

export type ErrorCode = 'BAD_INPUT' | 'RESERVED';

export interface ModelError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The offending input field, when there is one. */
  readonly field?: string;
  /** Architecturally permitted outcomes of a CONSTRAINED UNPREDICTABLE encoding, when enumerable. */
  readonly permitted?: readonly unknown[];
}

export type Answer<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: ModelError };

export function ok<T>(result: T): Answer<T> {
  return { ok: true, result };
}

export function fail<T = never>(error: ModelError): Answer<T> {
  return { ok: false, error };
}

export function badInput<T = never>(field: string | undefined, message: string): Answer<T> {
  return fail(field === undefined ? { code: 'BAD_INPUT', message } : { code: 'BAD_INPUT', message, field });
}

/**
 * Thrown only inside validators and caught at the operation boundary (`guarded`); never escapes the
 * API. Not an Error subclass: nothing reads its stack, and capturing one made each bad batch line
 * cost about 6 µs (most of the time of a batch of bad lines).
 */
export class InputError {
  constructor(
    readonly field: string | undefined,
    readonly message: string,
  ) {}
}

/** Runs a validating body; an `InputError` becomes a BAD_INPUT answer naming the field. */
export function guarded<T>(body: () => Answer<T>): Answer<T> {
  try {
    return body();
  } catch (e) {
    if (e instanceof InputError) return badInput(e.field, e.message);
    throw e;
  }
}
