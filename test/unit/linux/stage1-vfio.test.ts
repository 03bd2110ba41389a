import { describe, expect, it } from 'vitest';
import { ioremapMapping, linuxMair, vfioMmap } from '../../../src/model/linux/api';
import { mtLayout } from '../../../src/model/linux/stage1';
import { DMABUF_MEMATTR_PROPOSAL } from '../../../src/model/linux/vfio';

function must<T>(a: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('MT_* layout and MAIR_EL1', () => {
  it('uses the 5.14+ indices (MT_NORMAL 0 ... MT_DEVICE_nGnRE 4)', () => {
    expect(mtLayout('6.9')).toEqual({ MT_NORMAL: 0, MT_NORMAL_TAGGED: 1, MT_NORMAL_NC: 2, MT_DEVICE_nGnRnE: 3, MT_DEVICE_nGnRE: 4 });
  });
  it('uses the seven-slot layout in 5.10–5.13', () => {
    expect(mtLayout('5.13')).toMatchObject({ MT_NORMAL_WT: 3, MT_DEVICE_nGnRnE: 4, MT_DEVICE_nGnRE: 5, MT_DEVICE_GRE: 6 });
  });
  it('programs MAIR_EL1 0x000000040044FFFF without MTE and slot 1 = 0xF0 with MTE (5.14+)', () => {
    expect(must(linuxMair({ kernel: '6.9' })).value).toBe('0x000000040044FFFF');
    expect(must(linuxMair({ kernel: '6.9', mte: true })).value).toBe('0x000000040044F0FF');
  });
  it('programs the Device-GRE and Normal-WT slots before 5.14', () => {
    expect(must(linuxMair({ kernel: '5.10' })).value).toBe('0x000C0400BB44FFFF');
  });
});

describe('ioremap family', () => {
  const cases = [
    ['ioremap', 'MT_DEVICE_nGnRE', 0x04, 'Device-nGnRE'],
    ['ioremap_wc', 'MT_NORMAL_NC', 0x44, 'Normal-NC'],
    ['ioremap_np', 'MT_DEVICE_nGnRnE', 0x00, 'Device-nGnRnE'],
    ['ioremap_cache', 'MT_NORMAL', 0xff, 'Normal-WB'],
    ['pci_iomap_wc', 'MT_NORMAL_NC', 0x44, 'Normal-NC'],
  ] as const;
  for (const [api, mt, mair, type] of cases) {
    it(`${api} -> ${mt} -> MAIR 0x${mair.toString(16)} (${type})`, () => {
      expect(must(ioremapMapping({ kernel: '6.9', api }))).toMatchObject({ memType: mt, mair, memoryType: type });
    });
  }
  it('selects different AttrIndx for the same type before 5.14', () => {
    expect(must(ioremapMapping({ kernel: '5.13', api: 'ioremap' })).attrIndx).toBe(5);
    expect(must(ioremapMapping({ kernel: '5.14', api: 'ioremap' })).attrIndx).toBe(4);
  });
  it('refuses ioremap_np before 5.13, naming 5.13', () => {
    const a = ioremapMapping({ kernel: '5.12', api: 'ioremap_np' });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toContain('arrived in 5.13');
  });
});

describe('VFIO mmap by driver', () => {
  it('vfio-pci: pgprot_noncached (Device-nGnRnE) in every version; the flag only from 6.9', () => {
    const v68 = must(vfioMmap({ kernel: '6.8', driver: 'vfio-pci' }));
    const v69 = must(vfioMmap({ kernel: '6.9', driver: 'vfio-pci' }));
    for (const m of [v68, v69])
      expect(m).toMatchObject({ pgprot: 'pgprot_noncached', memType: 'MT_DEVICE_nGnRnE', memoryType: 'Device-nGnRnE' });
    expect(v68.vmaFlags).not.toContain('VM_ALLOW_ANY_UNCACHED');
    expect(v69.vmaFlags).toContain('VM_ALLOW_ANY_UNCACHED');
    expect(v69.vmaFlags).toEqual(expect.arrayContaining(['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED']));
  });
  it('vfio-platform never sets the flag', () => {
    for (const kernel of ['5.10', '6.9', '6.17']) {
      const m = must(vfioMmap({ kernel, driver: 'vfio-platform' }));
      expect(m.memType).toBe('MT_DEVICE_nGnRnE');
      expect(m.vmaFlags).not.toContain('VM_ALLOW_ANY_UNCACHED');
    }
  });
  it('nvgrace-gpu resmem: writecombine + flag; usemem: cacheable MT_NORMAL, no flag', () => {
    expect(must(vfioMmap({ kernel: '6.9', driver: 'nvgrace-gpu-resmem' }))).toMatchObject({
      pgprot: 'pgprot_writecombine',
      memType: 'MT_NORMAL_NC',
      allowAnyUncached: true,
    });
    const use = must(vfioMmap({ kernel: '6.9', driver: 'nvgrace-gpu-usemem' }));
    expect(use).toMatchObject({ memType: 'MT_NORMAL', memoryType: 'Normal-WB', allowAnyUncached: false });
    expect(use.vmaFlags).toContain('VM_PFNMAP');
  });
  it('refuses nvgrace-gpu before 6.9, naming 6.9', () => {
    const a = vfioMmap({ kernel: '6.8', driver: 'nvgrace-gpu-usemem' });
    expect(a.ok).toBe(false);
    if (!a.ok) {
      expect(a.error.field).toBe('driver');
      expect(a.error.message).toContain('arrived in 6.9');
    }
  });
  it('models the DMABUF attribute proposal as unmerged, with its latest posting', () => {
    expect(DMABUF_MEMATTR_PROPOSAL.status).toBe('unmerged');
    expect(DMABUF_MEMATTR_PROPOSAL.latestPosting.date).toBe('2026-07-01');
    expect(DMABUF_MEMATTR_PROPOSAL.attributes.WC.memType).toBe('MT_NORMAL_NC');
    expect(DMABUF_MEMATTR_PROPOSAL.attributes.UC.default).toBe(true);
  });
});
