/**
 * kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c): may KVM accept a memslot over a VMA? The
 * per-VMA checks, in the kernel's order (read at the source in 6.17.4 and a 7.0-era tree; the MTE
 * check's two forms in the 5.14 patch and the 6.2 change):
 *
 * 1. An MTE-enabled VM (KVM_CAP_ARM_MTE): 5.14–6.1 refuse a shared mapping (VM_SHARED; ea7fc1bb1cd1);
 *    6.2+ refuse a VMA without VM_MTE_ALLOWED (c911f0d46879). The model's flag vocabulary has no
 *    VM_MTE_ALLOWED: it treats VM_IO/VM_PFNMAP/VM_MIXEDMAP VMAs (driver mappings, every VFIO region) as
 *    lacking it and other VMAs as MTE-capable RAM. Either way a VFIO BAR memslot gets -EINVAL.
 * 2. VM_PFNMAP with dirty logging (KVM_MEM_LOG_DIRTY_PAGES): -EINVAL.
 * 3. 6.17+: VM_PFNMAP whose memory type is cacheable without kvm_supports_cacheable_pfnmap() (FWB and
 *    DIC): -EINVAL (2a8dfab26677, relaxed by 0c67288e0c8b).
 */
import { kvmSupportsCacheablePfnmap } from './kvm-pin-pfn';
import { kvmVmaIsCacheable } from './kvm-vma';
import type { MtName } from './stage1';
import type { KernelVersion } from './versions';
import { FEATURES, hasFeature, kvmEra } from './versions';
import type { VmaFlag } from './vma';

export interface MemslotRequest {
  readonly kernel: KernelVersion;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  readonly fwb: boolean;
  readonly dic: boolean;
  readonly logging: boolean;
  /** The VM enabled KVM_CAP_ARM_MTE (5.14+; validated by the caller). */
  readonly mte: boolean;
}

export interface MemslotResult {
  readonly errno: 'EINVAL' | null;
  readonly reason: string;
}

const FN = 'kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c)';

function mteRefusal(r: MemslotRequest): string | null {
  if (!r.mte) return null;
  if (!hasFeature(r.kernel, 'kvm-mte-allowed')) {
    return r.vmaFlags.includes('VM_SHARED')
      ? `the VM has MTE and the VMA is a shared mapping (VM_SHARED), which ${FEATURES['kvm-mte'].since}–6.1 refuse with MTE: -EINVAL (ea7fc1bb1cd1).`
      : null;
  }
  const device = r.vmaFlags.some((f) => f === 'VM_IO' || f === 'VM_PFNMAP' || f === 'VM_MIXEDMAP');
  return device
    ? 'the VM has MTE and the VMA is a driver mapping (VM_IO/VM_PFNMAP/VM_MIXEDMAP) without VM_MTE_ALLOWED, so kvm_vma_mte_allowed() fails: -EINVAL (c911f0d46879).'
    : null;
}

export function kvmArchPrepareMemoryRegion(r: MemslotRequest): MemslotResult {
  const mte = mteRefusal(r);
  if (mte !== null) return { errno: 'EINVAL', reason: `${FN}: ${mte}` };
  const pfnmap = r.vmaFlags.includes('VM_PFNMAP');
  if (pfnmap && r.logging) {
    return { errno: 'EINVAL', reason: `${FN}: dirty page logging is not allowed on a VM_PFNMAP (IO) region: -EINVAL.` };
  }
  const cacheableRule = pfnmap && kvmEra(r.kernel) === '6.17+' && kvmVmaIsCacheable(r.vmaMemType);
  if (cacheableRule && !kvmSupportsCacheablePfnmap(r.fwb, r.dic)) {
    return {
      errno: 'EINVAL',
      reason: `${FN} [v6.17+]: the VMA is VM_PFNMAP and its ${r.vmaMemType} is cacheable, but kvm_supports_cacheable_pfnmap() needs FWB and DIC (${r.fwb ? 'FWB' : 'no FWB'}, ${r.dic ? 'DIC' : 'no DIC'}): -EINVAL (2a8dfab26677, 0c67288e0c8b).`,
    };
  }
  return {
    errno: null,
    reason: `${FN}: accepted${pfnmap ? ` (VM_PFNMAP, ${r.vmaMemType}${cacheableRule ? ', cacheable with FWB and DIC' : ''})` : ''}${r.mte ? '; MTE allows this VMA' : ''}.`,
  };
}
