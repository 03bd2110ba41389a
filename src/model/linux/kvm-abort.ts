/**
 * Guest aborts that KVM/arm64 handles before or beside the stage-2 mapping decision.
 *
 * Unsupported exclusive / atomic / LS64 accesses (DFSC 0x35, "unsupported Exclusive or atomic access"):
 * where the memory type does not support the access (LD64B/ST64B need Device or Normal Non-cacheable
 * memory without FEAT_LS64WB), the access aborts with DFSC 0x35; whether that abort is taken to EL1 or
 * EL2 is IMPLEMENTATION DEFINED (Arm ARM, "Single-copy atomic 64-byte load/store"). When KVM sees it:
 * - before 7.0, kvm_handle_guest_abort() refuses any FSC other than translation, permission and access
 *   flag ("Unsupported FSC") with -EFAULT before looking up the memslot, so KVM_RUN fails with -EFAULT
 *   (read at the source in 6.17.4);
 * - from 7.0 (2937aeec9dc5) 0x35 passes that filter and, on a memslot, is injected back into the guest
 *   as a data abort with DFSC 0x35 (kvm_inject_dabt_excl_atomic()), after the -EFAULT/-ENOEXEC checks:
 *   in user_mem_abort() in 7.0, in kvm_s2_fault_compute_prot() from 7.1 (read in the intermediate commit
 *   a6e11bd6e1bd).
 * Outside memslots the access faults on the missing stage-2 entry first (a translation fault, always
 * taken to EL2) and goes to io_mem_abort() (arch/arm64/kvm/mmio.c): from 7.0 an LD64B/ST64B exits to the
 * VMM with KVM_EXIT_ARM_LDST64B (f174a9ffcd48); an exclusive or atomic access has no valid syndrome and
 * takes the existing no-ISV path (KVM_EXIT_ARM_NISV when the VMM enabled KVM_CAP_ARM_NISV_TO_USER, else
 * -ENOSYS; not re-read for this work). Guests are offered FEAT_LS64 only from 7.0 (151b92c92a45).
 *
 * Synchronous external aborts (kvm_handle_guest_sea()): APEI may claim the error (firmware first);
 * otherwise KVM injects a virtual SError into the guest, and from 6.19 (ad9c62bd8946) it exits to the
 * VMM with KVM_EXIT_ARM_SEA instead when the VMM enabled KVM_CAP_ARM_SEA_TO_USER and the host does not
 * own the abort (no FEAT_RAS, or an abort on KVM's own accesses). Asynchronous SErrors do not come here.
 */
import { kvmFaultPath } from './kvm-fault-path';
import type { KernelVersion } from './versions';
import { FEATURES, hasFeature } from './versions';

export const EXCL_ATOMIC_ACCESSES = ['ls64', 'exclusive-atomic'] as const;
export type ExclAtomicAccess = (typeof EXCL_ATOMIC_ACCESSES)[number];

export const ABORT_LEVELS = ['el2', 'el1'] as const;
export type AbortLevel = (typeof ABORT_LEVELS)[number];

export const EXCL_ATOMIC_OUTCOMES = [
  'ls64-not-offered',
  'guest-el1-abort',
  'kvm-run-efault',
  'inject-dabt-0x35',
  'exit-arm-ldst64b',
  'io-mem-abort-nisv',
] as const;
export type ExclAtomicOutcome = (typeof EXCL_ATOMIC_OUTCOMES)[number];

export interface ExclAtomicRequest {
  /** The host kernel (KVM). */
  readonly kernel: KernelVersion;
  /** The IPA is in a memslot (stage 2 maps it, e.g. a VFIO BAR) or not (MMIO the VMM emulates). */
  readonly inMemslot: boolean;
  readonly access: ExclAtomicAccess;
  /** Where the DFSC 0x35 abort is taken, an IMPLEMENTATION DEFINED choice (memslot case only). */
  readonly routedTo: AbortLevel;
}

export interface ExclAtomicResult {
  readonly outcome: ExclAtomicOutcome;
  /** The kernel function that decides, or null when KVM is not involved. */
  readonly function: string | null;
  readonly reason: string;
}

const ABORT_FN = 'kvm_handle_guest_abort() (arch/arm64/kvm/mmu.c)';
const IO_FN = 'io_mem_abort() (arch/arm64/kvm/mmio.c)';

/** What happens to an unsupported exclusive/atomic/LS64 access by a guest, by host kernel. */
export function kvmExclAtomicAbortOf(r: ExclAtomicRequest): ExclAtomicResult {
  const ls64 = FEATURES['kvm-ls64'];
  const hasLs64 = hasFeature(r.kernel, 'kvm-ls64');
  if (r.access === 'ls64' && !hasLs64) {
    return {
      outcome: 'ls64-not-offered',
      function: null,
      reason: `KVM in ${r.kernel} does not offer FEAT_LS64 to guests (it does from ${ls64.since}, 151b92c92a45): the guest's ID registers do not advertise it, so a guest driver does not issue LD64B/ST64B.`,
    };
  }
  const what = r.access === 'ls64' ? 'an LD64B/ST64B' : 'an exclusive or atomic access';
  if (!r.inMemslot) {
    if (r.access === 'ls64') {
      return {
        outcome: 'exit-arm-ldst64b',
        function: IO_FN,
        reason: `${IO_FN} in ${r.kernel}: ${what} outside any memslot faults on the missing stage-2 entry (a translation fault, taken to EL2); KVM exits to the VMM with KVM_EXIT_ARM_LDST64B (the ESR and the IPA), which must emulate the 64-byte access or inject an abort (f174a9ffcd48).`,
      };
    }
    return {
      outcome: 'io-mem-abort-nisv',
      function: IO_FN,
      reason: `${IO_FN} in ${r.kernel}: ${what} outside any memslot faults on the missing stage-2 entry with no valid syndrome, so KVM exits with KVM_EXIT_ARM_NISV if the VMM enabled KVM_CAP_ARM_NISV_TO_USER, else KVM_RUN fails with -ENOSYS.`,
    };
  }
  if (r.routedTo === 'el1') {
    return {
      outcome: 'guest-el1-abort',
      function: null,
      reason: `The implementation takes the DFSC 0x35 abort for ${what} to EL1: the guest kernel handles it and KVM is not involved.`,
    };
  }
  if (!hasLs64) {
    return {
      outcome: 'kvm-run-efault',
      function: ABORT_FN,
      reason: `${ABORT_FN} in ${r.kernel}: the abort for ${what} has DFSC 0x35, which is not a translation, permission or access-flag fault, so KVM logs "Unsupported FSC" and returns -EFAULT before looking up the memslot: KVM_RUN fails with -EFAULT (${ls64.since} injects it into the guest instead, 2937aeec9dc5).`,
    };
  }
  const fn = kvmFaultPath(r.kernel).computeProt.located;
  return {
    outcome: 'inject-dabt-0x35',
    function: fn,
    reason: `${fn} in ${r.kernel}: the abort for ${what} has DFSC 0x35 and the memslot is valid, so after the -EFAULT and -ENOEXEC checks KVM injects a data abort with DFSC 0x35 into the guest (kvm_inject_dabt_excl_atomic(), 2937aeec9dc5) and maps nothing.`,
  };
}

export const SEA_OUTCOMES = ['host-handled', 'inject-serror', 'exit-arm-sea'] as const;
export type SeaOutcome = (typeof SEA_OUTCOMES)[number];

export interface SeaRequest {
  readonly kernel: KernelVersion;
  /** apei_claim_sea() handles it (firmware-first RAS). */
  readonly apeiClaims: boolean;
  /** host_owns_sea(): no FEAT_RAS, or the abort hit KVM's own access (a stage-1 walk, a VNCR access). */
  readonly hostOwns: boolean;
  /** The VMM enabled KVM_CAP_ARM_SEA_TO_USER (6.19+). */
  readonly seaToUser: boolean;
}

export interface SeaResult {
  readonly outcome: SeaOutcome;
  readonly reason: string;
}

/** kvm_handle_guest_sea(): a synchronous external abort on a guest access, taken to EL2. */
export function kvmHandleGuestSea(r: SeaRequest): SeaResult {
  const fn = `kvm_handle_guest_sea() (arch/arm64/kvm/mmu.c) in ${r.kernel}`;
  if (r.apeiClaims) {
    return {
      outcome: 'host-handled',
      reason: `${fn}: APEI claims the abort (firmware-first RAS), so the host handles it and the guest resumes.`,
    };
  }
  const toUser = hasFeature(r.kernel, 'kvm-sea-to-user');
  if (toUser && r.seaToUser && !r.hostOwns) {
    return {
      outcome: 'exit-arm-sea',
      reason: `${fn}: APEI does not claim it and the VMM enabled KVM_CAP_ARM_SEA_TO_USER, so KVM exits with KVM_EXIT_ARM_SEA (ESR, guest VA and IPA) and the VMM decides, e.g. by injecting a synchronous abort (ad9c62bd8946).`,
    };
  }
  const why = !toUser
    ? `exiting to the VMM arrived in ${FEATURES['kvm-sea-to-user'].since}`
    : r.hostOwns
      ? 'the host owns this abort'
      : 'the VMM did not enable KVM_CAP_ARM_SEA_TO_USER';
  return {
    outcome: 'inject-serror',
    reason: `${fn}: APEI does not claim it and ${why}, so KVM injects a virtual SError into the guest.`,
  };
}
