/**
 * What a VFIO driver's mmap() of a BAR (or device-memory region) gives the mapping process: the VMA's
 * stage-1 memory type and its flags. The process is assumed to map it MAP_SHARED, as QEMU
 * (hw/vfio/region.c vfio_region_mmap()) does and vfio-pci/vfio-platform require (VM_SHARED).
 *
 * - vfio-pci, vfio_pci_core_mmap() (drivers/vfio/pci/vfio_pci_core.c; vfio_pci.c before the 5.15
 *   split): pgprot_noncached(), VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP, populated at fault;
 *   VM_ALLOW_ANY_UNCACHED added in 6.9 (a39d3a966a09). Unchanged through 7.2 (7.2 calls
 *   vfio_pci_core_get_iomap() in it, 859dc0f6253b; same pgprot and flags). From 6.19 a BAR can also be
 *   exported as a dma-buf for peer-to-peer importers (VFIO_DMABUF_EXPORT), which changes none of this.
 * - vfio-platform, vfio_platform_mmap_mmio() (drivers/vfio/platform/vfio_platform_common.c):
 *   pgprot_noncached() + remap_pfn_range(), which sets VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
 *   never VM_ALLOW_ANY_UNCACHED (6.17-7.2 inferred from the VFIO pulls: no stored copy of the file).
 * - nvgrace-gpu (drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap(), from 6.9): the resmem region
 *   (BAR2) gets pgprot_writecombine() and VM_ALLOW_ANY_UNCACHED (81617c17bf58); the usemem region
 *   (BAR4) keeps the default cacheable vm_page_prot (MT_NORMAL); both are PFN maps of GPU memory,
 *   made at mmap with remap_pfn_range() until 6.19 inserts them on fault with huge PFNMAPs
 *   (9db65489b872). Which regions exist depends on the GPU (NVGRACE_GPUS).
 */
import type { MemoryTypeName } from '../arm64/types';
import type { MtName, PgprotHelper } from './stage1';
import { mairByteOf, memoryTypeOfMt, PGPROT_HELPERS } from './stage1';
import type { KernelVersion } from './versions';
import { atLeast, FEATURES, hasFeature, NEWEST_KERNEL } from './versions';
import type { VmaFlag } from './vma';
import { sortFlags } from './vma';

export const VFIO_DRIVERS = ['vfio-pci', 'vfio-platform', 'nvgrace-gpu-resmem', 'nvgrace-gpu-usemem'] as const;
export type VfioDriver = (typeof VFIO_DRIVERS)[number];

/**
 * The GPU behind an nvgrace-gpu device. nvgrace_gpu_has_mig_hw_bug() reads the NVIDIA DVSEC: a GPU
 * without MIG_SUPPORTED_WITH_CACHED_RESMEM (Grace Hopper) needs the write-combined resmem carve-out;
 * from 6.14 (bd53764a60ad) only such GPUs get it. Read at the source (torvalds 1b0ecb5baf4a
 * nvgrace_gpu_init_nvdev_struct(); VFIO pull for v6.14-rc1).
 */
export const NVGRACE_GPUS = ['grace-hopper', 'grace-blackwell'] as const;
export type NvgraceGpu = (typeof NVGRACE_GPUS)[number];

export interface NvgraceGpuRegions {
  readonly devices: string;
  /** The first release whose nvgrace-gpu drives this GPU. */
  readonly since: KernelVersion;
  readonly sinceSource: string;
  /** Regions 2/3 (BAR2): the resmem carve-out, or null when there is none. */
  readonly resmem: string | null;
  /** Regions 2/3 as a VMM sees them. */
  readonly bar2: string;
  /** Regions 4/5 (BAR4): usemem. */
  readonly usemem: string;
}

export const NVGRACE_GPU_REGIONS = {
  'grace-hopper': {
    devices: 'GH200 (device ids 0x2342, 0x2345, 0x2348)',
    since: FEATURES['nvgrace-gpu'].since,
    sinceSource: FEATURES['nvgrace-gpu'].source,
    resmem:
      'a 1 GiB carve-out at the end of device memory (resmem_size = SZ_1G), mapped pgprot_writecombine() with VM_ALLOW_ANY_UNCACHED, so KVM maps it Normal-NC',
    bar2: 'resmem, shown as an emulated 64-bit prefetchable BAR',
    usemem: 'the rest of device memory, rounded down to 512 MiB, mapped cacheable',
  },
  'grace-blackwell': {
    devices: `GB200 (0x2941, ${FEATURES['nvgrace-gpu-resmem-by-gpu'].since}); GB300 (0x31C2, ${FEATURES['nvgrace-gpu-gb300'].since})`,
    since: FEATURES['nvgrace-gpu-resmem-by-gpu'].since,
    sinceSource: FEATURES['nvgrace-gpu-resmem-by-gpu'].source,
    resmem: null,
    bar2: 'the real PF BAR1, mapped by vfio_pci_core_mmap() like any vfio-pci BAR (pgprot_noncached() with VM_ALLOW_ANY_UNCACHED)',
    usemem: 'all of device memory, mapped cacheable ("resmem size is 0")',
  },
} as const satisfies Record<NvgraceGpu, NvgraceGpuRegions>;

interface DriverSpec {
  readonly fn: string;
  readonly file: string;
  /** The pgprot helper applied, or null when the VMA keeps the default (cacheable) vm_page_prot. */
  readonly pgprot: PgprotHelper | null;
  /** How the pages are inserted, before and from the change that altered it (null: no change in range). */
  readonly population: { readonly before: string; readonly change: 'nvgrace-gpu-huge-pfnmap' | null; readonly after: string };
  readonly arrived: 'nvgrace-gpu' | null;
  /** Whether the driver sets VM_ALLOW_ANY_UNCACHED in a version that has the flag. */
  readonly allowAnyUncached: boolean;
  readonly note: string;
}

const PFNMAP_FLAGS: readonly VmaFlag[] = ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP'];

const VFIO_PCI_POPULATION = 'at fault (vfio_pci_mmap_fault(); a huge_fault path from 6.12)';
const NVGRACE_ON_FAULT = 'at fault, with huge PFNMAPs (nvgrace_gpu_vfio_pci_huge_fault(), 9db65489b872)';

export const VFIO_DRIVER_SPECS = {
  'vfio-pci': {
    fn: 'vfio_pci_core_mmap()',
    file: 'drivers/vfio/pci/vfio_pci_core.c',
    pgprot: 'pgprot_noncached',
    population: { before: VFIO_PCI_POPULATION, change: null, after: VFIO_PCI_POPULATION },
    arrived: null,
    allowAnyUncached: true,
    note: 'from 6.9 it sets VM_ALLOW_ANY_UNCACHED: PCI integration is trusted to contain errors from any uncached type',
  },
  'vfio-platform': {
    fn: 'vfio_platform_mmap_mmio()',
    file: 'drivers/vfio/platform/vfio_platform_common.c',
    pgprot: 'pgprot_noncached',
    population: { before: 'at mmap (remap_pfn_range())', change: null, after: 'at mmap (remap_pfn_range())' },
    arrived: null,
    allowAnyUncached: false,
    note: 'it never sets VM_ALLOW_ANY_UNCACHED: platform devices are not audited for uncontained errors under Normal-NC',
  },
  'nvgrace-gpu-resmem': {
    fn: 'nvgrace_gpu_mmap() for RESMEM_REGION_INDEX (BAR2)',
    file: 'drivers/vfio/pci/nvgrace-gpu/main.c',
    pgprot: 'pgprot_writecombine',
    population: {
      before: 'a PFN map of the carved-out GPU memory, at mmap (remap_pfn_range())',
      change: 'nvgrace-gpu-huge-pfnmap',
      after: `a PFN map of the carved-out GPU memory, ${NVGRACE_ON_FAULT}`,
    },
    arrived: 'nvgrace-gpu',
    allowAnyUncached: true,
    note: 'the carved-out device memory must be Normal-NC; the module states it has no uncontained-failure issue with it',
  },
  'nvgrace-gpu-usemem': {
    fn: 'nvgrace_gpu_mmap() for USEMEM_REGION_INDEX (BAR4)',
    file: 'drivers/vfio/pci/nvgrace-gpu/main.c',
    pgprot: null,
    population: {
      before: 'a PFN map of the coherent GPU memory, at mmap (remap_pfn_range())',
      change: 'nvgrace-gpu-huge-pfnmap',
      after: `a PFN map of the coherent GPU memory, ${NVGRACE_ON_FAULT}`,
    },
    arrived: 'nvgrace-gpu',
    allowAnyUncached: false,
    note: 'cache-coherent GPU memory keeps the cacheable default; KVM maps it cacheable only from 6.17, with FWB and DIC',
  },
} as const satisfies Record<VfioDriver, DriverSpec>;

export interface VfioMapping {
  readonly driver: VfioDriver;
  readonly kernel: KernelVersion;
  /** The driver's mmap function and file. */
  readonly function: string;
  readonly fn: string;
  readonly pgprot: PgprotHelper | 'default vm_page_prot';
  readonly memType: MtName;
  /** MAIR byte of the host's slot for memType (no MTE). */
  readonly mair: number;
  readonly memoryType: MemoryTypeName;
  /** VMA flags after a MAP_SHARED mmap() through this driver. */
  readonly vmaFlags: readonly VmaFlag[];
  readonly allowAnyUncached: boolean;
  readonly population: string;
  readonly explanation: string;
  /** The GPU, for an nvgrace-gpu region (null for the other drivers). */
  readonly gpu: NvgraceGpu | null;
}

/** Why a driver region does not exist for a kernel and GPU, and which input field to blame; null when it exists. */
export function vfioUnavailable(
  kernel: KernelVersion,
  driver: VfioDriver,
  gpu: NvgraceGpu,
): { readonly field: 'driver' | 'gpu'; readonly message: string } | null {
  const arrival = vfioDriverArrival(driver);
  if (arrival === null) return null;
  if (!atLeast(kernel, arrival.since)) {
    return {
      field: 'driver',
      message: `${driver} does not exist in ${kernel}: the nvgrace-gpu driver arrived in ${arrival.since} (${arrival.source})`,
    };
  }
  const g: NvgraceGpuRegions = NVGRACE_GPU_REGIONS[gpu];
  if (!hasFeature(kernel, 'nvgrace-gpu-resmem-by-gpu') && gpu === 'grace-blackwell') {
    return { field: 'gpu', message: `nvgrace-gpu drives Grace Blackwell from ${g.since} (${g.sinceSource}), not in ${kernel}` };
  }
  if (driver === 'nvgrace-gpu-resmem' && g.resmem === null) {
    return {
      field: 'gpu',
      message: `${gpu} has no resmem region: from ${FEATURES['nvgrace-gpu-resmem-by-gpu'].since} (bd53764a60ad) nvgrace-gpu carves it out only on GPUs that report the MIG hardware bug (Grace Hopper); on ${gpu} regions 2/3 are ${g.bar2}, so ask for vfio-pci`,
    };
  }
  return null;
}

/** The release a driver arrived in, or null when it predates the covered range. */
export function vfioDriverArrival(driver: VfioDriver): { readonly since: KernelVersion; readonly source: string } | null {
  const spec: DriverSpec = VFIO_DRIVER_SPECS[driver];
  return spec.arrived === null ? null : FEATURES[spec.arrived];
}

/** Null when the driver region does not exist in `kernel` for `gpu`; see `vfioUnavailable`. */
export function vfioMmapOf(kernel: KernelVersion, driver: VfioDriver, gpu: NvgraceGpu = 'grace-hopper'): VfioMapping | null {
  if (vfioUnavailable(kernel, driver, gpu) !== null) return null;
  const spec: DriverSpec = VFIO_DRIVER_SPECS[driver];
  const memType: MtName = spec.pgprot === null ? 'MT_NORMAL' : PGPROT_HELPERS[spec.pgprot];
  const allowAnyUncached = spec.allowAnyUncached && hasFeature(kernel, 'VM_ALLOW_ANY_UNCACHED');
  const flags: VmaFlag[] = [...PFNMAP_FLAGS, 'VM_SHARED'];
  if (allowAnyUncached) flags.push('VM_ALLOW_ANY_UNCACHED');
  const memoryType = memoryTypeOfMt(memType);
  const pgprot = spec.pgprot ?? 'default vm_page_prot';
  const flagNote = allowAnyUncached
    ? 'sets VM_ALLOW_ANY_UNCACHED'
    : spec.allowAnyUncached
      ? `does not set VM_ALLOW_ANY_UNCACHED, which arrived in ${FEATURES.VM_ALLOW_ANY_UNCACHED.since}`
      : 'does not set VM_ALLOW_ANY_UNCACHED';
  const nvgrace = spec.arrived !== null;
  const change = spec.population.change;
  const regions: NvgraceGpuRegions = NVGRACE_GPU_REGIONS[gpu];
  const gpuNote = !nvgrace
    ? ''
    : driver === 'nvgrace-gpu-resmem'
      ? ` On ${gpu}, resmem is ${regions.resmem}.`
      : ` On ${gpu}, usemem is ${regions.usemem}.`;
  return {
    driver,
    kernel,
    function: `${spec.fn}, ${spec.file}`,
    fn: spec.fn,
    pgprot,
    memType,
    mair: mairByteOf(memType),
    memoryType,
    vmaFlags: sortFlags(flags),
    allowAnyUncached,
    population: change !== null && hasFeature(kernel, change) ? spec.population.after : spec.population.before,
    explanation: `${driver} in ${kernel}: ${spec.fn} uses ${pgprot} -> ${memType} (${memoryType}) and ${flagNote}; ${spec.note}.${gpuNote}`,
    gpu: nvgrace ? gpu : null,
  };
}

/**
 * vfio-pci's dma-buf export of BAR ranges (6.19, 5d74781ebc86; read in the VFIO pull for v6.19-rc1 and
 * drivers/vfio/pci/vfio_pci_dmabuf.c): for peer-to-peer importers (RDMA) and iommufd only. The exported
 * dma-buf has no mmap operation, and vfio_pci_core_mmap() is unchanged, so neither QEMU's mapping nor
 * a guest's memory type changes.
 */
export const VFIO_DMABUF_EXPORT = {
  since: FEATURES['vfio-dmabuf-export'].since,
  commit: '5d74781ebc86',
  feature: 'VFIO_DEVICE_FEATURE_DMA_BUF',
  featureNumber: 11,
  regions: 'BAR regions only (region_index below VFIO_PCI_ROM_REGION_INDEX), page-aligned ranges',
  importers: 'peer-to-peer attachments (attach refuses an importer without peer2peer) and iommufd',
  cpuMmap: false,
  changesBarMmap: false,
  changesGuestMemoryType: false,
  revoked: 'when memory decode is disabled, on reset and on close (vfio_pci_dma_buf_move())',
} as const;

/**
 * The VFIO DMABUF mmap proposal (Matt Evans, "vfio/pci: Add mmap() for DMABUFs"): a userspace driver
 * exports part of a BAR as a DMABUF and mmap()s it; some postings let it choose the CPU mapping
 * attribute. Facts from notes/vfio-mm-riscv-x86.md §5 (patch mails read through v4; later postings
 * from digests and a third-party README).
 *
 * - The attribute came first as bits in vfio_device_feature_dma_buf.flags (RFC v2, v1), then as a
 *   separate VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR (introduced in v2, 2026-05-27; last seen in v4,
 *   2026-07-01: feature 14, NC = 0 with pgprot_noncached(), WC = 1 with pgprot_writecombine(), the VMA
 *   still VM_ALLOW_ANY_UNCACHED). v5, v7 and v8 are nine-patch series whose summaries name no attribute
 *   patch: it appears to have been dropped from v5 on (unverified: those cover letters were not read).
 * - Not merged in any release through the newest covered (checked in the VFIO pulls up to 7.2 and a
 *   digest at 7.3-rc4); re-check at each release (READ_EACH_RELEASE).
 */
export const DMABUF_MEMATTR_PROPOSAL = {
  status: 'unmerged',
  unmergedThrough: NEWEST_KERNEL,
  title: 'vfio/pci: Add mmap() for DMABUFs',
  latestPosting: {
    subject: 'v8 of "vfio/pci: Add mmap() for DMABUFs" (nine patches; subject line not read)',
    date: '2026-10-06',
    messageId: '<20261006193643.76330-1-matt@ozlabs.org>',
    base: 'v7.3-rc6',
    knownFrom:
      'a third-party README (opsound/vfio-dmabuf-lab, id 70844844804); the v8 mail itself is not stored, and its date is the Message-ID date stamp',
    hasMemattr: false,
  },
  history: [
    { date: '2026-02-26', what: 'RFC "[RFC PATCH 0/7]": 6/7 adds mmap() attributes to the DMABUF feature' },
    { date: '2026-03-12', what: 'RFC v2: write-combining requested by a flag bit in vfio_device_feature_dma_buf.flags' },
    { date: '2026-04-16', what: 'v1 "[PATCH 0/9]": ATTR_UC/ATTR_WC bits in vfio_device_feature_dma_buf.flags' },
    { date: '2026-05-27', what: 'v2: a separate VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR (SET and GET) replaces the flag bits' },
    { date: '2026-06-10', what: 'v3: GET removed; an unknown attribute is ENOENT' },
    { date: '2026-07-01', what: 'v4 "[PATCH v4 00/10]" on v7.1: VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR = 14, NC = 0, WC = 1 (patch 10/10)' },
    {
      date: '2026-09-24',
      what: 'v7 "[PATCH v7 0/9]" on v7.3-rc4: BAR mmap through a DMABUF and mmap of an exported DMABUF; no attribute patch named',
    },
    { date: '2026-10-06', what: 'v8 on v7.3-rc6 (nine patches; known from a third-party README)' },
  ],
  feature: 'VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR',
  featureHistory: {
    introducedIn: { version: 'v2', date: '2026-05-27' },
    lastSeenIn: { version: 'v4', date: '2026-07-01', messageId: '<20260701171245.90111-1-matt@ozlabs.org>' },
    featureNumber: 14,
    droppedAfter: 'v4 (apparently: v5, v7 and v8 have nine patches and name no attribute patch; unverified)',
  },
  attributes: {
    UC: {
      pgprot: 'pgprot_noncached',
      memType: 'MT_DEVICE_nGnRnE',
      default: true,
      uapiName: 'VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR_NC',
      value: 0,
    },
    WC: {
      pgprot: 'pgprot_writecombine',
      memType: 'MT_NORMAL_NC',
      default: false,
      uapiName: 'VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR_WC',
      value: 1,
    },
  },
  vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED', 'VM_ALLOW_ANY_UNCACHED'],
} as const satisfies {
  status: 'unmerged' | 'merged';
  attributes: Record<'UC' | 'WC', { pgprot: PgprotHelper; memType: MtName; default: boolean; uapiName: string; value: number }>;
  vmaFlags: readonly VmaFlag[];
  [k: string]: unknown;
};
export type DmabufAttr = keyof typeof DMABUF_MEMATTR_PROPOSAL.attributes;
