/**
 * Is the stage-2 mapping forced non-cacheable ("device")? user_mem_abort() through 7.0;
 * kvm_s2_fault_pin_pfn() from 7.1 (kvm-fault-path.ts). By era (linux/versions.ts kvmEra()):
 *
 * - 5.10–6.16: a pfn that is not memory (kvm_is_device_pfn(): !pfn_valid() up to 5.13,
 *   !pfn_is_map_memory() from 5.14; `pfnIsMemory` stands for that release's test) is device.
 * - 6.17+: "device" became s2_force_noncacheable (8cc9dc1ae4fb) and is decided from the VMA: only a
 *   VM_PFNMAP/VM_MIXEDMAP VMA over a pfn that is not memory (216887f79d98), and only when its
 *   memory type is not cacheable (kvm_vma_is_cacheable()); a cacheable one is mapped Normal when
 *   kvm_supports_cacheable_pfnmap() (FWB and DIC, asm/kvm_mmu.h), else the fault fails with -EFAULT
 *   (2a8dfab26677, 0c67288e0c8b).
 */
import type { KvmBranch, Stage2Request } from './kvm-types';
import { kvmVmaIsCacheable } from './kvm-vma';
import { kvmEra } from './versions';

export type PfnDecision =
  | {
      /** s2_force_noncacheable (device before 6.17). */
      readonly forced: boolean;
      readonly branch: KvmBranch;
      readonly errno: null;
      readonly why: string;
    }
  /** -EFAULT for a cacheable PFN map the host cannot map cacheable (6.17+). */
  | { readonly branch: 'cacheable-pfnmap-unsupported'; readonly errno: 'EFAULT'; readonly why: string };

/** kvm_supports_cacheable_pfnmap() (6.17+): FWB and DIC. */
export function kvmSupportsCacheablePfnmap(fwb: boolean, dic: boolean): boolean {
  return fwb && dic;
}

/** What the 6.17 capability reports and what its documentation says (f55ce5a6cd33). */
export const CACHEABLE_PFNMAP_CAP_NOTE =
  'KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (243, f55ce5a6cd33) reports this same test; its api.rst entry names only FWB, but the code needs DIC too';

function caps(fwb: boolean, dic: boolean): string {
  return `${fwb ? 'FWB' : 'no FWB'}, ${dic ? 'DIC' : 'no DIC'}`;
}

export function kvmS2FaultPinPfn(r: Stage2Request): PfnDecision {
  const anyUncached = r.vmaFlags.includes('VM_ALLOW_ANY_UNCACHED');
  const deviceBranch: KvmBranch = anyUncached ? 'device-allow-any-uncached' : 'device';
  if (kvmEra(r.kernel) !== '6.17+') {
    return r.pfnIsMemory
      ? { forced: false, branch: 'memory', errno: null, why: 'the pfn is memory, so the mapping is Normal cacheable' }
      : {
          forced: true,
          branch: deviceBranch,
          errno: null,
          why: 'the pfn is not memory (kvm_is_device_pfn()), so the mapping is treated as device',
        };
  }
  if (r.pfnIsMemory) {
    return {
      forced: false,
      branch: 'memory',
      errno: null,
      why: 'the pfn is memory (pfn_is_map_memory()), so stage 2 is not forced non-cacheable',
    };
  }
  if (!(r.vmaFlags.includes('VM_PFNMAP') || r.vmaFlags.includes('VM_MIXEDMAP'))) {
    return {
      forced: false,
      branch: 'not-pfnmap-assumed-cacheable',
      errno: null,
      why: 'the pfn is not memory but the VMA is neither VM_PFNMAP nor VM_MIXEDMAP; since 216887f79d98 such VMAs are assumed cacheable, so stage 2 is not forced non-cacheable',
    };
  }
  if (!kvmVmaIsCacheable(r.vmaMemType)) {
    return {
      forced: true,
      branch: deviceBranch,
      errno: null,
      why: `the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's ${r.vmaMemType} is not cacheable, so s2_force_noncacheable is set`,
    };
  }
  if (!kvmSupportsCacheablePfnmap(r.fwb, r.dic)) {
    return {
      branch: 'cacheable-pfnmap-unsupported',
      errno: 'EFAULT',
      why: `the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's ${r.vmaMemType} is cacheable (kvm_vma_is_cacheable()), but kvm_supports_cacheable_pfnmap() needs FEAT_S2FWB and DIC (${caps(r.fwb, r.dic)}; ${CACHEABLE_PFNMAP_CAP_NOTE}): KVM cannot do cache maintenance on a pfn without a kernel mapping, so the fault fails with -EFAULT and KVM_RUN returns it to the VMM.`,
    };
  }
  return {
    forced: false,
    branch: 'cacheable-pfnmap',
    errno: null,
    why: `the VMA is VM_PFNMAP/VM_MIXEDMAP and the pfn is not memory, but the VMA's ${r.vmaMemType} is cacheable and FWB and DIC are present (kvm_supports_cacheable_pfnmap(); ${CACHEABLE_PFNMAP_CAP_NOTE}), so stage 2 may be cacheable like the VMA`,
  };
}
