import { describe, expect, it } from 'vitest';
import { accessProperties, qemuEmulation, qemuMapBar, userspaceDriver } from '../../../src/model/vmm/api';
import { expectOk } from '../../support/expect-ok';

describe('QEMU maps a BAR through VFIO', () => {
  it('asks for no type, so vfio-pci gives Device-nGnRnE in 6.8 and 6.9 alike', () => {
    for (const kernel of ['6.8', '6.9', '6.17']) {
      const m = expectOk(qemuMapBar({ kernel, vfioDriver: 'vfio-pci' }));
      expect(m.mmap.requestsMemoryType).toBe(false);
      expect(m.hostUserspace).toEqual({ memType: 'MT_DEVICE_nGnRnE', memoryType: 'Device-nGnRnE' });
      expect(m.staysDevice).toBe(true);
      expect(m.memslot.errno).toBe(null);
    }
  });
  it('the memslot for nvgrace-gpu usemem is refused with EINVAL on 6.17 without FWB, accepted with FWB+DIC', () => {
    expect(expectOk(qemuMapBar({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem' })).memslot.errno).toBe('EINVAL');
    expect(expectOk(qemuMapBar({ kernel: '6.17', vfioDriver: 'nvgrace-gpu-usemem', fwb: true, dic: true })).memslot.errno).toBe(null);
    expect(expectOk(qemuMapBar({ kernel: '6.16', vfioDriver: 'nvgrace-gpu-usemem' })).memslot.errno).toBe(null);
  });
  it('nvgrace-gpu resmem is not Device in QEMU: the driver maps it write-combining', () => {
    const m = expectOk(qemuMapBar({ kernel: '6.9', vfioDriver: 'nvgrace-gpu-resmem' }));
    expect(m.hostUserspace.memoryType).toBe('Normal-NC');
    expect(m.staysDevice).toBe(false);
  });
});

describe('access properties and MMIO emulation', () => {
  it('non-Gathering Device types keep access size and are never read speculatively', () => {
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE'] as const) {
      expect(accessProperties(t)).toMatchObject({ exactSize: true, speculativeReads: false });
    }
  });
  it('Device-GRE may gather; Normal types may gather and be read speculatively', () => {
    expect(accessProperties('Device-GRE')).toMatchObject({ exactSize: false, speculativeReads: false });
    for (const t of ['Normal-NC', 'Normal-WT', 'Normal-WB'] as const)
      expect(accessProperties(t)).toMatchObject({ exactSize: false, speculativeReads: true });
  });
  it('QEMU emulation works on Device-nGnRnE and breaks on Normal-NC', () => {
    expect(expectOk(qemuEmulation({ memoryType: 'Device-nGnRnE' })).works).toBe(true);
    const nc = expectOk(qemuEmulation({ memoryType: 'Normal-NC' }));
    expect(nc.works).toBe(false);
    expect(nc.broken).toHaveLength(2);
  });
  it('refuses an unknown memory type naming the field', () => {
    const a = qemuEmulation({ memoryType: 'Normal' as never });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.field).toBe('memoryType');
  });
});

describe('userspace drivers (DPDK)', () => {
  it('get Device-nGnRnE from vfio-pci today, no write-combining', () => {
    expect(expectOk(userspaceDriver({ kernel: '6.17', path: 'vfio-pci-mmap' }))).toMatchObject({
      status: 'merged',
      memoryType: 'Device-nGnRnE',
      writeCombining: false,
    });
  });
  it('would get Normal-NC from the unmerged DMABUF WC attribute, and Device-nGnRnE by default', () => {
    expect(expectOk(userspaceDriver({ kernel: '6.17', path: 'dmabuf-proposal-wc' }))).toMatchObject({
      status: 'unmerged proposal',
      memType: 'MT_NORMAL_NC',
      memoryType: 'Normal-NC',
      writeCombining: true,
    });
    expect(expectOk(userspaceDriver({ kernel: '6.17', path: 'dmabuf-proposal-uc' })).memoryType).toBe('Device-nGnRnE');
  });
});

describe('QEMU maps a BAR: GPU generation and MTE (optional inputs)', () => {
  it('an MTE-enabled VM cannot register a VFIO BAR memslot (5.14+)', () => {
    const m = expectOk(qemuMapBar({ kernel: '7.2', vfioDriver: 'vfio-pci', mte: true }));
    expect(m.memslot.errno).toBe('EINVAL');
    expect(m.explanation).toContain('it registers the mapping as a KVM memslot: refused with EINVAL.');
    expect(qemuMapBar({ kernel: '5.13', vfioDriver: 'vfio-pci', mte: true })).toMatchObject({ ok: false, error: { field: 'mte' } });
  });
  it('Grace Blackwell: usemem as on Grace Hopper, no resmem', () => {
    expect(expectOk(qemuMapBar({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-usemem', gpu: 'grace-blackwell', fwb: true })).vfio.gpu).toBe(
      'grace-blackwell',
    );
    expect(qemuMapBar({ kernel: '7.2', vfioDriver: 'nvgrace-gpu-resmem', gpu: 'grace-blackwell' })).toMatchObject({
      ok: false,
      error: { field: 'gpu' },
    });
  });
  it('the userspace DMABUF path names the proposal feature, its postings and its status', () => {
    expect(expectOk(userspaceDriver({ kernel: '7.2', path: 'dmabuf-proposal-wc' })).explanation).toBe(
      "the DMABUF proposal's VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR (v2 of 2026-05-27 to v4 of 2026-07-01; apparently dropped from later postings, the latest 2026-10-06; not merged through 7.2) maps attribute VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR_WC = 1 with pgprot_writecombine -> MT_NORMAL_NC (Normal-NC); the process's own accesses use this stage-1 type directly, with no KVM stage 2 and so no need for VM_ALLOW_ANY_UNCACHED; stores may be write-combined.",
    );
    expect(expectOk(userspaceDriver({ kernel: '7.2', path: 'vfio-pci-mmap' })).explanation).toBe(
      "vfio-pci's mmap() in 7.2 always uses pgprot_noncached -> MT_DEVICE_nGnRnE (Device-nGnRnE); the process's own accesses use this stage-1 type directly, with no KVM stage 2 and so no need for VM_ALLOW_ANY_UNCACHED; no write-combining.",
    );
  });
});
