/**
 * The stage-2 MemAttr values KVM writes for a guest in one release, and for what: guest RAM, and the
 * BAR (or region) of each VFIO driver as the driver's mmap() sets up its VMA. Each entry is the fault
 * handler's own answer (decideStage2(), arch/arm64/kvm/mmu.c: user_mem_abort() through 7.0, the split
 * kvm_s2_fault_pin_pfn()/kvm_s2_fault_compute_prot() from 7.1) for a write fault without dirty
 * logging, so a page that shows "what KVM writes" cannot drift from the rule it summarises.
 *
 * Guest RAM is a memory pfn in an ordinary MT_NORMAL VMA without VM_PFNMAP; a VFIO region is what
 * vfioMmapOf() answers (its VMA flags and memory type; nvgrace-gpu regions on its default GPU). A
 * region that does not exist in the release, or whose fault fails (a cacheable PFNMAP KVM cannot map,
 * -EFAULT), writes nothing and is left out.
 */

import type { MtS2Name } from './kvm-pgtable';
import { decideStage2, faultMapped } from './kvm-stage2';
import type { Stage2Prot } from './kvm-types';
import type { MtName } from './stage1';
import type { KernelVersion } from './versions';
import { VFIO_DRIVERS, type VfioDriver, vfioMmapOf } from './vfio';
import type { VmaFlag } from './vma';

/** What a stage-2 value is written for: guest RAM, or the region of a VFIO driver. */
export type Stage2Backing = 'guest RAM' | VfioDriver;

/** One stage-2 value KVM writes for a guest: the kernel's MT_S2_* constant, its prot, and what gets it. */
export interface KvmStage2MemAttr {
  /** MemAttr[3:0] (the FWB encoding when fwb). */
  readonly memAttr: number;
  /** The kernel's name for it (MT_S2_* or MT_S2_FWB_*). */
  readonly constant: MtS2Name;
  readonly prot: Stage2Prot;
  /** What KVM writes it for, guest RAM first, then the VFIO drivers in VFIO_DRIVERS order. */
  readonly usedFor: readonly Stage2Backing[];
}

/** A guest fault's backing: the pfn and the VMA it is found in. */
interface Backed {
  readonly backing: Stage2Backing;
  readonly pfnIsMemory: boolean;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
}

/**
 * The MemAttr values a guest's stage 2 holds in `kernel`, with FEAT_S2FWB (`fwb`) and
 * ARM64_HAS_CACHE_DIC (`dic`) as given, ordered by MemAttr.
 */
export function kvmGuestStage2MemAttrs(kernel: KernelVersion, fwb: boolean, dic: boolean): readonly KvmStage2MemAttr[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, for a memory pfn in a VMA without VM_PFNMAP or VM_MIXEDMAP the fault path reads no other VMA flag
  const backings: Backed[] = [{ backing: 'guest RAM', pfnIsMemory: true, vmaFlags: [], vmaMemType: 'MT_NORMAL' }];
  for (const driver of VFIO_DRIVERS) {
    const vma = vfioMmapOf(kernel, driver);
    if (vma !== null) backings.push({ backing: driver, pfnIsMemory: false, vmaFlags: vma.vmaFlags, vmaMemType: vma.memType });
  }
  const byAttr = new Map<number, KvmStage2MemAttr>();
  for (const { backing, ...vma } of backings) {
    // Stryker disable next-line BooleanLiteral: equivalent, dirty logging changes the mapping size and write permission, never the MemAttr
    const r = decideStage2({ kernel, ...vma, fwb, dic, fault: 'write', logging: false });
    if (!faultMapped(r)) continue;
    const seen = byAttr.get(r.memAttr);
    byAttr.set(r.memAttr, { memAttr: r.memAttr, constant: r.memAttrName, prot: r.prot, usedFor: [...(seen?.usedFor ?? []), backing] });
  }
  return [...byAttr.values()].sort((a, b) => a.memAttr - b.memAttr);
}
