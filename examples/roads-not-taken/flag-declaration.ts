import { NEWEST_KERNEL, vmAllowAnyUncachedDeclaration } from 'memattr';

// How include/linux/mm.h declares VM_ALLOW_ANY_UNCACHED, by release.
for (const kernel of ['6.8', '6.9', '6.18', '6.19', NEWEST_KERNEL] as const) {
  const d = vmAllowAnyUncachedDeclaration(kernel);
  console.log(d === null ? `${kernel}: no such flag` : `${kernel}: bit ${d.bit} (${d.bitConstant}), 64-bit only: ${d.only64Bit}`);
}
const d = vmAllowAnyUncachedDeclaration(NEWEST_KERNEL);
console.log(`${NEWEST_KERNEL}: ${d?.definition}`);

// Output:
// 6.8: no such flag
// 6.9: bit 39 (VM_ALLOW_ANY_UNCACHED_BIT), 64-bit only: true
// 6.18: bit 39 (VM_ALLOW_ANY_UNCACHED_BIT), 64-bit only: true
// 6.19: bit 39 (VMA_ALLOW_ANY_UNCACHED_BIT), 64-bit only: true
// 7.2: bit 39 (VMA_ALLOW_ANY_UNCACHED_BIT), 64-bit only: true
// 7.2: INIT_VM_FLAG(ALLOW_ANY_UNCACHED), from the enum entry DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED, 39)
