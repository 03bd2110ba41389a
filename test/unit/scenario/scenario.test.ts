import { describe, expect, it } from 'vitest';
import { VFIO_DRIVERS } from '../../../src/model/linux/vfio';
import type { ScenarioInput } from '../../../src/model/scenario/api';
import { GUEST_MAPPINGS, scenario, scenarioTable } from '../../../src/model/scenario/api';

function must<T>(a: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('acceptance: vfio-pci, guest ioremap_wc', () => {
  it('6.8: stage 2 Device-nGnRE, effective Device-nGnRE', () => {
    const r = must(scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
    expect(r.stage2).toMatchObject({ prot: 'DEVICE', memAttr: 0x1 });
    expect(r.effective?.memoryType).toBe('Device-nGnRE');
    expect(r.effectiveType).toBe('Device-nGnRE');
  });
  it('6.9: stage 2 Normal-NC, effective Normal-NC', () => {
    const r = must(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
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
        expect(must(scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping, fwb })).effectiveType).toBe(expected68[guestMapping]);
        expect(must(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping, fwb })).effectiveType).toBe(expected69[guestMapping]);
      }
    });
  }
  it("keeps QEMU's mapping Device-nGnRnE and names each layer in the trace, in order", () => {
    const r = must(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' }));
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
    const r = must(scenario({ kernel: '6.9', vfioDriver: 'vfio-platform', guestMapping: 'ioremap_wc' }));
    expect(r.stage2?.prot).toBe('DEVICE');
    expect(r.effectiveType).toBe('Device-nGnRE');
  });
  it('nvgrace-gpu resmem gives the guest Normal-NC for ioremap_wc', () => {
    expect(must(scenario({ kernel: '6.9', vfioDriver: 'nvgrace-gpu-resmem', guestMapping: 'ioremap_wc' })).effectiveType).toBe('Normal-NC');
  });
  it('nvgrace-gpu usemem: Device at stage 2 on 6.16; on 6.17 refused without FWB, Normal-WB with FWB+DIC', () => {
    expect(must(scenario({ kernel: '6.16', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache' })).effectiveType).toBe(
      'Device-nGnRE',
    );
    const refused = must(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache' }));
    expect(refused.memslot.errno).toBe('EINVAL');
    expect(refused.stage2).toBe(null);
    expect(refused.effective).toBe(null);
    const fwb = must(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true }));
    expect(fwb.stage2).toMatchObject({ prot: 'NORMAL', memAttr: 6 });
    expect(fwb.effectiveType).toBe('Normal-WB');
  });
  it('nvgrace-gpu usemem 6.17 without DIC: refused at the memslot even with FWB', () => {
    expect(
      must(scenario({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb: true, dic: false })).memslot
        .errno,
    ).toBe('EINVAL');
  });
  it('an exec fault on the BAR fails with ENOEXEC and maps nothing', () => {
    const r = must(scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc', fault: 'exec' }));
    expect(r.stage2?.errno).toBe('ENOEXEC');
    expect(r.effective).toBe(null);
  });
});

describe('scenario input checking', () => {
  const ok: ScenarioInput = { kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap' };
  it('names the version a driver or API arrived in', () => {
    const a = scenario({ ...ok, kernel: '6.8', vfioDriver: 'nvgrace-gpu-resmem' });
    expect(!a.ok && a.error.field).toBe('vfioDriver');
    expect(!a.ok && a.error.message).toContain('6.9');
    const b = scenario({ ...ok, kernel: '5.12', guestMapping: 'ioremap_np' });
    expect(!b.ok && b.error.message).toContain('5.13');
  });
  it('lets a newer guest kernel use ioremap_np on an older host', () => {
    expect(must(scenario({ ...ok, kernel: '5.10', guestKernel: '6.9', guestMapping: 'ioremap_np' })).effectiveType).toBe('Device-nGnRnE');
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
    const t = must(scenarioTable({ kernels: ['6.8', '6.9'] }));
    expect(t.rows).toHaveLength(2 * VFIO_DRIVERS.length * GUEST_MAPPINGS.length * 2);
  });
  it('marks nvgrace-gpu unavailable before 6.9 and ioremap_np before 5.13', () => {
    const t = must(scenarioTable({ kernels: ['5.12', '6.8'] }));
    const nv = t.rows.filter((r) => r.vfioDriver.startsWith('nvgrace'));
    expect(nv.every((r) => r.status === 'unavailable' && r.note?.includes('6.9'))).toBe(true);
    const np = t.rows.filter((r) => r.kernel === '5.12' && r.guestMapping === 'ioremap_np');
    expect(np.every((r) => r.status === 'unavailable')).toBe(true);
  });
  it('agrees with scenario() on every row it maps', () => {
    const t = must(scenarioTable({ kernels: ['6.9', '6.17'] }));
    for (const row of t.rows.filter((r) => r.status === 'ok')) {
      const r = must(scenario({ kernel: row.kernel, vfioDriver: row.vfioDriver, guestMapping: row.guestMapping, fwb: row.fwb }));
      expect(r.effectiveType).toBe(row.effective);
    }
  });
  it('covers every version by default and refuses a bad kernel in the list', () => {
    expect(must(scenarioTable()).kernels[0]).toBe('5.10');
    const a = scenarioTable({ kernels: ['6.9', '9.9'] });
    expect(!a.ok && a.error.field).toBe('kernels[1]');
  });
});
