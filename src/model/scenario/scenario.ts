/**
 * End to end for one BAR region assigned to a VM: the VFIO driver's mmap (QEMU's host userspace
 * mapping and its VMA flags) -> the memslot -> KVM's stage 2 for the guest's first access -> the guest
 * driver's stage 1 -> the effective type (the arm64 rule, s2TranslateMemAttrs()).
 *
 * Assumptions: the region's pfns are not host memory (pfn_is_map_memory() false: a BAR, or nvgrace-gpu
 * GPU memory that the host kernel has not onlined); the VM has no MTE; the guest kernel's MAIR is
 * Linux's (the byte for each MT_* slot is the same in every covered version, only the index moved).
 */

import type { CombineResult } from '../arm64/api';
import { combineDecoded } from '../arm64/api';
import { s1DecodeMemAttrs } from '../arm64/mair';
import { s2DecodeMemAttrs } from '../arm64/stage2';
import type { MemoryTypeName } from '../arm64/types';
import { GUEST_IOREMAPS, type GuestIoremap } from '../cross-arch';
import type { FaultKind, KvmStage2Result, MemslotResult } from '../linux/kvm-stage2';
import { decideStage2 } from '../linux/kvm-stage2';
import type { MtName } from '../linux/stage1';
import { kernelMapping } from '../linux/stage1';
import type { KernelVersion } from '../linux/versions';
import type { NvgraceGpu, VfioDriver } from '../linux/vfio';
import type { VmaFlag } from '../linux/vma';
import { qemuMapBar } from '../vmm/qemu';

/** The guest driver mappings of the contract's `scenario` (pci_iomap_wc() behaves as ioremap_wc()). */
/** The guest driver's mapping calls the scenarios cover (one list for every architecture, cross-arch.ts). */
export const GUEST_MAPPINGS = GUEST_IOREMAPS;
export type GuestMapping = GuestIoremap;

export interface ScenarioRequest {
  readonly kernel: KernelVersion;
  readonly guestKernel: KernelVersion;
  readonly vfioDriver: VfioDriver;
  readonly guestMapping: GuestMapping;
  readonly fwb: boolean;
  readonly dic: boolean;
  readonly fault: FaultKind;
  /** The GPU behind an nvgrace-gpu region. */
  readonly gpu: NvgraceGpu;
  /** The VM enabled KVM_CAP_ARM_MTE. */
  readonly mte: boolean;
}

/** The request a scenario on these three choices makes with every other input at its default. */
export function defaultRequest(kernel: KernelVersion, vfioDriver: VfioDriver, guestMapping: GuestMapping, fwb: boolean): ScenarioRequest {
  return { kernel, guestKernel: kernel, vfioDriver, guestMapping, fwb, dic: true, fault: 'write', gpu: 'grace-hopper', mte: false };
}

export type ScenarioLayer = 'host-userspace' | 'vma' | 'memslot' | 'kvm-stage2' | 'guest-stage1' | 'effective';

export interface ScenarioStep {
  readonly layer: ScenarioLayer;
  readonly text: string;
}

export interface ScenarioResult {
  readonly hostUserspace: { readonly memType: MtName; readonly memoryType: MemoryTypeName };
  readonly vmaFlags: readonly VmaFlag[];
  readonly memslot: MemslotResult;
  readonly stage2: KvmStage2Result | null;
  readonly guestStage1: { readonly memType: MtName; readonly mair: number; readonly attrIndx: number; readonly memoryType: MemoryTypeName };
  readonly effective: CombineResult | null;
  readonly reason: string;
  // Extra keys.
  readonly steps: readonly ScenarioStep[];
  /** The contract's summary name of the effective type, or null when nothing was mapped. */
  readonly effectiveType: MemoryTypeName | null;
  readonly input: ScenarioRequest;
}

function hex(n: number, width = 2): string {
  return `0x${n.toString(16).toUpperCase().padStart(width, '0')}`;
}

/** Run the scenario on validated inputs; null when the driver or guest API does not exist. */
export function runScenario(req: ScenarioRequest): ScenarioResult | null {
  const host = qemuMapBar(req.kernel, req.vfioDriver, req.fwb, req.dic, { gpu: req.gpu, mte: req.mte });
  const guest = kernelMapping(req.guestKernel, req.guestMapping);
  if (host === null || guest === null) return null;
  const steps: ScenarioStep[] = [];
  steps.push({
    layer: 'host-userspace',
    text: `QEMU mmaps the region through the VFIO fd without asking for a type; ${host.vfio.fn} in ${req.kernel} uses ${host.vfio.pgprot}, so QEMU's mapping is ${host.hostUserspace.memType} (${host.hostUserspace.memoryType}).`,
  });
  steps.push({
    layer: 'vma',
    text: `The VMA carries ${host.vmaFlags.join(' | ')}${host.vfio.allowAnyUncached ? '' : ' (no VM_ALLOW_ANY_UNCACHED)'}.`,
  });
  steps.push({ layer: 'memslot', text: `QEMU registers the mapping as a memslot: ${host.memslot.reason}` });
  const guestStage1 = { memType: guest.memType, mair: guest.mair, attrIndx: guest.attrIndx, memoryType: guest.memoryType };
  const guestText = `The guest driver's ${req.guestMapping}() in ${req.guestKernel} selects ${guest.memType} (AttrIndx ${guest.attrIndx}), MAIR byte ${hex(guest.mair)} = ${guest.memoryType}.`;
  const finish = (stage2: KvmStage2Result | null, effective: CombineResult | null): ScenarioResult => {
    const effectiveType = effective === null ? null : (effective.summary ?? null);
    return {
      hostUserspace: host.hostUserspace,
      vmaFlags: host.vmaFlags,
      memslot: host.memslot,
      stage2,
      guestStage1,
      effective,
      reason: steps.map((s, i) => `${i + 1}. ${s.text}`).join('\n'),
      steps,
      effectiveType,
      input: req,
    };
  };
  if (host.memslot.errno !== null) {
    steps.push({ layer: 'guest-stage1', text: `${guestText} It never takes effect: the memslot does not exist.` });
    steps.push({
      layer: 'effective',
      text: 'Nothing is mapped for the guest: KVM_SET_USER_MEMORY_REGION failed, so the VMM cannot give the guest this region this way.',
    });
    return finish(null, null);
  }
  const stage2 = decideStage2({
    kernel: req.kernel,
    pfnIsMemory: false,
    vmaFlags: host.vmaFlags,
    vmaMemType: host.vfio.memType,
    fwb: req.fwb,
    dic: req.dic,
    fault: req.fault,
    logging: false,
  });
  steps.push({ layer: 'kvm-stage2', text: `The guest's first ${req.fault} faults into KVM: ${stage2.reason}` });
  steps.push({ layer: 'guest-stage1', text: guestText });
  if (stage2.memAttr === null) {
    steps.push({ layer: 'effective', text: `Nothing is mapped: the fault failed with ${stage2.errno}.` });
    return finish(stage2, null);
  }
  const effective = combineKernelValues(guest.mair, stage2.memAttr, req.fwb);
  steps.push({
    layer: 'effective',
    text: `Stage 1 ${hex(guest.mair)} with stage 2 MemAttr ${hex(stage2.memAttr, 1)}${req.fwb ? ' (FWB)' : ''} gives ${effective.summary ?? effective.memoryType} (rule ${effective.rule}): ${effective.explanation}`,
  });
  return finish(stage2, effective);
}

/**
 * The arm64 rule (S2CombineS1MemAttrs, or the FWB step) on values the kernel produced: decoded at the
 * edge and combined, without the JSON API's input checks, since Linux's MAIR bytes and KVM's MemAttr
 * values are always defined encodings.
 */
function combineKernelValues(mair: number, memAttr: number, fwb: boolean): CombineResult {
  const s1 = s1DecodeMemAttrs(mair);
  const s2 = s2DecodeMemAttrs(memAttr, fwb);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, KVM's MemAttr values and Linux's MAIR bytes are never reserved (claims and scenario tests run every pair)
  if (!s1.ok || !s2.ok) throw new Error(`the kernel produced a reserved encoding: MAIR ${hex(mair)}, MemAttr ${hex(memAttr, 1)}`);
  return combineDecoded(s1.attrs, s2.attrs);
}
