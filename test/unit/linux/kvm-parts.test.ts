import { describe, expect, it } from 'vitest';
import { kvmExclAtomicAbort, kvmGuestSea, kvmMemslot } from '../../../src/model/linux/api';
import { kvmFaultPath } from '../../../src/model/linux/kvm-fault-path';
import { MT_S2, MT_S2_USE, S2_MEMATTR_NAME, stage2SetProtAttr } from '../../../src/model/linux/kvm-pgtable';
import { KVM_VMA_IS_CACHEABLE, kvmVmaIsCacheable } from '../../../src/model/linux/kvm-vma';
import { expectOk } from '../../support/expect-ok';

describe('stage2_set_prot_attr() and the MT_S2_* constants', () => {
  it('writes the guest encodings: 0x1/0x5/0xF without FWB, 1/5/6 with FWB', () => {
    expect(stage2SetProtAttr('DEVICE', false)).toEqual({ name: 'MT_S2_DEVICE_nGnRE', value: 0x1 });
    expect(stage2SetProtAttr('NORMAL_NC', false)).toEqual({ name: 'MT_S2_NORMAL_NC', value: 0x5 });
    expect(stage2SetProtAttr('NORMAL', false)).toEqual({ name: 'MT_S2_NORMAL', value: 0xf });
    expect(stage2SetProtAttr('DEVICE', true)).toEqual({ name: 'MT_S2_FWB_DEVICE_nGnRE', value: 1 });
    expect(stage2SetProtAttr('NORMAL_NC', true)).toEqual({ name: 'MT_S2_FWB_NORMAL_NC', value: 5 });
    expect(stage2SetProtAttr('NORMAL', true)).toEqual({ name: 'MT_S2_FWB_NORMAL', value: 6 });
  });
  it('lists the 7.0 AS_S1 encodings (0xF, 7) for the pKVM host only; a guest prot never selects them', () => {
    expect(MT_S2).toMatchObject({ MT_S2_AS_S1: 0xf, MT_S2_FWB_AS_S1: 7 });
    expect(
      Object.entries(MT_S2_USE)
        .filter(([, use]) => use === 'pkvm-host')
        .map(([n]) => n),
    ).toEqual(['MT_S2_AS_S1', 'MT_S2_FWB_AS_S1']);
    const guestNames = Object.values(S2_MEMATTR_NAME).flatMap((n) => [n.nofwb, n.fwb]);
    expect(guestNames.every((n) => MT_S2_USE[n] === 'guest')).toBe(true);
    expect(Object.keys(MT_S2_USE).sort()).toEqual(Object.keys(MT_S2).sort());
  });
});

describe('kvm_vma_is_cacheable() (6.17+)', () => {
  it('is false for Normal-NC and the Device slots, true for Normal and Normal-Tagged', () => {
    expect(kvmVmaIsCacheable('MT_NORMAL')).toBe(true);
    expect(kvmVmaIsCacheable('MT_NORMAL_TAGGED')).toBe(true);
    expect(kvmVmaIsCacheable('MT_NORMAL_NC')).toBe(false);
    expect(kvmVmaIsCacheable('MT_DEVICE_nGnRnE')).toBe(false);
    expect(kvmVmaIsCacheable('MT_DEVICE_nGnRE')).toBe(false);
    expect(Object.keys(KVM_VMA_IS_CACHEABLE)).toHaveLength(7);
  });
});

describe('which function decides, by release', () => {
  it('user_mem_abort() through 7.0, read at the source', () => {
    for (const kernel of ['5.10', '6.17', '7.0'] as const) {
      expect(kvmFaultPath(kernel)).toMatchObject({
        split: false,
        pinPfn: { name: 'user_mem_abort()', located: 'user_mem_abort() (arch/arm64/kvm/mmu.c)', confidence: 'read-at-source' },
        computeProt: { name: 'user_mem_abort()', confidence: 'read-at-source' },
      });
    }
  });
  it('7.1+: the helpers, with the confidence the sources allow', () => {
    expect(kvmFaultPath('7.1')).toMatchObject({
      split: true,
      pinPfn: { name: 'kvm_s2_fault_pin_pfn() (called from user_mem_abort())', confidence: 'titles-only' },
      computeProt: {
        name: 'kvm_s2_fault_compute_prot() (called from user_mem_abort())',
        located: 'kvm_s2_fault_compute_prot() (called from user_mem_abort(), arch/arm64/kvm/mmu.c)',
        confidence: 'inferred',
      },
    });
    expect(kvmFaultPath('7.1').note).toContain('e314a4dbdb8b');
  });
});

describe('kvmMemslot: kvm_arch_prepare_memory_region()', () => {
  const BAR = { vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED'], vmaMemType: 'MT_DEVICE_nGnRnE' } as const;
  const FN = 'kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c)';
  it('accepts a BAR VMA and says what it saw', () => {
    expect(expectOk(kvmMemslot({ kernel: '6.9', ...BAR }))).toEqual({
      errno: null,
      reason: `${FN}: accepted (VM_PFNMAP, MT_DEVICE_nGnRnE).`,
    });
    expect(expectOk(kvmMemslot({ kernel: '6.9', vmaFlags: ['VM_SHARED'], vmaMemType: 'MT_NORMAL' }))).toEqual({
      errno: null,
      reason: `${FN}: accepted.`,
    });
  });
  it('refuses a cacheable PFNMAP VMA without FWB+DIC from 6.17 only', () => {
    const slot = { vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_NORMAL' } as const;
    expect(expectOk(kvmMemslot({ kernel: '6.17', ...slot }))).toEqual({
      errno: 'EINVAL',
      reason: `${FN} [v6.17+]: the VMA is VM_PFNMAP and its MT_NORMAL is cacheable, but kvm_supports_cacheable_pfnmap() needs FWB and DIC (no FWB, DIC): -EINVAL (2a8dfab26677, 0c67288e0c8b).`,
    });
    expect(expectOk(kvmMemslot({ kernel: '6.17', ...slot, fwb: true, dic: false })).reason).toContain('(FWB, no DIC)');
    expect(expectOk(kvmMemslot({ kernel: '6.17', ...slot, fwb: true }))).toEqual({
      errno: null,
      reason: `${FN}: accepted (VM_PFNMAP, MT_NORMAL, cacheable with FWB and DIC).`,
    });
    expect(expectOk(kvmMemslot({ kernel: '6.16', ...slot })).errno).toBe(null);
    expect(expectOk(kvmMemslot({ kernel: '6.17', vmaFlags: ['VM_MIXEDMAP'], vmaMemType: 'MT_NORMAL' })).errno).toBe(null);
  });
  it('refuses dirty logging on a VM_PFNMAP region', () => {
    expect(expectOk(kvmMemslot({ kernel: '6.9', ...BAR, logging: true }))).toEqual({
      errno: 'EINVAL',
      reason: `${FN}: dirty page logging is not allowed on a VM_PFNMAP (IO) region: -EINVAL.`,
    });
    expect(expectOk(kvmMemslot({ kernel: '6.9', vmaFlags: ['VM_SHARED'], vmaMemType: 'MT_NORMAL', logging: true })).errno).toBe(null);
  });
  it("with MTE: refuses a VFIO BAR in every release that has KVM_CAP_ARM_MTE, for that release's reason", () => {
    expect(expectOk(kvmMemslot({ kernel: '5.14', ...BAR, mte: true }))).toEqual({
      errno: 'EINVAL',
      reason: `${FN}: the VM has MTE and the VMA is a shared mapping (VM_SHARED), which 5.14–6.1 refuse with MTE: -EINVAL (ea7fc1bb1cd1).`,
    });
    expect(expectOk(kvmMemslot({ kernel: '6.1', ...BAR, mte: true })).errno).toBe('EINVAL');
    for (const kernel of ['6.2', '7.2']) {
      expect(expectOk(kvmMemslot({ kernel, ...BAR, mte: true }))).toEqual({
        errno: 'EINVAL',
        reason: `${FN}: the VM has MTE and the VMA is a driver mapping (VM_IO/VM_PFNMAP/VM_MIXEDMAP) without VM_MTE_ALLOWED, so kvm_vma_mte_allowed() fails: -EINVAL (c911f0d46879).`,
      });
    }
    for (const flag of ['VM_IO', 'VM_PFNMAP', 'VM_MIXEDMAP'] as const) {
      expect(expectOk(kvmMemslot({ kernel: '6.9', vmaFlags: [flag], vmaMemType: 'MT_DEVICE_nGnRnE', mte: true })).errno, flag).toBe(
        'EINVAL',
      );
    }
  });
  it('with MTE: shared RAM is refused before 6.2 and accepted from 6.2; private mappings always pass the MTE check', () => {
    const shmem = { vmaFlags: ['VM_SHARED'], vmaMemType: 'MT_NORMAL', mte: true } as const;
    expect(expectOk(kvmMemslot({ kernel: '6.1', ...shmem })).errno).toBe('EINVAL');
    expect(expectOk(kvmMemslot({ kernel: '6.2', ...shmem }))).toEqual({ errno: null, reason: `${FN}: accepted; MTE allows this VMA.` });
    expect(expectOk(kvmMemslot({ kernel: '5.14', vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_DEVICE_nGnRnE', mte: true })).errno).toBe(null);
  });
  it('refuses mte before 5.14, naming the release it arrived in, and defaults it to false', () => {
    expect(kvmMemslot({ kernel: '5.13', ...BAR, mte: true })).toMatchObject({
      ok: false,
      error: { field: 'mte', message: expect.stringContaining('it arrived in 5.14') },
    });
    expect(expectOk(kvmMemslot({ kernel: '5.13', ...BAR, mte: false })).errno).toBe(null);
    expect(kvmMemslot({ kernel: '6.9', ...BAR, mte: 'yes' } as never)).toMatchObject({ ok: false, error: { field: 'mte' } });
  });
});

describe('kvmExclAtomicAbort: DFSC 0x35 and LS64 by host kernel', () => {
  it('before 7.0: KVM_RUN fails with -EFAULT for a 0x35 abort on a memslot taken to EL2', () => {
    expect(expectOk(kvmExclAtomicAbort({ kernel: '6.17', inMemslot: true, access: 'exclusive-atomic' }))).toEqual({
      outcome: 'kvm-run-efault',
      function: 'kvm_handle_guest_abort() (arch/arm64/kvm/mmu.c)',
      reason:
        'kvm_handle_guest_abort() (arch/arm64/kvm/mmu.c) in 6.17: the abort for an exclusive or atomic access has DFSC 0x35, which is not a translation, permission or access-flag fault, so KVM logs "Unsupported FSC" and returns -EFAULT before looking up the memslot: KVM_RUN fails with -EFAULT (7.0 injects it into the guest instead, 2937aeec9dc5).',
    });
  });
  it('before 7.0, guests are not offered FEAT_LS64', () => {
    for (const inMemslot of [true, false]) {
      expect(expectOk(kvmExclAtomicAbort({ kernel: '6.19', inMemslot }))).toEqual({
        outcome: 'ls64-not-offered',
        function: null,
        reason:
          "KVM in 6.19 does not offer FEAT_LS64 to guests (it does from 7.0, 151b92c92a45): the guest's ID registers do not advertise it, so a guest driver does not issue LD64B/ST64B.",
      });
    }
  });
  it('7.0: injected into the guest by user_mem_abort(); 7.1+: by kvm_s2_fault_compute_prot()', () => {
    expect(expectOk(kvmExclAtomicAbort({ kernel: '7.0', inMemslot: true }))).toEqual({
      outcome: 'inject-dabt-0x35',
      function: 'user_mem_abort() (arch/arm64/kvm/mmu.c)',
      reason:
        'user_mem_abort() (arch/arm64/kvm/mmu.c) in 7.0: the abort for an LD64B/ST64B has DFSC 0x35 and the memslot is valid, so after the -EFAULT and -ENOEXEC checks KVM injects a data abort with DFSC 0x35 into the guest (kvm_inject_dabt_excl_atomic(), 2937aeec9dc5) and maps nothing.',
    });
    expect(expectOk(kvmExclAtomicAbort({ kernel: '7.2', inMemslot: true, access: 'exclusive-atomic' }))).toMatchObject({
      outcome: 'inject-dabt-0x35',
      function: 'kvm_s2_fault_compute_prot() (called from user_mem_abort(), arch/arm64/kvm/mmu.c)',
    });
  });
  it('an abort the implementation takes to EL1 never reaches KVM', () => {
    for (const kernel of ['6.8', '7.1']) {
      expect(expectOk(kvmExclAtomicAbort({ kernel, inMemslot: true, access: 'exclusive-atomic', routedTo: 'el1' }))).toEqual({
        outcome: 'guest-el1-abort',
        function: null,
        reason:
          'The implementation takes the DFSC 0x35 abort for an exclusive or atomic access to EL1: the guest kernel handles it and KVM is not involved.',
      });
    }
  });
  it('outside memslots: LD64B/ST64B exit with KVM_EXIT_ARM_LDST64B (7.0+); exclusives take the no-syndrome path', () => {
    expect(expectOk(kvmExclAtomicAbort({ kernel: '7.0', inMemslot: false, routedTo: 'el1' }))).toEqual({
      outcome: 'exit-arm-ldst64b',
      function: 'io_mem_abort() (arch/arm64/kvm/mmio.c)',
      reason:
        'io_mem_abort() (arch/arm64/kvm/mmio.c) in 7.0: an LD64B/ST64B outside any memslot faults on the missing stage-2 entry (a translation fault, taken to EL2); KVM exits to the VMM with KVM_EXIT_ARM_LDST64B (the ESR and the IPA), which must emulate the 64-byte access or inject an abort (f174a9ffcd48).',
    });
    for (const kernel of ['6.8', '7.2']) {
      expect(expectOk(kvmExclAtomicAbort({ kernel, inMemslot: false, access: 'exclusive-atomic' }))).toEqual({
        outcome: 'io-mem-abort-nisv',
        function: 'io_mem_abort() (arch/arm64/kvm/mmio.c)',
        reason: `io_mem_abort() (arch/arm64/kvm/mmio.c) in ${kernel}: an exclusive or atomic access outside any memslot faults on the missing stage-2 entry with no valid syndrome, so KVM exits with KVM_EXIT_ARM_NISV if the VMM enabled KVM_CAP_ARM_NISV_TO_USER, else KVM_RUN fails with -ENOSYS.`,
      });
    }
  });
  it('checks its input, naming the field', () => {
    expect(kvmExclAtomicAbort({ kernel: '7.0' } as never)).toMatchObject({ ok: false, error: { field: 'inMemslot' } });
    expect(kvmExclAtomicAbort({ kernel: '7.3', inMemslot: true })).toMatchObject({ ok: false, error: { field: 'kernel' } });
    expect(kvmExclAtomicAbort({ kernel: '7.0', inMemslot: true, access: 'ldxr' as never })).toMatchObject({
      ok: false,
      error: { field: 'access' },
    });
    expect(kvmExclAtomicAbort({ kernel: '7.0', inMemslot: true, routedTo: 'el3' as never })).toMatchObject({
      ok: false,
      error: { field: 'routedTo' },
    });
    expect(kvmExclAtomicAbort({ kernel: '7.0', inMemslot: true, x: 1 } as never)).toMatchObject({ ok: false, error: { field: 'x' } });
  });
});

describe('kvmGuestSea: kvm_handle_guest_sea()', () => {
  it('APEI first: the host handles what it claims, in every release', () => {
    expect(expectOk(kvmGuestSea({ kernel: '6.19', apeiClaims: true, seaToUser: true }))).toEqual({
      outcome: 'host-handled',
      reason:
        'kvm_handle_guest_sea() (arch/arm64/kvm/mmu.c) in 6.19: APEI claims the abort (firmware-first RAS), so the host handles it and the guest resumes.',
    });
  });
  it('before 6.19: a virtual SError for the guest', () => {
    expect(expectOk(kvmGuestSea({ kernel: '6.18' }))).toEqual({
      outcome: 'inject-serror',
      reason:
        'kvm_handle_guest_sea() (arch/arm64/kvm/mmu.c) in 6.18: APEI does not claim it and exiting to the VMM arrived in 6.19, so KVM injects a virtual SError into the guest.',
    });
  });
  it('6.19+: KVM_EXIT_ARM_SEA when the VMM opted in and the host does not own the abort', () => {
    expect(expectOk(kvmGuestSea({ kernel: '6.19', seaToUser: true }))).toEqual({
      outcome: 'exit-arm-sea',
      reason:
        'kvm_handle_guest_sea() (arch/arm64/kvm/mmu.c) in 6.19: APEI does not claim it and the VMM enabled KVM_CAP_ARM_SEA_TO_USER, so KVM exits with KVM_EXIT_ARM_SEA (ESR, guest VA and IPA) and the VMM decides, e.g. by injecting a synchronous abort (ad9c62bd8946).',
    });
    expect(expectOk(kvmGuestSea({ kernel: '7.2', seaToUser: true, hostOwns: true }))).toMatchObject({
      outcome: 'inject-serror',
      reason: expect.stringContaining('APEI does not claim it and the host owns this abort, so'),
    });
    expect(expectOk(kvmGuestSea({ kernel: '7.2' }))).toMatchObject({
      outcome: 'inject-serror',
      reason: expect.stringContaining('APEI does not claim it and the VMM did not enable KVM_CAP_ARM_SEA_TO_USER, so'),
    });
  });
  it('refuses seaToUser before 6.19, naming the release', () => {
    expect(kvmGuestSea({ kernel: '6.18', seaToUser: true })).toMatchObject({
      ok: false,
      error: { field: 'seaToUser', message: expect.stringContaining('it arrived in 6.19') },
    });
    expect(kvmGuestSea({ kernel: '6.18', hostOwns: 1 } as never)).toMatchObject({ ok: false, error: { field: 'hostOwns' } });
  });
});
