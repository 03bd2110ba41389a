/**
 * Small model queries the claim checks share. Each runs the model on fixed, valid inputs; an invalid
 * answer here is a model bug, so it throws (claims() reports it, never a wrong verdict).
 */

import { TYPE_STRICTNESS } from '../arm64/semantics';
import type { MemoryTypeName } from '../arm64/types';
import type { KvmStage2Result } from '../linux/kvm-stage2';
import { decideStage2 } from '../linux/kvm-stage2';
import type { KernelVersion } from '../linux/versions';
import type { VfioDriver } from '../linux/vfio';
import { vfioMmapOf } from '../linux/vfio';
import type { GuestMapping, ScenarioResult } from '../scenario/scenario';
import { defaultRequest, runScenario } from '../scenario/scenario';

export const VERDICTS = ['holds', 'holds-with-nuance', 'does-not-hold', 'not-yet-modelled'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A claim's verdict and what the model computed to reach it. */
export interface Checked {
  readonly verdict: Verdict;
  readonly evidence: string;
  /** The verdict in words when the plain verdict needs qualifying; pages print it wherever they judge the claim. */
  readonly judgement?: string;
}

/** The verdicts in words, for claims whose check gives no judgement of its own. */
export const VERDICT_TEXT = {
  holds: 'holds',
  'holds-with-nuance': 'holds, with a nuance',
  'does-not-hold': 'does not hold',
  'not-yet-modelled': 'not yet modelled',
} as const satisfies Record<Verdict, string>;

export function sc(kernel: KernelVersion, vfioDriver: VfioDriver, guestMapping: GuestMapping, fwb = false): ScenarioResult {
  const r = runScenario(defaultRequest(kernel, vfioDriver, guestMapping, fwb));
  if (r === null) throw new Error(`scenario ${kernel}/${vfioDriver}/${guestMapping} is unavailable`);
  return r;
}

export function effectiveOf(r: ScenarioResult): MemoryTypeName {
  if (r.effectiveType === null) throw new Error('scenario mapped nothing');
  return r.effectiveType;
}

/** The summary type a stage-2 prot stands for (MT_S2_* / MT_S2_FWB_* as KVM writes them). */
export function stage2TypeOf(s2: KvmStage2Result | null): MemoryTypeName {
  switch (s2?.prot) {
    case 'DEVICE':
      return 'Device-nGnRE';
    case 'NORMAL_NC':
      return 'Normal-NC';
    case 'NORMAL':
      return 'Normal-WB';
    default:
      throw new Error('no stage-2 mapping');
  }
}

/** Strictness order over summary types (arm64 TYPE_STRICTNESS). */
export function strictness(t: MemoryTypeName): number {
  return TYPE_STRICTNESS[t];
}

/** KVM's choice for vfio-pci's BAR VMA in `kernel`, with the flag as vfio-pci sets it or with it removed. */
export function barStage2(kernel: KernelVersion, withFlag: boolean): KvmStage2Result {
  const vma = vfioMmapOf(kernel, 'vfio-pci');
  if (vma === null) throw new Error('vfio-pci exists in every covered version');
  return decideStage2({
    kernel,
    pfnIsMemory: false,
    vmaFlags: withFlag ? vma.vmaFlags : vma.vmaFlags.filter((f) => f !== 'VM_ALLOW_ANY_UNCACHED'),
    vmaMemType: vma.memType,
    fwb: false,
    dic: true,
    fault: 'write',
    logging: false,
  });
}

export function list(items: readonly string[]): string {
  return items.join('; ');
}
