import { describe, expect, it } from 'vitest';
import { s2DecodeMemAttrs } from '../../../src/model/arm64/stage2';

describe('stage-2 MemAttr decoding with FWB off (S2DecodeMemAttrs)', () => {
  it('reads 0b00dd as the four Device types', () => {
    expect([0, 1, 2, 3].map((v) => s2DecodeMemAttrs(v, false))).toEqual([
      { ok: true, attrs: { fwb: false, kind: 'Device', device: 'Device-nGnRnE' } },
      { ok: true, attrs: { fwb: false, kind: 'Device', device: 'Device-nGnRE' } },
      { ok: true, attrs: { fwb: false, kind: 'Device', device: 'Device-nGRE' } },
      { ok: true, attrs: { fwb: false, kind: 'Device', device: 'Device-GRE' } },
    ]);
  });

  it('reads MemAttr[3:2] as outer and MemAttr[1:0] as inner cacheability', () => {
    expect(s2DecodeMemAttrs(0x5, false)).toEqual({ ok: true, attrs: { fwb: false, kind: 'Normal', outer: 'NC', inner: 'NC' } });
    expect(s2DecodeMemAttrs(0x7, false)).toEqual({ ok: true, attrs: { fwb: false, kind: 'Normal', outer: 'NC', inner: 'WB' } });
    expect(s2DecodeMemAttrs(0x9, false)).toEqual({ ok: true, attrs: { fwb: false, kind: 'Normal', outer: 'WT', inner: 'NC' } });
    expect(s2DecodeMemAttrs(0xf, false)).toEqual({ ok: true, attrs: { fwb: false, kind: 'Normal', outer: 'WB', inner: 'WB' } });
  });

  it('reserves 0x4, 0x8 and 0xC and permits the three inner cacheabilities under the same outer', () => {
    expect(s2DecodeMemAttrs(0x4, false)).toMatchObject({
      ok: false,
      reserved: { permitted: [{ memAttr: 0x5 }, { memAttr: 0x6 }, { memAttr: 0x7 }] },
    });
    expect(s2DecodeMemAttrs(0x8, false)).toMatchObject({
      ok: false,
      reserved: { permitted: [{ memAttr: 0x9 }, { memAttr: 0xa }, { memAttr: 0xb }] },
    });
    expect(s2DecodeMemAttrs(0xc, false)).toMatchObject({
      ok: false,
      reserved: { permitted: [{ memAttr: 0xd }, { memAttr: 0xe }, { memAttr: 0xf }] },
    });
  });

  it('defines exactly 13 of the 16 values', () => {
    expect(Array.from({ length: 16 }, (_, v) => s2DecodeMemAttrs(v, false)).filter((d) => d.ok)).toHaveLength(13);
  });
});

describe('stage-2 MemAttr decoding with FEAT_S2FWB on (AArch64.S2ApplyFWBMemAttrs)', () => {
  it('reads 0b0dd as a Device type', () => {
    expect(s2DecodeMemAttrs(0b001, true)).toEqual({ ok: true, attrs: { fwb: true, kind: 'Device', device: 'Device-nGnRE' } });
    expect(s2DecodeMemAttrs(0b011, true)).toEqual({ ok: true, attrs: { fwb: true, kind: 'Device', device: 'Device-GRE' } });
  });

  it('reads 0b101 as Normal-NC, 0b110 as forced Write-Back and 0b111 as use-stage-1', () => {
    expect(s2DecodeMemAttrs(0b101, true)).toEqual({ ok: true, attrs: { fwb: true, kind: 'NormalNC' } });
    expect(s2DecodeMemAttrs(0b110, true)).toEqual({ ok: true, attrs: { fwb: true, kind: 'ForceWB' } });
    expect(s2DecodeMemAttrs(0b111, true)).toEqual({ ok: true, attrs: { fwb: true, kind: 'AsStage1' } });
  });

  it('reserves 0b100 and every value with MemAttr[3] set (RES0 without FEAT_MTE_PERM)', () => {
    const reserved = Array.from({ length: 16 }, (_, v) => v).filter((v) => !s2DecodeMemAttrs(v, true).ok);
    expect(reserved).toEqual([0b0100, 8, 9, 10, 11, 12, 13, 14, 15]);
    const d = s2DecodeMemAttrs(0xf, true);
    if (!d.ok) expect(d.reserved.why).toMatch(/RES0/);
  });
});
