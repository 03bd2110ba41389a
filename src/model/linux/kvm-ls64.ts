/**
 * What a guest's LD64B/ST64B does before it reaches memory, by host release: it runs, or it traps to EL2
 * and KVM turns the trap into an Undefined Instruction exception. The faults an LD64B/ST64B that runs
 * can raise (DFSC 0x35, KVM_EXIT_ARM_LDST64B) are kvmExclAtomicAbortOf() (linux/kvm-abort.ts).
 *
 * Sources (read at the source for this model unless noted):
 * - Arm ARM HCRX_EL2.EnALS (bit 1): 0 traps LD64B/ST64B at EL0 and EL1 to EL2, reported with EC 0x0A and
 *   ISS 0x2 (ESR_ELx_ISS_OTHER_LDST64B). The instruction's pseudocode checks it first (CheckLDST64BEnabled(),
 *   before MemStore64B()), so a trapped ST64B makes no memory access at all.
 * - Before 7.0 no Linux release sets HCRX_EL2.EnALS, and the guest's ID_AA64ISAR1_EL1.LS64 reads 0: a
 *   guest ST64B traps to EL2. (Where the kernel does not write HCRX_EL2 at all, firmware's value stands;
 *   the model takes EnALS as 0 there too.)
 *   - Before 6.16 EC 0x0A has no handler: arch/arm64/kvm/handle_exit.c kvm_handle_unknown_ec() injects an
 *     Undefined Instruction exception (kvm_inject_undefined()).
 *   - From 6.16 handle_other() (KVM_LS64_TRAP_HANDLER) injects the same UNDEF when the guest does not have
 *     the feature ("the guest playing tricks on us by using an instruction that isn't advertised").
 * - From 7.0 (KERNEL_CHANGES 'kvm-ls64', 151b92c92a45 "KVM: arm64: Enable FEAT_{LS64, LS64_V} in the
 *   supported guest") the guest's ID register shows FEAT_LS64 and vcpu_set_hcrx() sets the vCPU's
 *   HCRX_EL2.EnALS, so the instruction runs untrapped (while the VMM keeps KVM's ID register default).
 */
import type { KernelVersion } from './versions';
import { atLeast, FEATURES, hasFeature } from './versions';

/** The 6.16 change that gave the trap its own handler; the guest's outcome (UNDEF) did not change. */
export const KVM_LS64_TRAP_HANDLER = {
  since: '6.16',
  commit: '2e04378f1a76',
  title: 'KVM: arm64: Handle trapping of FEAT_LS64* instructions',
  source: 'kvmarm 6.16 (first KVM pull for the 6.16 merge window); patch 18/43 of "KVM: arm64: Revamp Fine Grained Trap handling"',
} as const satisfies { since: KernelVersion; commit: string; title: string; source: string };

/** What a guest's LD64B/ST64B does before it reaches memory. */
export interface KvmLs64Trap {
  /** Whether KVM offers FEAT_LS64 to the guest (ID_AA64ISAR1_EL1.LS64 and HCRX_EL2.EnALS). */
  readonly offered: boolean;
  readonly guest: 'executes' | 'undefined-instruction';
  /** The KVM function that decides. */
  readonly function: string;
  readonly reason: string;
}

/** The trap side of a guest's LD64B/ST64B on a host running `host`. */
export function kvmLs64Trap(host: KernelVersion): KvmLs64Trap {
  const ls64 = FEATURES['kvm-ls64'];
  if (hasFeature(host, 'kvm-ls64')) {
    return {
      offered: true,
      guest: 'executes',
      function: 'vcpu_set_hcrx()',
      reason: `KVM in ${host} offers FEAT_LS64 to guests and sets HCRX_EL2.EnALS, so the instruction runs untrapped (151b92c92a45, ${ls64.since})`,
    };
  }
  const handler = atLeast(host, KVM_LS64_TRAP_HANDLER.since)
    ? `handle_other() injects it because the guest lacks the feature (${KVM_LS64_TRAP_HANDLER.commit}, ${KVM_LS64_TRAP_HANDLER.since})`
    : `EC 0x0A has no handler in ${host}: kvm_handle_unknown_ec() injects it`;
  return {
    offered: false,
    guest: 'undefined-instruction',
    function: atLeast(host, KVM_LS64_TRAP_HANDLER.since) ? 'handle_other()' : 'kvm_handle_unknown_ec()',
    reason: `KVM in ${host} does not offer FEAT_LS64 to guests (it does from ${ls64.since}): HCRX_EL2.EnALS is 0, the instruction traps to EL2 (EC 0x0A) before any memory access, and the guest takes an Undefined Instruction exception; ${handler}`,
  };
}
