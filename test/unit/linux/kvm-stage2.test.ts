import { describe, expect, it } from 'vitest';
import type { KvmStage2Input } from '../../../src/model/linux/api';
import { kvmMemslot, kvmStage2 } from '../../../src/model/linux/api';
import { faultMapped } from '../../../src/model/linux/kvm-stage2';
import { hasFeature, KERNEL_VERSIONS } from '../../../src/model/linux/versions';
import { expectOk } from '../../support/expect-ok';

const BAR: Omit<KvmStage2Input, 'kernel'> = {
  pfnIsMemory: false,
  vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED'],
  vmaMemType: 'MT_DEVICE_nGnRnE',
  fault: 'write',
};
const BAR_UC: Omit<KvmStage2Input, 'kernel'> = { ...BAR, vmaFlags: [...BAR.vmaFlags, 'VM_ALLOW_ANY_UNCACHED'] };
const MEM = { pfnIsMemory: true, vmaFlags: ['VM_SHARED'], vmaMemType: 'MT_NORMAL', fault: 'read' } as const;
const CACHEABLE = { ...BAR, vmaMemType: 'MT_NORMAL' } as const;

// The first clause of each reason: the era and the function that made the device decision.
const ERA1 = '[v5.10–v6.8] user_mem_abort() (arch/arm64/kvm/mmu.c): ';
const ERA2 = '[v6.9–v6.16] user_mem_abort() (arch/arm64/kvm/mmu.c): ';
const ERA3 = '[v6.17+ (checked up to v7.2)] user_mem_abort() (arch/arm64/kvm/mmu.c): ';
const SPLIT = '[v6.17+ (checked up to v7.2)] kvm_s2_fault_pin_pfn() (called from user_mem_abort(), arch/arm64/kvm/mmu.c): ';
const PROT71 = 'kvm_s2_fault_compute_prot() (called from user_mem_abort()): ';

const DEVICE_OLD = 'the pfn is not memory (kvm_is_device_pfn()), so the mapping is treated as device';
const DEVICE_617 =
  "the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's MT_DEVICE_nGnRnE is not cacheable, so s2_force_noncacheable is set";
const NC = 'the VMA has VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_NORMAL_NC';
const DEV_NO_FLAG = 'the VMA lacks VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_DEVICE';
const NORMAL = 'prot has neither DEVICE nor NORMAL_NC, so stage 2 is Normal Write-Back';
const XN = 'never executable (XN set)';
const CAP_NOTE =
  'KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (243, f55ce5a6cd33) reports this same test; its api.rst entry names only FWB, but the code needs DIC too';
const ENOEXEC =
  'the fault is an instruction fetch, and a non-cacheable (device) stage-2 mapping is never executable: -ENOEXEC, which kvm_handle_guest_abort() turns into a prefetch abort injected into the guest.';

describe('kvmStage2, v5.10–v6.8: every non-memory pfn is Device-nGnRE', () => {
  it('maps a BAR as DEVICE, MemAttr 0x1, not executable, and says why in user_mem_abort()', () => {
    for (const kernel of ['5.10', '6.1', '6.8']) {
      expect(expectOk(kvmStage2({ kernel, ...BAR }))).toEqual({
        errno: null,
        prot: 'DEVICE',
        memAttr: 0x1,
        executable: false,
        reason: `${ERA1}${DEVICE_OLD}; this version has no VM_ALLOW_ANY_UNCACHED, so every device mapping gets KVM_PGTABLE_PROT_DEVICE; stage2_set_prot_attr() writes MT_S2_DEVICE_nGnRE = 0x1; ${XN}.`,
        memAttrName: 'MT_S2_DEVICE_nGnRE',
        writable: true,
        forcedNonCacheable: true,
        branch: 'device',
        era: '5.10-6.8',
        decidedIn: { pfn: 'user_mem_abort()', prot: 'user_mem_abort()' },
        sourceConfidence: 'read-at-source',
        sourceNote: 'user_mem_abort() makes every choice (read at the source)',
        cacheablePfnmapSupported: null,
      });
    }
  });
  it('uses the FWB encoding MT_S2_FWB_DEVICE_nGnRE = 1 with FWB, and says so', () => {
    const r = expectOk(kvmStage2({ kernel: '6.8', ...BAR, fwb: true }));
    expect(r).toMatchObject({ prot: 'DEVICE', memAttr: 1, memAttrName: 'MT_S2_FWB_DEVICE_nGnRE' });
    expect(r.reason).toContain('stage2_set_prot_attr() writes MT_S2_FWB_DEVICE_nGnRE = 0x1 (FWB encoding); never executable');
  });
  it('refuses VM_ALLOW_ANY_UNCACHED as BAD_INPUT naming 6.9', () => {
    expect(kvmStage2({ kernel: '6.8', ...BAR_UC })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'vmaFlags', message: expect.stringContaining('it arrived in 6.9') },
    });
  });
  it('maps memory Normal WB: 0xF without FWB, 6 with FWB', () => {
    const r = expectOk(kvmStage2({ kernel: '6.8', ...MEM, vmaFlags: [] }));
    expect(r).toMatchObject({ prot: 'NORMAL', memAttr: 0xf, branch: 'memory', forcedNonCacheable: false, executable: true });
    expect(r.reason).toBe(
      `${ERA1}the pfn is memory, so the mapping is Normal cacheable; ${NORMAL}; stage2_set_prot_attr() writes MT_S2_NORMAL = 0xF; executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC).`,
    );
    expect(expectOk(kvmStage2({ kernel: '6.8', ...MEM, vmaFlags: [], fwb: true }))).toMatchObject({ prot: 'NORMAL', memAttr: 6 });
  });
});

describe('kvmStage2, v6.9–v6.16: VM_ALLOW_ANY_UNCACHED selects Normal-NC', () => {
  it('maps a flagged BAR NORMAL_NC, MemAttr 0x5 with and without FWB', () => {
    for (const kernel of ['6.9', '6.12', '6.16']) {
      const r = expectOk(kvmStage2({ kernel, ...BAR_UC }));
      expect(r).toMatchObject({ prot: 'NORMAL_NC', memAttr: 0x5, executable: false, branch: 'device-allow-any-uncached', era: '6.9-6.16' });
      expect(r.reason).toBe(`${ERA2}${DEVICE_OLD}; ${NC}; stage2_set_prot_attr() writes MT_S2_NORMAL_NC = 0x5; ${XN}.`);
      expect(expectOk(kvmStage2({ kernel, ...BAR_UC, fwb: true }))).toMatchObject({
        prot: 'NORMAL_NC',
        memAttr: 5,
        memAttrName: 'MT_S2_FWB_NORMAL_NC',
      });
    }
  });
  it('keeps DEVICE for a BAR without the flag', () => {
    const r = expectOk(kvmStage2({ kernel: '6.9', ...BAR }));
    expect(r).toMatchObject({ prot: 'DEVICE', memAttr: 0x1, branch: 'device' });
    expect(r.reason).toBe(`${ERA2}${DEVICE_OLD}; ${DEV_NO_FLAG}; stage2_set_prot_attr() writes MT_S2_DEVICE_nGnRE = 0x1; ${XN}.`);
  });
  it('ignores the VMA memory type before 6.17: a cacheable PFNMAP of non-memory is still device', () => {
    expect(expectOk(kvmStage2({ kernel: '6.16', ...CACHEABLE }))).toMatchObject({
      prot: 'DEVICE',
      branch: 'device',
      cacheablePfnmapSupported: null,
    });
  });
});

describe('kvmStage2, v6.17+: cacheable PFNMAP needs FWB and DIC', () => {
  it('maps a cacheable PFNMAP Normal with FWB and DIC (MemAttr 6, executable) and names the capability', () => {
    const r = expectOk(kvmStage2({ kernel: '6.17', ...CACHEABLE, fwb: true, dic: true }));
    expect(r).toMatchObject({
      prot: 'NORMAL',
      memAttr: 6,
      executable: true,
      branch: 'cacheable-pfnmap',
      forcedNonCacheable: false,
      cacheablePfnmapSupported: true,
    });
    expect(r.reason).toBe(
      `${ERA3}the VMA is VM_PFNMAP/VM_MIXEDMAP and the pfn is not memory, but the VMA's MT_NORMAL is cacheable and FWB and DIC are present (kvm_supports_cacheable_pfnmap(); ${CAP_NOTE}), so stage 2 may be cacheable like the VMA; ${NORMAL}; stage2_set_prot_attr() writes MT_S2_FWB_NORMAL = 0x6 (FWB encoding); executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC).`,
    );
  });
  it('fails the fault with EFAULT without FWB or without DIC, naming both and the capability', () => {
    for (const [caps, text] of [
      [{ fwb: false, dic: true }, 'no FWB, DIC'],
      [{ fwb: true, dic: false }, 'FWB, no DIC'],
    ] as const) {
      expect(expectOk(kvmStage2({ kernel: '6.17', ...CACHEABLE, ...caps }))).toEqual({
        errno: 'EFAULT',
        prot: null,
        memAttr: null,
        executable: null,
        reason: `${ERA3}the VMA is VM_PFNMAP/VM_MIXEDMAP, the pfn is not memory and the VMA's MT_NORMAL is cacheable (kvm_vma_is_cacheable()), but kvm_supports_cacheable_pfnmap() needs FEAT_S2FWB and DIC (${text}; ${CAP_NOTE}): KVM cannot do cache maintenance on a pfn without a kernel mapping, so the fault fails with -EFAULT and KVM_RUN returns it to the VMM.`,
        memAttrName: null,
        writable: null,
        forcedNonCacheable: false,
        branch: 'cacheable-pfnmap-unsupported',
        era: '6.17+',
        decidedIn: { pfn: 'user_mem_abort()', prot: null },
        sourceConfidence: 'read-at-source',
        sourceNote: 'user_mem_abort() makes every choice (read at the source)',
        cacheablePfnmapSupported: false,
      });
    }
  });
  it('still maps a non-cacheable BAR Normal-NC with the flag, Device without (Normal-NC VMAs are not cacheable either)', () => {
    const nc = expectOk(kvmStage2({ kernel: '6.17', ...BAR_UC }));
    expect(nc).toMatchObject({ prot: 'NORMAL_NC', memAttr: 5, cacheablePfnmapSupported: false });
    expect(nc.reason).toBe(`${ERA3}${DEVICE_617}; ${NC}; stage2_set_prot_attr() writes MT_S2_NORMAL_NC = 0x5; ${XN}.`);
    for (const vmaMemType of ['MT_NORMAL_NC', 'MT_DEVICE_nGnRE'] as const) {
      expect(expectOk(kvmStage2({ kernel: '6.17', ...BAR, vmaMemType }))).toMatchObject({ prot: 'DEVICE', memAttr: 1 });
    }
    expect(expectOk(kvmStage2({ kernel: '6.17', ...BAR, vmaMemType: 'MT_NORMAL_TAGGED', fwb: true }))).toMatchObject({ prot: 'NORMAL' });
  });
  it('treats a non-PFNMAP VMA over a non-memory pfn as cacheable (216887f79d98); VM_MIXEDMAP counts as a PFN map', () => {
    const r = expectOk(kvmStage2({ kernel: '6.17', ...BAR, vmaFlags: ['VM_SHARED'] }));
    expect(r).toMatchObject({ prot: 'NORMAL', branch: 'not-pfnmap-assumed-cacheable' });
    expect(r.reason).toBe(
      `${ERA3}the pfn is not memory but the VMA is neither VM_PFNMAP nor VM_MIXEDMAP; since 216887f79d98 such VMAs are assumed cacheable, so stage 2 is not forced non-cacheable; ${NORMAL}; stage2_set_prot_attr() writes MT_S2_NORMAL = 0xF; executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC).`,
    );
    expect(expectOk(kvmStage2({ kernel: '6.16', ...BAR, vmaFlags: ['VM_SHARED'] }))).toMatchObject({ prot: 'DEVICE' });
    expect(expectOk(kvmStage2({ kernel: '6.17', ...BAR, vmaFlags: ['VM_MIXEDMAP'] }))).toMatchObject({ prot: 'DEVICE', branch: 'device' });
  });
  it('maps memory as memory, with the 6.17 wording', () => {
    expect(expectOk(kvmStage2({ kernel: '6.17', ...MEM })).reason).toBe(
      `${ERA3}the pfn is memory (pfn_is_map_memory()), so stage 2 is not forced non-cacheable; ${NORMAL}; stage2_set_prot_attr() writes MT_S2_NORMAL = 0xF; executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC).`,
    );
  });
});

describe('kvmStage2, the 7.1 split: reasons name the helper and its caller', () => {
  it('7.0 is still all user_mem_abort(); 7.1 and 7.2 name kvm_s2_fault_pin_pfn() and kvm_s2_fault_compute_prot()', () => {
    expect(expectOk(kvmStage2({ kernel: '7.0', ...BAR_UC })).reason).toBe(
      `${ERA3}${DEVICE_617}; ${NC}; stage2_set_prot_attr() writes MT_S2_NORMAL_NC = 0x5; ${XN}.`,
    );
    for (const kernel of ['7.1', '7.2']) {
      expect(expectOk(kvmStage2({ kernel, ...BAR_UC }))).toEqual({
        errno: null,
        prot: 'NORMAL_NC',
        memAttr: 5,
        executable: false,
        reason: `${SPLIT}${DEVICE_617}; ${PROT71}${NC}; stage2_set_prot_attr() writes MT_S2_NORMAL_NC = 0x5; ${XN}.`,
        memAttrName: 'MT_S2_NORMAL_NC',
        writable: true,
        forcedNonCacheable: true,
        branch: 'device-allow-any-uncached',
        era: '6.17+',
        decidedIn: {
          pfn: 'kvm_s2_fault_pin_pfn() (called from user_mem_abort())',
          prot: 'kvm_s2_fault_compute_prot() (called from user_mem_abort())',
        },
        sourceConfidence: 'titles-only',
        sourceNote:
          'user_mem_abort() split in 7.1: kvm_s2_fault_pin_pfn() holds the device decision per the title of e314a4dbdb8b (body not read); kvm_s2_fault_compute_prot() holds the prot choice as read in the intermediate commits a6e11bd6e1bd and 84699747aa55 (the final adb70b3a8b31 read by title only)',
        cacheablePfnmapSupported: false,
      });
    }
  });
  it("7.1: the cacheable-PFNMAP -EFAULT is kvm_s2_fault_pin_pfn()'s, the -ENOEXEC kvm_s2_fault_compute_prot()'s", () => {
    const efault = expectOk(kvmStage2({ kernel: '7.1', ...CACHEABLE }));
    expect(efault).toMatchObject({
      errno: 'EFAULT',
      decidedIn: { pfn: 'kvm_s2_fault_pin_pfn() (called from user_mem_abort())', prot: null },
    });
    expect(efault.reason.startsWith(SPLIT)).toBe(true);
    expect(efault.sourceConfidence).toBe('titles-only');
    const noexec = expectOk(kvmStage2({ kernel: '7.1', ...BAR_UC, fault: 'exec' }));
    expect(noexec.reason).toBe(`${SPLIT}${DEVICE_617}; ${PROT71}${ENOEXEC}`);
  });
  it('gives the same answers as 7.0 in 7.1 and 7.2 (the split changed no result)', () => {
    const strip = (r: object) => {
      const { reason, decidedIn, sourceConfidence, sourceNote, ...rest } = r as Record<string, unknown>;
      return rest;
    };
    for (const input of [BAR, BAR_UC, CACHEABLE, { ...CACHEABLE, fwb: true }, MEM, { ...BAR_UC, fault: 'exec' as const }]) {
      const base = strip(expectOk(kvmStage2({ kernel: '7.0', ...input })));
      for (const kernel of ['7.1', '7.2']) expect(strip(expectOk(kvmStage2({ kernel, ...input })))).toEqual(base);
    }
  });
});

describe('kvmStage2, exec faults and executability', () => {
  it('returns ENOEXEC for an exec fault on a forced non-cacheable mapping, in every era', () => {
    for (const [kernel, lead, pfnWhy] of [
      ['5.10', ERA1, DEVICE_OLD],
      ['6.9', ERA2, DEVICE_OLD],
      ['6.17', ERA3, DEVICE_617],
    ] as const) {
      const input = kernel === '5.10' ? BAR : BAR_UC;
      expect(expectOk(kvmStage2({ kernel, ...input, fault: 'exec' }))).toMatchObject({
        errno: 'ENOEXEC',
        prot: null,
        memAttr: null,
        executable: null,
        memAttrName: null,
        writable: null,
        forcedNonCacheable: true,
        branch: 'exec-on-device',
        reason: `${lead}${pfnWhy}; ${ENOEXEC}`,
      });
    }
  });
  it('makes normal memory executable up front only with DIC, and on an exec fault always', () => {
    const r = (fault: 'read' | 'exec', dic: boolean) => expectOk(kvmStage2({ kernel: '6.9', ...MEM, fault, dic }));
    expect(r('read', true).executable).toBe(true);
    expect(r('read', false).executable).toBe(false);
    expect(r('read', false).reason).toContain('; not executable yet: without DIC, X is added on the first exec fault.');
    expect(r('exec', false).executable).toBe(true);
    expect(r('exec', false).reason).toContain(
      '; executable because this is an exec fault (KVM_PGTABLE_PROT_X after invalidating the I-cache).',
    );
  });
});

describe('kvmStage2, dirty logging', () => {
  it('maps a read fault read-only while logging, a write fault writable, and says so', () => {
    const read = expectOk(kvmStage2({ kernel: '6.9', ...MEM, fault: 'read', logging: true }));
    expect(read.writable).toBe(false);
    expect(read.reason).toMatch(
      /; dirty logging is on and this is not a write fault, so it maps read-only \(S2AP W clear\) to catch the first write\.$/,
    );
    const write = expectOk(kvmStage2({ kernel: '6.9', ...MEM, fault: 'write', logging: true }));
    expect(write.writable).toBe(true);
    expect(write.reason).toMatch(/; dirty logging is on and this is a write fault, so it maps writable\.$/);
    const off = expectOk(kvmStage2({ kernel: '6.9', ...MEM, fault: 'read', logging: false }));
    expect(off.writable).toBe(true);
    expect(off.reason).not.toContain('dirty logging');
  });
  it('write-protects the assumed-cacheable non-PFNMAP branch too (6.17+)', () => {
    expect(expectOk(kvmStage2({ kernel: '6.17', ...BAR, vmaFlags: ['VM_SHARED'], fault: 'read', logging: true })).writable).toBe(false);
  });
  it('does not write-protect a read fault on a cacheable VM_MIXEDMAP page (the check is in the else-branch)', () => {
    const r = expectOk(
      kvmStage2({
        kernel: '6.17',
        pfnIsMemory: false,
        vmaFlags: ['VM_MIXEDMAP'],
        vmaMemType: 'MT_NORMAL',
        fwb: true,
        dic: true,
        fault: 'read',
        logging: true,
      }),
    );
    expect(r.branch).toBe('cacheable-pfnmap');
    expect(r.writable).toBe(true);
    expect(r.reason).toMatch(
      /; dirty logging does not write-protect this branch \(the check sits in the else-branch of the device \/ PFNMAP test\)\.$/,
    );
  });
  it('refuses logging with VM_PFNMAP: no such memslot exists', () => {
    expect(kvmStage2({ kernel: '6.9', ...BAR, logging: true })).toMatchObject({
      ok: false,
      error: { field: 'logging', message: expect.stringContaining('kvm_arch_prepare_memory_region() refuses dirty logging') },
    });
    expect(expectOk(kvmMemslot({ kernel: '6.9', vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_DEVICE_nGnRnE', logging: true })).errno).toBe(
      'EINVAL',
    );
  });
});

describe('faultMapped: whether the fault wrote a stage-2 entry', () => {
  it('is false for a failed fault and true for a mapped one', () => {
    expect(faultMapped(expectOk(kvmStage2({ kernel: '6.17', ...CACHEABLE })))).toBe(false); // -EFAULT without FWB
    expect(faultMapped(expectOk(kvmStage2({ kernel: '6.9', ...BAR, fault: 'exec' })))).toBe(false); // -ENOEXEC
    expect(faultMapped(expectOk(kvmStage2({ kernel: '6.9', ...BAR })))).toBe(true);
  });

  it('holds exactly when prot, memAttr and memAttrName are all set, in every release and branch', () => {
    const seen = { mapped: 0, failed: 0 };
    for (const kernel of KERNEL_VERSIONS) {
      for (const base of [BAR, MEM, CACHEABLE, ...(hasFeature(kernel, 'VM_ALLOW_ANY_UNCACHED') ? [BAR_UC] : [])]) {
        for (const fault of ['read', 'write', 'exec'] as const) {
          for (const fwb of [false, true]) {
            const r = expectOk(kvmStage2({ kernel, ...base, fault, fwb }), `${kernel} ${fault} fwb=${fwb}`);
            expect(faultMapped(r), `${kernel} ${fault} fwb=${fwb}`).toBe(r.prot !== null && r.memAttr !== null && r.memAttrName !== null);
            seen[faultMapped(r) ? 'mapped' : 'failed']++;
          }
        }
      }
    }
    expect(seen.mapped).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(0);
  });
});

describe('kvmStage2 input checking', () => {
  it('names the range for a kernel outside it and for a malformed one', () => {
    for (const kernel of ['5.9', '7.3', '6.20', '6', 'v6.9', '6.9.1']) {
      expect(kvmStage2({ kernel, ...BAR })).toMatchObject({
        ok: false,
        error: { field: 'kernel', message: expect.stringContaining('5.10 to 7.2') },
      });
    }
  });
  it('accepts every covered version', () => {
    for (const kernel of KERNEL_VERSIONS) expect(kvmStage2({ kernel, ...BAR }).ok).toBe(true);
  });
  it('refuses unknown fields, missing required fields and wrong types, naming the field', () => {
    const cases: [unknown, string][] = [
      [{ kernel: '6.9', ...BAR, extra: 1 }, 'extra'],
      [{ kernel: '6.9', ...BAR, pfnIsMemory: undefined }, 'pfnIsMemory'],
      [{ kernel: '6.9', ...BAR, pfnIsMemory: 'no' }, 'pfnIsMemory'],
      [{ kernel: '6.9', ...BAR, fault: 'fetch' }, 'fault'],
      [{ kernel: '6.9', ...BAR, vmaFlags: ['VM_LOCKED'] }, 'vmaFlags'],
      [{ kernel: '6.9', ...BAR, vmaMemType: 'MT_WHATEVER' }, 'vmaMemType'],
      [{ kernel: '6.9', ...BAR, fwb: 'yes' }, 'fwb'],
      [{ kernel: '6.9', ...BAR, dic: 1 }, 'dic'],
      [{ kernel: '6.9', ...BAR, logging: 'on' }, 'logging'],
      [{ kernel: 6.9, ...BAR }, 'kernel'],
    ];
    for (const [input, field] of cases) {
      expect(kvmStage2(input as KvmStage2Input), field).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field } });
    }
    expect(kvmStage2({ kernel: '6.9', ...BAR, pfnIsMemory: undefined } as never)).toMatchObject({
      error: { message: 'pfnIsMemory is required (true or false)' },
    });
  });
  it('defaults fwb to false, dic to true and logging to false', () => {
    const r = expectOk(kvmStage2({ kernel: '6.9', ...MEM }));
    expect(r).toMatchObject({ memAttr: 0xf, executable: true, writable: true });
  });
  it('refuses MT_NORMAL_WT from 5.14, naming the removal', () => {
    expect(kvmStage2({ kernel: '5.13', ...BAR, vmaMemType: 'MT_NORMAL_WT' }).ok).toBe(true);
    expect(kvmStage2({ kernel: '5.14', ...BAR, vmaMemType: 'MT_NORMAL_WT' })).toMatchObject({
      ok: false,
      error: { field: 'vmaMemType', message: expect.stringContaining('removed in 5.14') },
    });
  });
  it('never throws on junk input', () => {
    for (const junk of [null, 1, 'x', [], { kernel: null }]) expect(kvmStage2(junk as never).ok).toBe(false);
  });
});
