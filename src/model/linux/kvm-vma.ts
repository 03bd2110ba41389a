/**
 * kvm_vma_is_cacheable() (arch/arm64/kvm/mmu.c, 6.17+, 0c67288e0c8b): KVM reads the AttrIndx of the
 * VMA's vm_page_prot; MT_NORMAL_NC and the two Device slots are not cacheable, every other slot is.
 */
import type { MtName } from './stage1';

/**
 * Per MT_* slot. MT_NORMAL_WT and MT_DEVICE_GRE left the kernel in 5.14, before this function existed;
 * they are listed only so the table covers every MtName (Normal-WT cacheable, Device-GRE not, like their
 * neighbours), and no 6.17+ input can reach them.
 */
export const KVM_VMA_IS_CACHEABLE = {
  MT_NORMAL: true,
  MT_NORMAL_TAGGED: true,
  MT_NORMAL_NC: false,
  MT_DEVICE_nGnRnE: false,
  MT_DEVICE_nGnRE: false,
  // Stryker disable next-line BooleanLiteral: equivalent, MT_NORMAL_WT does not exist in 6.17+ (mtField refuses it from 5.14)
  MT_NORMAL_WT: true,
  // Stryker disable next-line BooleanLiteral: equivalent, MT_DEVICE_GRE does not exist in 6.17+ (mtField refuses it from 5.14)
  MT_DEVICE_GRE: false,
} as const satisfies Record<MtName, boolean>;

export function kvmVmaIsCacheable(mt: MtName): boolean {
  return KVM_VMA_IS_CACHEABLE[mt];
}
