/**
 * Which function of arch/arm64/kvm/mmu.c makes each stage-2 decision, by release, so a reason names the
 * code of that release.
 *
 * - Through 7.0, user_mem_abort() makes them all (read at the source in a 5.16-era copy, the 6.8-rc5
 *   base of the Normal-NC series, 6.17.4 and a 7.0-era tree).
 * - 7.1 (kvm-arm64/user_mem_abort-rework) split it; user_mem_abort() still calls the helpers.
 *   kvm_s2_fault_pin_pfn() decides device / non-cacheable and returns the cacheable-PFNMAP -EFAULT:
 *   from the title of e314a4dbdb8b "Move device mapping management into kvm_s2_fault_pin_pfn()" only
 *   (unverified: its body was not read). kvm_s2_fault_compute_prot() returns -ENOEXEC, injects the 0x35
 *   abort and picks NORMAL_NC when VM_ALLOW_ANY_UNCACHED is set, else DEVICE: read in Fuad Tabba's
 *   intermediate commits (a6e11bd6e1bd, 84699747aa55); adb70b3a8b31, which removed struct kvm_s2_fault,
 *   was read by title only (unverified that it left these in place).
 */
import type { Confidence } from './releases';
import type { KernelVersion } from './versions';
import { hasFeature } from './versions';

export interface FaultPathStep {
  /** The function as a reason names it, e.g. "kvm_s2_fault_pin_pfn() (called from user_mem_abort())". */
  readonly name: string;
  /** The same with its file, for the first mention in a reason. */
  readonly located: string;
  readonly confidence: Confidence;
}

export interface FaultPath {
  /** user_mem_abort() has been split into helpers (7.1+). */
  readonly split: boolean;
  /** The device / non-cacheable test and the cacheable-PFNMAP -EFAULT. */
  readonly pinPfn: FaultPathStep;
  /** -ENOEXEC, the DFSC 0x35 injection and NORMAL_NC vs DEVICE. */
  readonly computeProt: FaultPathStep;
  /** The weakest confidence of the two steps: how well the release's function names are known. */
  readonly confidence: Confidence;
  /** What the confidence rests on, for pages and results. */
  readonly note: string;
}

const WHOLE: FaultPathStep = {
  name: 'user_mem_abort()',
  located: 'user_mem_abort() (arch/arm64/kvm/mmu.c)',
  confidence: 'read-at-source',
};

const SPLIT = {
  split: true,
  pinPfn: {
    name: 'kvm_s2_fault_pin_pfn() (called from user_mem_abort())',
    located: 'kvm_s2_fault_pin_pfn() (called from user_mem_abort(), arch/arm64/kvm/mmu.c)',
    confidence: 'titles-only',
  },
  computeProt: {
    name: 'kvm_s2_fault_compute_prot() (called from user_mem_abort())',
    located: 'kvm_s2_fault_compute_prot() (called from user_mem_abort(), arch/arm64/kvm/mmu.c)',
    confidence: 'inferred',
  },
  confidence: 'titles-only',
  note: 'user_mem_abort() split in 7.1: kvm_s2_fault_pin_pfn() holds the device decision per the title of e314a4dbdb8b (body not read); kvm_s2_fault_compute_prot() holds the prot choice as read in the intermediate commits a6e11bd6e1bd and 84699747aa55 (the final adb70b3a8b31 read by title only)',
} as const satisfies FaultPath;

const UNSPLIT = {
  split: false,
  pinPfn: WHOLE,
  computeProt: WHOLE,
  confidence: 'read-at-source',
  note: 'user_mem_abort() makes every choice (read at the source)',
} as const satisfies FaultPath;

export function kvmFaultPath(kernel: KernelVersion): FaultPath {
  return hasFeature(kernel, 'kvm-fault-path-split') ? SPLIT : UNSPLIT;
}
