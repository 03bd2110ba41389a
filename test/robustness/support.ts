/**
 * Shared pieces of the robustness suite: what a well-formed answer is, a pool of input values built
 * from the model's own vocabulary, junk values that no field accepts, and a search that finds valid
 * inputs for any operation from its error messages alone (so a new op in OPERATIONS is covered
 * without editing this suite).
 */
import fc from 'fast-check';
import type { Answer } from '../../src/model/index';
import * as model from '../../src/model/index';
import { OPERATIONS } from '../../src/model/operations';

export type Op = (input: unknown) => Answer<unknown>;

export const OPS: readonly (readonly [string, Op])[] = Object.entries(OPERATIONS).map(([name, op]) => [name, op as unknown as Op]);

/** Why `answer` is not a well-formed Answer (CONTRACT.md "Batch mode"), or null when it is. */
export function answerProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return `not an object: ${String(answer)}`;
  const a = answer as Record<string, unknown>;
  if (a.ok === true) {
    if (!('result' in a) || a.result === undefined) return 'ok:true without a result';
    if ('error' in a) return 'ok:true with an error';
  } else if (a.ok === false) {
    const e = a.error as Record<string, unknown> | undefined;
    if (typeof e !== 'object' || e === null) return 'ok:false without an error object';
    if (e.code !== 'BAD_INPUT' && e.code !== 'RESERVED') return `error code ${String(e.code)}`;
    if (typeof e.message !== 'string' || e.message.trim() === '') return 'empty error message';
    if (/internal error/i.test(e.message)) return `an operation threw: ${e.message}`;
    if (e.field !== undefined && typeof e.field !== 'string') return `bad error.field ${String(e.field)}`;
    if (e.permitted !== undefined && !Array.isArray(e.permitted)) return 'error.permitted is not an array';
  } else return `ok is ${String(a.ok)}`;
  try {
    if (typeof JSON.stringify(answer) !== 'string') return 'does not serialise to JSON';
  } catch (err) {
    return `JSON.stringify throws: ${String(err)}`;
  }
  return null;
}

/** Calls `op`, turning a throw into a problem report so fast-check shrinks to the input that threw. */
export function callProblem(op: Op, input: unknown): string | null {
  let answer: Answer<unknown>;
  try {
    answer = op(input);
  } catch (err) {
    return `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  }
  return answerProblem(answer);
}

export function call(op: Op, input: unknown): Answer<unknown> | null {
  try {
    return op(input);
  } catch {
    return null;
  }
}

// ---- values ---------------------------------------------------------------------------------------

/** Every string array the public API exports (memory types, kernel versions, VMA flags, MT_*, ...). */
const VOCABULARY_LISTS: readonly (readonly string[])[] = (Object.values(model) as unknown[]).filter(
  (v): v is readonly string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'),
);

/** Candidate values a field might accept: the model's vocabulary, small integers, booleans, sets. */
export const POOL: readonly unknown[] = [
  true,
  false,
  ...Array.from({ length: 17 }, (_, i) => i),
  32,
  64,
  68,
  128,
  255,
  ...new Set(VOCABULARY_LISTS.flat()),
  ...VOCABULARY_LISTS.flatMap((list) => [[], [list[0]], list.slice(0, 2), list.slice(-2), [...list]]),
];

const HUGE_STRING = 'x'.repeat(1 << 20);

/** Values that no input field accepts: wrong types, non-integers, out-of-range and nested junk. */
export const JUNK: readonly unknown[] = [
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 53,
  -(2 ** 31),
  Number.MIN_VALUE,
  '',
  ' ',
  '\u0000',
  'not-a-value',
  '0x44',
  '6.8 ',
  HUGE_STRING,
  '__proto__',
  {},
  { __proto__: null, polluted: 1 },
  { value: 1 },
  [[]],
  [null],
  [{}],
  [Number.NaN],
  [HUGE_STRING],
  10n,
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array(4),
  Symbol('junk'),
  () => 1,
];

/** Keys that attack prototypes or shadow Object.prototype members. */
export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

/** `{[key]: value}` with `key` as an own property even when it is "__proto__" (as JSON.parse makes it). */
export function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const specialNumbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  1.5,
  256,
  2 ** 32,
  2 ** 53,
  Number.MAX_VALUE,
);
const keys = (fields: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...fields, ...POLLUTION_KEYS, 'op', ''),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );

/** Anything at all, with nasty keys, numbers and containers mixed in. */
export function anything(fields: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({
      key: keys(fields),
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
    specialNumbers,
    fc.constantFrom(...JUNK),
  );
}

/** A field value: sometimes valid vocabulary, sometimes junk, sometimes anything. */
export function fieldValue(fields: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...POOL) },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK) },
    { weight: 1, arbitrary: specialNumbers },
    { weight: 1, arbitrary: anything(fields) },
  );
}

/** An object whose keys are mostly the op's own field names, with values from `fieldValue`. */
export function nearValid(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const keyArb =
    fields.length > 0
      ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: keys(fields) })
      : keys(fields);
  // An op without fields answers {} the same way every time (and claims() is slow): always add a key.
  return fc
    .array(fc.tuple(keyArb, fieldValue(fields)), { minLength: fields.length === 0 ? 1 : 0, maxLength: fields.length + 2 })
    .map((entries) => {
      let out: Record<string, unknown> = {};
      for (const [k, v] of entries) out = withOwn(out, k, v);
      return out;
    });
}

// ---- finding valid inputs -------------------------------------------------------------------------

/** The op's field names, read from its "unknown field" error (CONTRACT.md: unknown fields are BAD_INPUT). */
export function knownFields(op: Op): string[] {
  const a = call(op, { '\u0000probe': 1 });
  if (!a || a.ok) return [];
  const m = /known fields: (.*)$/.exec(a.error.message);
  return m?.[1] ? m[1].split(/,\s*/).filter((f) => /^[A-Za-z_$][\w$]*$/.test(f)) : [];
}

/** A small deterministic generator, so the search finds the same inputs on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Inputs the op accepts, found by following its errors: start from {}, and while the answer names a
 * field, give that field the first pool value that moves the error elsewhere. Optional fields are
 * then set to values that keep the input valid. Several seeds give several different inputs.
 */
export function validInputs(op: Op, fields: readonly string[], attempts = 12): Record<string, unknown>[] {
  const found = new Map<string, Record<string, unknown>>();
  for (let seed = 1; seed <= attempts; seed++) {
    const random = rng(seed * 7919);
    let input: Record<string, unknown> = {};
    for (let step = 0; step < 4 * (fields.length + 2); step++) {
      const a = call(op, input);
      if (a === null) break;
      if (a.ok) {
        found.set(JSON.stringify(input), input);
        break;
      }
      const field = a.error.field;
      if (field === undefined) break;
      const next = shuffled(POOL, random).find((value) => {
        const b = call(op, { ...input, [field]: value });
        return b !== null && (b.ok || b.error.field !== field);
      });
      if (next === undefined) break;
      input = { ...input, [field]: next };
    }
  }
  // Optional fields: add each with a value that keeps the input valid.
  for (const [i, base] of [...found.values()].entries()) {
    const random = rng(i + 101);
    let input = base;
    for (const field of shuffled(fields, random)) {
      if (field in input) continue;
      const value = shuffled(POOL, random).find((v) => call(op, { ...input, [field]: v })?.ok === true);
      if (value !== undefined) input = { ...input, [field]: value };
    }
    found.set(JSON.stringify(input), input);
  }
  return [...found.values()];
}
