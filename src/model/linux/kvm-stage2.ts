/**
 * KVM/arm64's stage-2 attribute choice for one guest fault on a memslot page, in the order of
 * arch/arm64/kvm/mmu.c: the device decision (kvm-pin-pfn.ts), the prot bits (kvm-prot.ts), then the
 * MemAttr stage2_set_prot_attr() writes (kvm-pgtable.ts). The reason names the function of that release
 * that made each choice (kvm-fault-path.ts): user_mem_abort() through 7.0; from 7.1 its helpers
 * kvm_s2_fault_pin_pfn() and kvm_s2_fault_compute_prot(), called from user_mem_abort().
 *
 * Not modelled: nested stage 2, pKVM (protected VMs and the host's own stage 2), guest_memfd memslots
 * (gmem_abort(), 6.18+: RAM from a guest_memfd file, always Normal, never a BAR), block sizes. The
 * memslot check (with MTE) is kvm-memslot.ts; aborts that never reach this path are kvm-abort.ts.
 */

import { kvmFaultPath } from './kvm-fault-path';
import type { MtS2Name } from './kvm-pgtable';
import { stage2SetProtAttr } from './kvm-pgtable';
import { kvmS2FaultPinPfn, kvmSupportsCacheablePfnmap } from './kvm-pin-pfn';
import { kvmS2FaultComputeProt } from './kvm-prot';
import type { FaultErrno, KvmBranch, Stage2Prot, Stage2Request } from './kvm-types';
import type { Confidence } from './releases';
import type { KvmEra } from './versions';
import { KVM_ERA_LABEL, kvmEra } from './versions';

export type { MemslotResult } from './kvm-memslot';
export type { MtS2Name } from './kvm-pgtable';
export { MT_S2, MT_S2_USE } from './kvm-pgtable';
export type { FaultKind, KvmBranch, Stage2Prot } from './kvm-types';
export { FAULT_KINDS, KVM_BRANCHES } from './kvm-types';

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
  /** The kernel functions that made the device decision and the prot choice (null when the fault failed before it). */
  readonly decidedIn: { readonly pfn: string; readonly prot: string | null };
  /** The weakest confidence behind the functions named (7.1+: the split is partly known from commit titles). */
  readonly sourceConfidence: Confidence;
  readonly sourceNote: string;
  /**
   * kvm_supports_cacheable_pfnmap(), which KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED reports (6.17+:
   * FWB and DIC, though its documentation names only FWB); null before 6.17.
   */
  readonly cacheablePfnmapSupported: boolean | null;
}

/** A fault that mapped the page: what stage2_set_prot_attr() wrote. */
type MappedStage2 = KvmStage2Result & { readonly prot: Stage2Prot; readonly memAttr: number; readonly memAttrName: MtS2Name };

/**
 * Whether the fault mapped the page. decideStage2() returns errno null only from its last branch,
 * which sets prot, memAttr and memAttrName; every failure sets the errno and leaves all three null.
 */
export function faultMapped(r: KvmStage2Result): r is MappedStage2 {
  return r.errno === null;
}

type Outcome = Pick<
  KvmStage2Result,
  'errno' | 'prot' | 'memAttr' | 'executable' | 'reason' | 'memAttrName' | 'writable' | 'forcedNonCacheable' | 'branch' | 'decidedIn'
>;

/** The fault handler's decision for validated inputs. */
export function decideStage2(r: Stage2Request): KvmStage2Result {
  const era = kvmEra(r.kernel);
  const path = kvmFaultPath(r.kernel);
  const lead = `[${KVM_ERA_LABEL[era]}] ${path.pinPfn.located}: `;
  const protLead = path.split ? `${path.computeProt.name}: ` : '';
  // The contract's keys first, then the extras, in one order for every outcome.
  const finish = (o: Outcome): KvmStage2Result => ({
    errno: o.errno,
    prot: o.prot,
    memAttr: o.memAttr,
    executable: o.executable,
    reason: o.reason,
    memAttrName: o.memAttrName,
    writable: o.writable,
    forcedNonCacheable: o.forcedNonCacheable,
    branch: o.branch,
    era,
    decidedIn: o.decidedIn,
    sourceConfidence: path.confidence,
    sourceNote: path.note,
    cacheablePfnmapSupported: era === '6.17+' ? kvmSupportsCacheablePfnmap(r.fwb, r.dic) : null,
  });
  const failed = { prot: null, memAttr: null, executable: null, memAttrName: null, writable: null } as const;

  const pfn = kvmS2FaultPinPfn(r);
  if (pfn.errno !== null) {
    return finish({
      ...failed,
      errno: pfn.errno,
      reason: `${lead}${pfn.why}`,
      forcedNonCacheable: false,
      branch: pfn.branch,
      decidedIn: { pfn: path.pinPfn.name, prot: null },
    });
  }
  const decidedIn = { pfn: path.pinPfn.name, prot: path.computeProt.name };
  const prot = kvmS2FaultComputeProt(r, pfn);
  if (prot.errno !== null) {
    return finish({
      ...failed,
      errno: prot.errno,
      reason: `${lead}${pfn.why}; ${protLead}${prot.why}`,
      forcedNonCacheable: true,
      branch: 'exec-on-device',
      decidedIn,
    });
  }
  const attr = stage2SetProtAttr(prot.prot, r.fwb);
  return finish({
    errno: null,
    prot: prot.prot,
    memAttr: attr.value,
    executable: prot.executable,
    reason: `${lead}${pfn.why}; ${protLead}${prot.why}; stage2_set_prot_attr() writes ${attr.name} = 0x${attr.value.toString(16).toUpperCase()}${r.fwb ? ' (FWB encoding)' : ''}; ${prot.tail}.`,
    memAttrName: attr.name,
    writable: prot.writable,
    forcedNonCacheable: pfn.forced,
    branch: pfn.branch,
    decidedIn,
  });
}
