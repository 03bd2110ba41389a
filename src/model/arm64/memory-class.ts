/**
 * The three classes of memory type the site's question turns on: Device (any of the four), Normal
 * Non-cacheable on both sides (what `ioremap_wc()` asks for), and Normal with at least one cacheable
 * side. One classifier, over the contract's flattened fields (`memoryType`, `inner`, `outer`), so a
 * combined result, a decoded MAIR byte, a summary name and a decoded stage-2 value are classed alike.
 * Arm ARM (DDI 0487) B2 "Memory types and attributes".
 */
import type { Cacheability, DeviceType, MemoryTypeName } from './types';

export const MEMORY_CLASSES = ['device', 'non-cacheable', 'cacheable'] as const;
export type MemoryClass = (typeof MEMORY_CLASSES)[number];

/** The fields the class depends on (FlatAttrs, CombineResult and DecodeMairResult all have them). */
export interface ClassifiedAttrs {
  readonly memoryType: DeviceType | 'Normal';
  readonly inner: Cacheability | null;
  readonly outer: Cacheability | null;
}

/** Device for every Device type; Normal is non-cacheable only when both sides are NC. */
export function memoryClass(attrs: ClassifiedAttrs): MemoryClass {
  if (attrs.memoryType !== 'Normal') return 'device';
  return attrs.inner === 'NC' && attrs.outer === 'NC' ? 'non-cacheable' : 'cacheable';
}

/** The attributes each summary name stands for (CONTRACT.md: Normal-* means inner and outer alike). */
const NAME_ATTRS = {
  'Device-nGnRnE': { memoryType: 'Device-nGnRnE', inner: null, outer: null },
  'Device-nGnRE': { memoryType: 'Device-nGnRE', inner: null, outer: null },
  'Device-nGRE': { memoryType: 'Device-nGRE', inner: null, outer: null },
  'Device-GRE': { memoryType: 'Device-GRE', inner: null, outer: null },
  'Normal-NC': { memoryType: 'Normal', inner: 'NC', outer: 'NC' },
  'Normal-WT': { memoryType: 'Normal', inner: 'WT', outer: 'WT' },
  'Normal-WB': { memoryType: 'Normal', inner: 'WB', outer: 'WB' },
} as const satisfies Record<MemoryTypeName, ClassifiedAttrs>;

/** The class of the attributes a summary name stands for. */
export function memoryClassOfName(name: MemoryTypeName): MemoryClass {
  return memoryClass(NAME_ATTRS[name]);
}

/** A decoded stage-2 value as the decoder flattens it (DecodeS2Result's kind and fields). */
export interface ClassifiedS2 {
  readonly kind: 'Device' | 'Normal' | 'NormalNC' | 'ForceWB' | 'AsStage1';
  readonly device: DeviceType | null;
  readonly inner: Cacheability | null;
  readonly outer: Cacheability | null;
}

/**
 * The class of the type a stage-2 value names, or null for FWB's "use stage 1" (0b111), which names
 * none. FWB's 0b101 is Normal-NC and 0b110 forces Normal Write-Back (AArch64.S2ApplyFWBMemAttrs).
 */
export function s2MemoryClass(s2: ClassifiedS2): MemoryClass | null {
  switch (s2.kind) {
    case 'Device':
      // Every Device type is of class device (memoryClass), so the kind alone decides.
      return 'device';
    case 'Normal':
      return memoryClass({ memoryType: 'Normal', inner: s2.inner, outer: s2.outer });
    case 'NormalNC':
      return memoryClass({ memoryType: 'Normal', inner: 'NC', outer: 'NC' });
    case 'ForceWB':
      return memoryClass({ memoryType: 'Normal', inner: 'WB', outer: 'WB' });
    case 'AsStage1':
      return null;
  }
}
