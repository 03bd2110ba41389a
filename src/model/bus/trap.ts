/**
 * Trapped MMIO: a guest store to a region KVM does not map (no memslot) takes a stage-2 data abort, and
 * KVM can only emulate it when the syndrome describes the access.
 *
 * - Arm ARM, ESR_EL2 ISS encoding for a Data Abort, field ISV: the syndrome (SAS, SRT, WnR, ...) is valid
 *   only for loads and stores of a single general-purpose register, including acquire/release, excluding
 *   exclusives and forms with writeback. STP/LDP, SIMD&FP loads and stores and writeback forms report
 *   ISV = 0. FEAT_LS64 aborts carry the LST field (ESR bits [12:11]).
 * - arch/arm64/kvm/mmio.c io_mem_abort(): with ISV = 0, KVM exits to userspace with KVM_EXIT_ARM_NISV if
 *   the VMM enabled KVM_CAP_ARM_NISV_TO_USER (Linux 5.5, "KVM: arm/arm64: Allow reporting non-ISV data
 *   aborts to userspace"), otherwise KVM_RUN fails with -ENOSYS. The kernel never decodes the instruction.
 * - QEMU enables the capability and, on KVM_EXIT_ARM_NISV, asks KVM to inject an external data abort into
 *   the guest (target/arm/kvm.c kvm_arm_handle_dabt_nisv(), KVM_CAP_ARM_INJECT_EXT_DABT).
 * - {LD,ST}64B*: from 7.0, io_mem_abort() exits with KVM_EXIT_ARM_LDST64B (commit f174a9ffcd48; the LST
 *   check sits after the no-syndrome branch, so these aborts carry ISV = 1); before 7.0 KVM does not offer
 *   FEAT_LS64 to guests and the instruction traps to an UNDEF first (linux/kvm-ls64.ts, linux/kvm-abort.ts).
 * - Why __iowrite64_copy() uses STR: commit fd8c8216648c (net/mlx5, 2025) says STP was "rejected from
 *   kernel use over fears of virtualization failures. Common ARM VMMs will crash if STP is used against
 *   emulated memory"; commit ead79118dae6 builds the copy from single-register STR.
 */
import type { AccessorKernel } from '../linux/accessors';
import { kvmExclAtomicAbortOf } from '../linux/kvm-abort';
import { kvmLs64Trap } from '../linux/kvm-ls64';

export const STORE_FORMS = ['STR-register', 'STR-writeback', 'STP', 'STR-SIMD', 'ST64B', 'STXR'] as const;
export type StoreForm = (typeof STORE_FORMS)[number];

export interface StoreFormInfo {
  readonly example: string;
  /** ESR_EL2.ISS.ISV for a stage-2 data abort on this form. */
  readonly isv: 0 | 1;
  readonly why: string;
}

export const STORE_FORM_INFO = {
  'STR-register': {
    example: 'str w1, [x0] / str x1, [x0, #8]',
    isv: 1,
    why: 'a single general-purpose register, no writeback: the syndrome gives size, register and direction',
  },
  'STR-writeback': {
    example: 'str w1, [x0], #4',
    isv: 0,
    why: 'writeback forms are excluded from a valid syndrome (the base register update is not described)',
  },
  STP: { example: 'stp x1, x2, [x0]', isv: 0, why: 'two registers: the syndrome describes one register only' },
  'STR-SIMD': { example: 'str q0, [x0] / st1 {v0.16b}, [x0]', isv: 0, why: 'SIMD&FP registers are not general-purpose registers' },
  ST64B: {
    example: 'st64b x2, [x0]',
    isv: 1,
    why: 'FEAT_LS64 aborts report the LST field (ESR bits [12:11]); the 8 source registers do not fit a one-register MMIO exit',
  },
  STXR: { example: 'stxr w3, w1, [x0]', isv: 0, why: 'exclusives are excluded from a valid syndrome' },
} as const satisfies Record<StoreForm, StoreFormInfo>;

export type TrapResult = 'emulated' | 'exit-nisv-to-vmm' | 'kvm-run-enosys' | 'not-available-to-guest' | 'exit-ldst64b-to-vmm';

export interface TrappedStore {
  readonly form: StoreForm;
  readonly isv: 0 | 1;
  readonly kvm: TrapResult;
  /** What the guest experiences. */
  readonly guest: string;
  readonly reason: string;
}

/**
 * What KVM (and a VMM) does with `form` against an emulated (trapped) MMIO region. `nisvToUser` says
 * whether the VMM enabled KVM_CAP_ARM_NISV_TO_USER (QEMU does).
 */
export function trappedStore(form: StoreForm, kernel: AccessorKernel, nisvToUser: boolean): TrappedStore {
  const info = STORE_FORM_INFO[form];
  if (form === 'ST64B') {
    const trap = kvmLs64Trap(kernel);
    if (!trap.offered) return { form, isv: info.isv, kvm: 'not-available-to-guest', guest: trap.reason, reason: info.why };
    const exit = kvmExclAtomicAbortOf({ kernel, inMemslot: false, access: 'ls64', routedTo: 'el2' });
    return { form, isv: info.isv, kvm: 'exit-ldst64b-to-vmm', guest: exit.reason, reason: info.why };
  }
  if (info.isv === 1) {
    return {
      form,
      isv: 1,
      kvm: 'emulated',
      guest: 'the store is emulated (in-kernel device or KVM_EXIT_MMIO to the VMM) and the guest continues',
      reason: info.why,
    };
  }
  return nisvToUser
    ? {
        form,
        isv: 0,
        kvm: 'exit-nisv-to-vmm',
        guest:
          'KVM_EXIT_ARM_NISV: the VMM cannot emulate it either; QEMU injects an external data abort, so the guest driver takes a fault',
        reason: info.why,
      }
    : { form, isv: 0, kvm: 'kvm-run-enosys', guest: 'KVM_RUN fails with ENOSYS: the VMM stops the VM', reason: info.why };
}

/** The facts behind "why __iowrite64_copy() on arm64 uses STR", in order. */
export const WHY_STR = [
  { fact: 'A BAR region a VMM emulates (no memslot) traps every guest access to KVM.', source: 'arch/arm64/kvm/mmio.c io_mem_abort()' },
  {
    fact: 'KVM emulates only accesses with a valid syndrome: single general-purpose-register loads and stores without writeback.',
    source: 'Arm ARM ESR_EL2 ISS ISV; io_mem_abort()',
  },
  {
    fact: 'An STP has ISV = 0: with QEMU the guest gets an external abort; without NISV_TO_USER the VM stops.',
    source: 'io_mem_abort(); QEMU kvm_arm_handle_dabt_nisv()',
  },
  {
    fact: "So the kernel's WC copy is built from consecutive single-register STR, which every VMM can emulate, plus a DGH hint.",
    source: 'commit ead79118dae6 (6.10); commit fd8c8216648c option 3',
  },
] as const;

/** WHY_STR as a function, for callers that iterate the public API's exported values. */
export function whyStr(): typeof WHY_STR {
  return WHY_STR;
}
