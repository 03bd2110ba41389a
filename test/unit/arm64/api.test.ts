/** The arm64 operations as the contract shapes them: decodeMair, decodeS2, combineDecoded. */
import { describe, expect, it } from 'vitest';
import { combineDecoded, decodeMair, decodeS2 } from '../../../src/model/arm64/api';
import { s1DecodeMemAttrs } from '../../../src/model/arm64/mair';
import { s2DecodeMemAttrs } from '../../../src/model/arm64/stage2';
import { expectError, expectOk } from '../../support/expect-ok';

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
    expect(expectError(decodeMair({} as never))).toMatchObject({ code: 'BAD_INPUT', field: 'mair' });
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
