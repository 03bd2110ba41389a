/**
 * KVM/arm64's stage-2 attribute choice for one guest fault, user_mem_abort() in
 * arch/arm64/kvm/mmu.c, and the memslot check in kvm_arch_prepare_memory_region(), by kernel era:
 *
 * - v5.10–v6.8: a pfn that is not memory (kvm_is_device_pfn(): !pfn_valid() up to 5.13,
 *   !pfn_is_map_memory() from 5.14; `pfnIsMemory` stands for that era's test) is mapped KVM_PGTABLE_PROT_DEVICE;
 *   an exec fault on it returns -ENOEXEC (since 6d674e28f642, v5.0).
 * - v6.9–v6.16: the same, except that a VMA with VM_ALLOW_ANY_UNCACHED gets
 *   KVM_PGTABLE_PROT_NORMAL_NC (8c47ce3e1d2c).
 * - v6.17+: "device" became s2_force_noncacheable (8cc9dc1ae4fb) and is decided from the VMA:
 *   VM_PFNMAP/VM_MIXEDMAP and not memory; a cacheable such VMA (kvm_vma_is_cacheable()) is mapped
 *   Normal when kvm_supports_cacheable_pfnmap() (FWB and DIC), else -EFAULT (216887f79d98,
 *   2a8dfab26677, 0c67288e0c8b); the memslot check refuses it with -EINVAL.
 *
 * stage2_set_prot_attr() (arch/arm64/kvm/hyp/pgtable.c) turns the prot into MemAttr: MT_S2_* without
 * FWB, MT_S2_FWB_* with it (PAGE_S2_MEMATTR). Not modelled: MTE-enabled VMs (kvm_has_mte: VMAs
 * without VM_MTE_ALLOWED are refused), nested stage 2, pKVM, block sizes.
 */

import type { MtName } from './stage1';
import type { KernelVersion, KvmEra } from './versions';
import { KVM_ERA_LABEL, kvmEra } from './versions';
import type { VmaFlag } from './vma';

export type FaultKind = 'read' | 'write' | 'exec';
export const FAULT_KINDS = ['read', 'write', 'exec'] as const satisfies readonly FaultKind[];

export type Stage2Prot = 'DEVICE' | 'NORMAL_NC' | 'NORMAL';
export type FaultErrno = 'ENOEXEC' | 'EFAULT';

/** Stage-2 MemAttr values (arch/arm64/include/asm/memory.h). */
export const MT_S2 = {
  MT_S2_NORMAL: 0xf,
  MT_S2_NORMAL_NC: 0x5,
  MT_S2_DEVICE_nGnRE: 0x1,
  MT_S2_FWB_NORMAL: 6,
  MT_S2_FWB_NORMAL_NC: 5,
  MT_S2_FWB_DEVICE_nGnRE: 1,
} as const satisfies Record<string, number>;
export type MtS2Name = keyof typeof MT_S2;

/** PAGE_S2_MEMATTR(attr, has_fwb): which MT_S2_* constant a prot selects. */
export const S2_MEMATTR_NAME = {
  DEVICE: { nofwb: 'MT_S2_DEVICE_nGnRE', fwb: 'MT_S2_FWB_DEVICE_nGnRE' },
  NORMAL_NC: { nofwb: 'MT_S2_NORMAL_NC', fwb: 'MT_S2_FWB_NORMAL_NC' },
  NORMAL: { nofwb: 'MT_S2_NORMAL', fwb: 'MT_S2_FWB_NORMAL' },
} as const satisfies Record<Stage2Prot, { nofwb: MtS2Name; fwb: MtS2Name }>;

export function s2MemAttr(prot: Stage2Prot, fwb: boolean): { readonly name: MtS2Name; readonly value: number } {
  const name = S2_MEMATTR_NAME[prot][fwb ? 'fwb' : 'nofwb'];
  return { name, value: MT_S2[name] };
}

/** Which branch of the fault handler decided. */
export const KVM_BRANCHES = [
  'memory',
  'device',
  'device-allow-any-uncached',
  'exec-on-device',
  'cacheable-pfnmap',
  'cacheable-pfnmap-unsupported',
  'not-pfnmap-assumed-cacheable',
] as const;
export type KvmBranch = (typeof KVM_BRANCHES)[number];

export interface Stage2Request {
  readonly kernel: KernelVersion;
  readonly pfnIsMemory: boolean;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  readonly fwb: boolean;
  readonly dic: boolean;
  readonly fault: FaultKind;
  readonly logging: boolean;
}

export interface KvmStage2Result {
  readonly errno: FaultErrno | null;
  readonly prot: Stage2Prot | null;
  /** MemAttr[3:0] written (FWB encoding when fwb). */
  readonly memAttr: number | null;
  readonly executable: boolean | null;
  readonly reason: string;
  // Extra keys (CONTRACT.md: results may carry extra keys).
  readonly memAttrName: MtS2Name | null;
  /** S2AP W: false when dirty logging write-protects a read or exec fault. */
  readonly writable: boolean | null;
  readonly forcedNonCacheable: boolean;
  readonly branch: KvmBranch;
  readonly era: KvmEra;
}

/** kvm_vma_is_cacheable() (v6.17+): NC and the Device slots are not cacheable; the rest are. */
export function vmaIsCacheable(mt: MtName): boolean {
  return !(mt === 'MT_NORMAL_NC' || mt === 'MT_DEVICE_nGnRnE' || mt === 'MT_DEVICE_nGnRE' || mt === 'MT_DEVICE_GRE');
}

const FN = 'user_mem_abort() (arch/arm64/kvm/mmu.c)';

/** The fault handler's decision. Inputs are already validated. */
export function decideStage2(r: Stage2Request): KvmStage2Result {
  const era = kvmEra(r.kernel);
  const label = `[${KVM_ERA_LABEL[era]}] ${FN}`;
  const flags = new Set(r.vmaFlags);
  const anyUncached = flags.has('VM_ALLOW_ANY_UNCACHED');
  const pfnmapLike = flags.has('VM_PFNMAP') || flags.has('VM_MIXEDMAP');
  const fail = (errno: FaultErrno, branch: KvmBranch, why: string): KvmStage2Result => ({
    errno,
    prot: null,
    memAttr: null,
    executable: null,
    reason: `${label}: ${why}`,
    memAttrName: null,
    writable: null,
    forcedNonCacheable: branch === 'exec-on-device',
    branch,
    era,
  });

  let forced: boolean;
  let why: string;
  let branch: KvmBranch;
  if (era === '6.17+') {
    if (pfnmapLike && !r.pfnIsMemory) {
      if (vmaIsCacheable(r.vmaMemType)) {
        if (!(r.fwb && r.dic)) {
          return fail(
            'EFAULT',
            'cacheable-pfnmap-unsupported',
            `the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's ${r.vmaMemType} is cacheable (kvm_vma_is_cacheable()), but kvm_supports_cacheable_pfnmap() needs FEAT_S2FWB and DIC (${r.fwb ? 'FWB' : 'no FWB'}, ${r.dic ? 'DIC' : 'no DIC'}): KVM cannot do cache maintenance on a pfn without a kernel mapping, so the fault fails with -EFAULT and KVM_RUN returns it to the VMM.`,
          );
        }
        forced = false;
        branch = 'cacheable-pfnmap';
        why = `the VMA is VM_PFNMAP/VM_MIXEDMAP and the pfn is not memory, but the VMA's ${r.vmaMemType} is cacheable and FWB and DIC are present (kvm_supports_cacheable_pfnmap()), so stage 2 may be cacheable like the VMA`;
      } else {
        forced = true;
        branch = anyUncached ? 'device-allow-any-uncached' : 'device';
        why = `the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's ${r.vmaMemType} is not cacheable, so s2_force_noncacheable is set`;
      }
    } else if (!r.pfnIsMemory) {
      forced = false;
      branch = 'not-pfnmap-assumed-cacheable';
      why =
        'the pfn is not memory but the VMA is neither VM_PFNMAP nor VM_MIXEDMAP; since 216887f79d98 such VMAs are assumed cacheable, so stage 2 is not forced non-cacheable';
    } else {
      forced = false;
      branch = 'memory';
      why = 'the pfn is memory (pfn_is_map_memory()), so stage 2 is not forced non-cacheable';
    }
  } else if (!r.pfnIsMemory) {
    forced = true;
    branch = anyUncached ? 'device-allow-any-uncached' : 'device';
    why = 'the pfn is not memory (kvm_is_device_pfn()), so the mapping is treated as device';
  } else {
    forced = false;
    branch = 'memory';
    why = 'the pfn is memory, so the mapping is Normal cacheable';
  }

  if (r.fault === 'exec' && forced) {
    return fail(
      'ENOEXEC',
      'exec-on-device',
      `${why}; the fault is an instruction fetch, and a non-cacheable (device) stage-2 mapping is never executable: -ENOEXEC, which kvm_handle_guest_abort() turns into a prefetch abort injected into the guest.`,
    );
  }

  let prot: Stage2Prot;
  let protWhy: string;
  if (forced) {
    if (anyUncached && era !== '5.10-6.8') {
      prot = 'NORMAL_NC';
      protWhy = 'the VMA has VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_NORMAL_NC';
    } else {
      prot = 'DEVICE';
      protWhy =
        era === '5.10-6.8'
          ? 'this version has no VM_ALLOW_ANY_UNCACHED, so every device mapping gets KVM_PGTABLE_PROT_DEVICE'
          : 'the VMA lacks VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_DEVICE';
    }
  } else {
    prot = 'NORMAL';
    protWhy = 'prot has neither DEVICE nor NORMAL_NC, so stage 2 is Normal Write-Back';
  }
  const attr = s2MemAttr(prot, r.fwb);
  const executable = forced ? false : r.fault === 'exec' || r.dic;
  const xWhy = forced
    ? 'never executable (XN set)'
    : r.fault === 'exec'
      ? 'executable because this is an exec fault (KVM_PGTABLE_PROT_X after invalidating the I-cache)'
      : r.dic
        ? 'executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC)'
        : 'not executable yet: without DIC, X is added on the first exec fault';
  // Dirty logging (v5.10+): a read/exec fault in a logged memslot maps read-only so the first write is
  // tracked. The check is the else-branch of the device / PFNMAP test, so only the plain-memory branches
  // reach it (in 6.17+ a cacheable PFNMAP does not). VM_PFNMAP memslots cannot log (memslot check).
  const logsWrites = branch === 'memory' || branch === 'not-pfnmap-assumed-cacheable';
  const writable = !(logsWrites && r.logging && r.fault !== 'write');
  const logWhy = !r.logging
    ? ''
    : !logsWrites
      ? '; dirty logging does not write-protect this branch (the check sits in the else-branch of the device / PFNMAP test)'
      : writable
        ? '; dirty logging is on and this is a write fault, so it maps writable'
        : '; dirty logging is on and this is not a write fault, so it maps read-only (S2AP W clear) to catch the first write';
  return {
    errno: null,
    prot,
    memAttr: attr.value,
    executable,
    reason: `${label}: ${why}; ${protWhy}; stage2_set_prot_attr() writes ${attr.name} = 0x${attr.value.toString(16).toUpperCase()}${r.fwb ? ' (FWB encoding)' : ''}; ${xWhy}${logWhy}.`,
    memAttrName: attr.name,
    writable,
    forcedNonCacheable: forced,
    branch,
    era,
  };
}

export interface MemslotRequest {
  readonly kernel: KernelVersion;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  readonly fwb: boolean;
  readonly dic: boolean;
  readonly logging: boolean;
}

export interface MemslotResult {
  readonly errno: 'EINVAL' | null;
  readonly reason: string;
}

/** kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c), for a region over one VMA. */
export function checkMemslot(r: MemslotRequest): MemslotResult {
  const fn = 'kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c)';
  const pfnmap = r.vmaFlags.includes('VM_PFNMAP');
  if (pfnmap && r.logging) {
    return { errno: 'EINVAL', reason: `${fn}: dirty page logging is not allowed on a VM_PFNMAP (IO) region: -EINVAL.` };
  }
  if (pfnmap && kvmEra(r.kernel) === '6.17+' && vmaIsCacheable(r.vmaMemType) && !(r.fwb && r.dic)) {
    return {
      errno: 'EINVAL',
      reason: `${fn} [v6.17+]: the VMA is VM_PFNMAP and its ${r.vmaMemType} is cacheable, but kvm_supports_cacheable_pfnmap() needs FWB and DIC (${r.fwb ? 'FWB' : 'no FWB'}, ${r.dic ? 'DIC' : 'no DIC'}): -EINVAL (2a8dfab26677, 0c67288e0c8b).`,
    };
  }
  return {
    errno: null,
    reason: `${fn}: accepted${pfnmap ? ` (VM_PFNMAP, ${r.vmaMemType}${kvmEra(r.kernel) === '6.17+' && vmaIsCacheable(r.vmaMemType) ? ', cacheable with FWB and DIC' : ''})` : ''}.`,
  };
}
