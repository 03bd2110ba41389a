import { describe, expect, it } from 'vitest';
import type { KvmStage2Input } from '../../../src/model/linux/api';
import { kvmMemslot, kvmStage2 } from '../../../src/model/linux/api';
import { KERNEL_VERSIONS } from '../../../src/model/linux/versions';

const BAR: Omit<KvmStage2Input, 'kernel'> = {
  pfnIsMemory: false,
  vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED'],
  vmaMemType: 'MT_DEVICE_nGnRnE',
  fault: 'write',
};
const BAR_UC: Omit<KvmStage2Input, 'kernel'> = { ...BAR, vmaFlags: [...BAR.vmaFlags, 'VM_ALLOW_ANY_UNCACHED'] };

function must<T>(a: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('kvmStage2, v5.10–v6.8: every non-memory pfn is Device-nGnRE', () => {
  it('maps a BAR as DEVICE, MemAttr 0x1, not executable', () => {
    for (const kernel of ['5.10', '6.1', '6.8']) {
      const r = must(kvmStage2({ kernel, ...BAR }));
      expect(r).toMatchObject({ errno: null, prot: 'DEVICE', memAttr: 0x1, executable: false, branch: 'device' });
      expect(r.reason).toContain('user_mem_abort()');
      expect(r.reason).toContain('v5.10–v6.8');
    }
  });
  it('uses the FWB encoding MT_S2_FWB_DEVICE_nGnRE = 1 with FWB', () => {
    expect(must(kvmStage2({ kernel: '6.8', ...BAR, fwb: true }))).toMatchObject({
      prot: 'DEVICE',
      memAttr: 1,
      memAttrName: 'MT_S2_FWB_DEVICE_nGnRE',
    });
  });
  it('refuses VM_ALLOW_ANY_UNCACHED as BAD_INPUT naming 6.9', () => {
    const a = kvmStage2({ kernel: '6.8', ...BAR_UC });
    expect(a.ok).toBe(false);
    if (!a.ok) {
      expect(a.error.field).toBe('vmaFlags');
      expect(a.error.message).toContain('6.9');
    }
  });
  it('maps memory Normal WB: 0xF without FWB, 6 with FWB', () => {
    const mem = { ...BAR, pfnIsMemory: true, vmaFlags: [], vmaMemType: 'MT_NORMAL' } as const;
    expect(must(kvmStage2({ kernel: '6.8', ...mem }))).toMatchObject({ prot: 'NORMAL', memAttr: 0xf, branch: 'memory' });
    expect(must(kvmStage2({ kernel: '6.8', ...mem, fwb: true }))).toMatchObject({ prot: 'NORMAL', memAttr: 6 });
  });
});

describe('kvmStage2, v6.9–v6.16: VM_ALLOW_ANY_UNCACHED selects Normal-NC', () => {
  it('maps a flagged BAR NORMAL_NC, MemAttr 0x5 with and without FWB', () => {
    for (const kernel of ['6.9', '6.12', '6.16']) {
      expect(must(kvmStage2({ kernel, ...BAR_UC }))).toMatchObject({
        prot: 'NORMAL_NC',
        memAttr: 0x5,
        executable: false,
        branch: 'device-allow-any-uncached',
      });
      expect(must(kvmStage2({ kernel, ...BAR_UC, fwb: true }))).toMatchObject({
        prot: 'NORMAL_NC',
        memAttr: 5,
        memAttrName: 'MT_S2_FWB_NORMAL_NC',
      });
    }
  });
  it('keeps DEVICE for a BAR without the flag', () => {
    expect(must(kvmStage2({ kernel: '6.9', ...BAR }))).toMatchObject({ prot: 'DEVICE', memAttr: 0x1 });
  });
  it('ignores the VMA memory type before 6.17: a cacheable PFNMAP of non-memory is still device', () => {
    expect(must(kvmStage2({ kernel: '6.16', ...BAR, vmaMemType: 'MT_NORMAL' }))).toMatchObject({ prot: 'DEVICE', branch: 'device' });
  });
});

describe('kvmStage2, v6.17+: cacheable PFNMAP needs FWB and DIC', () => {
  const cacheable = { ...BAR, vmaMemType: 'MT_NORMAL' } as const;
  it('maps a cacheable PFNMAP Normal with FWB and DIC (MemAttr 6, executable)', () => {
    expect(must(kvmStage2({ kernel: '6.17', ...cacheable, fwb: true, dic: true }))).toMatchObject({
      prot: 'NORMAL',
      memAttr: 6,
      executable: true,
      branch: 'cacheable-pfnmap',
    });
  });
  it('fails the fault with EFAULT without FWB or without DIC', () => {
    for (const caps of [
      { fwb: false, dic: true },
      { fwb: true, dic: false },
    ]) {
      expect(must(kvmStage2({ kernel: '6.17', ...cacheable, ...caps }))).toMatchObject({
        errno: 'EFAULT',
        prot: null,
        memAttr: null,
        executable: null,
        branch: 'cacheable-pfnmap-unsupported',
      });
    }
  });
  it('still maps a non-cacheable BAR Normal-NC with the flag, Device without', () => {
    expect(must(kvmStage2({ kernel: '6.17', ...BAR_UC }))).toMatchObject({ prot: 'NORMAL_NC', memAttr: 5 });
    expect(must(kvmStage2({ kernel: '6.17', ...BAR, vmaMemType: 'MT_NORMAL_NC' }))).toMatchObject({ prot: 'DEVICE', memAttr: 1 });
  });
  it('treats a non-PFNMAP VMA over a non-memory pfn as cacheable (216887f79d98)', () => {
    expect(must(kvmStage2({ kernel: '6.17', ...BAR, vmaFlags: ['VM_SHARED'] }))).toMatchObject({
      prot: 'NORMAL',
      branch: 'not-pfnmap-assumed-cacheable',
    });
    expect(must(kvmStage2({ kernel: '6.16', ...BAR, vmaFlags: ['VM_SHARED'] }))).toMatchObject({ prot: 'DEVICE' });
  });
});

describe('kvmStage2, exec faults and executability', () => {
  it('returns ENOEXEC for an exec fault on a forced non-cacheable mapping, in every era', () => {
    for (const kernel of ['5.10', '6.9', '6.17']) {
      const input = kernel === '5.10' ? BAR : BAR_UC;
      expect(must(kvmStage2({ kernel, ...input, fault: 'exec' }))).toMatchObject({
        errno: 'ENOEXEC',
        prot: null,
        memAttr: null,
        executable: null,
      });
    }
  });
  it('makes normal memory executable up front only with DIC, and on an exec fault always', () => {
    const mem = { pfnIsMemory: true, vmaFlags: [], vmaMemType: 'MT_NORMAL' } as const;
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'read', dic: true })).executable).toBe(true);
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'read', dic: false })).executable).toBe(false);
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'exec', dic: false })).executable).toBe(true);
  });
});

describe('kvmStage2, dirty logging', () => {
  const mem = { pfnIsMemory: true, vmaFlags: ['VM_SHARED'], vmaMemType: 'MT_NORMAL' } as const;
  it('maps a read fault read-only while logging, a write fault writable', () => {
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'read', logging: true })).writable).toBe(false);
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'write', logging: true })).writable).toBe(true);
    expect(must(kvmStage2({ kernel: '6.9', ...mem, fault: 'read', logging: false })).writable).toBe(true);
  });
  it('refuses logging with VM_PFNMAP: no such memslot exists', () => {
    const a = kvmStage2({ kernel: '6.9', ...BAR, logging: true });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.field).toBe('logging');
    expect(must(kvmMemslot({ kernel: '6.9', vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_DEVICE_nGnRnE', logging: true })).errno).toBe(
      'EINVAL',
    );
  });
});

describe('kvmMemslot', () => {
  it('refuses a cacheable PFNMAP VMA without FWB+DIC from 6.17 only', () => {
    const slot = { vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_NORMAL' } as const;
    expect(must(kvmMemslot({ kernel: '6.17', ...slot })).errno).toBe('EINVAL');
    expect(must(kvmMemslot({ kernel: '6.17', ...slot, fwb: true })).errno).toBe(null);
    expect(must(kvmMemslot({ kernel: '6.16', ...slot })).errno).toBe(null);
    expect(must(kvmMemslot({ kernel: '6.17', vmaFlags: ['VM_PFNMAP'], vmaMemType: 'MT_DEVICE_nGnRnE' })).errno).toBe(null);
  });
});

describe('kvmStage2 input checking', () => {
  it('names the range for a kernel outside it and for a malformed one', () => {
    for (const kernel of ['5.9', '7.3', '6.20', '6', 'v6.9', '6.9.1']) {
      const a = kvmStage2({ kernel, ...BAR });
      expect(a.ok).toBe(false);
      if (!a.ok) {
        expect(a.error.field).toBe('kernel');
        expect(a.error.message).toContain('5.10 to 7.2');
      }
    }
  });
  it('accepts every covered version', () => {
    for (const kernel of KERNEL_VERSIONS) expect(kvmStage2({ kernel, ...BAR }).ok).toBe(true);
  });
  it('refuses unknown fields, missing required fields and wrong types, naming the field', () => {
    const cases: [unknown, string][] = [
      [{ kernel: '6.9', ...BAR, extra: 1 }, 'extra'],
      [{ kernel: '6.9', ...BAR, pfnIsMemory: undefined }, 'pfnIsMemory'],
      [{ kernel: '6.9', ...BAR, fault: 'fetch' }, 'fault'],
      [{ kernel: '6.9', ...BAR, vmaFlags: ['VM_LOCKED'] }, 'vmaFlags'],
      [{ kernel: '6.9', ...BAR, vmaMemType: 'MT_WHATEVER' }, 'vmaMemType'],
      [{ kernel: '6.9', ...BAR, fwb: 'yes' }, 'fwb'],
      [{ kernel: 6.9, ...BAR }, 'kernel'],
    ];
    for (const [input, field] of cases) {
      const a = kvmStage2(input as KvmStage2Input);
      expect(a.ok, field).toBe(false);
      if (!a.ok) expect(a.error.field).toBe(field);
    }
  });
  it('refuses MT_NORMAL_WT from 5.14, naming the removal', () => {
    expect(kvmStage2({ kernel: '5.13', ...BAR, vmaMemType: 'MT_NORMAL_WT' }).ok).toBe(true);
    const a = kvmStage2({ kernel: '5.14', ...BAR, vmaMemType: 'MT_NORMAL_WT' });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toContain('removed in 5.14');
  });
  it('never throws on junk input', () => {
    for (const junk of [null, 1, 'x', [], { kernel: null }]) expect(kvmStage2(junk as never).ok).toBe(false);
  });
});

describe('dirty logging and the 6.17 cacheable-PFNMAP branch', () => {
  it('does not write-protect a read fault on a cacheable VM_MIXEDMAP page (the check is in the else-branch)', () => {
    const r = kvmStage2({
      kernel: '6.17',
      pfnIsMemory: false,
      vmaFlags: ['VM_MIXEDMAP'],
      vmaMemType: 'MT_NORMAL',
      fwb: true,
      dic: true,
      fault: 'read',
      logging: true,
    });
    expect(r.ok && r.result.branch).toBe('cacheable-pfnmap');
    expect(r.ok && r.result.writable).toBe(true);
  });
  it('still write-protects a read fault on memory in a logged memslot', () => {
    const r = kvmStage2({ kernel: '6.17', pfnIsMemory: true, vmaFlags: [], vmaMemType: 'MT_NORMAL', fault: 'read', logging: true });
    expect(r.ok && r.result.writable).toBe(false);
  });
});
