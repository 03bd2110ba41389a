/**
 * Combining a guest's stage-1 attributes with the hypervisor's stage-2 attributes, for a data access
 * with caches on (SCTLR_EL1.C=1, HCR_EL2.{DC,CD,ID}=0). Arm ARM "Combining the stage 1 and stage 2
 * attributes". Each function is named for the Arm pseudocode function it implements (Arm ASL v9.4 as
 * translated in rems-project/sail-arm, arm-v9.4-a/src/v8_base.sail): S2CombineS1MemAttrs (FWB off),
 * AArch64.S2ApplyFWBMemAttrs (FWB on), S2CombineS1Device, S2CombineS1AttrHints,
 * S2CombineS1Shareability, EffectiveShareability and S2MemTagType; s2TranslateMemAttrs is the
 * memory-attribute step of AArch64.S2Translate that chooses between the first two.
 */
import type { Cacheability, CacheSide, DeviceType, MemAttrs, MemoryTypeName, S1Attrs, S2Attrs, Shareability } from './types';
import { DEVICE_TYPES, isWbBoth, memoryTypeNameOf, SHAREABILITIES } from './types';

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

const DEFAULT_COMBINE_OPTIONS: CombineOptions = { s1Sh: 'ISH', s2Sh: 'ISH', s2FnXS: false, s1EffectiveSh: false };

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

/** The effective attributes of a data access through both stages, and the rule that decided them. */
interface Combined {
  readonly attrs: MemAttrs;
  readonly shareability: Shareability;
  readonly rule: CombineRule;
  readonly explanation: string;
}

/** S2CombineS1Device: the stricter Device type wins (the four form a total order; DEVICE_TYPES lists them strictest first). */
export function s2CombineS1Device(s1: DeviceType, s2: DeviceType): DeviceType {
  return DEVICE_TYPES[Math.min(DEVICE_TYPES.indexOf(s1), DEVICE_TYPES.indexOf(s2))] as DeviceType;
}

/** S2CombineS1AttrHints: NC beats WT beats WB; allocation hints and transience come from stage 1. */
export function s2CombineS1AttrHints(s1: CacheSide, s2: Cacheability): CacheSide {
  if (s1.cacheability === 'NC' || s2 === 'NC') return { cacheability: 'NC' };
  const cacheability = s1.cacheability === 'WT' || s2 === 'WT' ? 'WT' : 'WB';
  return { cacheability, alloc: s1.alloc, transient: s1.transient };
}

/** S2CombineS1Shareability: OSH beats ISH beats NSH (SHAREABILITIES lists them narrowest first). */
export function s2CombineS1Shareability(s1: Shareability, s2: Shareability): Shareability {
  return SHAREABILITIES[Math.max(SHAREABILITIES.indexOf(s1), SHAREABILITIES.indexOf(s2))] as Shareability;
}

/** EffectiveShareability: Device, and Normal inner NC with outer NC, are always Outer Shareable. */
export function effectiveShareability(attrs: MemAttrs, sh: Shareability): Shareability {
  if (attrs.kind === 'Device') return 'OSH';
  if (attrs.inner.cacheability === 'NC' && attrs.outer.cacheability === 'NC') return 'OSH';
  return sh;
}

/**
 * S2MemTagType: whether a Normal result with these sides is MTE Allocation Tagged. A tagged stage 1
 * (0xF0) stays tagged only as inner and outer Write-Back, Read/Write-Allocate, non-transient.
 */
export function s2MemTagType(s1: S1Attrs, inner: CacheSide, outer: CacheSide): boolean {
  if (s1.kind !== 'Normal') return false;
  return s1.tagged && [inner, outer].every((side) => side.cacheability === 'WB' && side.alloc === 'RWA' && !side.transient);
}

/** What one of the two combining rules decided, before shareability. */
interface Decision {
  readonly attrs: MemAttrs;
  readonly rule: CombineRule;
}

/**
 * S2CombineS1MemAttrs (FWB off): the stricter stage wins, attribute by attribute. `s2xs` is 0 when
 * the stage-2 descriptor sets FnXS.
 */
export function s2CombineS1MemAttrs(s1: S1Attrs, s2: Extract<S2Attrs, { fwb: false }>, s2xs: 0 | 1): Decision {
  // XS is 1 only when both stages say 1; a Normal iWB oWB result is XS=0 whatever they say.
  const xs = (s1.xs & s2xs) as 0 | 1;
  if (s1.kind === 'Device' && s2.kind === 'Device') {
    return { attrs: { kind: 'Device', device: s2CombineS1Device(s1.device, s2.device), xs }, rule: 'device-stricter' };
  }
  if (s1.kind === 'Device') return { attrs: { ...s1, xs }, rule: 's1-device-over-s2-normal' };
  if (s2.kind === 'Device') return { attrs: { kind: 'Device', device: s2.device, xs }, rule: 's2-device-over-s1-normal' };
  const inner = s2CombineS1AttrHints(s1.inner, s2.inner);
  const outer = s2CombineS1AttrHints(s1.outer, s2.outer);
  return {
    attrs: { kind: 'Normal', inner, outer, xs: isWbBoth(inner, outer) ? 0 : xs, tagged: s2MemTagType(s1, inner, outer) },
    rule: 'normal-stricter-per-side',
  };
}

/** A forced Write-Back side keeps stage 1's hints when stage 1 was cacheable there, else RWA non-transient. */
function forcedSide(s1: S1Attrs, side: 'inner' | 'outer'): CacheSide {
  if (s1.kind === 'Normal') {
    const s1Side = s1[side];
    if (s1Side.cacheability !== 'NC') return { cacheability: 'WB', alloc: s1Side.alloc, transient: s1Side.transient };
  }
  return { cacheability: 'WB', alloc: 'RWA', transient: false };
}

/** AArch64.S2ApplyFWBMemAttrs (FWB on): stage 2 instructs rather than combines. */
export function s2ApplyFwbMemAttrs(s1: S1Attrs, s2: Extract<S2Attrs, { fwb: true }>): Decision {
  switch (s2.kind) {
    case 'Device':
      if (s1.kind === 'Device') {
        return { attrs: { kind: 'Device', device: s2CombineS1Device(s1.device, s2.device), xs: s1.xs }, rule: 'fwb-device-stricter' };
      }
      return { attrs: { kind: 'Device', device: s2.device, xs: s1.xs }, rule: 'fwb-device' };
    case 'NormalNC':
      if (s1.kind === 'Device') return { attrs: s1, rule: 'fwb-nc-keeps-s1-device' };
      // An NC result is never tagged (S2MemTagType).
      return {
        attrs: { kind: 'Normal', inner: { cacheability: 'NC' }, outer: { cacheability: 'NC' }, xs: s1.xs, tagged: false },
        rule: 'fwb-nc',
      };
    case 'ForceWB': {
      const inner = forcedSide(s1, 'inner');
      const outer = forcedSide(s1, 'outer');
      return { attrs: { kind: 'Normal', inner, outer, xs: 0, tagged: s2MemTagType(s1, inner, outer) }, rule: 'fwb-force-wb' };
    }
    case 'AsStage1':
      // Stage 1 unchanged, tags included: a tagged stage-1 byte (0xF0) is already WB RWA non-transient.
      return { attrs: s1, rule: 'fwb-as-s1' };
  }
}

/** What an explanation may name: both stages' inputs and the result. */
interface Explained {
  readonly s1: S1Attrs;
  readonly s2: S2Attrs;
  readonly result: MemAttrs;
}

/** The summary name, or both sides of a Normal type whose inner and outer differ. */
function name(attrs: MemAttrs): string {
  if (attrs.kind === 'Normal' && attrs.inner.cacheability !== attrs.outer.cacheability) {
    return `Normal (inner ${attrs.inner.cacheability}, outer ${attrs.outer.cacheability})`;
  }
  return memoryTypeNameOf(attrs) as MemoryTypeName;
}

/** How explanations name the FWB instructions that are not a memory type. */
const FWB_INSTRUCTION_NAMES = {
  NormalNC: 'FWB Normal-NC',
  ForceWB: 'FWB forced Write-Back',
  AsStage1: 'FWB "use stage 1"',
} as const satisfies Record<Exclude<S2Attrs['kind'], 'Device' | 'Normal'>, string>;

function nameS2(s2: S2Attrs): string {
  if (s2.kind === 'Device') return s2.device;
  if (s2.kind === 'Normal') return s2.inner === s2.outer ? `Normal-${s2.inner}` : `Normal (inner ${s2.inner}, outer ${s2.outer})`;
  return FWB_INSTRUCTION_NAMES[s2.kind];
}

/** The explanation of each rule, in the words a page shows. */
const EXPLANATIONS = {
  'device-stricter': ({ s1, s2, result }) =>
    `Both stages are Device, so the stricter type wins: stage 1 ${name(s1)} with stage 2 ${nameS2(s2)} gives ${name(result)}.`,
  's1-device-over-s2-normal': ({ s1, s2 }) =>
    `Device beats Normal: the guest's ${name(s1)} is kept under stage 2 ${nameS2(s2)}, which only sets a ceiling.`,
  's2-device-over-s1-normal': ({ s1, s2 }) => `Device beats Normal: stage 2 ${nameS2(s2)} overrides the guest's ${name(s1)}.`,
  'normal-stricter-per-side': ({ s1, s2, result }) =>
    `Both stages are Normal, so each side takes the less cacheable of the two (NC over WT over WB): stage 1 ${name(s1)} with stage 2 ${nameS2(s2)} gives ${name(result)}${name(result) === 'Normal-NC' ? '' : ", keeping stage 1's allocation hints"}.`,
  'fwb-device-stricter': ({ s1, s2, result }) =>
    `FWB does not change how Device types combine: stage 1 ${name(s1)} with stage 2 ${nameS2(s2)} gives the stricter, ${name(result)}.`,
  'fwb-device': ({ s1, s2 }) =>
    `With FWB, a stage-2 Device encoding makes the result ${nameS2(s2)} whatever Normal type the guest chose (${name(s1)}).`,
  'fwb-nc-keeps-s1-device': ({ s1, s2 }) => `${nameS2(s2)} keeps a stage-1 Device type: the guest's ${name(s1)} is used.`,
  'fwb-nc': ({ s1, s2 }) => `${nameS2(s2)} makes any stage-1 Normal type (here ${name(s1)}) Normal-NC.`,
  'fwb-force-wb': ({ s1, s2 }) => `${nameS2(s2)} makes the result Normal-WB even though the guest chose ${name(s1)}.`,
  'fwb-as-s1': ({ s1, s2 }) => `${nameS2(s2)}: the guest's ${name(s1)} is used unchanged.`,
} as const satisfies Record<CombineRule, (e: Explained) => string>;

/**
 * The memory-attribute step of AArch64.S2Translate: S2CombineS1MemAttrs with FWB off, the result of
 * AArch64.S2ApplyFWBMemAttrs with FWB on, then XS (FnXS), tags and the effective shareability. The
 * core entry point over decoded attributes (see s1DecodeMemAttrs, s2DecodeMemAttrs); no input checks.
 */
export function s2TranslateMemAttrs(s1: S1Attrs, s2: S2Attrs, options: CombineOptions = DEFAULT_COMBINE_OPTIONS): Combined {
  let decision: Decision;
  if (s2.fwb) {
    const raw = s2ApplyFwbMemAttrs(s1, s2);
    decision = options.s2FnXS ? { ...raw, attrs: { ...raw.attrs, xs: 0 } } : raw;
  } else {
    decision = s2CombineS1MemAttrs(s1, s2, options.s2FnXS ? 0 : 1);
  }
  // AArch64.S1Translate: stage 1 hands its raw SH to stage 2 unless the IMPDEF choice applies it first.
  const s1Sh = options.s1EffectiveSh ? effectiveShareability(s1, options.s1Sh) : options.s1Sh;
  const shareability = effectiveShareability(decision.attrs, s2CombineS1Shareability(s1Sh, options.s2Sh));
  const explanation = EXPLANATIONS[decision.rule]({ s1, s2, result: decision.attrs });
  return { attrs: decision.attrs, shareability, rule: decision.rule, explanation };
}
