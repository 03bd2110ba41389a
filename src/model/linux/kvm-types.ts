/**
 * The vocabulary of KVM/arm64's stage-2 fault path (arch/arm64/kvm/mmu.c), shared by the modules that
 * model its decisions one by one: kvm-pin-pfn.ts (device or not), kvm-prot.ts (the prot bits),
 * kvm-pgtable.ts (the MemAttr written) and kvm-stage2.ts, which calls them in the kernel's order.
 */
import type { MtName } from './stage1';
import type { KernelVersion } from './versions';
import type { VmaFlag } from './vma';

export type FaultKind = 'read' | 'write' | 'exec';
export const FAULT_KINDS = ['read', 'write', 'exec'] as const satisfies readonly FaultKind[];

/** KVM_PGTABLE_PROT_DEVICE, KVM_PGTABLE_PROT_NORMAL_NC, or neither (Normal Write-Back). */
export type Stage2Prot = 'DEVICE' | 'NORMAL_NC' | 'NORMAL';
export type FaultErrno = 'ENOEXEC' | 'EFAULT';

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

/** One guest stage-2 fault on a memslot page, with the VMA it is backed by. Inputs are validated. */
export interface Stage2Request {
  readonly kernel: KernelVersion;
  /** pfn_is_map_memory() (pfn_valid() before 5.14) for the pfn. */
  readonly pfnIsMemory: boolean;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  /** ARM64_HAS_STAGE2_FWB. */
  readonly fwb: boolean;
  /** ARM64_HAS_CACHE_DIC. */
  readonly dic: boolean;
  readonly fault: FaultKind;
  /** The memslot has KVM_MEM_LOG_DIRTY_PAGES. */
  readonly logging: boolean;
}
