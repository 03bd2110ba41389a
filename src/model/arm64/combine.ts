/**
 * Combining a guest's stage-1 attributes with the hypervisor's stage-2 attributes, for a data access
 * with caches on (SCTLR_EL1.C=1, HCR_EL2.{DC,CD,ID}=0). Arm ARM "Combining the stage 1 and stage 2
 * attributes"; pseudocode S2CombineS1MemAttrs (FWB off) and AArch64.S2ApplyFWBMemAttrs (FWB on),
 * with S2CombineS1Device, S2CombineS1AttrHints, S2CombineS1Shareability, EffectiveShareability and
 * S2MemTagType.
 */
import type { Cacheability, CacheSide, DeviceType, MemAttrs, S1Attrs, S2Attrs, Shareability } from './types';
import { DEVICE_STRICTNESS, memoryTypeNameOf, SHAREABILITY_RANK } from './types';

export interface CombineOptions {
  readonly s1Sh: Shareability;
  readonly s2Sh: Shareability;
  /** Stage-2 descriptor bit 11 (FnXS): when set, the result's XS is 0. */
  readonly s2FnXS: boolean;
  /**
   * The IMPLEMENTATION DEFINED choice "Apply effective shareability at stage 1" (AArch64.S1Translate):
   * when true, a stage-1 Device or NC/NC mapping hands OSH to stage 2 instead of its raw SH field.
   */
  readonly s1EffectiveSh: boolean;
}

export const DEFAULT_COMBINE_OPTIONS: CombineOptions = { s1Sh: 'ISH', s2Sh: 'ISH', s2FnXS: false, s1EffectiveSh: false };

/** Which rule decided the memory type and cacheability. */
export const COMBINE_RULES = [
  'device-stricter',
  's1-device-over-s2-normal',
  's2-device-over-s1-normal',
  'normal-stricter-per-side',
  'fwb-device-stricter',
  'fwb-device',
  'fwb-nc-keeps-s1-device',
  'fwb-nc',
  'fwb-force-wb',
  'fwb-as-s1',
] as const;
export type CombineRule = (typeof COMBINE_RULES)[number];

export interface Combined {
  readonly attrs: MemAttrs;
  readonly shareability: Shareability;
  readonly rule: CombineRule;
  readonly explanation: string;
}

/** S2CombineS1Device: the stricter Device type wins (the four types form a total order). */
export function combineDevice(s1: DeviceType, s2: DeviceType): DeviceType {
  return DEVICE_STRICTNESS[s1] >= DEVICE_STRICTNESS[s2] ? s1 : s2;
}

/** S2CombineS1AttrHints: NC beats WT beats WB; allocation hints and transience come from stage 1. */
export function combineSide(s1: CacheSide, s2: Cacheability): CacheSide {
  if (s1.cacheability === 'NC' || s2 === 'NC') return { cacheability: 'NC' };
  const cacheability = s1.cacheability === 'WT' || s2 === 'WT' ? 'WT' : 'WB';
  return { cacheability, alloc: s1.alloc, transient: s1.transient };
}

/** S2CombineS1Shareability: OSH beats ISH beats NSH. */
export function combineShareability(a: Shareability, b: Shareability): Shareability {
  return SHAREABILITY_RANK[a] >= SHAREABILITY_RANK[b] ? a : b;
}

/** EffectiveShareability: Device, and Normal inner NC with outer NC, are always Outer Shareable. */
export function effectiveShareability(attrs: MemAttrs, sh: Shareability): Shareability {
  if (attrs.kind === 'Device') return 'OSH';
  if (attrs.inner.cacheability === 'NC' && attrs.outer.cacheability === 'NC') return 'OSH';
  return sh;
}

function isWbBoth(attrs: MemAttrs): boolean {
  return attrs.kind === 'Normal' && attrs.inner.cacheability === 'WB' && attrs.outer.cacheability === 'WB';
}

/** S2MemTagType: Allocation Tagged survives only as Normal iWB oWB, RWA, non-transient. */
function keepsTags(s1: S1Attrs, result: MemAttrs): boolean {
  if (s1.kind !== 'Normal' || !s1.tagged || result.kind !== 'Normal') return false;
  return [result.inner, result.outer].every((side) => side.cacheability === 'WB' && side.alloc === 'RWA' && !side.transient);
}

function withTags(s1: S1Attrs, result: MemAttrs): MemAttrs {
  if (result.kind === 'Device') return result;
  return { ...result, tagged: keepsTags(s1, result) };
}

function withXs(result: MemAttrs, xs: 0 | 1): MemAttrs {
  return { ...result, xs };
}

function name(attrs: MemAttrs): string {
  const summary = memoryTypeNameOf(attrs);
  if (summary !== null) return summary;
  if (attrs.kind === 'Device') return attrs.device;
  return `Normal (inner ${attrs.inner.cacheability}, outer ${attrs.outer.cacheability})`;
}

function nameS2(s2: S2Attrs): string {
  if (s2.kind === 'Device') return s2.device;
  if (s2.kind === 'Normal') return s2.inner === s2.outer ? `Normal-${s2.inner}` : `Normal (inner ${s2.inner}, outer ${s2.outer})`;
  return s2.kind;
}

interface Decision {
  readonly attrs: MemAttrs;
  readonly rule: CombineRule;
  readonly explanation: string;
}

/** FWB off: the stricter stage wins, attribute by attribute (S2CombineS1MemAttrs). */
function combineNoFwb(s1: S1Attrs, s2: Extract<S2Attrs, { fwb: false }>, s2xs: 0 | 1): Decision {
  let decided: Decision;
  if (s1.kind === 'Device' && s2.kind === 'Device') {
    const device = combineDevice(s1.device, s2.device);
    decided = {
      attrs: { kind: 'Device', device, xs: 1 },
      rule: 'device-stricter',
      explanation: `Both stages are Device, so the stricter type wins: stage 1 ${s1.device} with stage 2 ${s2.device} gives ${device}.`,
    };
  } else if (s1.kind === 'Device') {
    decided = {
      attrs: s1,
      rule: 's1-device-over-s2-normal',
      explanation: `Device beats Normal: the guest's ${s1.device} is kept under stage 2 ${nameS2(s2)}, which only sets a ceiling.`,
    };
  } else if (s2.kind === 'Device') {
    decided = {
      attrs: { kind: 'Device', device: s2.device, xs: 1 },
      rule: 's2-device-over-s1-normal',
      explanation: `Device beats Normal: stage 2 ${s2.device} overrides the guest's ${name(s1)}.`,
    };
  } else {
    const inner = combineSide(s1.inner, s2.inner);
    const outer = combineSide(s1.outer, s2.outer);
    const attrs: MemAttrs = { kind: 'Normal', inner, outer, xs: 1, tagged: false };
    decided = {
      attrs,
      rule: 'normal-stricter-per-side',
      explanation: `Both stages are Normal, so each side takes the less cacheable of the two (NC over WT over WB): stage 1 ${name(s1)} with stage 2 ${nameS2(s2)} gives ${name(attrs)}${inner.cacheability === 'NC' && outer.cacheability === 'NC' ? '' : ", keeping stage 1's allocation hints"}.`,
    };
  }
  // XS: Normal iWB oWB is XS=0; otherwise both stages must say XS=1.
  const xs: 0 | 1 = isWbBoth(decided.attrs) ? 0 : ((s1.xs & s2xs) as 0 | 1);
  return { ...decided, attrs: withXs(withTags(s1, decided.attrs), xs) };
}

function forcedSide(s1: S1Attrs, side: 'inner' | 'outer'): CacheSide {
  if (s1.kind === 'Normal') {
    const s1Side = s1[side];
    if (s1Side.cacheability !== 'NC') return { cacheability: 'WB', alloc: s1Side.alloc, transient: s1Side.transient };
  }
  return { cacheability: 'WB', alloc: 'RWA', transient: false };
}

/** FWB on: stage 2 instructs rather than combines (AArch64.S2ApplyFWBMemAttrs). */
function combineFwb(s1: S1Attrs, s2: Extract<S2Attrs, { fwb: true }>): Decision {
  switch (s2.kind) {
    case 'Device': {
      if (s1.kind === 'Device') {
        const device = combineDevice(s1.device, s2.device);
        return {
          attrs: { kind: 'Device', device, xs: s1.xs },
          rule: 'fwb-device-stricter',
          explanation: `FWB does not change how Device types combine: stage 1 ${s1.device} with stage 2 ${s2.device} gives the stricter, ${device}.`,
        };
      }
      return {
        attrs: { kind: 'Device', device: s2.device, xs: s1.xs },
        rule: 'fwb-device',
        explanation: `With FWB, a stage-2 Device encoding makes the result ${s2.device} whatever Normal type the guest chose (${name(s1)}).`,
      };
    }
    case 'NormalNC':
      if (s1.kind === 'Device') {
        return {
          attrs: s1,
          rule: 'fwb-nc-keeps-s1-device',
          explanation: `FWB Normal-NC keeps a stage-1 Device type: the guest's ${s1.device} is used.`,
        };
      }
      return {
        attrs: { kind: 'Normal', inner: { cacheability: 'NC' }, outer: { cacheability: 'NC' }, xs: s1.xs, tagged: false },
        rule: 'fwb-nc',
        explanation: `FWB Normal-NC makes any stage-1 Normal type (here ${name(s1)}) Normal-NC.`,
      };
    case 'ForceWB':
      return {
        attrs: { kind: 'Normal', inner: forcedSide(s1, 'inner'), outer: forcedSide(s1, 'outer'), xs: 0, tagged: false },
        rule: 'fwb-force-wb',
        explanation: `FWB forced Write-Back makes the result Normal-WB even though the guest chose ${name(s1)}.`,
      };
    case 'AsStage1':
      return {
        attrs: s1,
        rule: 'fwb-as-s1',
        explanation: `FWB "use stage 1": the guest's ${name(s1)} is used unchanged.`,
      };
  }
}

/** The effective attributes of a data access through both stages. */
export function combineAttrs(s1: S1Attrs, s2: S2Attrs, options: CombineOptions = DEFAULT_COMBINE_OPTIONS): Combined {
  let decision: Decision;
  if (s2.fwb) {
    const raw = combineFwb(s1, s2);
    const xs: 0 | 1 = options.s2FnXS ? 0 : raw.attrs.xs;
    decision = { ...raw, attrs: withXs(withTags(s1, raw.attrs), xs) };
  } else {
    decision = combineNoFwb(s1, s2, options.s2FnXS ? 0 : 1);
  }
  // AArch64.S1Translate: stage 1 hands its raw SH to stage 2 unless the IMPDEF choice applies it first.
  const s1Sh = options.s1EffectiveSh ? effectiveShareability(s1, options.s1Sh) : options.s1Sh;
  const shareability = effectiveShareability(decision.attrs, combineShareability(s1Sh, options.s2Sh));
  return { attrs: decision.attrs, shareability, rule: decision.rule, explanation: decision.explanation };
}
