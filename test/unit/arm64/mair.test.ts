import { describe, expect, it } from 'vitest';
import { encodeMair, s1DecodeMemAttrs } from '../../../src/model/arm64/mair';
import type { MemAttrs } from '../../../src/model/arm64/types';

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => i);
const NO_FEATURES = { featXS: false, featMTE2: false };

function attrs(byte: number, features = { featXS: true, featMTE2: true }): MemAttrs {
  const d = s1DecodeMemAttrs(byte, features);
  if (!d.ok) throw new Error(`0x${byte.toString(16)} did not decode: ${d.fault.why}`);
  return d.attrs;
}

describe('stage-1 MAIR byte decoding (S1DecodeMemAttrs)', () => {
  it('decodes the four Device types from 0b0000dd00 with XS=1', () => {
    expect(attrs(0x00)).toEqual({ kind: 'Device', device: 'Device-nGnRnE', xs: 1 });
    expect(attrs(0x04)).toEqual({ kind: 'Device', device: 'Device-nGnRE', xs: 1 });
    expect(attrs(0x08)).toEqual({ kind: 'Device', device: 'Device-nGRE', xs: 1 });
    expect(attrs(0x0c)).toEqual({ kind: 'Device', device: 'Device-GRE', xs: 1 });
  });

  it('decodes the FEAT_XS Device encodings 0b0000dd01 with XS=0', () => {
    expect(attrs(0x01)).toEqual({ kind: 'Device', device: 'Device-nGnRnE', xs: 0 });
    expect(attrs(0x0d)).toEqual({ kind: 'Device', device: 'Device-GRE', xs: 0 });
  });

  it('decodes 0x44 as Normal inner and outer Non-cacheable, XS=1', () => {
    expect(attrs(0x44)).toEqual({ kind: 'Normal', inner: { cacheability: 'NC' }, outer: { cacheability: 'NC' }, xs: 1, tagged: false });
  });

  it('decodes 0x40 as Normal NC/NC with XS=0 (FEAT_XS)', () => {
    expect(attrs(0x40)).toMatchObject({ kind: 'Normal', inner: { cacheability: 'NC' }, outer: { cacheability: 'NC' }, xs: 0 });
  });

  it('decodes 0xA0 as Write-Through Read-Allocate non-transient (not Write-Back), XS=0', () => {
    const wt = { cacheability: 'WT', alloc: 'RA', transient: false };
    expect(attrs(0xa0)).toEqual({ kind: 'Normal', inner: wt, outer: wt, xs: 0, tagged: false });
  });

  it('decodes 0xF0 as Allocation Tagged Normal WB RWA non-transient', () => {
    const wb = { cacheability: 'WB', alloc: 'RWA', transient: false };
    expect(attrs(0xf0)).toEqual({ kind: 'Normal', inner: wb, outer: wb, xs: 0, tagged: true });
  });

  it('decodes 0xFF as WB RWA non-transient with XS=0, and 0xBB as WT RWA non-transient with XS=1', () => {
    expect(attrs(0xff)).toMatchObject({ inner: { cacheability: 'WB', alloc: 'RWA', transient: false }, xs: 0 });
    expect(attrs(0xbb)).toMatchObject({ inner: { cacheability: 'WT', alloc: 'RWA', transient: false }, xs: 1 });
  });

  it('reads nibble bit 3 clear as Transient: 0x15 is outer WT-transient-WA, inner WB-transient-WA', () => {
    expect(attrs(0x15)).toMatchObject({
      outer: { cacheability: 'WT', alloc: 'WA', transient: true },
      inner: { cacheability: 'WB', alloc: 'WA', transient: true },
    });
  });

  it('reads 0b1000 as Write-Through with no allocation, non-transient', () => {
    expect(attrs(0x88)).toMatchObject({ inner: { cacheability: 'WT', alloc: 'No', transient: false } });
  });

  it('rejects 0b0000dd1x as UNPREDICTABLE whatever the features', () => {
    for (const byte of [0x02, 0x03, 0x06, 0x07, 0x0a, 0x0b, 0x0e, 0x0f]) {
      const d = s1DecodeMemAttrs(byte);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.fault.kind).toBe('unpredictable');
    }
  });

  it('rejects a zero inner nibble under a non-zero outer nibble, except 0x40, 0xA0 and 0xF0', () => {
    for (const byte of [0x10, 0x20, 0x30, 0x50, 0x60, 0x70, 0x80, 0x90, 0xb0, 0xc0, 0xd0, 0xe0]) {
      const d = s1DecodeMemAttrs(byte);
      expect(d.ok, `0x${byte.toString(16)}`).toBe(false);
      if (!d.ok) expect(d.fault.why).toMatch(/inner nibble 0b0000/);
    }
  });

  it('rejects the FEAT_XS encodings without FEAT_XS, naming the feature', () => {
    for (const byte of [0x01, 0x05, 0x09, 0x0d, 0x40, 0xa0]) {
      const d = s1DecodeMemAttrs(byte, { featXS: false, featMTE2: true });
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.fault).toMatchObject({ kind: 'needs-feature', feature: 'FEAT_XS' });
    }
  });

  it('rejects 0xF0 without FEAT_MTE2, naming the feature', () => {
    const d = s1DecodeMemAttrs(0xf0, { featXS: true, featMTE2: false });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.fault).toMatchObject({ kind: 'needs-feature', feature: 'FEAT_MTE2' });
  });

  it('counts 236 defined bytes with FEAT_XS and FEAT_MTE2, 229 without, and 20 always UNPREDICTABLE', () => {
    const defined = ALL_BYTES.filter((b) => s1DecodeMemAttrs(b).ok);
    const definedBare = ALL_BYTES.filter((b) => s1DecodeMemAttrs(b, NO_FEATURES).ok);
    const never = ALL_BYTES.filter((b) => !s1DecodeMemAttrs(b).ok);
    expect(defined).toHaveLength(236);
    expect(definedBare).toHaveLength(229);
    expect(never).toHaveLength(20);
  });

  it('encodes every defined byte back to itself', () => {
    for (const byte of ALL_BYTES) {
      const d = s1DecodeMemAttrs(byte);
      if (d.ok) expect(encodeMair(d.attrs), `0x${byte.toString(16)}`).toBe(byte);
    }
  });

  it('refuses to encode attributes no byte has', () => {
    const wb = { cacheability: 'WB', alloc: 'RWA', transient: false } as const;
    expect(encodeMair({ kind: 'Normal', inner: wb, outer: wb, xs: 1, tagged: false })).toBeNull();
    const wtNoAllocTransient = { cacheability: 'WT', alloc: 'No', transient: true } as const;
    expect(encodeMair({ kind: 'Normal', inner: wtNoAllocTransient, outer: wb, xs: 1, tagged: false })).toBeNull();
    const nc = { cacheability: 'NC' } as const;
    expect(encodeMair({ kind: 'Normal', inner: nc, outer: nc, xs: 1, tagged: true })).toBeNull();
  });
});
