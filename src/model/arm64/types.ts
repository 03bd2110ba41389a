/**
 * The architecture's memory attributes as typed values. Raw encodings (MAIR bytes, stage-2 MemAttr
 * nibbles) are decoded once at the edge into these; everything after reasons over named cases.
 * Arm ARM (DDI 0487) B2 "Memory types and attributes"; D8 "Memory region attributes".
 */

/** Device types, from strictest to most relaxed: non-Gathering, non-Reordering, no Early ack. */
export const DEVICE_TYPES = ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Cacheability of one side (inner or outer) of a Normal memory region. */
export const CACHEABILITIES = ['NC', 'WT', 'WB'] as const;
export type Cacheability = (typeof CACHEABILITIES)[number];

/** Allocation hints: R is MAIR nibble bit 1, W is bit 0 (Arm ARM, MAIR_EL1 Attr<n> encodings). */
export const ALLOC_HINTS = ['No', 'WA', 'RA', 'RWA'] as const;
export type AllocHint = (typeof ALLOC_HINTS)[number];

/** Shareability domains, narrowest first. */
export const SHAREABILITIES = ['NSH', 'ISH', 'OSH'] as const;
export type Shareability = (typeof SHAREABILITIES)[number];

/** The contract's summary names (CONTRACT.md "Shared vocabulary"); Normal-* means inner and outer alike. */
export const MEMORY_TYPE_NAMES = [...DEVICE_TYPES, 'Normal-NC', 'Normal-WT', 'Normal-WB'] as const;
export type MemoryTypeName = (typeof MEMORY_TYPE_NAMES)[number];

/** One side of a Normal region. Hints and transience exist only for a cacheable side. */
export type CacheSide =
  | { readonly cacheability: 'NC' }
  | { readonly cacheability: 'WT' | 'WB'; readonly alloc: AllocHint; readonly transient: boolean };

/**
 * A full set of memory attributes: what stage 1 decodes to (S1DecodeMemAttrs) and what the two stages
 * combine to. `xs` is the FEAT_XS attribute; `tagged` is MTE Allocation Tagged.
 */
export type MemAttrs =
  | { readonly kind: 'Device'; readonly device: DeviceType; readonly xs: 0 | 1 }
  | {
      readonly kind: 'Normal';
      readonly inner: CacheSide;
      readonly outer: CacheSide;
      readonly xs: 0 | 1;
      readonly tagged: boolean;
    };

/** Decoded stage-1 attributes. */
export type S1Attrs = MemAttrs;

/**
 * Decoded stage-2 MemAttr[3:0]. With FWB off it is a second memory type; with FEAT_S2FWB on it is an
 * instruction to the hardware about the stage-1 type (Arm ARM "Stage 2 memory type and Cacheability
 * attributes when FEAT_S2FWB is enabled").
 */
export type S2Attrs =
  | { readonly fwb: false; readonly kind: 'Device'; readonly device: DeviceType }
  | { readonly fwb: false; readonly kind: 'Normal'; readonly inner: Cacheability; readonly outer: Cacheability }
  | { readonly fwb: true; readonly kind: 'Device'; readonly device: DeviceType }
  | { readonly fwb: true; readonly kind: 'NormalNC' }
  | { readonly fwb: true; readonly kind: 'ForceWB' }
  | { readonly fwb: true; readonly kind: 'AsStage1' };

/** The Device type named by a two-bit dd field (MAIR 0b0000dd00, stage-2 MemAttr 0b00dd). */
export function deviceFromBits(dd: number): DeviceType {
  return DEVICE_TYPES[(dd & 3) as 0 | 1 | 2 | 3];
}

/** The two-bit dd field that names a Device type (the inverse of deviceFromBits). */
export function deviceBits(type: DeviceType): number {
  return DEVICE_TYPES.indexOf(type);
}

/** Normal inner and outer Write-Back: the type whose XS is 0 in S1DecodeMemAttrs and S2CombineS1MemAttrs. */
export function isWbBoth(inner: CacheSide, outer: CacheSide): boolean {
  return inner.cacheability === 'WB' && outer.cacheability === 'WB';
}

/** The contract's summary name of decoded stage-1 attributes (inner and outer alike, else null). */
export function memoryTypeNameOf(attrs: S1Attrs): MemoryTypeName | null {
  if (attrs.kind === 'Device') return attrs.device;
  if (attrs.inner.cacheability !== attrs.outer.cacheability) return null;
  return `Normal-${attrs.inner.cacheability}`;
}
