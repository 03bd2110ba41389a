/**
 * VMA flags of the contract's vocabulary (include/linux/mm.h). VM_ALLOW_ANY_UNCACHED exists from 6.9
 * (bit 39 on 64-bit; VM_NONE on 32-bit); 6.19 declares it by bit (vmAllowAnyUncachedDeclaration()).
 */
import type { KernelVersion } from './versions';
import { FEATURES, hasFeature } from './versions';

export const VMA_FLAGS = [
  'VM_IO',
  'VM_PFNMAP',
  'VM_MIXEDMAP',
  'VM_DONTEXPAND',
  'VM_DONTDUMP',
  'VM_SHARED',
  'VM_ALLOW_ANY_UNCACHED',
] as const;
export type VmaFlag = (typeof VMA_FLAGS)[number];

/** A flag set in the contract's canonical order (arrays of names are unordered sets). */
export function sortFlags(flags: Iterable<VmaFlag>): VmaFlag[] {
  const set = new Set(flags);
  return VMA_FLAGS.filter((f) => set.has(f));
}

export interface FlagDeclaration {
  readonly flag: 'VM_ALLOW_ANY_UNCACHED';
  readonly bit: 39;
  /** The name of the bit-number constant in this release. */
  readonly bitConstant: 'VM_ALLOW_ANY_UNCACHED_BIT' | 'VMA_ALLOW_ANY_UNCACHED_BIT';
  /** How mm.h defines the flag on 64-bit. */
  readonly definition: string;
  /** On 32-bit kernels the flag is VM_NONE: no VMA can carry it. */
  readonly only64Bit: true;
  readonly source: string;
}

/**
 * How include/linux/mm.h declares VM_ALLOW_ANY_UNCACHED, or null before it exists. 6.9–6.18:
 * `VM_ALLOW_ANY_UNCACHED_BIT 39` and `BIT(VM_ALLOW_ANY_UNCACHED_BIT)` under CONFIG_64BIT (5c656fcdd6c6).
 * 6.19 (2b6a3f061f11, "mm: declare VMA flags by bit"): an enum entry DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED,
 * 39) gives VMA_ALLOW_ANY_UNCACHED_BIT, the flag is INIT_VM_FLAG(ALLOW_ANY_UNCACHED) under CONFIG_64BIT,
 * and VM_ALLOW_ANY_UNCACHED_BIT no longer exists; the 7.1 header reads the same (read as context lines).
 */
export function vmAllowAnyUncachedDeclaration(kernel: KernelVersion): FlagDeclaration | null {
  if (!hasFeature(kernel, 'VM_ALLOW_ANY_UNCACHED')) return null;
  const base = { flag: 'VM_ALLOW_ANY_UNCACHED', bit: 39, only64Bit: true } as const;
  return hasFeature(kernel, 'vma-flag-by-bit')
    ? {
        ...base,
        bitConstant: 'VMA_ALLOW_ANY_UNCACHED_BIT',
        definition: 'INIT_VM_FLAG(ALLOW_ANY_UNCACHED), from the enum entry DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED, 39)',
        source: FEATURES['vma-flag-by-bit'].source,
      }
    : {
        ...base,
        bitConstant: 'VM_ALLOW_ANY_UNCACHED_BIT',
        definition: 'BIT(VM_ALLOW_ANY_UNCACHED_BIT), with VM_ALLOW_ANY_UNCACHED_BIT defined as 39',
        source: FEATURES.VM_ALLOW_ANY_UNCACHED.source,
      };
}
