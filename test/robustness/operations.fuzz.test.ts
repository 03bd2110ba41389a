/**
 * Every batch operation (iterated from OPERATIONS, so new ops are covered as they are added) and
 * runOperation, fed arbitrary input: never a throw, always `{ok:true,result}` or a typed error
 * (BAD_INPUT | RESERVED) with a message; a bad or unknown field is the field the error names.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, runOperation } from '../../src/model/operations';
import {
  answerProblem,
  anything,
  call,
  callProblem,
  fieldValue,
  JUNK,
  knownFields,
  nearValid,
  OPS,
  type Op,
  POLLUTION_KEYS,
  validInputs,
  withOwn,
} from './support';

const RUNS = { numRuns: 100 };

/** The error names `field` itself or a path into it ("kernels[0]"). */
function names(errorField: string | undefined, field: string): boolean {
  return errorField === field || (errorField?.startsWith(`${field}[`) ?? false) || (errorField?.startsWith(`${field}.`) ?? false);
}

let prototypeNames: string[] = [];
beforeAll(() => {
  prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => {
  // No input may have written to Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it('OPERATIONS lists the contract operations that exist so far', () => {
  expect(OPERATION_NAMES).toContain('combine');
  expect(OPS.length).toBe(OPERATION_NAMES.length);
});

describe.each(OPS.map(([name, op]) => ({ name, op })))('$name', ({ name, op }: { name: string; op: Op }) => {
  const fields = knownFields(op);
  const valid = validInputs(op, fields);

  it('answers arbitrary values (any type, nesting, prototype keys, NaN/Infinity/-0) with a well-formed answer', () => {
    fc.assert(
      fc.property(anything(fields), (input) => callProblem(op, input) === null),
      RUNS,
    );
  });

  it('answers objects made of its own field names with valid, junk and random values', () => {
    fc.assert(
      fc.property(nearValid(fields), (input) => callProblem(op, input) === null),
      { numRuns: 150 },
    );
  });

  it('has inputs it accepts, found by following its own error messages', () => {
    expect(valid.length, `no valid input found for ${name}; fields: ${fields.join(', ')}`).toBeGreaterThan(0);
    for (const input of valid) expect(call(op, input)?.ok, JSON.stringify(input)).toBe(true);
  });

  it('a junk value in any one field of a valid input is BAD_INPUT naming that field', () => {
    const candidates = [...new Set([...fields, ...valid.flatMap((v) => Object.keys(v))])];
    if (candidates.length === 0) {
      // An op without fields (claims): any field at all is unknown.
      expect(fields).toEqual([]);
      return;
    }
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.constantFrom(...candidates), fc.constantFrom(...JUNK), (base, field, junk) => {
        const a = call(op, { ...base, [field]: junk });
        return a !== null && !a.ok && a.error.code === 'BAD_INPUT' && names(a.error.field, field) && a.error.message.trim() !== '';
      }),
      { numRuns: 150 },
    );
  });

  it('an unknown field, including prototype keys, is BAD_INPUT naming it', () => {
    const unknown = fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'op', 'Kernel', ' kernel'), fc.string({ minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(fc.constantFrom(...valid), unknown, fieldValue(fields), (base, key, value) => {
        fc.pre(!fields.includes(key));
        const a = call(op, withOwn(base, key, value));
        return a !== null && !a.ok && a.error.code === 'BAD_INPUT' && a.error.field === key;
      }),
      RUNS,
    );
  });

  it('gives a null-prototype or frozen copy of a valid input the same answer', () => {
    for (const input of valid) {
      const expected = JSON.stringify(call(op, input));
      expect(JSON.stringify(call(op, Object.assign(Object.create(null), input)))).toBe(expected);
      expect(JSON.stringify(call(op, Object.freeze({ ...input })))).toBe(expected);
    }
  });
});

describe('runOperation (batch requests)', () => {
  const opName = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...OPERATION_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS, '', 'COMBINE', 'combine ', null, 5, [], {}) },
    { weight: 1, arbitrary: anything() },
  );
  const allFields = [...new Set(OPS.flatMap(([, op]) => knownFields(op)))];

  it('answers arbitrary values with a well-formed answer', () => {
    fc.assert(
      fc.property(anything(allFields), (request) => answerProblem(runOperation(request)) === null),
      { numRuns: 200 },
    );
  });

  it('answers {op, ...fields} with any op and near-valid fields with a well-formed answer', () => {
    fc.assert(
      fc.property(opName, nearValid(allFields), (op, fields) => answerProblem(runOperation(withOwn(fields, 'op', op))) === null),
      { numRuns: 300 },
    );
  });

  it('an unknown or non-string op is BAD_INPUT naming "op"', () => {
    fc.assert(
      fc.property(anything(), (op) => {
        fc.pre(!(typeof op === 'string' && (OPERATION_NAMES as readonly string[]).includes(op)));
        const a = runOperation(withOwn({}, 'op', op));
        return !a.ok && a.error.code === 'BAD_INPUT' && a.error.field === 'op';
      }),
      RUNS,
    );
  });

  it('requests parsed from JSON with prototype keys are refused, and Object.prototype stays clean', () => {
    for (const key of POLLUTION_KEYS) {
      for (const [name] of OPS) {
        const request = JSON.parse(`{"op":${JSON.stringify(name)},${JSON.stringify(key)}:{"polluted":1,"prototype":{"polluted":1}}}`);
        const a = runOperation(request);
        expect(a, `${name} with ${key}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: key } });
      }
    }
  });
});
