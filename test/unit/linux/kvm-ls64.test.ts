import { describe, expect, it } from 'vitest';
import {
  KVM_LS64_CHANGES,
  kvmExclAtomicAbort,
  kvmLdst64bOutsideMemslot,
  kvmLs64Trap,
  releaseAtLeast,
} from '../../../src/model/linux/kvm-ls64';

const RELEASES = ['5.10', '6.8', '6.15', '6.16', '6.17', '6.19', '7.0', '7.1', '7.2'] as const;

describe('release order', () => {
  it('compares MAJOR and MINOR as numbers, not as strings', () => {
    expect(releaseAtLeast('6.10', '6.9')).toBe(true);
    expect(releaseAtLeast('6.9', '6.10')).toBe(false);
    expect(releaseAtLeast('7.0', '6.17')).toBe(true);
    expect(releaseAtLeast('6.17', '7.0')).toBe(false);
    expect(releaseAtLeast('7.0', '7.0')).toBe(true);
    expect(releaseAtLeast('7.1', '7.0')).toBe(true);
    expect(releaseAtLeast('7.0', '7.1')).toBe(false);
  });
});

describe('kvmLs64Trap: may a guest execute ST64B?', () => {
  it('not before 7.0: HCRX_EL2.EnALS is 0, the trap becomes an UNDEF in the guest', () => {
    for (const host of ['5.10', '6.15', '6.16', '6.17', '6.19'] as const) {
      const t = kvmLs64Trap(host);
      expect([t.offered, t.guest], host).toEqual([false, 'undefined-instruction']);
      expect(t.reason).toContain('HCRX_EL2.EnALS is 0');
      expect(t.reason).toContain('it arrived in 7.0');
    }
  });
  it('the UNDEF comes from kvm_handle_unknown_ec() before 6.16 and from handle_other() from 6.16 (2e04378f1a76)', () => {
    expect(kvmLs64Trap('6.15').function).toBe('kvm_handle_unknown_ec()');
    expect(kvmLs64Trap('6.16').function).toBe('handle_other()');
    expect(kvmLs64Trap('6.16').reason).toContain('2e04378f1a76');
    expect(kvmLs64Trap('6.15').reason).not.toContain('2e04378f1a76');
  });
  it('from 7.0 KVM offers FEAT_LS64 and the instruction runs untrapped (151b92c92a45)', () => {
    for (const host of ['7.0', '7.2'] as const) {
      const t = kvmLs64Trap(host);
      expect([t.offered, t.guest, t.function]).toEqual([true, 'executes', 'vcpu_set_hcrx()']);
      expect(t.reason).toContain('151b92c92a45');
    }
  });
});

describe('kvmExclAtomicAbort: a DFSC 0x35 Data Abort taken to EL2 on a memslot', () => {
  it('before 7.0 KVM_RUN fails with -EFAULT (kvm_handle_guest_abort(), "Unsupported FSC")', () => {
    for (const host of ['5.10', '6.9', '6.17', '6.19'] as const) {
      const a = kvmExclAtomicAbort(host);
      expect([a.action, a.errno, a.function], host).toEqual(['kvm-run-efault', 'EFAULT', 'kvm_handle_guest_abort()']);
      expect(a.reason).toContain('Unsupported FSC');
    }
  });
  it('from 7.0 it is injected into the guest (2937aeec9dc5), from user_mem_abort() and, from 7.1, kvm_s2_fault_compute_prot()', () => {
    const a = kvmExclAtomicAbort('7.0');
    expect([a.action, a.errno, a.function]).toEqual(['inject-into-guest', null, 'user_mem_abort()']);
    expect(a.reason).toContain('2937aeec9dc5');
    expect(a.reason).toContain('kvm_inject_dabt_excl_atomic()');
    for (const host of ['7.1', '7.2'] as const) {
      expect(kvmExclAtomicAbort(host).function).toBe('kvm_s2_fault_compute_prot() (from user_mem_abort())');
    }
  });
});

describe('kvmLdst64bOutsideMemslot: ST64B to a region the VMM emulates', () => {
  it('exits to the VMM with KVM_EXIT_ARM_LDST64B from 7.0 (f174a9ffcd48); before, the trap comes first', () => {
    const exit = kvmLdst64bOutsideMemslot('7.0');
    expect([exit.action, exit.function]).toEqual(['exit-ldst64b-to-vmm', 'io_mem_abort()']);
    expect(exit.reason).toContain('KVM_EXIT_ARM_LDST64B');
    const before = kvmLdst64bOutsideMemslot('6.17');
    expect([before.action, before.function]).toEqual(['undefined-instruction', 'handle_other()']);
    expect(before.reason).toBe(kvmLs64Trap('6.17').reason);
  });
});

describe('KVM_LS64_CHANGES: each behaviour flips at its recorded release and nowhere else', () => {
  it('lists the releases and commits read', () => {
    expect(Object.entries(KVM_LS64_CHANGES).map(([k, c]) => [k, c.since, c.commit])).toEqual([
      ['ls64-trap-handler', '6.16', '2e04378f1a76'],
      ['ls64-guest-feature', '7.0', '151b92c92a45'],
      ['excl-atomic-inject', '7.0', '2937aeec9dc5'],
      ['ldst64b-exit', '7.0', 'f174a9ffcd48'],
      ['fault-path-split', '7.1', 'a6e11bd6e1bd'],
    ]);
  });
  it('follows the table', () => {
    const at = (since: string) => RELEASES.map((r) => releaseAtLeast(r, since as '7.0'));
    expect(RELEASES.map((r) => kvmLs64Trap(r).function === 'kvm_handle_unknown_ec()')).toEqual(
      at(KVM_LS64_CHANGES['ls64-trap-handler'].since).map((x) => !x),
    );
    expect(RELEASES.map((r) => kvmLs64Trap(r).offered)).toEqual(at(KVM_LS64_CHANGES['ls64-guest-feature'].since));
    expect(RELEASES.map((r) => kvmExclAtomicAbort(r).errno === null)).toEqual(at(KVM_LS64_CHANGES['excl-atomic-inject'].since));
    expect(RELEASES.map((r) => kvmLdst64bOutsideMemslot(r).action === 'exit-ldst64b-to-vmm')).toEqual(
      at(KVM_LS64_CHANGES['ldst64b-exit'].since),
    );
    expect(RELEASES.map((r) => kvmExclAtomicAbort(r).function.startsWith('kvm_s2_fault_compute_prot()'))).toEqual(
      at(KVM_LS64_CHANGES['fault-path-split'].since),
    );
  });
});
