/**
 * VMA flags of the contract's vocabulary (include/linux/mm.h). VM_ALLOW_ANY_UNCACHED exists from 6.9
 * (bit 39 on 64-bit; VM_NONE on 32-bit).
 */
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
