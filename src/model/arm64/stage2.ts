/**
 * Stage 2: the descriptor's MemAttr[3:0] (bits [5:2]). Arm ARM "Stage 2 memory type and Cacheability
 * attributes when FEAT_S2FWB is disabled" / "... is enabled"; pseudocode S2DecodeMemAttrs,
 * S2DecodeCacheability and AArch64.S2ApplyFWBMemAttrs. FEAT_MTE_PERM is not modelled.
 */
import type { Cacheability, S2Attrs } from './types';
import { deviceFromBits } from './types';

/** A reserved stage-2 encoding, with the values the architecture lets the hardware use instead. */
interface S2Reserved {
  readonly why: string;
  /**
   * FWB off, inner field 0b00: CONSTRAINED UNPREDICTABLE (Unpredictable_S2RESMEMATTR) between NC,
   * WT and WB, so the nibble behaves as one of these defined MemAttr values, decoded. Absent when
   * the outcomes cannot be enumerated (FWB reserved values).
   */
  readonly permitted?: readonly { readonly memAttr: number; readonly attrs: S2Attrs }[];
}

type S2Decode = { readonly ok: true; readonly attrs: S2Attrs } | { readonly ok: false; readonly reserved: S2Reserved };

/** MemAttr[3] with FEAT_S2FWB: RES0 unless FEAT_MTE_PERM is implemented (not modelled). */
const FWB_RES0_BIT = 0b1000;

/**
 * The MemAttr values a stage-2 descriptor can hold with FEAT_S2FWB, in order: MemAttr[2:0], since
 * MemAttr[3] is RES0 (AArch64.S2ApplyFWBMemAttrs). 0b100 is among them and reserved;
 * s2DecodeMemAttrs says why.
 */
export const S2_FWB_MEMATTRS: readonly number[] = Array.from({ length: 16 }, (_, memAttr) => memAttr).filter(
  (memAttr) => (memAttr & FWB_RES0_BIT) === 0,
);

/** S2DecodeCacheability: the two-bit outer or inner field of a Normal MemAttr (0b00 is reserved). */
const CACHE_FIELD = { 1: 'NC', 2: 'WT', 3: 'WB' } as const satisfies Record<1 | 2 | 3, Cacheability>;
const OUTER_NAME = { 1: 'Non-cacheable', 2: 'Write-Through', 3: 'Write-Back' } as const satisfies Record<1 | 2 | 3, string>;

/**
 * S2DecodeMemAttrs (FWB off), or the stage-2 half of AArch64.S2ApplyFWBMemAttrs (FWB on): decode a
 * MemAttr nibble (0-15; the caller checks the range), or say why it is reserved.
 */
export function s2DecodeMemAttrs(memAttr: number, fwb: boolean): S2Decode {
  if (!fwb) {
    const outerField = (memAttr >> 2) & 3;
    const innerField = memAttr & 3;
    if (outerField === 0) return { ok: true, attrs: { fwb: false, kind: 'Device', device: deviceFromBits(innerField) } };
    const outerKey = outerField as 1 | 2 | 3;
    if (innerField === 0) {
      const outer = CACHE_FIELD[outerKey];
      return {
        ok: false,
        reserved: {
          why: `MemAttr 0x${memAttr.toString(16).toUpperCase()} is Outer ${OUTER_NAME[outerKey]} with inner field 0b00, which is reserved: the inner cacheability is CONSTRAINED UNPREDICTABLE (NC, WT or WB)`,
          permitted: ([1, 2, 3] as const).map((inner) => ({
            memAttr: memAttr | inner,
            attrs: { fwb: false, kind: 'Normal', outer, inner: CACHE_FIELD[inner] },
          })),
        },
      };
    }
    return { ok: true, attrs: { fwb: false, kind: 'Normal', outer: CACHE_FIELD[outerKey], inner: CACHE_FIELD[innerField as 1 | 2 | 3] } };
  }
  if (memAttr & FWB_RES0_BIT) {
    return {
      ok: false,
      reserved: {
        why: `MemAttr 0x${memAttr.toString(16).toUpperCase()} has bit 3 set; with FEAT_S2FWB, MemAttr[3] is RES0 unless FEAT_MTE_PERM is implemented (not modelled)`,
      },
    };
  }
  switch (memAttr) {
    case 0b000:
    case 0b001:
    case 0b010:
    case 0b011:
      return { ok: true, attrs: { fwb: true, kind: 'Device', device: deviceFromBits(memAttr) } };
    case 0b100:
      return {
        ok: false,
        reserved: { why: 'MemAttr 0b0100 is reserved with FEAT_S2FWB (and means NoTagAccess only with FEAT_MTE_PERM, not modelled)' },
      };
    case 0b101:
      return { ok: true, attrs: { fwb: true, kind: 'NormalNC' } };
    case 0b110:
      return { ok: true, attrs: { fwb: true, kind: 'ForceWB' } };
    default:
      return { ok: true, attrs: { fwb: true, kind: 'AsStage1' } };
  }
}

/** One line naming a decoded stage-2 value, for explanations and the CLI. */
export function describeS2(attrs: S2Attrs): string {
  if (attrs.kind === 'Device') return attrs.fwb ? `${attrs.device} (FWB: Device, combined with a stage-1 Device type)` : attrs.device;
  if (attrs.kind === 'Normal') {
    return attrs.inner === attrs.outer ? `Normal-${attrs.inner}` : `Normal (outer ${attrs.outer}, inner ${attrs.inner})`;
  }
  switch (attrs.kind) {
    case 'NormalNC':
      return 'FWB Normal-NC (stage-1 Device types are kept)';
    case 'ForceWB':
      return 'FWB forced Normal Write-Back (whatever stage 1 says)';
    case 'AsStage1':
      return 'FWB "use stage 1" (the stage-1 attributes are used unchanged)';
  }
}
