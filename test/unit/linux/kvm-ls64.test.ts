import { describe, expect, it } from 'vitest';
import { KVM_LS64_TRAP_HANDLER, kvmLs64Trap } from '../../../src/model/linux/kvm-ls64';
import { FEATURES, KERNEL_VERSIONS } from '../../../src/model/linux/versions';

describe('kvmLs64Trap: may a guest execute ST64B?', () => {
  it('not before 7.0: HCRX_EL2.EnALS is 0, the trap becomes an UNDEF in the guest', () => {
    for (const host of ['5.10', '6.15', '6.16', '6.17', '6.19'] as const) {
      const t = kvmLs64Trap(host);
      expect([t.offered, t.guest], host).toEqual([false, 'undefined-instruction']);
      expect(t.reason).toContain('HCRX_EL2.EnALS is 0');
      expect(t.reason).toContain('it does from 7.0');
    }
  });
  it('the UNDEF comes from kvm_handle_unknown_ec() before 6.16 and from handle_other() from 6.16 (2e04378f1a76)', () => {
    expect([KVM_LS64_TRAP_HANDLER.since, KVM_LS64_TRAP_HANDLER.commit]).toEqual(['6.16', '2e04378f1a76']);
    expect(kvmLs64Trap('6.15').function).toBe('kvm_handle_unknown_ec()');
    expect(kvmLs64Trap('6.15').reason).toContain('EC 0x0A has no handler in 6.15');
    expect(kvmLs64Trap('6.16').function).toBe('handle_other()');
    expect(kvmLs64Trap('6.16').reason).toContain('2e04378f1a76');
  });
  it('from 7.0 KVM offers FEAT_LS64 and the instruction runs untrapped (151b92c92a45)', () => {
    for (const host of ['7.0', '7.2'] as const) {
      const t = kvmLs64Trap(host);
      expect([t.offered, t.guest, t.function]).toEqual([true, 'executes', 'vcpu_set_hcrx()']);
      expect(t.reason).toContain('151b92c92a45');
    }
  });
  it('flips at the recorded releases and nowhere else, over the whole covered range', () => {
    const from = (v: string) => KERNEL_VERSIONS.indexOf(v as (typeof KERNEL_VERSIONS)[number]);
    for (const [i, host] of KERNEL_VERSIONS.entries()) {
      const t = kvmLs64Trap(host);
      expect(t.offered, host).toBe(i >= from(FEATURES['kvm-ls64'].since));
      if (!t.offered) expect(t.function, host).toBe(i >= from(KVM_LS64_TRAP_HANDLER.since) ? 'handle_other()' : 'kvm_handle_unknown_ec()');
    }
  });
});
