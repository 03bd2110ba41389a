import { describe, expect, it } from 'vitest';
import { describeS2, S2_FWB_MEMATTRS, s2DecodeMemAttrs } from '../../../src/model/arm64/stage2';
import type { S2Attrs } from '../../../src/model/arm64/types';

function attrs(memAttr: number, fwb: boolean): S2Attrs {
  const d = s2DecodeMemAttrs(memAttr, fwb);
  if (!d.ok) expect.fail(`MemAttr 0x${memAttr.toString(16)} fwb=${fwb} is reserved: ${d.reserved.why}`);
  return d.attrs;
}

function reserved(memAttr: number, fwb: boolean) {
  const d = s2DecodeMemAttrs(memAttr, fwb);
  if (d.ok) expect.fail(`MemAttr 0x${memAttr.toString(16)} fwb=${fwb} decoded to ${JSON.stringify(d.attrs)}`);
  return d.reserved;
}

const NIBBLES = Array.from({ length: 16 }, (_, v) => v);

describe('stage-2 MemAttr decoding with FWB off (S2DecodeMemAttrs)', () => {
  it('reads 0b00dd as the four Device types', () => {
    expect([0, 1, 2, 3].map((v) => attrs(v, false))).toEqual([
      { fwb: false, kind: 'Device', device: 'Device-nGnRnE' },
      { fwb: false, kind: 'Device', device: 'Device-nGnRE' },
      { fwb: false, kind: 'Device', device: 'Device-nGRE' },
      { fwb: false, kind: 'Device', device: 'Device-GRE' },
    ]);
  });

  it('reads MemAttr[3:2] as outer and MemAttr[1:0] as inner cacheability (01 NC, 10 WT, 11 WB)', () => {
    const cache = ['', 'NC', 'WT', 'WB'];
    for (const v of NIBBLES.filter((n) => n >> 2 !== 0 && (n & 3) !== 0)) {
      expect(attrs(v, false), `0x${v.toString(16)}`).toEqual({ fwb: false, kind: 'Normal', outer: cache[v >> 2], inner: cache[v & 3] });
    }
    expect(attrs(0x9, false)).toEqual({ fwb: false, kind: 'Normal', outer: 'WT', inner: 'NC' });
  });

  it('reserves 0x4, 0x8 and 0xC and permits the three inner cacheabilities under the same outer, decoded', () => {
    expect(reserved(0x4, false).permitted).toEqual([
      { memAttr: 0x5, attrs: { fwb: false, kind: 'Normal', outer: 'NC', inner: 'NC' } },
      { memAttr: 0x6, attrs: { fwb: false, kind: 'Normal', outer: 'NC', inner: 'WT' } },
      { memAttr: 0x7, attrs: { fwb: false, kind: 'Normal', outer: 'NC', inner: 'WB' } },
    ]);
    expect(reserved(0x8, false).permitted?.map((p) => p.memAttr)).toEqual([0x9, 0xa, 0xb]);
    for (const v of [0x4, 0x8, 0xc]) {
      for (const p of reserved(v, false).permitted ?? []) expect(p.attrs).toEqual(attrs(p.memAttr, false));
    }
  });

  it('says which outer cacheability a reserved value has', () => {
    const why = (v: number) => reserved(v, false).why;
    expect(why(0xc)).toBe(
      'MemAttr 0xC is Outer Write-Back with inner field 0b00, which is reserved: the inner cacheability is CONSTRAINED UNPREDICTABLE (NC, WT or WB)',
    );
    expect(why(0x4)).toMatch(/^MemAttr 0x4 is Outer Non-cacheable with/);
    expect(why(0x8)).toMatch(/^MemAttr 0x8 is Outer Write-Through with/);
  });

  it('defines exactly 13 of the 16 values', () => {
    expect(NIBBLES.filter((v) => s2DecodeMemAttrs(v, false).ok)).toHaveLength(13);
  });
});

describe('stage-2 MemAttr decoding with FEAT_S2FWB on (AArch64.S2ApplyFWBMemAttrs)', () => {
  it('reads 0b0dd as a Device type', () => {
    expect([0, 1, 2, 3].map((v) => attrs(v, true))).toEqual([
      { fwb: true, kind: 'Device', device: 'Device-nGnRnE' },
      { fwb: true, kind: 'Device', device: 'Device-nGnRE' },
      { fwb: true, kind: 'Device', device: 'Device-nGRE' },
      { fwb: true, kind: 'Device', device: 'Device-GRE' },
    ]);
  });

  it('reads 0b101 as Normal-NC, 0b110 as forced Write-Back and 0b111 as use-stage-1', () => {
    expect(attrs(0b101, true)).toEqual({ fwb: true, kind: 'NormalNC' });
    expect(attrs(0b110, true)).toEqual({ fwb: true, kind: 'ForceWB' });
    expect(attrs(0b111, true)).toEqual({ fwb: true, kind: 'AsStage1' });
  });

  it('reserves 0b100 and every value with MemAttr[3] set (RES0 without FEAT_MTE_PERM), with no permitted list', () => {
    expect(NIBBLES.filter((v) => !s2DecodeMemAttrs(v, true).ok)).toEqual([0b0100, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(reserved(0xf, true)).toEqual({
      why: 'MemAttr 0xF has bit 3 set; with FEAT_S2FWB, MemAttr[3] is RES0 unless FEAT_MTE_PERM is implemented (not modelled)',
    });
    expect(reserved(0x4, true)).toEqual({
      why: 'MemAttr 0b0100 is reserved with FEAT_S2FWB (and means NoTagAccess only with FEAT_MTE_PERM, not modelled)',
    });
  });
});

describe('S2_FWB_MEMATTRS: the values a stage-2 descriptor can hold with FEAT_S2FWB', () => {
  it('lists MemAttr[2:0] in order, 0b000 to 0b111 (MemAttr[3] is RES0)', () => {
    expect(S2_FWB_MEMATTRS).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves out exactly the values the FWB decoder rejects for MemAttr[3], and keeps reserved 0b100', () => {
    const bit3 = NIBBLES.filter((v) => {
      const d = s2DecodeMemAttrs(v, true);
      return !d.ok && d.reserved.why.includes('MemAttr[3] is RES0');
    });
    expect(bit3).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(NIBBLES.filter((v) => !bit3.includes(v))).toEqual(S2_FWB_MEMATTRS);
  });
});

describe('describeS2: one line naming a decoded stage-2 value', () => {
  it('names each kind, and a Normal value by outer then inner when they differ', () => {
    expect(describeS2(attrs(0x1, false))).toBe('Device-nGnRE');
    expect(describeS2(attrs(0x1, true))).toBe('Device-nGnRE (FWB: Device, combined with a stage-1 Device type)');
    expect(describeS2(attrs(0x5, false))).toBe('Normal-NC');
    expect(describeS2(attrs(0x7, false))).toBe('Normal (outer NC, inner WB)');
    expect(describeS2(attrs(0x5, true))).toBe('FWB Normal-NC (stage-1 Device types are kept)');
    expect(describeS2(attrs(0x6, true))).toBe('FWB forced Normal Write-Back (whatever stage 1 says)');
    expect(describeS2(attrs(0x7, true))).toBe('FWB "use stage 1" (the stage-1 attributes are used unchanged)');
  });
});
