import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/model/arm64/api';
import { expectError, expectOk } from '../../support/expect-ok';

function effective(s1Mair: number, s2MemAttr: number, extra: Partial<Parameters<typeof combine>[0]> = {}) {
  return expectOk(combine({ s1Mair, s2MemAttr, ...extra }), `S1 0x${s1Mair.toString(16)} S2 0x${s2MemAttr.toString(16)}`);
}

describe('combine(): the rules, one by one', () => {
  it('Device vs Device: the stricter type wins (S2CombineS1Device)', () => {
    expect(effective(0x0c, 0x1).memoryType).toBe('Device-nGnRE');
    expect(effective(0x00, 0x3).memoryType).toBe('Device-nGnRnE');
    expect(effective(0x08, 0x2).rule).toBe('device-stricter');
  });

  it('a guest Device-GRE under stage-2 Normal-NC stays Device-GRE (Device beats Normal)', () => {
    const r = effective(0x0c, 0x5);
    expect(r.memoryType).toBe('Device-GRE');
    expect(r.rule).toBe('s1-device-over-s2-normal');
  });

  it('stage-2 Device overrides a guest Normal-WB', () => {
    expect(effective(0xff, 0x1)).toMatchObject({ memoryType: 'Device-nGnRE', rule: 's2-device-over-s1-normal' });
  });

  it('Normal vs Normal: NC beats WT beats WB, per side, hints from stage 1', () => {
    expect(effective(0xff, 0xe)).toMatchObject({ inner: 'WT', outer: 'WB', innerAlloc: 'RWA', outerAlloc: 'RWA' });
    expect(effective(0xff, 0x7)).toMatchObject({ inner: 'WB', outer: 'NC', innerAlloc: 'RWA', outerAlloc: null });
  });

  it('keeps stage 1 transience when stage-2 WT wins over stage-1 WB transient (QEMU defect Q3 is not repeated)', () => {
    expect(effective(0x15, 0xa)).toMatchObject({ inner: 'WT', innerAlloc: 'WA', innerTransient: true });
  });

  it('Device and Normal NC/NC results are Outer Shareable whatever the SH fields say', () => {
    expect(effective(0x04, 0x5, { s1Sh: 'NSH', s2Sh: 'NSH' }).shareability).toBe('OSH');
    expect(effective(0x44, 0xf, { s1Sh: 'NSH', s2Sh: 'ISH' }).shareability).toBe('OSH');
    expect(effective(0x40, 0xf, { s1Sh: 'ISH', s2Sh: 'ISH' }).shareability).toBe('OSH');
  });

  it('cacheable Normal results take the more shareable of the two SH fields', () => {
    expect(effective(0xff, 0xf, { s1Sh: 'NSH', s2Sh: 'ISH' }).shareability).toBe('ISH');
    expect(effective(0xff, 0xf, { s1Sh: 'OSH', s2Sh: 'NSH' }).shareability).toBe('OSH');
    expect(effective(0xff, 0xf, { s1Sh: 'NSH', s2Sh: 'NSH' }).shareability).toBe('NSH');
  });

  it('XS: Normal WB/WB is XS=0; otherwise XS is 0 when either stage says so (FnXS or an XS=0 byte)', () => {
    expect(effective(0xff, 0xf).xs).toBe(0);
    expect(effective(0x44, 0x5).xs).toBe(1);
    expect(effective(0x44, 0x5, { s2FnXS: true }).xs).toBe(0);
    expect(effective(0x05, 0x5).xs).toBe(0);
  });

  it('MTE: 0xF0 stays Tagged only as WB/WB RWA non-transient', () => {
    expect(effective(0xf0, 0xf).tagged).toBe(true);
    expect(effective(0xf0, 0x5).tagged).toBe(false);
    expect(effective(0xf0, 0xe).tagged).toBe(false);
    expect(effective(0xf0, 0x6, { fwb: true }).tagged).toBe(true);
  });
});

describe('combine() with FEAT_S2FWB', () => {
  it('0b110 forces Normal Write-Back even over a guest Device mapping', () => {
    expect(effective(0x00, 0x6, { fwb: true })).toMatchObject({
      memoryType: 'Normal',
      inner: 'WB',
      outer: 'WB',
      innerAlloc: 'RWA',
      xs: 0,
      rule: 'fwb-force-wb',
    });
  });

  it('0b110 keeps stage-1 hints for a cacheable side and uses RWA non-transient for an NC side', () => {
    expect(effective(0x4a, 0x6, { fwb: true })).toMatchObject({
      inner: 'WB',
      innerAlloc: 'RA',
      innerTransient: false,
      outer: 'WB',
      outerAlloc: 'RWA',
      outerTransient: false,
    });
  });

  it('0b101 keeps a stage-1 Device type and makes a stage-1 Normal type NC', () => {
    expect(effective(0x0c, 0x5, { fwb: true })).toMatchObject({ memoryType: 'Device-GRE', rule: 'fwb-nc-keeps-s1-device' });
    expect(effective(0xff, 0x5, { fwb: true })).toMatchObject({ memoryType: 'Normal', inner: 'NC', outer: 'NC', rule: 'fwb-nc' });
  });

  it('a Device encoding still combines with a stricter stage-1 Device type (QEMU defect Q2 is not repeated)', () => {
    expect(effective(0x00, 0x1, { fwb: true }).memoryType).toBe('Device-nGnRnE');
  });

  it('the default raw stage-1 SH and the IMPDEF effective-SH choice differ for FWB 0b110 over Device', () => {
    expect(effective(0x04, 0x6, { fwb: true, s1Sh: 'NSH', s2Sh: 'NSH' }).shareability).toBe('NSH');
    expect(effective(0x04, 0x6, { fwb: true, s1Sh: 'NSH', s2Sh: 'NSH', s1EffectiveSh: true }).shareability).toBe('OSH');
  });

  it('MemAttr 0x1 and 0x5 give the same results with FWB on and off, and FWB 0x7 equals FWB-off 0xF', () => {
    for (let s1 = 0; s1 < 256; s1++) {
      for (const [a, b] of [
        [0x1, 0x1],
        [0x5, 0x5],
        [0x7, 0xf],
      ] as const) {
        const on = combine({ s1Mair: s1, s2MemAttr: a, fwb: true });
        const off = combine({ s1Mair: s1, s2MemAttr: b, fwb: false });
        if (!on.ok || !off.ok) {
          expect(on.ok).toBe(off.ok);
          continue;
        }
        const { rule: _r1, explanation: _e1, ...x } = on.result;
        const { rule: _r2, explanation: _e2, ...y } = off.result;
        expect(x, `S1 0x${s1.toString(16)} FWB 0x${a.toString(16)} vs 0x${b.toString(16)}`).toEqual(y);
      }
    }
  });
});

describe('the stage-1 x stage-2 table of commit 8c47ce3e1d2c ("Set io memory s2 pte as normalnc")', () => {
  // S1 | S2 NORMAL-NC | Result, as the commit message tabulates it.
  const rows = [
    ['NORMAL-WB', 0xff, 'Normal-NC'],
    ['NORMAL-WT', 0xbb, 'Normal-NC'],
    ['NORMAL-NC', 0x44, 'Normal-NC'],
    ['DEVICE-nGnRnE', 0x00, 'Device-nGnRnE'],
    ['DEVICE-nGnRE', 0x04, 'Device-nGnRE'],
    ['DEVICE-nGRE', 0x08, 'Device-nGRE'],
    ['DEVICE-GRE', 0x0c, 'Device-GRE'],
  ] as const;
  for (const [label, mair, want] of rows) {
    it(`${label} over stage-2 Normal-NC gives ${want}, with FWB off and on`, () => {
      expect(effective(mair, 0x5).summary).toBe(want);
      expect(effective(mair, 0x5, { fwb: true }).summary).toBe(want);
    });
  }
});

describe("KVM's stage-2 values against the guest's usual bytes (reference §3.3, ISH/ISH)", () => {
  const guests = [0x00, 0x04, 0x08, 0x0c, 0x44, 0xbb, 0xff];
  const table: [string, number, boolean, string[]][] = [
    [
      'DEVICE_nGnRE',
      0x1,
      false,
      ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGnRE', 'Device-nGnRE', 'Device-nGnRE', 'Device-nGnRE', 'Device-nGnRE'],
    ],
    ['NORMAL_NC', 0x5, false, ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-NC', 'Normal-NC']],
    ['NORMAL', 0xf, false, ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-WT', 'Normal-WB']],
    ['FWB NORMAL', 0x6, true, ['Normal-WB', 'Normal-WB', 'Normal-WB', 'Normal-WB', 'Normal-WB', 'Normal-WB', 'Normal-WB']],
  ];
  for (const [name, s2, fwb, want] of table) {
    it(`${name} (0x${s2.toString(16)}${fwb ? ', FWB' : ''})`, () => {
      expect(guests.map((g) => effective(g, s2, { fwb }).summary)).toEqual(want);
    });
  }
});

describe('combine() rejects bad and reserved input with a reason', () => {
  it('names the field of an out-of-range or mistyped value', () => {
    expect(combine({ s1Mair: 0x1ff, s2MemAttr: 5 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 's1Mair' } });
    expect(combine({ s1Mair: 4, s2MemAttr: 16 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 's2MemAttr' } });
    expect(combine({ s1Mair: '0x44' as unknown as number, s2MemAttr: 5 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 's1Mair' },
    });
    expect(combine({ s1Mair: 4, s2MemAttr: 5, s1Sh: 'XSH' as 'ISH' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 's1Sh' },
    });
  });

  it('refuses unknown fields and a missing required field', () => {
    expect(combine({ s1Mair: 4, s2MemAttr: 5, fbw: true } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'fbw' },
    });
    expect(combine({ s1Mair: 4 } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 's2MemAttr' } });
    expect(combine(null as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('reports an UNPREDICTABLE stage-1 byte as RESERVED on s1Mair, with the byte and the reason', () => {
    expect(expectError(combine({ s1Mair: 0x02, s2MemAttr: 5 }))).toEqual({
      code: 'RESERVED',
      field: 's1Mair',
      message:
        'MAIR byte 0x02 UNPREDICTABLE: 0x02 is 0b0000dd1x: a Device encoding with Attr<1> set is UNPREDICTABLE (S1ConstrainUnpredictableRESMAIR)',
    });
  });

  it('reports a stage-1 byte that needs a missing feature as RESERVED on s1Mair, naming the feature', () => {
    expect(expectError(combine({ s1Mair: 0x40, s2MemAttr: 5, featXS: false }))).toEqual({
      code: 'RESERVED',
      field: 's1Mair',
      message:
        'MAIR byte 0x40 needs FEAT_XS: 0x40 (Normal iNC oNC, XS=0) is defined only with FEAT_XS; without it the encoding is UNPREDICTABLE',
    });
    expect(expectError(combine({ s1Mair: 0xf0, s2MemAttr: 5, featMTE2: false })).message).toMatch(/^MAIR byte 0xF0 needs FEAT_MTE2: /);
  });

  it('lists the permitted outcomes of stage-2 0xC (outer WB, inner field CONSTRAINED UNPREDICTABLE)', () => {
    const error = expectError(combine({ s1Mair: 0xff, s2MemAttr: 0xc }));
    expect(error).toMatchObject({ code: 'RESERVED', field: 's2MemAttr' });
    expect(error.message).toBe(
      'stage-2 MemAttr 0xC is Outer Write-Back with inner field 0b00, which is reserved: the inner cacheability is CONSTRAINED UNPREDICTABLE (NC, WT or WB); the permitted outcomes behave as MemAttr 0xD, 0xE, 0xF',
    );
    const outcomes = (error.permitted ?? []) as { inner: string; outer: string; asMemAttr: number[]; rule: string }[];
    expect(outcomes.map((o) => [o.outer, o.inner, o.asMemAttr, o.rule])).toEqual([
      ['WB', 'NC', [0xd], 'normal-stricter-per-side'],
      ['WB', 'WT', [0xe], 'normal-stricter-per-side'],
      ['WB', 'WB', [0xf], 'normal-stricter-per-side'],
    ]);
    // Each outcome is the full combine() result of the value it behaves as.
    for (const o of outcomes) {
      const [v] = o.asMemAttr;
      expect(o).toEqual({ ...effective(0xff, v as number), asMemAttr: [v] });
    }
  });

  it('merges permitted outcomes that agree in every attribute: under a guest NC mapping 0x4 has one outcome', () => {
    const error = expectError(combine({ s1Mair: 0x44, s2MemAttr: 0x4 }));
    expect(error.permitted).toEqual([{ ...effective(0x44, 0x5), asMemAttr: [5, 6, 7] }]);
    // Under a guest Device mapping the outcomes agree too (Device beats Normal).
    expect(expectError(combine({ s1Mair: 0x04, s2MemAttr: 0x8 })).permitted).toEqual([{ ...effective(0x04, 0x9), asMemAttr: [9, 10, 11] }]);
  });

  it('gives no permitted list for FWB reserved values, and refuses FnXS without FEAT_XS', () => {
    expect(expectError(combine({ s1Mair: 0x44, s2MemAttr: 0x4, fwb: true }))).toEqual({
      code: 'RESERVED',
      field: 's2MemAttr',
      message: 'stage-2 MemAttr 0b0100 is reserved with FEAT_S2FWB (and means NoTagAccess only with FEAT_MTE_PERM, not modelled)',
    });
    expect(expectError(combine({ s1Mair: 0x44, s2MemAttr: 5, featXS: false, s2FnXS: true }))).toEqual({
      code: 'BAD_INPUT',
      field: 's2FnXS',
      message: 's2FnXS (descriptor bit 11) exists only with FEAT_XS; it cannot be set when featXS is false',
    });
    // FnXS alone, and featXS false alone, are fine.
    expect(effective(0x44, 5, { s2FnXS: true }).xs).toBe(0);
    expect(effective(0x44, 5, { featXS: false }).xs).toBe(1);
  });
});
