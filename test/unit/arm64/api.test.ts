/** The arm64 operations as the contract shapes them: decodeMair (both input forms), decodeS2, combineDecoded. */
import { describe, expect, it } from 'vitest';
import { combineDecoded, decodeMair, decodeS2 } from '../../../src/model/arm64/api';
import { s1DecodeMemAttrs } from '../../../src/model/arm64/mair';
import { s2DecodeMemAttrs } from '../../../src/model/arm64/stage2';
import { expectError, expectOk } from '../../support/expect-ok';

// A register with a different meaning in every slot, so that a wrong slot shows (Attr0 first).
const REGISTER = [0xff, 0xf0, 0x44, 0x04, 0x00, 0x0c, 0x02, 0xbb];
const REGISTER_SUMMARIES = ['Normal-WB', 'Normal-WB', 'Normal-NC', 'Device-nGnRE', 'Device-nGnRnE', 'Device-GRE', null, 'Normal-WT'];

describe('decodeMair: one attribute byte', () => {
  it('flattens a Device byte: no cacheability, no hints, XS from the byte', () => {
    expect(expectOk(decodeMair({ mair: 0x05 }))).toEqual({
      mair: 0x05,
      memoryType: 'Device-nGnRE',
      inner: null,
      outer: null,
      innerAlloc: null,
      outerAlloc: null,
      innerTransient: null,
      outerTransient: null,
      xs: 0,
      tagged: false,
      summary: 'Device-nGnRE',
      explanation: 'Device-nGnRE, XS=0.',
    });
  });

  it('flattens a Normal byte side by side, with hints only on a cacheable side and no summary when the sides differ', () => {
    expect(expectOk(decodeMair({ mair: 0x4f }))).toEqual({
      mair: 0x4f,
      memoryType: 'Normal',
      inner: 'WB',
      outer: 'NC',
      innerAlloc: 'RWA',
      outerAlloc: null,
      innerTransient: false,
      outerTransient: null,
      xs: 1,
      tagged: false,
      summary: null,
      explanation: 'Normal: outer Non-cacheable; inner Write-Back Non-transient, allocate RWA; XS=1.',
    });
    expect(expectOk(decodeMair({ mair: 0xf4 }))).toMatchObject({
      inner: 'NC',
      outer: 'WB',
      innerAlloc: null,
      outerAlloc: 'RWA',
      innerTransient: null,
      outerTransient: false,
    });
  });

  it('explains transience, Write-Through and MTE tags', () => {
    expect(expectOk(decodeMair({ mair: 0x15 })).explanation).toBe(
      'Normal: outer Write-Through Transient, allocate WA; inner Write-Back Transient, allocate WA; XS=1.',
    );
    expect(expectOk(decodeMair({ mair: 0xf0 }))).toMatchObject({
      tagged: true,
      summary: 'Normal-WB',
      explanation:
        'Normal: outer Write-Back Non-transient, allocate RWA; inner Write-Back Non-transient, allocate RWA; XS=0. MTE Allocation Tagged.',
    });
  });

  it('agrees with the byte decoder on every byte and feature set: ok exactly when it decodes, RESERVED on mair otherwise', () => {
    for (const featXS of [true, false]) {
      for (const featMTE2 of [true, false]) {
        for (let byte = 0; byte < 256; byte++) {
          const raw = s1DecodeMemAttrs(byte, { featXS, featMTE2 });
          const api = decodeMair({ mair: byte, featXS, featMTE2 });
          expect(api.ok, `0x${byte.toString(16)}`).toBe(raw.ok);
          if (!api.ok) expect(api.error).toMatchObject({ code: 'RESERVED', field: 'mair' });
        }
      }
    }
  });

  it('says why a byte is refused: UNPREDICTABLE, or the feature it needs', () => {
    expect(expectError(decodeMair({ mair: 0x0e }))).toEqual({
      code: 'RESERVED',
      field: 'mair',
      message:
        'MAIR byte 0x0E UNPREDICTABLE: 0x0E is 0b0000dd1x: a Device encoding with Attr<1> set is UNPREDICTABLE (S1ConstrainUnpredictableRESMAIR)',
    });
    expect(expectError(decodeMair({ mair: 0xf0, featMTE2: false })).message).toBe(
      'MAIR byte 0xF0 needs FEAT_MTE2: 0xF0 (Allocation Tagged Normal WB) is defined only with FEAT_MTE2; without it the encoding is UNPREDICTABLE',
    );
  });

  it('refuses a bad byte, unknown fields and a missing byte, naming the field', () => {
    expect(expectError(decodeMair({ mair: 256 }))).toMatchObject({ code: 'BAD_INPUT', field: 'mair' });
    expect(expectError(decodeMair({ mair: 0x44, featXS: 'no' as unknown as boolean }))).toMatchObject({
      code: 'BAD_INPUT',
      field: 'featXS',
    });
    expect(expectError(decodeMair({ mair: 0x44, attr: 1 } as never))).toMatchObject({ code: 'BAD_INPUT', field: 'attr' });
    const missing = expectError(decodeMair({} as never));
    expect(missing).toMatchObject({ code: 'BAD_INPUT', field: 'mair' });
    expect(missing.message).toMatch(/mairAttrs .* with attrIndx/);
  });
});

describe('decodeMair: MAIR_EL1 as read, mairAttrs with attrIndx', () => {
  it('decodes the byte attrIndx selects, Attr0 first, and says which slot', () => {
    for (const [attrIndx, byte] of REGISTER.entries()) {
      const d = decodeMair({ mairAttrs: REGISTER, attrIndx });
      if (byte === 0x02) {
        expect(expectError(d)).toMatchObject({ code: 'RESERVED', field: `mairAttrs[${attrIndx}]` });
        continue;
      }
      const { explanation, ...rest } = expectOk(d, `Attr${attrIndx}`);
      expect(rest).toMatchObject({ mair: byte, attrIndx, summary: REGISTER_SUMMARIES[attrIndx], tagged: attrIndx === 1 });
      const { explanation: byteExplanation, ...byteRest } = expectOk(decodeMair({ mair: byte }));
      expect(rest).toEqual({ ...byteRest, attrIndx });
      expect(explanation).toBe(`MAIR_EL1.Attr${attrIndx} = 0x${byte.toString(16).padStart(2, '0').toUpperCase()}: ${byteExplanation}`);
    }
  });

  it('reports a reserved selected byte on its slot, and ignores reserved bytes in other slots', () => {
    expect(expectError(decodeMair({ mairAttrs: REGISTER, attrIndx: 6 }))).toEqual({
      code: 'RESERVED',
      field: 'mairAttrs[6]',
      message:
        'MAIR byte 0x02 UNPREDICTABLE: 0x02 is 0b0000dd1x: a Device encoding with Attr<1> set is UNPREDICTABLE (S1ConstrainUnpredictableRESMAIR)',
    });
    expect(expectError(decodeMair({ mairAttrs: REGISTER, attrIndx: 1, featMTE2: false }))).toMatchObject({
      code: 'RESERVED',
      field: 'mairAttrs[1]',
    });
    expect(expectOk(decodeMair({ mairAttrs: REGISTER, attrIndx: 2 })).summary).toBe('Normal-NC');
  });

  it('checks every byte of the register and names the one out of range', () => {
    const bad = [...REGISTER];
    bad[3] = 0x100;
    const error = expectError(decodeMair({ mairAttrs: bad, attrIndx: 0 }));
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'mairAttrs[3]' });
    expect(error.message).toMatch(/^mairAttrs\[3\] must be from 0 to 255/);
    bad[3] = '0x44' as unknown as number;
    expect(expectError(decodeMair({ mairAttrs: bad, attrIndx: 0 }))).toMatchObject({ code: 'BAD_INPUT', field: 'mairAttrs[3]' });
  });

  it('wants exactly eight bytes in an array', () => {
    for (const mairAttrs of [REGISTER.slice(0, 7), [...REGISTER, 0], 'ff', 0x44]) {
      const error = expectError(decodeMair({ mairAttrs: mairAttrs as number[], attrIndx: 0 }), JSON.stringify(mairAttrs));
      expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'mairAttrs' });
      expect(error.message).toMatch(/^mairAttrs must be an array of the 8 MAIR_EL1 attribute bytes, Attr0 first; got /);
    }
    expect(expectError(decodeMair({ mairAttrs: REGISTER.slice(0, 7), attrIndx: 0 })).message).toMatch(/got 7 entries$/);
    expect(expectError(decodeMair({ mairAttrs: 'ff' as unknown as number[], attrIndx: 0 })).message).toMatch(/got string$/);
  });

  it('wants attrIndx from 0 to 7 with mairAttrs', () => {
    expect(expectError(decodeMair({ mairAttrs: REGISTER, attrIndx: 8 }))).toMatchObject({ code: 'BAD_INPUT', field: 'attrIndx' });
    const missing = expectError(decodeMair({ mairAttrs: REGISTER } as never));
    expect(missing).toMatchObject({ code: 'BAD_INPUT', field: 'attrIndx' });
    expect(missing.message).toMatch(/^attrIndx is required with mairAttrs/);
    expect(expectOk(decodeMair({ mairAttrs: REGISTER, attrIndx: 7 }))).toMatchObject({ mair: 0xbb, attrIndx: 7 });
  });

  it('takes exactly one of the two forms', () => {
    const both = expectError(decodeMair({ mair: 0x44, mairAttrs: REGISTER, attrIndx: 2 } as never));
    expect(both).toMatchObject({ code: 'BAD_INPUT', field: 'mairAttrs' });
    expect(both.message).toMatch(/not both/);
    const indexWithoutRegister = expectError(decodeMair({ mair: 0x44, attrIndx: 2 } as never));
    expect(indexWithoutRegister).toMatchObject({ code: 'BAD_INPUT', field: 'attrIndx' });
    expect(indexWithoutRegister.message).toMatch(/give mairAttrs with it/);
    // A bad value is reported on its own field before the combination is judged.
    expect(expectError(decodeMair({ mair: 0x44, mairAttrs: 'x' } as never))).toMatchObject({ field: 'mairAttrs' });
    expect(expectError(decodeMair({ mair: null, mairAttrs: REGISTER, attrIndx: 0 } as never))).toMatchObject({ field: 'mair' });
    expect(expectError(decodeMair({ mair: 0x44, attrIndx: 9 } as never))).toMatchObject({ field: 'attrIndx' });
    expect(expectOk(decodeMair({ mair: 0x44 })).attrIndx).toBeUndefined();
  });
});

describe('decodeS2', () => {
  it('flattens each kind of stage-2 value', () => {
    expect(expectOk(decodeS2({ memAttr: 0x1 }))).toEqual({
      memAttr: 0x1,
      fwb: false,
      kind: 'Device',
      device: 'Device-nGnRE',
      inner: null,
      outer: null,
      explanation: 'Device-nGnRE',
    });
    expect(expectOk(decodeS2({ memAttr: 0x7 }))).toEqual({
      memAttr: 0x7,
      fwb: false,
      kind: 'Normal',
      device: null,
      inner: 'WB',
      outer: 'NC',
      explanation: 'Normal (outer NC, inner WB)',
    });
    expect(expectOk(decodeS2({ memAttr: 0x6, fwb: true }))).toEqual({
      memAttr: 0x6,
      fwb: true,
      kind: 'ForceWB',
      device: null,
      inner: null,
      outer: null,
      explanation: 'FWB forced Normal Write-Back (whatever stage 1 says)',
    });
    expect(expectOk(decodeS2({ memAttr: 0x2, fwb: true }))).toMatchObject({ fwb: true, kind: 'Device', device: 'Device-nGRE' });
  });

  it('lists the permitted values of a CONSTRAINED UNPREDICTABLE encoding, flattened, and none for a FWB reserved one', () => {
    const error = expectError(decodeS2({ memAttr: 0x8 }));
    expect(error).toMatchObject({ code: 'RESERVED', field: 'memAttr' });
    expect(error.message).toMatch(/^MemAttr 0x8 is Outer Write-Through with inner field 0b00/);
    expect(error.permitted).toEqual([0x9, 0xa, 0xb].map((v) => expectOk(decodeS2({ memAttr: v }))));
    expect(expectError(decodeS2({ memAttr: 0xc, fwb: true }))).toEqual({
      code: 'RESERVED',
      field: 'memAttr',
      message: 'MemAttr 0xC has bit 3 set; with FEAT_S2FWB, MemAttr[3] is RES0 unless FEAT_MTE_PERM is implemented (not modelled)',
    });
  });

  it('refuses a bad nibble, naming the field', () => {
    expect(expectError(decodeS2({ memAttr: 16 }))).toMatchObject({ code: 'BAD_INPUT', field: 'memAttr' });
    expect(expectError(decodeS2({ memAttr: 5, fwb: 1 as unknown as boolean }))).toMatchObject({ code: 'BAD_INPUT', field: 'fwb' });
  });
});

describe('combineDecoded, the core of combine over decoded attributes', () => {
  function decoded(byte: number, memAttr: number, fwb = false) {
    const s1 = s1DecodeMemAttrs(byte);
    const s2 = s2DecodeMemAttrs(memAttr, fwb);
    if (!s1.ok || !s2.ok) expect.fail('the test encodings decode');
    return [s1.attrs, s2.attrs] as const;
  }

  it('gives the contract result, with ISH/ISH, FnXS clear and the raw stage-1 SH when no options are given', () => {
    expect(combineDecoded(...decoded(0x44, 0x5))).toMatchObject({
      summary: 'Normal-NC',
      shareability: 'OSH',
      xs: 1,
      rule: 'normal-stricter-per-side',
    });
    expect(combineDecoded(...decoded(0xff, 0xa))).toMatchObject({
      inner: 'WT',
      outer: 'WT',
      innerAlloc: 'RWA',
      shareability: 'ISH',
      xs: 0,
    });
    expect(combineDecoded(...decoded(0x04, 0x6, true))).toMatchObject({
      summary: 'Normal-WB',
      shareability: 'ISH',
      xs: 0,
      rule: 'fwb-force-wb',
    });
    expect(combineDecoded(...decoded(0xf0, 0xf))).toMatchObject({ summary: 'Normal-WB', tagged: true, xs: 0 });
  });

  it('takes the options combine() takes', () => {
    const options = { s1Sh: 'NSH', s2Sh: 'NSH', s2FnXS: true, s1EffectiveSh: true } as const;
    expect(combineDecoded(...decoded(0x04, 0x6, true), options)).toMatchObject({ shareability: 'OSH', xs: 0 });
    expect(combineDecoded(...decoded(0xbb, 0xb), options)).toMatchObject({ shareability: 'NSH', xs: 0 });
  });
});
