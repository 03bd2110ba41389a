import { describe, expect, it } from 'vitest';
import { ioremapMapping, linuxMair, vfioMmap } from '../../../src/model/linux/api';
import { mtLayout } from '../../../src/model/linux/stage1';
import { DMABUF_MEMATTR_PROPOSAL, NVGRACE_GPU_REGIONS, VFIO_DMABUF_EXPORT } from '../../../src/model/linux/vfio';
import { vmAllowAnyUncachedDeclaration } from '../../../src/model/linux/vma';
import { expectOk } from '../../support/expect-ok';

describe('MT_* layout and MAIR_EL1', () => {
  it('uses the 5.14+ indices (MT_NORMAL 0 ... MT_DEVICE_nGnRE 4)', () => {
    expect(mtLayout('6.9')).toEqual({ MT_NORMAL: 0, MT_NORMAL_TAGGED: 1, MT_NORMAL_NC: 2, MT_DEVICE_nGnRnE: 3, MT_DEVICE_nGnRE: 4 });
  });
  it('uses the seven-slot layout in 5.10–5.13', () => {
    expect(mtLayout('5.13')).toMatchObject({ MT_NORMAL_WT: 3, MT_DEVICE_nGnRnE: 4, MT_DEVICE_nGnRE: 5, MT_DEVICE_GRE: 6 });
  });
  it('programs MAIR_EL1 0x000000040044FFFF without MTE and slot 1 = 0xF0 with MTE (5.14+)', () => {
    expect(expectOk(linuxMair({ kernel: '6.9' })).value).toBe('0x000000040044FFFF');
    expect(expectOk(linuxMair({ kernel: '6.9', mte: true })).value).toBe('0x000000040044F0FF');
  });
  it('programs the Device-GRE and Normal-WT slots before 5.14', () => {
    expect(expectOk(linuxMair({ kernel: '5.10' })).value).toBe('0x000C0400BB44FFFF');
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
      expect(expectOk(ioremapMapping({ kernel: '6.9', api }))).toMatchObject({ memType: mt, mair, memoryType: type });
    });
  }
  it('maps ioremap() before ioremap_np() existed', () => {
    expect(expectOk(ioremapMapping({ kernel: '5.12', api: 'ioremap' }))).toMatchObject({
      memType: 'MT_DEVICE_nGnRE',
      attrIndx: 5,
      mair: 0x04,
    });
  });
  it('selects different AttrIndx for the same type before 5.14', () => {
    expect(expectOk(ioremapMapping({ kernel: '5.13', api: 'ioremap' })).attrIndx).toBe(5);
    expect(expectOk(ioremapMapping({ kernel: '5.14', api: 'ioremap' })).attrIndx).toBe(4);
  });
  it('refuses ioremap_np before 5.13, naming 5.13', () => {
    const a = ioremapMapping({ kernel: '5.12', api: 'ioremap_np' });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toContain('arrived in 5.13');
  });
});

describe('VFIO mmap by driver', () => {
  it('vfio-pci: pgprot_noncached (Device-nGnRnE) in every version; the flag only from 6.9', () => {
    const v68 = expectOk(vfioMmap({ kernel: '6.8', driver: 'vfio-pci' }));
    const v69 = expectOk(vfioMmap({ kernel: '6.9', driver: 'vfio-pci' }));
    for (const m of [v68, v69])
      expect(m).toMatchObject({ pgprot: 'pgprot_noncached', memType: 'MT_DEVICE_nGnRnE', memoryType: 'Device-nGnRnE' });
    expect(v68.vmaFlags).not.toContain('VM_ALLOW_ANY_UNCACHED');
    expect(v69.vmaFlags).toContain('VM_ALLOW_ANY_UNCACHED');
    expect(v69.vmaFlags).toEqual(expect.arrayContaining(['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED']));
  });
  it('vfio-platform never sets the flag', () => {
    for (const kernel of ['5.10', '6.9', '6.17']) {
      const m = expectOk(vfioMmap({ kernel, driver: 'vfio-platform' }));
      expect(m.memType).toBe('MT_DEVICE_nGnRnE');
      expect(m.vmaFlags).not.toContain('VM_ALLOW_ANY_UNCACHED');
    }
  });
  it('nvgrace-gpu resmem: writecombine + flag; usemem: cacheable MT_NORMAL, no flag', () => {
    expect(expectOk(vfioMmap({ kernel: '6.9', driver: 'nvgrace-gpu-resmem' }))).toMatchObject({
      pgprot: 'pgprot_writecombine',
      memType: 'MT_NORMAL_NC',
      allowAnyUncached: true,
    });
    const use = expectOk(vfioMmap({ kernel: '6.9', driver: 'nvgrace-gpu-usemem' }));
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
  it('models the DMABUF proposal as unmerged through the newest release, v8 its latest posting (from a README)', () => {
    expect(DMABUF_MEMATTR_PROPOSAL).toMatchObject({
      status: 'unmerged',
      unmergedThrough: '7.2',
      latestPosting: { date: '2026-10-06', messageId: '<20261006193643.76330-1-matt@ozlabs.org>', base: 'v7.3-rc6', hasMemattr: false },
      feature: 'VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR',
      featureHistory: {
        introducedIn: { version: 'v2', date: '2026-05-27' },
        lastSeenIn: { version: 'v4', date: '2026-07-01' },
        featureNumber: 14,
      },
    });
    expect(DMABUF_MEMATTR_PROPOSAL.latestPosting.knownFrom).toContain('third-party README');
    expect(DMABUF_MEMATTR_PROPOSAL.featureHistory.droppedAfter).toContain('unverified');
    expect(DMABUF_MEMATTR_PROPOSAL.attributes.WC).toMatchObject({ memType: 'MT_NORMAL_NC', value: 1, default: false });
    expect(DMABUF_MEMATTR_PROPOSAL.attributes.UC).toMatchObject({ memType: 'MT_DEVICE_nGnRnE', value: 0, default: true });
    expect(DMABUF_MEMATTR_PROPOSAL.history.map((h) => h.date)).toEqual([...DMABUF_MEMATTR_PROPOSAL.history.map((h) => h.date)].sort());
  });
});

describe('nvgrace-gpu by GPU generation', () => {
  it('Grace Hopper (the default): resmem write-combined with the flag, usemem cacheable', () => {
    const res = expectOk(vfioMmap({ kernel: '6.14', driver: 'nvgrace-gpu-resmem' }));
    expect(res).toMatchObject({ gpu: 'grace-hopper', memoryType: 'Normal-NC', allowAnyUncached: true });
    expect(res.explanation).toMatch(/On grace-hopper, resmem is a 1 GiB carve-out at the end of device memory/);
    expect(expectOk(vfioMmap({ kernel: '6.14', driver: 'nvgrace-gpu-resmem', gpu: 'grace-hopper' }))).toEqual(res);
  });
  it('Grace Blackwell: no resmem (BAD_INPUT naming gpu and bd53764a60ad); usemem is all device memory, cacheable', () => {
    expect(vfioMmap({ kernel: '6.14', driver: 'nvgrace-gpu-resmem', gpu: 'grace-blackwell' })).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'gpu',
        message: expect.stringContaining('grace-blackwell has no resmem region: from 6.14 (bd53764a60ad)'),
      },
    });
    const use = expectOk(vfioMmap({ kernel: '7.2', driver: 'nvgrace-gpu-usemem', gpu: 'grace-blackwell' }));
    expect(use).toMatchObject({ gpu: 'grace-blackwell', memoryType: 'Normal-WB', allowAnyUncached: false });
    expect(use.explanation).toContain('On grace-blackwell, usemem is all of device memory, mapped cacheable');
    expect(NVGRACE_GPU_REGIONS['grace-blackwell']).toMatchObject({ resmem: null, since: '6.14' });
    expect(NVGRACE_GPU_REGIONS['grace-blackwell'].bar2).toContain('vfio_pci_core_mmap()');
  });
  it('refuses Grace Blackwell before 6.14 and gpu on a driver that is not nvgrace-gpu', () => {
    expect(vfioMmap({ kernel: '6.13', driver: 'nvgrace-gpu-usemem', gpu: 'grace-blackwell' })).toMatchObject({
      ok: false,
      error: { field: 'gpu', message: expect.stringContaining('nvgrace-gpu drives Grace Blackwell from 6.14') },
    });
    expect(vfioMmap({ kernel: '6.14', driver: 'vfio-pci', gpu: 'grace-hopper' })).toMatchObject({
      ok: false,
      error: { field: 'gpu', message: 'gpu applies to the nvgrace-gpu regions only, not to vfio-pci' },
    });
    expect(vfioMmap({ kernel: '6.14', driver: 'nvgrace-gpu-usemem', gpu: 'rubin' as never })).toMatchObject({
      ok: false,
      error: { field: 'gpu' },
    });
    expect(expectOk(vfioMmap({ kernel: '6.14', driver: 'vfio-pci' })).gpu).toBe(null);
  });
  it('inserts nvgrace-gpu pages at mmap before 6.19, on fault with huge PFNMAPs from 6.19; vfio-pci always at fault', () => {
    expect(expectOk(vfioMmap({ kernel: '6.18', driver: 'nvgrace-gpu-resmem' })).population).toBe(
      'a PFN map of the carved-out GPU memory, at mmap (remap_pfn_range())',
    );
    expect(expectOk(vfioMmap({ kernel: '6.19', driver: 'nvgrace-gpu-usemem' })).population).toBe(
      'a PFN map of the coherent GPU memory, at fault, with huge PFNMAPs (nvgrace_gpu_vfio_pci_huge_fault(), 9db65489b872)',
    );
    for (const kernel of ['6.9', '7.2']) {
      expect(expectOk(vfioMmap({ kernel, driver: 'vfio-pci' })).population).toBe(
        'at fault (vfio_pci_mmap_fault(); a huge_fault path from 6.12)',
      );
      expect(expectOk(vfioMmap({ kernel, driver: 'vfio-platform' })).population).toBe('at mmap (remap_pfn_range())');
    }
  });
});

describe('6.19: dma-buf export and the VMA flag declared by bit', () => {
  it('the dma-buf export leaves the BAR mmap and the guest alone', () => {
    expect(VFIO_DMABUF_EXPORT).toMatchObject({
      since: '6.19',
      cpuMmap: false,
      changesBarMmap: false,
      changesGuestMemoryType: false,
      featureNumber: 11,
    });
    const strip = (m: object) => ({ ...m, kernel: undefined, explanation: undefined });
    expect(strip(expectOk(vfioMmap({ kernel: '6.19', driver: 'vfio-pci' })))).toEqual(
      strip(expectOk(vfioMmap({ kernel: '6.18', driver: 'vfio-pci' }))),
    );
  });
  it('VM_ALLOW_ANY_UNCACHED: bit 39, 64-bit only; VM_ALLOW_ANY_UNCACHED_BIT until 6.18, VMA_ALLOW_ANY_UNCACHED_BIT from 6.19', () => {
    expect(vmAllowAnyUncachedDeclaration('6.8')).toBe(null);
    expect(vmAllowAnyUncachedDeclaration('6.18')).toMatchObject({
      flag: 'VM_ALLOW_ANY_UNCACHED',
      bit: 39,
      only64Bit: true,
      bitConstant: 'VM_ALLOW_ANY_UNCACHED_BIT',
      definition: 'BIT(VM_ALLOW_ANY_UNCACHED_BIT), with VM_ALLOW_ANY_UNCACHED_BIT defined as 39',
      source: expect.stringContaining('5c656fcdd6c6'),
    });
    for (const kernel of ['6.19', '7.2'] as const) {
      expect(vmAllowAnyUncachedDeclaration(kernel)).toMatchObject({
        bit: 39,
        bitConstant: 'VMA_ALLOW_ANY_UNCACHED_BIT',
        definition: 'INIT_VM_FLAG(ALLOW_ANY_UNCACHED), from the enum entry DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED, 39)',
        source: expect.stringContaining('2b6a3f061f11'),
      });
    }
  });
});

describe('VFIO mmap explanations', () => {
  it('say what each driver does in that release, in one sentence each', () => {
    expect(expectOk(vfioMmap({ kernel: '6.8', driver: 'vfio-pci' }))).toMatchObject({
      function: 'vfio_pci_core_mmap(), drivers/vfio/pci/vfio_pci_core.c',
      mair: 0x00,
      explanation:
        'vfio-pci in 6.8: vfio_pci_core_mmap() uses pgprot_noncached -> MT_DEVICE_nGnRnE (Device-nGnRnE) and does not set VM_ALLOW_ANY_UNCACHED, which arrived in 6.9; from 6.9 it sets VM_ALLOW_ANY_UNCACHED: PCI integration is trusted to contain errors from any uncached type.',
    });
    expect(expectOk(vfioMmap({ kernel: '6.9', driver: 'vfio-pci' })).explanation).toContain(
      'uses pgprot_noncached -> MT_DEVICE_nGnRnE (Device-nGnRnE) and sets VM_ALLOW_ANY_UNCACHED;',
    );
    expect(expectOk(vfioMmap({ kernel: '7.2', driver: 'vfio-platform' })).explanation).toBe(
      'vfio-platform in 7.2: vfio_platform_mmap_mmio() uses pgprot_noncached -> MT_DEVICE_nGnRnE (Device-nGnRnE) and does not set VM_ALLOW_ANY_UNCACHED; it never sets VM_ALLOW_ANY_UNCACHED: platform devices are not audited for uncontained errors under Normal-NC.',
    );
    expect(expectOk(vfioMmap({ kernel: '6.9', driver: 'nvgrace-gpu-usemem' }))).toMatchObject({
      pgprot: 'default vm_page_prot',
      mair: 0xff,
      explanation:
        'nvgrace-gpu-usemem in 6.9: nvgrace_gpu_mmap() for USEMEM_REGION_INDEX (BAR4) uses default vm_page_prot -> MT_NORMAL (Normal-WB) and does not set VM_ALLOW_ANY_UNCACHED; cache-coherent GPU memory keeps the cacheable default; KVM maps it cacheable only from 6.17, with FWB and DIC. On grace-hopper, usemem is the rest of device memory, rounded down to 512 MiB, mapped cacheable.',
    });
  });
  it('records every step of the DMABUF proposal with a date and what it did', () => {
    for (const h of DMABUF_MEMATTR_PROPOSAL.history) {
      expect(h.date).toMatch(/^2026-\d\d-\d\d$/);
      expect(h.what.length).toBeGreaterThan(10);
    }
    expect(DMABUF_MEMATTR_PROPOSAL.history).toHaveLength(8);
    expect(DMABUF_MEMATTR_PROPOSAL.vmaFlags).toContain('VM_ALLOW_ANY_UNCACHED');
  });
});

describe('linuxMair: MAIR_EL1 slot by slot', () => {
  it('5.14+: five slots in index order, unused bytes 0; MTE turns slot 1 into 0xF0', () => {
    expect(expectOk(linuxMair({ kernel: '7.2' }))).toEqual({
      kernel: '7.2',
      mte: false,
      value: '0x000000040044FFFF',
      attrs: [0xff, 0xff, 0x44, 0x00, 0x04, 0, 0, 0],
      slots: [
        { index: 0, memType: 'MT_NORMAL', attr: 'MAIR_ATTR_NORMAL', byte: 0xff },
        { index: 1, memType: 'MT_NORMAL_TAGGED', attr: 'MAIR_ATTR_NORMAL', byte: 0xff },
        { index: 2, memType: 'MT_NORMAL_NC', attr: 'MAIR_ATTR_NORMAL_NC', byte: 0x44 },
        { index: 3, memType: 'MT_DEVICE_nGnRnE', attr: 'MAIR_ATTR_DEVICE_nGnRnE', byte: 0x00 },
        { index: 4, memType: 'MT_DEVICE_nGnRE', attr: 'MAIR_ATTR_DEVICE_nGnRE', byte: 0x04 },
      ],
    });
    expect(expectOk(linuxMair({ kernel: '6.9', mte: true })).slots[1]).toEqual({
      index: 1,
      memType: 'MT_NORMAL_TAGGED',
      attr: 'MAIR_ATTR_NORMAL_TAGGED',
      byte: 0xf0,
    });
  });
  it('5.10-5.13: seven slots', () => {
    const m = expectOk(linuxMair({ kernel: '5.13' }));
    expect(m.attrs).toEqual([0xff, 0xff, 0x44, 0xbb, 0x00, 0x04, 0x0c, 0]);
    expect(m.slots.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
