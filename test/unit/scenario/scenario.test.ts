import { describe, expect, it } from 'vitest';
import { VFIO_DRIVERS } from '../../../src/model/linux/vfio';
import type { ScenarioInput } from '../../../src/model/scenario/api';
import { GUEST_MAPPINGS, scenario, scenarioTable } from '../../../src/model/scenario/api';
import { expectOk } from '../../support/expect-ok';

describe('acceptance: vfio-pci, guest ioremap_wc', () => {
  it('6.8: stage 2 Device-nGnRE, effective Device-nGnRE', () => {
    const r = expectOk(scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
    expect(r.stage2).toMatchObject({ prot: 'DEVICE', memAttr: 0x1 });
    expect(r.effective?.memoryType).toBe('Device-nGnRE');
    expect(r.effectiveType).toBe('Device-nGnRE');
  });
  it('6.9: stage 2 Normal-NC, effective Normal-NC', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
    expect(r.stage2).toMatchObject({ prot: 'NORMAL_NC', memAttr: 0x5 });
    expect(r.effective).toMatchObject({ memoryType: 'Normal', inner: 'NC', outer: 'NC' });
    expect(r.effectiveType).toBe('Normal-NC');
  });
});

describe('scenario, vfio-pci, every guest mapping', () => {
  const expected69 = { ioremap: 'Device-nGnRE', ioremap_wc: 'Normal-NC', ioremap_np: 'Device-nGnRnE', ioremap_cache: 'Normal-NC' } as const;
  const expected68 = {
    ioremap: 'Device-nGnRE',
    ioremap_wc: 'Device-nGnRE',
    ioremap_np: 'Device-nGnRnE',
    ioremap_cache: 'Device-nGnRE',
  } as const;
  for (const guestMapping of GUEST_MAPPINGS) {
    it(`${guestMapping}: 6.8 -> ${expected68[guestMapping]}, 6.9 -> ${expected69[guestMapping]}, with FWB too`, () => {
      for (const fwb of [false, true]) {
        expect(expectOk(scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping, fwb })).effectiveType).toBe(
          expected68[guestMapping],
        );
        expect(expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping, fwb })).effectiveType).toBe(
          expected69[guestMapping],
        );
      }
    });
  }
  it("keeps QEMU's mapping Device-nGnRnE and names each layer in the trace, in order", () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
    expect(r.hostUserspace).toEqual({ memType: 'MT_DEVICE_nGnRnE', memoryType: 'Device-nGnRnE' });
    expect(r.vmaFlags).toContain('VM_ALLOW_ANY_UNCACHED');
    expect(r.memslot.errno).toBe(null);
    expect(r.guestStage1).toMatchObject({ memType: 'MT_NORMAL_NC', mair: 0x44 });
    expect(r.steps.map((s) => s.layer)).toEqual(['host-userspace', 'vma', 'memslot', 'kvm-stage2', 'guest-stage1', 'effective']);
    expect(r.reason).toMatch(/^1\. QEMU/);
    expect(r.reason).toContain('user_mem_abort()');
  });
});

describe('scenario, other drivers', () => {
  it('vfio-platform stays Device-nGnRE at stage 2 on 6.9, so ioremap_wc gives Device-nGnRE', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-platform', guestMapping: 'ioremap_wc' }));
    expect(r.stage2?.prot).toBe('DEVICE');
    expect(r.effectiveType).toBe('Device-nGnRE');
  });
  it('nvgrace-gpu resmem gives the guest Normal-NC for ioremap_wc', () => {
    expect(expectOk(scenario({ kernel: '6.9', vfioDriver: 'nvgrace-gpu-resmem', guestMapping: 'ioremap_wc' })).effectiveType).toBe(
      'Normal-NC',
    );
  });
  it('nvgrace-gpu usemem: Device at stage 2 on 6.16; on 6.17 refused without FWB, Normal-WB with FWB+DIC', () => {
    expect(expectOk(scenario({ kernel: '6.16', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache' })).effectiveType).toBe(
      'Device-nGnRE',
    );
    const refused = expectOk(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache' }));
    expect(refused.memslot.errno).toBe('EINVAL');
    expect(refused.stage2).toBe(null);
    expect(refused.effective).toBe(null);
    const fwb = expectOk(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true }));
    expect(fwb.stage2).toMatchObject({ prot: 'NORMAL', memAttr: 6 });
    expect(fwb.effectiveType).toBe('Normal-WB');
  });
  it('nvgrace-gpu usemem 6.17 without DIC: refused at the memslot even with FWB', () => {
    expect(
      expectOk(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true, dic: false })).memslot
        .errno,
    ).toBe('EINVAL');
  });
  it('an exec fault on the BAR fails with ENOEXEC and maps nothing', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc', fault: 'exec' }));
    expect(r.stage2?.errno).toBe('ENOEXEC');
    expect(r.effective).toBe(null);
  });
});

describe('scenario input checking', () => {
  const ok: ScenarioInput = { kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap' };
  it('names the version a driver or API arrived in', () => {
    const a = scenario({ ...ok, kernel: '6.8', vfioDriver: 'nvgrace-gpu-resmem' });
    expect(a).toMatchObject({ ok: false, error: { field: 'vfioDriver' } });
    expect(a).toMatchObject({ ok: false, error: { message: expect.stringContaining('6.9') } });
    const b = scenario({ ...ok, kernel: '5.12', guestMapping: 'ioremap_np' });
    expect(b).toMatchObject({ ok: false, error: { message: expect.stringContaining('5.13') } });
  });
  it('lets a newer guest kernel use ioremap_np on an older host', () => {
    expect(expectOk(scenario({ ...ok, kernel: '5.10', guestKernel: '6.9', guestMapping: 'ioremap_np' })).effectiveType).toBe(
      'Device-nGnRnE',
    );
  });
  it('refuses unknown fields and bad values, naming the field', () => {
    for (const [input, field] of [
      [{ ...ok, bogus: true }, 'bogus'],
      [{ ...ok, guestMapping: 'pci_iomap' }, 'guestMapping'],
      [{ ...ok, kernel: '7.3' }, 'kernel'],
      [{ ...ok, fault: 'x' }, 'fault'],
    ] as const) {
      const a = scenario(input as unknown as ScenarioInput);
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.error.field).toBe(field);
    }
  });
});

describe('scenarioTable', () => {
  it('has one row per driver x mapping x FWB x kernel', () => {
    const t = expectOk(scenarioTable({ kernels: ['6.8', '6.9'] }));
    expect(t.rows).toHaveLength(2 * VFIO_DRIVERS.length * GUEST_MAPPINGS.length * 2);
  });
  it('marks nvgrace-gpu unavailable before 6.9 and ioremap_np before 5.13', () => {
    const t = expectOk(scenarioTable({ kernels: ['5.12', '6.8'] }));
    const nv = t.rows.filter((r) => r.vfioDriver.startsWith('nvgrace'));
    expect(nv.every((r) => r.status === 'unavailable' && r.note?.includes('6.9'))).toBe(true);
    const np = t.rows.filter((r) => r.kernel === '5.12' && r.guestMapping === 'ioremap_np');
    expect(np.every((r) => r.status === 'unavailable')).toBe(true);
  });
  it('agrees with scenario() on every row it maps', () => {
    const t = expectOk(scenarioTable({ kernels: ['6.9', '6.17'] }));
    for (const row of t.rows.filter((r) => r.status === 'ok')) {
      const r = expectOk(scenario({ kernel: row.kernel, vfioDriver: row.vfioDriver, guestMapping: row.guestMapping, fwb: row.fwb }));
      expect(r.effectiveType).toBe(row.effective);
    }
  });
  it('covers every version by default and refuses a bad kernel in the list', () => {
    expect(expectOk(scenarioTable()).kernels[0]).toBe('5.10');
    const a = scenarioTable({ kernels: ['6.9', '9.9'] });
    expect(a).toMatchObject({ ok: false, error: { field: 'kernels[1]' } });
  });
});

describe('scenario: optional gpu and mte inputs keep the defaults', () => {
  it('mte: the memslot is refused and nothing is mapped, naming the MTE check', () => {
    const r = expectOk(scenario({ kernel: '6.19', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc', mte: true }));
    expect(r).toMatchObject({ stage2: null, effective: null, effectiveType: null, memslot: { errno: 'EINVAL' } });
    expect(r.steps.map((s) => s.layer)).toEqual(['host-userspace', 'vma', 'memslot', 'guest-stage1', 'effective']);
    expect(r.steps[2]?.text).toBe(
      'QEMU registers the mapping as a memslot: kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c): the VM has MTE and the VMA is a driver mapping (VM_IO/VM_PFNMAP/VM_MIXEDMAP) without VM_MTE_ALLOWED, so kvm_vma_mte_allowed() fails: -EINVAL (c911f0d46879).',
    );
    expect(r.steps[3]?.text).toMatch(/It never takes effect: the memslot does not exist\.$/);
    expect(r.steps[4]?.text).toBe(
      'Nothing is mapped for the guest: KVM_SET_USER_MEMORY_REGION failed, so the VMM cannot give the guest this region this way.',
    );
    expect(r.input).toMatchObject({ mte: true, gpu: 'grace-hopper' });
    expect(scenario({ kernel: '5.13', vfioDriver: 'vfio-pci', guestMapping: 'ioremap', mte: true })).toMatchObject({
      ok: false,
      error: { field: 'mte' },
    });
  });
  it('gpu: grace-blackwell usemem as on grace-hopper; resmem refused naming gpu', () => {
    const gh = expectOk(scenario({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true }));
    const gb = expectOk(
      scenario({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true, gpu: 'grace-blackwell' }),
    );
    expect(gb.effectiveType).toBe(gh.effectiveType);
    expect(gb.input.gpu).toBe('grace-blackwell');
    expect(scenario({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-resmem', guestMapping: 'ioremap_wc', gpu: 'grace-blackwell' })).toMatchObject(
      {
        ok: false,
        error: { field: 'gpu', message: expect.stringContaining('has no resmem region') },
      },
    );
  });
  it("answers every release from 6.18 to 7.2 with today's fields as 6.17 does", () => {
    for (const kernel of ['6.18', '6.19', '7.0', '7.1', '7.2']) {
      for (const vfioDriver of VFIO_DRIVERS) {
        for (const guestMapping of GUEST_MAPPINGS) {
          const a = expectOk(scenario({ kernel: '6.17', vfioDriver, guestMapping }));
          const b = expectOk(scenario({ kernel, vfioDriver, guestMapping }));
          expect(b.effectiveType, `${kernel} ${vfioDriver} ${guestMapping}`).toBe(a.effectiveType);
          expect(b.stage2?.memAttr ?? null).toBe(a.stage2?.memAttr ?? null);
        }
      }
    }
  });
});

describe('scenario: the trace, step by step', () => {
  it('writes each layer for vfio-platform with FWB, naming the missing flag and the FWB encoding', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-platform', guestMapping: 'ioremap', fwb: true }));
    expect(r.steps.map((s) => s.text)).toEqual([
      "QEMU mmaps the region through the VFIO fd without asking for a type; vfio_platform_mmap_mmio() in 6.9 uses pgprot_noncached, so QEMU's mapping is MT_DEVICE_nGnRnE (Device-nGnRnE).",
      'The VMA carries VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP | VM_SHARED (no VM_ALLOW_ANY_UNCACHED).',
      'QEMU registers the mapping as a memslot: kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c): accepted (VM_PFNMAP, MT_DEVICE_nGnRnE).',
      "The guest's first write faults into KVM: [v6.9–v6.16] user_mem_abort() (arch/arm64/kvm/mmu.c): the pfn is not memory (kvm_is_device_pfn()), so the mapping is treated as device; the VMA lacks VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_DEVICE; stage2_set_prot_attr() writes MT_S2_FWB_DEVICE_nGnRE = 0x1 (FWB encoding); never executable (XN set).",
      "The guest driver's ioremap() in 6.9 selects MT_DEVICE_nGnRE (AttrIndx 4), MAIR byte 0x04 = Device-nGnRE.",
      expect.stringMatching(/^Stage 1 0x04 with stage 2 MemAttr 0x1 \(FWB\) gives Device-nGnRE \(rule [a-z0-9-]+\): /),
    ]);
    expect(r.reason.split('\n').map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ']);
    expect(r.effectiveType).toBe('Device-nGnRE');
  });
  it('stops at the fault when it fails, and says with which errno', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap', fault: 'exec' }));
    expect(r.steps.at(-1)).toEqual({ layer: 'effective', text: 'Nothing is mapped: the fault failed with ENOEXEC.' });
    expect(r.effectiveType).toBe(null);
  });
  it('checks guestKernel and names it', () => {
    expect(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap', guestKernel: '7.3' })).toMatchObject({
      ok: false,
      error: { field: 'guestKernel' },
    });
  });
});

describe('scenarioTable rows', () => {
  it('fills every column of a mapped row', () => {
    const t = expectOk(scenarioTable({ kernels: ['6.9'] }));
    expect(t).toMatchObject({ kernels: ['6.9'], dic: true, fault: 'write' });
    expect(t.rows.find((r) => r.vfioDriver === 'vfio-pci' && r.guestMapping === 'ioremap_wc' && !r.fwb)).toEqual({
      kernel: '6.9',
      vfioDriver: 'vfio-pci',
      guestMapping: 'ioremap_wc',
      fwb: false,
      status: 'ok',
      hostUserspace: 'Device-nGnRnE',
      allowAnyUncached: true,
      stage2Prot: 'NORMAL_NC',
      stage2MemAttr: 5,
      guestStage1: 'Normal-NC',
      effective: 'Normal-NC',
      note: null,
    });
  });
  it('marks refused memslots and failed faults, with the errno', () => {
    const refused = expectOk(scenarioTable({ kernels: ['6.17'] })).rows.find((r) => r.vfioDriver === 'nvgrace-gpu-usemem' && !r.fwb);
    expect(refused).toMatchObject({
      status: 'memslot-refused',
      note: 'memslot EINVAL',
      stage2Prot: null,
      stage2MemAttr: null,
      effective: null,
    });
    const t = expectOk(scenarioTable({ kernels: ['6.9'], fault: 'exec', dic: false }));
    expect(t).toMatchObject({ dic: false, fault: 'exec' });
    const failed = t.rows.find((r) => r.vfioDriver === 'vfio-pci');
    expect(failed).toMatchObject({
      status: 'fault-failed',
      note: 'fault ENOEXEC',
      stage2Prot: null,
      effective: null,
      guestStage1: 'Device-nGnRE',
    });
  });
  it('notes what is unavailable and when it arrived', () => {
    const rows = expectOk(scenarioTable({ kernels: ['5.12'] })).rows;
    expect(rows.find((r) => r.vfioDriver === 'vfio-pci' && r.guestMapping === 'ioremap_np')).toMatchObject({
      status: 'unavailable',
      note: 'ioremap_np() arrived in 5.13',
      hostUserspace: null,
      allowAnyUncached: null,
    });
    expect(rows.find((r) => r.vfioDriver === 'nvgrace-gpu-resmem')?.note).toBe('nvgrace-gpu-resmem arrived in 6.9');
  });
  it('refuses a kernels field that is not an array', () => {
    expect(scenarioTable({ kernels: '6.9' as never })).toMatchObject({
      ok: false,
      error: { field: 'kernels', message: 'kernels must be an array of "MAJOR.MINOR" strings' },
    });
    expect(scenarioTable({ dic: 'x' as never })).toMatchObject({ ok: false, error: { field: 'dic' } });
  });
});

describe('scenario defaults and hex', () => {
  it('defaults dic to true: a Normal stage 2 is executable up front', () => {
    const r = expectOk(scenario({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true }));
    expect(r.stage2).toMatchObject({ prot: 'NORMAL', executable: true });
    expect(r.input).toMatchObject({ dic: true, fault: 'write', fwb: true, mte: false, gpu: 'grace-hopper', guestKernel: '7.2' });
    expect(
      expectOk(scenario({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true, dic: false })).memslot
        .errno,
    ).toBe('EINVAL');
  });
  it('writes hex bytes in upper case', () => {
    const r = expectOk(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_cache' }));
    expect(r.steps[4]?.text).toBe("The guest driver's ioremap_cache() in 6.9 selects MT_NORMAL (AttrIndx 0), MAIR byte 0xFF = Normal-WB.");
    expect(r.steps[5]?.text).toMatch(/^Stage 1 0xFF with stage 2 MemAttr 0x5 gives Normal-NC \(rule /);
  });
  it('lists FWB off and on for every driver and mapping', () => {
    const rows = expectOk(scenarioTable({ kernels: ['6.9'] })).rows.filter(
      (r) => r.vfioDriver === 'vfio-pci' && r.guestMapping === 'ioremap',
    );
    expect(rows.map((r) => r.fwb)).toEqual([false, true]);
  });
});
