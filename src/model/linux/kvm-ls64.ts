/**
 * KVM/arm64 and a guest's FEAT_LS64 instructions (LD64B/ST64B), by host release: whether the guest may
 * execute them, and what KVM does with the faults they can raise. Pure data and rules; the bus model
 * (bus/ls64.ts) combines them with the architecture.
 *
 * Sources (torvalds/linux and the kvm@vger threads; read at the source for this model unless noted):
 * - Arm ARM HCRX_EL2.EnALS (bit 1): 0 traps LD64B/ST64B at EL0 and EL1 to EL2, reported with EC 0x0A and
 *   ISS 0x2 (ESR_ELx_ISS_OTHER_LDST64B). The check comes first in the instruction's pseudocode
 *   (CheckLDST64BEnabled(), before MemStore64B()), so a trapped ST64B makes no memory access at all.
 * - Before 7.0 no Linux release sets HCRX_EL2.EnALS (the guest's ID_AA64ISAR1_EL1.LS64 reads 0), so the
 *   guest's ST64B traps to EL2. (Where the kernel does not write HCRX_EL2 at all, firmware's value stands;
 *   the model takes EnALS as 0 there too.)
 *   - Before 6.16, EC 0x0A has no handler: arch/arm64/kvm/handle_exit.c kvm_handle_unknown_ec() injects
 *     an Undefined Instruction exception (kvm_inject_undefined()).
 *   - From 6.16, handle_other() (2e04378f1a76 "KVM: arm64: Handle trapping of FEAT_LS64* instructions",
 *     kvmarm for 6.16) injects the same UNDEF when the guest does not have the feature.
 * - 7.0 (kvmarm-7.0 pull; arm64 for-next/cpufeature):
 *   - 151b92c92a45 "KVM: arm64: Enable FEAT_{LS64, LS64_V} in the supported guest": the ID register shows
 *     the feature and vcpu_set_hcrx() sets the vCPU's HCRX_EL2.EnALS, so ST64B runs without a trap (LS64_ACCDATA was
 *     dropped from the series).
 *   - 2937aeec9dc5 "KVM: arm64: Handle DABT caused by LS64* instructions on unsupported memory": a Data Abort
 *     with DFSC 0x35 ("unsupported Exclusive or atomic access") taken to EL2 on a memslot is injected back
 *     into the guest (kvm_inject_dabt_excl_atomic(), from user_mem_abort()).
 *   - f174a9ffcd48 "KVM: arm64: Add exit to userspace on {LD,ST}64B* outside of memslots": io_mem_abort()
 *     exits with KVM_EXIT_ARM_LDST64B (ESR and IPA); the VMM emulates the access or injects an abort.
 * - Before 7.0, kvm_handle_guest_abort() (mmu.c; read in 6.17.4) refuses any FSC other than translation,
 *   permission and access-flag faults with kvm_err("Unsupported FSC") and -EFAULT, so KVM_RUN fails. For
 *   a guest this path is reached by exclusives and atomics to memory that does not support them (the same
 *   DFSC), never by ST64B, which traps first on those releases.
 * - 7.1: the fault path was split; the 0x35 injection sits in kvm_s2_fault_compute_prot(), called from
 *   user_mem_abort() (a6e11bd6e1bd, kvm-arm64/user_mem_abort-rework; read in the posted intermediate
 *   commit, the final body not read).
 */

/** A kernel release "MAJOR.MINOR". Wider than the covered range so the rules can name later releases. */
export type KernelRelease = `${number}.${number}`;

/** Release order by number ("6.9" before "6.10"). */
export function releaseAtLeast(release: KernelRelease, min: KernelRelease): boolean {
  const [a = 0, b = 0] = release.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** The changes to KVM's LS64 handling, each once: release, commit, what changed. */
export const KVM_LS64_CHANGES = {
  'ls64-trap-handler': {
    since: '6.16',
    commit: '2e04378f1a76',
    title: 'KVM: arm64: Handle trapping of FEAT_LS64* instructions',
    what: 'handle_other() takes EC 0x0A (trapped LD64B/ST64B*) and injects UNDEF when the guest lacks the feature',
  },
  'ls64-guest-feature': {
    since: '7.0',
    commit: '151b92c92a45',
    title: 'KVM: arm64: Enable FEAT_{LS64, LS64_V} in the supported guest',
    what: 'guests see FEAT_LS64 and KVM sets HCRX_EL2.EnALS for them: ST64B no longer traps',
  },
  'excl-atomic-inject': {
    since: '7.0',
    commit: '2937aeec9dc5',
    title: 'KVM: arm64: Handle DABT caused by LS64* instructions on unsupported memory',
    what: 'a DFSC 0x35 abort taken to EL2 on a memslot is injected into the guest instead of failing KVM_RUN',
  },
  'ldst64b-exit': {
    since: '7.0',
    commit: 'f174a9ffcd48',
    title: 'KVM: arm64: Add exit to userspace on {LD,ST}64B* outside of memslots',
    what: 'LD64B/ST64B* outside memslots exit to the VMM with KVM_EXIT_ARM_LDST64B',
  },
  'fault-path-split': {
    since: '7.1',
    commit: 'a6e11bd6e1bd',
    title: 'KVM: arm64: Extract stage-2 permission logic (kvm-arm64/user_mem_abort-rework)',
    what: 'the 0x35 injection moves into kvm_s2_fault_compute_prot(), still called from user_mem_abort()',
  },
} as const satisfies Record<string, { since: KernelRelease; commit: string; title: string; what: string }>;
export type KvmLs64Change = keyof typeof KVM_LS64_CHANGES;

function has(host: KernelRelease, change: KvmLs64Change): boolean {
  return releaseAtLeast(host, KVM_LS64_CHANGES[change].since);
}

function cite(change: KvmLs64Change): string {
  const c = KVM_LS64_CHANGES[change];
  return `${c.commit} "${c.title}", ${c.since}`;
}

/** What a guest's LD64B/ST64B does before it reaches memory: it runs, or KVM turns its trap into UNDEF. */
export interface KvmLs64Trap {
  /** Whether KVM offers FEAT_LS64 to the guest (ID_AA64ISAR1_EL1.LS64 and HCRX_EL2.EnALS). */
  readonly offered: boolean;
  readonly guest: 'executes' | 'undefined-instruction';
  /** The KVM function that decides. */
  readonly function: string;
  readonly reason: string;
}

/** The trap side of a guest's ST64B on a host running `host` (handle_exit.c; the VMM keeps KVM's ID register default). */
export function kvmLs64Trap(host: KernelRelease): KvmLs64Trap {
  if (has(host, 'ls64-guest-feature')) {
    return {
      offered: true,
      guest: 'executes',
      function: 'vcpu_set_hcrx()',
      reason: `KVM in ${host} offers FEAT_LS64 to guests and sets HCRX_EL2.EnALS, so the instruction runs untrapped (${cite('ls64-guest-feature')})`,
    };
  }
  const fn = has(host, 'ls64-trap-handler') ? 'handle_other()' : 'kvm_handle_unknown_ec()';
  const handler = has(host, 'ls64-trap-handler')
    ? `${fn} injects it because the guest lacks the feature (${cite('ls64-trap-handler')})`
    : `EC 0x0A has no handler in ${host}: ${fn} injects it`;
  return {
    offered: false,
    guest: 'undefined-instruction',
    function: fn,
    reason: `KVM in ${host} does not offer FEAT_LS64 to guests (it arrived in ${KVM_LS64_CHANGES['ls64-guest-feature'].since}): HCRX_EL2.EnALS is 0, the instruction traps to EL2 (EC 0x0A) before any memory access, and the guest takes an Undefined Instruction exception; ${handler}`,
  };
}

/** What KVM does with a stage-2 Data Abort with DFSC 0x35 ("unsupported Exclusive or atomic access"). */
export interface KvmExclAtomicAbort {
  readonly action: 'kvm-run-efault' | 'inject-into-guest';
  /** The errno KVM_RUN returns, or null when the guest continues with the injected abort. */
  readonly errno: 'EFAULT' | null;
  readonly function: string;
  readonly reason: string;
}

/**
 * A DFSC 0x35 abort taken to EL2 on a memslot page (a passthrough BAR or RAM). Outside memslots stage 2
 * maps nothing, so a translation fault comes first (see kvmLdst64bOutsideMemslot()).
 */
export function kvmExclAtomicAbort(host: KernelRelease): KvmExclAtomicAbort {
  if (!has(host, 'excl-atomic-inject')) {
    return {
      action: 'kvm-run-efault',
      errno: 'EFAULT',
      function: 'kvm_handle_guest_abort()',
      reason: `KVM in ${host} accepts only translation, permission and access-flag faults at stage 2: kvm_handle_guest_abort() logs "Unsupported FSC" and returns -EFAULT, so KVM_RUN fails and the VMM usually stops the VM`,
    };
  }
  const fn = has(host, 'fault-path-split') ? 'kvm_s2_fault_compute_prot() (from user_mem_abort())' : 'user_mem_abort()';
  return {
    action: 'inject-into-guest',
    errno: null,
    function: fn,
    reason: `KVM in ${host} injects the abort back into the guest (kvm_inject_dabt_excl_atomic() in ${fn}; ${cite('excl-atomic-inject')}): the guest's EL1 sees DFSC 0x35`,
  };
}

/** What KVM does with a guest's ST64B to an IPA outside every memslot (an emulated region). */
export interface KvmLdst64bExit {
  readonly action: 'exit-ldst64b-to-vmm' | 'undefined-instruction';
  readonly function: string;
  readonly reason: string;
}

export function kvmLdst64bOutsideMemslot(host: KernelRelease): KvmLdst64bExit {
  if (!has(host, 'ldst64b-exit')) {
    const trap = kvmLs64Trap(host);
    return { action: 'undefined-instruction', function: trap.function, reason: trap.reason };
  }
  return {
    action: 'exit-ldst64b-to-vmm',
    function: 'io_mem_abort()',
    reason: `KVM in ${host} exits to the VMM with KVM_EXIT_ARM_LDST64B (the ESR and the IPA); the VMM must emulate the 64-byte access or inject an abort (${cite('ldst64b-exit')})`,
  };
}
