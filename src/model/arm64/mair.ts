/**
 * Stage 1: one MAIR_ELx.Attr<n> byte. Arm ARM register description MAIR_EL1; pseudocode
 * S1DecodeMemAttrs, S1ConstrainUnpredictableRESMAIR and DecodeLDFAttr (Arm ASL v9.4 as translated
 * in rems-project/sail-arm, arm-v9.4-a/src/v8_base.sail).
 */
import type { AllocHint, CacheSide, S1Attrs } from './types';
import { ALLOC_HINTS, deviceBits, deviceFromBits, isWbBoth } from './types';

interface Stage1Features {
  /** FEAT_XS: gives meaning to 0b0000dd01, 0x40 and 0xA0. */
  readonly featXS: boolean;
  /** FEAT_MTE2: gives meaning to 0xF0 (Allocation Tagged Normal WB). */
  readonly featMTE2: boolean;
}

const DEFAULT_FEATURES: Stage1Features = { featXS: true, featMTE2: true };

/** Why a MAIR byte has no defined meaning. */
export type MairFault =
  | { readonly kind: 'unpredictable'; readonly why: string }
  | { readonly kind: 'needs-feature'; readonly feature: 'FEAT_XS' | 'FEAT_MTE2'; readonly why: string };

type MairDecode = { readonly ok: true; readonly attrs: S1Attrs } | { readonly ok: false; readonly fault: MairFault };

/** A MAIR byte as messages write it: 0x0C, 0xF0. */
export function mairByteHex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** DecodeLDFAttr: one Normal nibble, not 0b0000 (the caller handles it). Bit 2 clear: WT; 0b0100: NC; else WB. */
function decodeLdfAttr(nibble: number): CacheSide {
  if (nibble === 0b0100) return { cacheability: 'NC' };
  // Bit 3 clear means Transient (0b00RW / 0b01RW); the two such nibbles without allocation, 0b0000
  // and 0b0100, never get here (no Normal encoding; NC).
  const transient = (nibble & 0b1000) === 0;
  return { cacheability: (nibble & 0b0100) === 0 ? 'WT' : 'WB', alloc: ALLOC_HINTS[nibble & 3] as AllocHint, transient };
}

const NC: CacheSide = { cacheability: 'NC' };
const WT_RA: CacheSide = { cacheability: 'WT', alloc: 'RA', transient: false };
const WB_RWA: CacheSide = { cacheability: 'WB', alloc: 'RWA', transient: false };

interface ZeroInnerSpecial {
  readonly feature: 'FEAT_XS' | 'FEAT_MTE2';
  readonly what: string;
  readonly attrs: S1Attrs;
}

/** The only bytes with a zero inner nibble under a non-zero outer one that mean something (0x40, 0xA0, 0xF0), and what they need. */
const ZERO_INNER_SPECIALS = {
  64: { feature: 'FEAT_XS', what: 'Normal iNC oNC, XS=0', attrs: { kind: 'Normal', inner: NC, outer: NC, xs: 0, tagged: false } },
  160: {
    feature: 'FEAT_XS',
    what: 'Normal iWT oWT Read-Allocate, XS=0',
    attrs: { kind: 'Normal', inner: WT_RA, outer: WT_RA, xs: 0, tagged: false },
  },
  240: {
    feature: 'FEAT_MTE2',
    what: 'Allocation Tagged Normal WB',
    attrs: { kind: 'Normal', inner: WB_RWA, outer: WB_RWA, xs: 0, tagged: true },
  },
} as const satisfies Record<0x40 | 0xa0 | 0xf0, ZeroInnerSpecial>;

/**
 * S1DecodeMemAttrs: decode a MAIR attribute byte (0-255; the caller checks the range), or say why it
 * has no meaning (S1ConstrainUnpredictableRESMAIR, or a feature the byte needs).
 */
export function s1DecodeMemAttrs(byte: number, features: Stage1Features = DEFAULT_FEATURES): MairDecode {
  const hi = byte >> 4;
  const lo = byte & 0xf;
  if (hi === 0) {
    const dd = (byte >> 2) & 3;
    const type = deviceFromBits(dd);
    if ((byte & 0b11) === 0b00) return { ok: true, attrs: { kind: 'Device', device: type, xs: 1 } };
    if ((byte & 0b11) === 0b01) {
      if (!features.featXS) {
        return {
          ok: false,
          fault: {
            kind: 'needs-feature',
            feature: 'FEAT_XS',
            why: `${mairByteHex(byte)} (0b0000dd01) is ${type} with XS=0 only when FEAT_XS is implemented; without it the encoding is UNPREDICTABLE`,
          },
        };
      }
      return { ok: true, attrs: { kind: 'Device', device: type, xs: 0 } };
    }
    return {
      ok: false,
      fault: {
        kind: 'unpredictable',
        why: `${mairByteHex(byte)} is 0b0000dd1x: a Device encoding with Attr<1> set is UNPREDICTABLE (S1ConstrainUnpredictableRESMAIR)`,
      },
    };
  }
  if (lo === 0) {
    const special: ZeroInnerSpecial | undefined = (ZERO_INNER_SPECIALS as Partial<Record<number, ZeroInnerSpecial>>)[byte];
    if (special === undefined) {
      return {
        ok: false,
        fault: {
          kind: 'unpredictable',
          why: `${mairByteHex(byte)} has inner nibble 0b0000, which is not a Normal encoding; only 0x40, 0xA0 (FEAT_XS) and 0xF0 (FEAT_MTE2) give it a meaning (S1ConstrainUnpredictableRESMAIR)`,
        },
      };
    }
    const present = special.feature === 'FEAT_XS' ? features.featXS : features.featMTE2;
    if (!present) {
      return {
        ok: false,
        fault: {
          kind: 'needs-feature',
          feature: special.feature,
          why: `${mairByteHex(byte)} (${special.what}) is defined only with ${special.feature}; without it the encoding is UNPREDICTABLE`,
        },
      };
    }
    return { ok: true, attrs: special.attrs };
  }
  const inner = decodeLdfAttr(lo);
  const outer = decodeLdfAttr(hi);
  // S1DecodeMemAttrs: an ordinary Normal byte has XS=0 exactly when both sides are Write-Back.
  return { ok: true, attrs: { kind: 'Normal', inner, outer, xs: isWbBoth(inner, outer) ? 0 : 1, tagged: false } };
}

/** One side's nibble, or null for a transient side without allocation (no encoding has it). */
function encodeSide(side: CacheSide): number | null {
  if (side.cacheability === 'NC') return 0b0100;
  if (side.alloc === 'No' && side.transient) return null;
  const base = side.cacheability === 'WT' ? 0b0000 : 0b0100;
  // Bit 3 set is Non-transient; bits 1:0 are the R and W allocation hints.
  return (side.transient ? 0 : 0b1000) | base | ALLOC_HINTS.indexOf(side.alloc);
}

/**
 * The MAIR byte that decodes to `attrs` (the inverse of s1DecodeMemAttrs on defined bytes). Returns null
 * when no byte encodes them: XS=1 for Normal iWB oWB, XS=0 for a Normal type other than NC/NC,
 * WT-RA/WT-RA or the Tagged WB/WB, tags on anything but RWA non-transient WB/WB, or transient
 * without allocation.
 */
export function encodeMair(attrs: S1Attrs): number | null {
  if (attrs.kind === 'Device') return (deviceBits(attrs.device) << 2) | (attrs.xs === 0 ? 1 : 0);
  const { inner, outer } = attrs;
  const innerBits = encodeSide(inner);
  const outerBits = encodeSide(outer);
  if (innerBits === null || outerBits === null) return null;
  const ordinary = (outerBits << 4) | innerBits;
  if (attrs.tagged) return ordinary === 0xff ? 0xf0 : null;
  const ordinaryXs = isWbBoth(inner, outer) ? 0 : 1;
  if (attrs.xs === ordinaryXs) return ordinary;
  if (ordinary === 0x44) return 0x40;
  if (ordinary === 0xaa) return 0xa0;
  return null;
}
