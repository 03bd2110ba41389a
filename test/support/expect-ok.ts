/**
 * Assertions on the model's answers (`{ ok: true, result }` or `{ ok: false, error }`), shared by all
 * tests: each asserts the outcome first, with the other side's message on failure, and returns what
 * the test goes on to check, so no assertion is skipped when the outcome is the wrong one.
 */
import { expect } from 'vitest';

interface ErrorLike {
  readonly message: string;
  readonly code?: string;
  readonly field?: string;
}

function describeError(error: ErrorLike): string {
  const where = [error.code, error.field].filter((part) => part !== undefined).join(' ');
  return where === '' ? error.message : `${where}: ${error.message}`;
}

type AnswerLike<T, E extends ErrorLike> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: E };

/** Asserts the answer succeeded (showing the error message if not) and returns its result. */
export function expectOk<T, E extends ErrorLike>(answer: AnswerLike<T, E>, what?: string): T {
  if (!answer.ok) expect.fail(`${what === undefined ? '' : `${what}: `}expected ok, got error ${describeError(answer.error)}`);
  return answer.result;
}

/** Asserts the answer failed (showing the result if not) and returns its error. */
export function expectError<T, E extends ErrorLike>(answer: AnswerLike<T, E>, what?: string): E {
  if (answer.ok) expect.fail(`${what === undefined ? '' : `${what}: `}expected an error, got ok: ${JSON.stringify(answer.result)}`);
  return answer.error;
}
