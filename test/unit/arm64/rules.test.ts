/**
 * The Arm pseudocode rules one by one (combine.ts), each against what the rule says in the Arm ARM,
 * and the explanation each rule gives, word for word (a page shows it).
 */
import { describe, expect, it } from 'vitest';
import type { CombineRule } from '../../../src/model/arm64/combine';
import {
  COMBINE_RULES,
  effectiveShareability,
  s2ApplyFwbMemAttrs,
  s2CombineS1AttrHints,
  s2CombineS1Device,
  s2CombineS1MemAttrs,
  s2CombineS1Shareability,
  s2MemTagType,
  s2TranslateMemAttrs,
} from '../../../src/model/arm64/combine';
import { s1DecodeMemAttrs } from '../../../src/model/arm64/mair';
import { s2DecodeMemAttrs } from '../../../src/model/arm64/stage2';
import type { CacheSide, MemAttrs, S2Attrs, Shareability } from '../../../src/model/arm64/types';
import { CACHEABILITIES, DEVICE_TYPES, SHAREABILITIES } from '../../../src/model/arm64/types';

function s1(byte: number): MemAttrs {
  const d = s1DecodeMemAttrs(byte);
  if (!d.ok) expect.fail(`0x${byte.toString(16)}: ${d.fault.why}`);
  return d.attrs;
}

function s2(memAttr: number, fwb = false): S2Attrs {
  const d = s2DecodeMemAttrs(memAttr, fwb);
  if (!d.ok) expect.fail(`0x${memAttr.toString(16)}: ${d.reserved.why}`);
  return d.attrs;
}

describe('S2CombineS1Device', () => {
  it('keeps each of G, R and E only when both stages allow it', () => {
    const letters = (t: string) => ({ nG: t.includes('nG'), nR: t.includes('nR'), nE: t.includes('nE') });
    for (const a of DEVICE_TYPES) {
      for (const b of DEVICE_TYPES) {
        const got = letters(s2CombineS1Device(a, b));
        const [la, lb] = [letters(a), letters(b)];
        expect(got, `${a} with ${b}`).toEqual({ nG: la.nG || lb.nG, nR: la.nR || lb.nR, nE: la.nE || lb.nE });
      }
    }
  });
});

describe('S2CombineS1AttrHints', () => {
  const hinted = (cacheability: 'WT' | 'WB'): CacheSide => ({ cacheability, alloc: 'WA', transient: true });

  it('NC beats WT beats WB, whichever stage says it', () => {
    const sides: CacheSide[] = [{ cacheability: 'NC' }, hinted('WT'), hinted('WB')];
    const order = ['NC', 'WT', 'WB'];
    for (const a of sides) {
      for (const b of CACHEABILITIES) {
        const want = order[Math.min(order.indexOf(a.cacheability), order.indexOf(b))];
        expect(s2CombineS1AttrHints(a, b).cacheability, `${a.cacheability} with ${b}`).toBe(want);
      }
    }
  });

  it('takes allocation hints and transience from stage 1, and drops them on an NC result', () => {
    expect(s2CombineS1AttrHints(hinted('WB'), 'WT')).toEqual({ cacheability: 'WT', alloc: 'WA', transient: true });
    expect(s2CombineS1AttrHints(hinted('WT'), 'WB')).toEqual({ cacheability: 'WT', alloc: 'WA', transient: true });
    expect(s2CombineS1AttrHints({ cacheability: 'WB', alloc: 'RA', transient: false }, 'WB')).toEqual({
      cacheability: 'WB',
      alloc: 'RA',
      transient: false,
    });
    expect(s2CombineS1AttrHints(hinted('WB'), 'NC')).toEqual({ cacheability: 'NC' });
  });
});

describe('S2CombineS1Shareability and EffectiveShareability', () => {
  it('the wider of the two domains wins: OSH over ISH over NSH', () => {
    const got = SHAREABILITIES.flatMap((a) => SHAREABILITIES.map((b) => `${a}+${b}=${s2CombineS1Shareability(a, b)}`));
    expect(got).toEqual([
      'NSH+NSH=NSH',
      'NSH+ISH=ISH',
      'NSH+OSH=OSH',
      'ISH+NSH=ISH',
      'ISH+ISH=ISH',
      'ISH+OSH=OSH',
      'OSH+NSH=OSH',
      'OSH+ISH=OSH',
      'OSH+OSH=OSH',
    ]);
  });

  it('Device and Normal inner NC with outer NC are Outer Shareable; any cacheable side keeps the domain', () => {
    const each = (attrs: MemAttrs) => SHAREABILITIES.map((sh: Shareability) => effectiveShareability(attrs, sh));
    expect(each(s1(0x04))).toEqual(['OSH', 'OSH', 'OSH']);
    expect(each(s1(0x44))).toEqual(['OSH', 'OSH', 'OSH']);
    expect(each(s1(0x4f))).toEqual(['NSH', 'ISH', 'OSH']); // outer NC, inner WB
    expect(each(s1(0xf4))).toEqual(['NSH', 'ISH', 'OSH']); // outer WB, inner NC
    expect(each(s1(0xff))).toEqual(['NSH', 'ISH', 'OSH']);
  });
});

describe('S2MemTagType', () => {
  const wb = { cacheability: 'WB', alloc: 'RWA', transient: false } as const;

  it('keeps a tagged stage 1 tagged only as inner and outer WB, RWA, non-transient', () => {
    const tagged = s1(0xf0);
    expect(s2MemTagType(tagged, wb, wb)).toBe(true);
    expect(s2MemTagType(tagged, { ...wb, alloc: 'RA' }, wb)).toBe(false);
    expect(s2MemTagType(tagged, wb, { ...wb, alloc: 'WA' })).toBe(false);
    expect(s2MemTagType(tagged, { ...wb, transient: true }, wb)).toBe(false);
    expect(s2MemTagType(tagged, wb, { cacheability: 'WT', alloc: 'RWA', transient: false })).toBe(false);
    expect(s2MemTagType(tagged, { cacheability: 'NC' }, wb)).toBe(false);
  });

  it('never tags what stage 1 did not tag', () => {
    expect(s2MemTagType(s1(0xff), wb, wb)).toBe(false);
    expect(s2MemTagType(s1(0x04), wb, wb)).toBe(false);
  });
});

describe('S2CombineS1MemAttrs and AArch64.S2ApplyFWBMemAttrs, before shareability', () => {
  it('FWB off: a Normal WB/WB result is XS=0 even from stage-1 attributes that say XS=1', () => {
    // No MAIR byte decodes to WB/WB with XS=1, but the rule holds for any stage-1 attributes.
    const wb = { cacheability: 'WB', alloc: 'RWA', transient: false } as const;
    const s1WbXs1: MemAttrs = { kind: 'Normal', inner: wb, outer: wb, xs: 1, tagged: false };
    expect(s2CombineS1MemAttrs(s1WbXs1, s2(0xf) as S2Attrs & { fwb: false }, 1).attrs.xs).toBe(0);
    expect(s2CombineS1MemAttrs(s1WbXs1, s2(0xb) as S2Attrs & { fwb: false }, 1).attrs.xs).toBe(1);
  });

  it('FWB off: tags survive only a WB/WB result; a Device result carries none', () => {
    const off = (memAttr: number) => s2(memAttr) as S2Attrs & { fwb: false };
    expect(s2CombineS1MemAttrs(s1(0xf0), off(0xf), 1).attrs).toMatchObject({ tagged: true });
    expect(s2CombineS1MemAttrs(s1(0xf0), off(0xe), 1).attrs).toMatchObject({ tagged: false });
    expect(s2CombineS1MemAttrs(s1(0xf0), off(0x1), 1).attrs).toEqual({ kind: 'Device', device: 'Device-nGnRE', xs: 0 });
  });

  it('FWB off: XS is 0 for a Normal WB/WB result, else 1 only when both stages say 1', () => {
    expect(s2CombineS1MemAttrs(s1(0xff), s2(0xf) as S2Attrs & { fwb: false }, 1).attrs.xs).toBe(0);
    expect(s2CombineS1MemAttrs(s1(0x44), s2(0x5) as S2Attrs & { fwb: false }, 1).attrs.xs).toBe(1);
    expect(s2CombineS1MemAttrs(s1(0x44), s2(0x5) as S2Attrs & { fwb: false }, 0).attrs.xs).toBe(0);
    expect(s2CombineS1MemAttrs(s1(0x40), s2(0x5) as S2Attrs & { fwb: false }, 1).attrs.xs).toBe(0);
    expect(s2CombineS1MemAttrs(s1(0x01), s2(0x1) as S2Attrs & { fwb: false }, 1).attrs).toEqual({
      kind: 'Device',
      device: 'Device-nGnRnE',
      xs: 0,
    });
  });

  it('FWB on: the Device and NC instructions keep stage-1 XS, forced Write-Back is XS=0', () => {
    const fwb = (memAttr: number) => s2(memAttr, true) as S2Attrs & { fwb: true };
    expect(s2ApplyFwbMemAttrs(s1(0x40), fwb(0x1)).attrs).toEqual({ kind: 'Device', device: 'Device-nGnRE', xs: 0 });
    expect(s2ApplyFwbMemAttrs(s1(0x05), fwb(0x3)).attrs).toEqual({ kind: 'Device', device: 'Device-nGnRE', xs: 0 });
    expect(s2ApplyFwbMemAttrs(s1(0x40), fwb(0x5)).attrs).toMatchObject({ kind: 'Normal', xs: 0 });
    expect(s2ApplyFwbMemAttrs(s1(0xf0), fwb(0x5)).attrs).toEqual({
      kind: 'Normal',
      inner: { cacheability: 'NC' },
      outer: { cacheability: 'NC' },
      xs: 0,
      tagged: false,
    });
    expect(s2ApplyFwbMemAttrs(s1(0xf0), fwb(0x6)).attrs).toMatchObject({ tagged: true });
    expect(s2ApplyFwbMemAttrs(s1(0xf0), fwb(0x7)).attrs).toEqual(s1(0xf0));
    expect(s2ApplyFwbMemAttrs(s1(0xbb), fwb(0x5)).attrs).toMatchObject({ kind: 'Normal', xs: 1 });
    expect(s2ApplyFwbMemAttrs(s1(0x44), fwb(0x6)).attrs).toEqual({
      kind: 'Normal',
      inner: { cacheability: 'WB', alloc: 'RWA', transient: false },
      outer: { cacheability: 'WB', alloc: 'RWA', transient: false },
      xs: 0,
      tagged: false,
    });
  });
});

describe('s2TranslateMemAttrs, the entry point over decoded attributes', () => {
  it('defaults to ISH/ISH, FnXS clear and the raw stage-1 SH', () => {
    expect(s2TranslateMemAttrs(s1(0xff), s2(0xf))).toMatchObject({ shareability: 'ISH', attrs: { xs: 0 } });
    expect(s2TranslateMemAttrs(s1(0xbb), s2(0xb))).toMatchObject({ shareability: 'ISH', attrs: { xs: 1 } });
    expect(s2TranslateMemAttrs(s1(0x04), s2(0x6, true))).toMatchObject({ shareability: 'ISH', rule: 'fwb-force-wb' });
  });

  it('applies FnXS with FWB on as with FWB off', () => {
    const options = { s1Sh: 'ISH', s2Sh: 'ISH', s2FnXS: true, s1EffectiveSh: false } as const;
    expect(s2TranslateMemAttrs(s1(0x04), s2(0x1, true), options).attrs.xs).toBe(0);
    expect(s2TranslateMemAttrs(s1(0x04), s2(0x1, false), options).attrs.xs).toBe(0);
  });
});

describe('the explanation of each rule, word for word', () => {
  // [stage-1 byte, stage-2 MemAttr, fwb, rule, explanation]
  const cases: [number, number, boolean, CombineRule, string][] = [
    [
      0x00,
      0x1,
      false,
      'device-stricter',
      'Both stages are Device, so the stricter type wins: stage 1 Device-nGnRnE with stage 2 Device-nGnRE gives Device-nGnRnE.',
    ],
    [
      0x0c,
      0x2,
      false,
      'device-stricter',
      'Both stages are Device, so the stricter type wins: stage 1 Device-GRE with stage 2 Device-nGRE gives Device-nGRE.',
    ],
    [
      0x0c,
      0x5,
      false,
      's1-device-over-s2-normal',
      "Device beats Normal: the guest's Device-GRE is kept under stage 2 Normal-NC, which only sets a ceiling.",
    ],
    [
      0x08,
      0x7,
      false,
      's1-device-over-s2-normal',
      "Device beats Normal: the guest's Device-nGRE is kept under stage 2 Normal (inner WB, outer NC), which only sets a ceiling.",
    ],
    [
      0x4f,
      0x1,
      false,
      's2-device-over-s1-normal',
      "Device beats Normal: stage 2 Device-nGnRE overrides the guest's Normal (inner WB, outer NC).",
    ],
    [
      0xff,
      0xa,
      false,
      'normal-stricter-per-side',
      "Both stages are Normal, so each side takes the less cacheable of the two (NC over WT over WB): stage 1 Normal-WB with stage 2 Normal-WT gives Normal-WT, keeping stage 1's allocation hints.",
    ],
    [
      0xff,
      0x7,
      false,
      'normal-stricter-per-side',
      "Both stages are Normal, so each side takes the less cacheable of the two (NC over WT over WB): stage 1 Normal-WB with stage 2 Normal (inner WB, outer NC) gives Normal (inner WB, outer NC), keeping stage 1's allocation hints.",
    ],
    [
      0xbb,
      0x5,
      false,
      'normal-stricter-per-side',
      'Both stages are Normal, so each side takes the less cacheable of the two (NC over WT over WB): stage 1 Normal-WT with stage 2 Normal-NC gives Normal-NC.',
    ],
    [
      0x00,
      0x3,
      true,
      'fwb-device-stricter',
      'FWB does not change how Device types combine: stage 1 Device-nGnRnE with stage 2 Device-GRE gives the stricter, Device-nGnRnE.',
    ],
    [
      0x44,
      0x1,
      true,
      'fwb-device',
      'With FWB, a stage-2 Device encoding makes the result Device-nGnRE whatever Normal type the guest chose (Normal-NC).',
    ],
    [0x0c, 0x5, true, 'fwb-nc-keeps-s1-device', "FWB Normal-NC keeps a stage-1 Device type: the guest's Device-GRE is used."],
    [0xff, 0x5, true, 'fwb-nc', 'FWB Normal-NC makes any stage-1 Normal type (here Normal-WB) Normal-NC.'],
    [0x04, 0x6, true, 'fwb-force-wb', 'FWB forced Write-Back makes the result Normal-WB even though the guest chose Device-nGnRE.'],
    [0xbb, 0x7, true, 'fwb-as-s1', 'FWB "use stage 1": the guest\'s Normal-WT is used unchanged.'],
  ];

  it('covers every rule', () => {
    expect(new Set(cases.map(([, , , rule]) => rule))).toEqual(new Set(COMBINE_RULES));
  });

  for (const [byte, memAttr, fwb, rule, explanation] of cases) {
    it(`${rule}: stage 1 0x${byte.toString(16)}, stage 2 0x${memAttr.toString(16)}${fwb ? ' (FWB)' : ''}`, () => {
      expect(s2TranslateMemAttrs(s1(byte), s2(memAttr, fwb))).toMatchObject({ rule, explanation });
    });
  }
});
