import { describe, expect, it } from 'vitest';
import { encodeMair, s1DecodeMemAttrs } from '../../../src/model/arm64/mair';
import type { AllocHint, CacheSide, DeviceType, MemAttrs } from '../../../src/model/arm64/types';
import { ALLOC_HINTS, DEVICE_TYPES } from '../../../src/model/arm64/types';
import type { OracleAttrs } from './pseudocode-oracle';
import { s1Decode } from './pseudocode-oracle';

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => i);
const ALL_FEATURES = { featXS: true, featMTE2: true };
const NO_FEATURES = { featXS: false, featMTE2: false };
const FEATURE_SETS = [ALL_FEATURES, { featXS: true, featMTE2: false }, { featXS: false, featMTE2: true }, NO_FEATURES];

function attrs(byte: number, features = ALL_FEATURES): MemAttrs {
  const d = s1DecodeMemAttrs(byte, features);
  if (!d.ok) expect.fail(`0x${byte.toString(16)} did not decode: ${d.fault.why}`);
  return d.attrs;
}

function fault(byte: number, features = ALL_FEATURES) {
  const d = s1DecodeMemAttrs(byte, features);
  if (d.ok) expect.fail(`0x${byte.toString(16)} decoded to ${JSON.stringify(d.attrs)}`);
  return d.fault;
}

/** The oracle's raw codes (pseudocode-oracle.ts) as the model's typed attributes. */
function fromOracle(o: OracleAttrs): MemAttrs {
  if (o.memtype === 'D') return { kind: 'Device', device: DEVICE_TYPES[o.dd] as DeviceType, xs: o.xs as 0 | 1 };
  const side = (s: { attrs: 1 | 2 | 3; hints: number; transient: boolean }): CacheSide =>
    s.attrs === 1
      ? { cacheability: 'NC' }
      : { cacheability: s.attrs === 2 ? 'WT' : 'WB', alloc: ALLOC_HINTS[s.hints] as AllocHint, transient: s.transient };
  return { kind: 'Normal', inner: side(o.inner), outer: side(o.outer), xs: o.xs as 0 | 1, tagged: o.tagged };
}

describe('s1DecodeMemAttrs: a MAIR attribute byte (S1DecodeMemAttrs, DecodeLDFAttr)', () => {
  it('agrees with an independent reading of the pseudocode on every byte under every feature set', () => {
    for (const features of FEATURE_SETS) {
      for (const byte of ALL_BYTES) {
        const want = s1Decode(byte, features.featXS, features.featMTE2);
        const got = s1DecodeMemAttrs(byte, features);
        const label = `0x${byte.toString(16)} ${JSON.stringify(features)}`;
        if (want === null) expect(got.ok, label).toBe(false);
        else expect(got, label).toEqual({ ok: true, attrs: fromOracle(want) });
      }
    }
  });

  it('decodes with FEAT_XS and FEAT_MTE2 when no feature set is given', () => {
    for (const byte of ALL_BYTES) expect(s1DecodeMemAttrs(byte)).toEqual(s1DecodeMemAttrs(byte, ALL_FEATURES));
    expect(s1DecodeMemAttrs(0x40).ok).toBe(true);
    expect(s1DecodeMemAttrs(0xf0).ok).toBe(true);
  });

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
    expect(attrs(0x40)).toEqual({ kind: 'Normal', inner: { cacheability: 'NC' }, outer: { cacheability: 'NC' }, xs: 0, tagged: false });
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
    const wb = { cacheability: 'WB', alloc: 'RWA', transient: false };
    const wt = { cacheability: 'WT', alloc: 'RWA', transient: false };
    expect(attrs(0xff)).toEqual({ kind: 'Normal', inner: wb, outer: wb, xs: 0, tagged: false });
    expect(attrs(0xbb)).toEqual({ kind: 'Normal', inner: wt, outer: wt, xs: 1, tagged: false });
  });

  it('reads nibble bit 3 clear as Transient: 0x15 is outer WT-transient-WA, inner WB-transient-WA', () => {
    expect(attrs(0x15)).toEqual({
      kind: 'Normal',
      outer: { cacheability: 'WT', alloc: 'WA', transient: true },
      inner: { cacheability: 'WB', alloc: 'WA', transient: true },
      xs: 1,
      tagged: false,
    });
  });

  it('reads 0b1000 as Write-Through with no allocation and 0b1100 as Write-Back with no allocation, non-transient', () => {
    expect(attrs(0x88)).toMatchObject({ inner: { cacheability: 'WT', alloc: 'No', transient: false } });
    expect(attrs(0xcc)).toMatchObject({ inner: { cacheability: 'WB', alloc: 'No', transient: false }, xs: 0 });
  });

  it('rejects 0b0000dd1x as UNPREDICTABLE whatever the features, with the byte in the reason', () => {
    for (const byte of [0x02, 0x03, 0x06, 0x07, 0x0a, 0x0b, 0x0e, 0x0f]) {
      for (const features of FEATURE_SETS) expect(fault(byte, features).kind).toBe('unpredictable');
    }
    expect(fault(0x0a).why).toBe(
      '0x0A is 0b0000dd1x: a Device encoding with Attr<1> set is UNPREDICTABLE (S1ConstrainUnpredictableRESMAIR)',
    );
  });

  it('rejects a zero inner nibble under a non-zero outer nibble, except 0x40, 0xA0 and 0xF0', () => {
    for (const byte of [0x10, 0x20, 0x30, 0x50, 0x60, 0x70, 0x80, 0x90, 0xb0, 0xc0, 0xd0, 0xe0]) {
      for (const features of FEATURE_SETS) expect(fault(byte, features), `0x${byte.toString(16)}`).toMatchObject({ kind: 'unpredictable' });
    }
    expect(fault(0xb0).why).toBe(
      '0xB0 has inner nibble 0b0000, which is not a Normal encoding; only 0x40, 0xA0 (FEAT_XS) and 0xF0 (FEAT_MTE2) give it a meaning (S1ConstrainUnpredictableRESMAIR)',
    );
  });

  it('rejects the FEAT_XS encodings without FEAT_XS, naming the feature and what the byte would mean', () => {
    for (const byte of [0x01, 0x05, 0x09, 0x0d, 0x40, 0xa0]) {
      expect(fault(byte, { featXS: false, featMTE2: true })).toMatchObject({ kind: 'needs-feature', feature: 'FEAT_XS' });
    }
    expect(fault(0x0d, NO_FEATURES).why).toBe(
      '0x0D (0b0000dd01) is Device-GRE with XS=0 only when FEAT_XS is implemented; without it the encoding is UNPREDICTABLE',
    );
    expect(fault(0xa0, NO_FEATURES)).toEqual({
      kind: 'needs-feature',
      feature: 'FEAT_XS',
      why: '0xA0 (Normal iWT oWT Read-Allocate, XS=0) is defined only with FEAT_XS; without it the encoding is UNPREDICTABLE',
    });
  });

  it('rejects 0xF0 without FEAT_MTE2 (FEAT_XS alone does not help), naming the feature', () => {
    expect(fault(0xf0, { featXS: true, featMTE2: false })).toEqual({
      kind: 'needs-feature',
      feature: 'FEAT_MTE2',
      why: '0xF0 (Allocation Tagged Normal WB) is defined only with FEAT_MTE2; without it the encoding is UNPREDICTABLE',
    });
    expect(attrs(0xf0, { featXS: false, featMTE2: true })).toMatchObject({ tagged: true });
  });

  it('counts 236 defined bytes with FEAT_XS and FEAT_MTE2, 229 without, and 20 always UNPREDICTABLE', () => {
    expect(ALL_BYTES.filter((b) => s1DecodeMemAttrs(b).ok)).toHaveLength(236);
    expect(ALL_BYTES.filter((b) => s1DecodeMemAttrs(b, NO_FEATURES).ok)).toHaveLength(229);
    expect(ALL_BYTES.filter((b) => !s1DecodeMemAttrs(b).ok)).toHaveLength(20);
  });
});

describe('encodeMair: attributes back to their MAIR byte', () => {
  it('encodes every defined byte back to itself', () => {
    for (const byte of ALL_BYTES) {
      const d = s1DecodeMemAttrs(byte);
      if (d.ok) expect(encodeMair(d.attrs), `0x${byte.toString(16)}`).toBe(byte);
    }
  });

  it('refuses to encode attributes no byte has', () => {
    const wb = { cacheability: 'WB', alloc: 'RWA', transient: false } as const;
    const wt = { cacheability: 'WT', alloc: 'RWA', transient: false } as const;
    const nc = { cacheability: 'NC' } as const;
    // Normal iWB oWB is always XS=0.
    expect(encodeMair({ kind: 'Normal', inner: wb, outer: wb, xs: 1, tagged: false })).toBeNull();
    // XS=0 exists only for NC/NC (0x40) and WT-RA/WT-RA (0xA0).
    expect(encodeMair({ kind: 'Normal', inner: wt, outer: wt, xs: 0, tagged: false })).toBeNull();
    // No allocation has no transient encoding, on either side.
    const noAllocTransient = { cacheability: 'WT', alloc: 'No', transient: true } as const;
    expect(encodeMair({ kind: 'Normal', inner: noAllocTransient, outer: wb, xs: 1, tagged: false })).toBeNull();
    expect(encodeMair({ kind: 'Normal', inner: wt, outer: noAllocTransient, xs: 1, tagged: false })).toBeNull();
    // Tags only on WB RWA non-transient inner and outer.
    expect(encodeMair({ kind: 'Normal', inner: nc, outer: nc, xs: 1, tagged: true })).toBeNull();
    expect(encodeMair({ kind: 'Normal', inner: { ...wb, transient: true }, outer: wb, xs: 0, tagged: true })).toBeNull();
  });
});
