/**
 * The decoders at every layer: the raw MAIR-byte and MemAttr-nibble decoders and the API decoders over
 * their whole domain, checked against an independent reading of the encodings (the pseudocode oracle
 * of the differential test, and the stage-2 reserved set as the Arm ARM lists it), the batch line
 * decoder (answerLine) on arbitrary text, and the CLI's flag decoding (runCommand in-process) on
 * arbitrary argv.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerLine, LINE_LIMIT } from '../../src/cli/batch';
import { COMMANDS } from '../../src/cli/commands/index';
import { EXIT, runCommand } from '../../src/cli/main';
import { encodeMair, s1DecodeMemAttrs } from '../../src/model/arm64/mair';
import { describeS2, s2DecodeMemAttrs } from '../../src/model/arm64/stage2';
import { decodeMair, decodeS2 } from '../../src/model/index';
import { expectError, expectOk } from '../support/expect-ok';
import { s1Decode } from '../unit/arm64/pseudocode-oracle';
import { answerProblem, anything, JUNK, POLLUTION_KEYS } from './support';

const FEATURES = [
  { featXS: true, featMTE2: true },
  { featXS: true, featMTE2: false },
  { featXS: false, featMTE2: true },
  { featXS: false, featMTE2: false },
];

/** Reserved stage-2 MemAttr values (Arm ARM, FEAT_S2FWB disabled / enabled; no FEAT_MTE_PERM). */
function s2Reserved(v: number, fwb: boolean): boolean {
  return fwb ? v === 0b0100 || v >= 0b1000 : v >> 2 !== 0 && (v & 3) === 0;
}

describe('decoders over their whole domain', () => {
  it('every MAIR byte under every feature set decodes exactly when the pseudocode defines it, in the raw decoder and the API', () => {
    for (const features of FEATURES) {
      for (let byte = 0; byte <= 255; byte++) {
        const label = `0x${byte.toString(16)} ${JSON.stringify(features)}`;
        const defined = s1Decode(byte, features.featXS, features.featMTE2) !== null;
        const raw = s1DecodeMemAttrs(byte, features);
        const api = decodeMair({ mair: byte, ...features });
        expect(raw.ok, label).toBe(defined);
        if (raw.ok) {
          // A defined byte re-encodes to itself, and the API names its summary type only when inner and outer agree.
          expect(encodeMair(raw.attrs), label).toBe(byte);
          const result = expectOk(api, label);
          expect(result.mair, label).toBe(byte);
          expect(result.summary === null, label).toBe(result.memoryType === 'Normal' && result.inner !== result.outer);
        } else {
          expect(raw.fault.why.trim(), label).not.toBe('');
          expect(expectError(api, label)).toMatchObject({ code: 'RESERVED', field: 'mair' });
        }
      }
    }
  });

  it('every MemAttr nibble, FWB off and on, is reserved exactly as the Arm ARM lists, with a reason and decodable alternatives', () => {
    for (const fwb of [false, true]) {
      for (let v = 0; v <= 15; v++) {
        const label = `0x${v.toString(16)} fwb=${fwb}`;
        const raw = s2DecodeMemAttrs(v, fwb);
        const api = decodeS2({ memAttr: v, fwb });
        expect(raw.ok, label).toBe(!s2Reserved(v, fwb));
        if (raw.ok) {
          expect(describeS2(raw.attrs).trim(), label).not.toBe('');
          expect(expectOk(api, label)).toMatchObject({ memAttr: v, fwb });
        } else {
          expect(raw.reserved.why.trim(), label).not.toBe('');
          expect(expectError(api, label)).toMatchObject({ code: 'RESERVED', field: 'memAttr' });
          // Only FWB off has enumerable outcomes: the same outer field with each defined inner field.
          const alternatives = raw.reserved.permitted?.map((p) => p.memAttr);
          expect(alternatives, label).toEqual(fwb ? undefined : [1, 2, 3].map((inner) => (v & 0b1100) | inner));
          for (const p of raw.reserved.permitted ?? [])
            expect(s2DecodeMemAttrs(p.memAttr, fwb), label).toEqual({ ok: true, attrs: p.attrs });
        }
      }
    }
  });
});

describe('the batch line decoder (answerLine)', () => {
  const jsonish = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(...POLLUTION_KEYS).map((k) => `{"op":"combine",${JSON.stringify(k)}:{"polluted":1}}`),
    fc.constantFrom(
      '',
      '\r',
      ' \r',
      '\u0000',
      '\ufeff{"op":"combine"}',
      '{"op":"combine","s1Mair":4,"s2MemAttr":5}\r',
      'null',
      '[]',
      '1e999',
      '-0',
    ),
  );

  it('answers any text, JSON or not, with one well-formed answer', () => {
    fc.assert(
      fc.property(jsonish, (line) => answerProblem(answerLine(line)) === null),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('removes a trailing "\\r"; a "\\r" elsewhere stays in the line', () => {
    const good = '{"op":"combine","s1Mair":4,"s2MemAttr":5}';
    expect(answerLine(`${good}\r`).ok).toBe(true);
    expect(answerLine('\r')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/empty/) } });
    // Inside a JSON string a raw "\r" is a control character, so the line is not JSON.
    expect(answerLine('{"op":"comb\rine","s1Mair":4,"s2MemAttr":5}')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(answerLine('\r{"op":"combine","s1Mair":4,"s2MemAttr":5}').ok).toBe(true); // leading "\r" is JSON whitespace
  });

  it('parses a line just under the limit in full', () => {
    const pad = 'x'.repeat(LINE_LIMIT - 100);
    const a = answerLine(`{"op":"combine","s1Mair":4,"s2MemAttr":5,"pad":"${pad}"}`);
    expect(a).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'pad' } });
  });
});

describe('the CLI decoding flags (runCommand in-process)', () => {
  const names = COMMANDS.map((c) => c.name);
  const flagNames = [...new Set(COMMANDS.flatMap((c) => c.flags.map((f) => `--${f.flag}`)))];
  const enumValues = COMMANDS.flatMap((c) =>
    c.flags.flatMap((f) => (f.kind.type === 'enum' || f.kind.type === 'list' ? f.kind.values : [])),
  );
  const word = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(...flagNames, '--json', '--help', '--table', '--', '-', '--=', '--__proto__', '--constructor'),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '0',
        '4',
        '5',
        '68',
        '0x44',
        '0xff',
        '0x1ff',
        '256',
        '-1',
        '1.5',
        '0b101',
        'true',
        'false',
        ' 7 ',
        '0x',
        '',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...enumValues, 'vfio-pci,VM_IO', 'VM_IO,,VM_PFNMAP') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK.filter((j): j is string => typeof j === 'string')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...flagNames), fc.string({ maxLength: 8 })).map(([f, v]) => `${f}=${v}`) },
  );
  const argv = fc.tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    fc.array(word, { maxLength: 8 }),
  );

  it('never throws; exits 0, 2 or 3; a failure prints exactly one stderr line first, and --json prints one answer', () => {
    fc.assert(
      fc.property(argv, ([name, rest]) => {
        const out: string[] = [];
        const err: string[] = [];
        const status = runCommand([name, ...rest], { out: (t) => out.push(t), err: (t) => err.push(t) });
        if (status === EXIT.ok) return err.length === 0 && out.length === 1 && out[0] !== '';
        if (status !== EXIT.badInput && status !== EXIT.reserved) return false;
        if (err.length !== 1) return false;
        const [first, ...permitted] = (err[0] as string).split('\n');
        // BAD_INPUT is one line; RESERVED may list the permitted outcomes on further lines.
        if (!first || (status === EXIT.badInput && permitted.length > 0)) return false;
        if (rest.includes('--json') && !rest.includes('--help') && COMMANDS.some((c) => c.name === name)) {
          return out.length === 1 && answerProblem(JSON.parse(out[0] as string)) === null;
        }
        return true;
      }),
      { numRuns: 600 },
    );
  });

  it('a bad value for a flag names the field it fills', () => {
    for (const c of COMMANDS) {
      for (const f of c.flags) {
        if (f.kind.type === 'bool') continue;
        const err: string[] = [];
        const status = runCommand([c.name, `--${f.flag}`, '\u0000junk'], { out: () => {}, err: (t) => err.push(t) });
        expect(status, `${c.name} --${f.flag}`).toBe(EXIT.badInput);
        expect(err.join('\n'), `${c.name} --${f.flag}`).toContain(f.field);
      }
    }
  });

  it('answers arbitrary argv arrays of any strings without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 6 }), anything(), (args, _) => {
        const status = runCommand(args, { out: () => {}, err: () => {} });
        return status === EXIT.ok || status === EXIT.badInput || status === EXIT.reserved;
      }),
      { numRuns: 300 },
    );
  });
});
