/**
 * What a VFIO driver's mmap() of a BAR (or device-memory region) gives the mapping process: the VMA's
 * stage-1 memory type and its flags. The process is assumed to map it MAP_SHARED, as QEMU
 * (hw/vfio/region.c vfio_region_mmap()) does and vfio-pci/vfio-platform require (VM_SHARED).
 *
 * - vfio-pci, vfio_pci_core_mmap() (drivers/vfio/pci/vfio_pci_core.c; vfio_pci.c before the 5.15
 *   split): pgprot_noncached(), VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP, populated at fault;
 *   VM_ALLOW_ANY_UNCACHED added in 6.9 (a39d3a966a09).
 * - vfio-platform, vfio_platform_mmap_mmio() (drivers/vfio/platform/vfio_platform_common.c):
 *   pgprot_noncached() + remap_pfn_range(), which sets VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
 *   never VM_ALLOW_ANY_UNCACHED.
 * - nvgrace-gpu (drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap(), from 6.9): the resmem region
 *   (BAR2) gets pgprot_writecombine() and VM_ALLOW_ANY_UNCACHED (81617c17bf58); the usemem region
 *   (BAR4) keeps the default cacheable vm_page_prot (MT_NORMAL); both are PFN maps of GPU memory.
 */
import type { MemoryTypeName } from '../arm64/types';
import type { MtName, PgprotHelper } from './stage1';
import { mairAttrOf, memoryTypeOfMt, PGPROT_HELPERS } from './stage1';
import type { KernelVersion } from './versions';
import { FEATURES, hasFeature } from './versions';
import type { VmaFlag } from './vma';
import { sortFlags } from './vma';

export const VFIO_DRIVERS = ['vfio-pci', 'vfio-platform', 'nvgrace-gpu-resmem', 'nvgrace-gpu-usemem'] as const;
export type VfioDriver = (typeof VFIO_DRIVERS)[number];

interface DriverSpec {
  readonly fn: string;
  readonly file: string;
  /** The pgprot helper applied, or null when the VMA keeps the default (cacheable) vm_page_prot. */
  readonly pgprot: PgprotHelper | null;
  readonly population: string;
  readonly arrived: 'nvgrace-gpu' | null;
  /** Whether the driver sets VM_ALLOW_ANY_UNCACHED in a version that has the flag. */
  readonly allowAnyUncached: boolean;
  readonly note: string;
}

const PFNMAP_FLAGS: readonly VmaFlag[] = ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP'];

export const VFIO_DRIVER_SPECS = {
  'vfio-pci': {
    fn: 'vfio_pci_core_mmap()',
    file: 'drivers/vfio/pci/vfio_pci_core.c',
    pgprot: 'pgprot_noncached',
    population: 'at fault (vfio_pci_mmap_fault(); a huge_fault path from 6.12)',
    arrived: null,
    allowAnyUncached: true,
    note: 'from 6.9 it sets VM_ALLOW_ANY_UNCACHED: PCI integration is trusted to contain errors from any uncached type',
  },
  'vfio-platform': {
    fn: 'vfio_platform_mmap_mmio()',
    file: 'drivers/vfio/platform/vfio_platform_common.c',
    pgprot: 'pgprot_noncached',
    population: 'at mmap (remap_pfn_range())',
    arrived: null,
    allowAnyUncached: false,
    note: 'it never sets VM_ALLOW_ANY_UNCACHED: platform devices are not audited for uncontained errors under Normal-NC',
  },
  'nvgrace-gpu-resmem': {
    fn: 'nvgrace_gpu_mmap() for RESMEM_REGION_INDEX (BAR2)',
    file: 'drivers/vfio/pci/nvgrace-gpu/main.c',
    pgprot: 'pgprot_writecombine',
    population: 'a PFN map of the carved-out GPU memory (remap_pfn_range() in 6.9)',
    arrived: 'nvgrace-gpu',
    allowAnyUncached: true,
    note: 'the carved-out device memory must be Normal-NC; the module states it has no uncontained-failure issue with it',
  },
  'nvgrace-gpu-usemem': {
    fn: 'nvgrace_gpu_mmap() for USEMEM_REGION_INDEX (BAR4)',
    file: 'drivers/vfio/pci/nvgrace-gpu/main.c',
    pgprot: null,
    population: 'a PFN map of the coherent GPU memory (remap_pfn_range() in 6.9)',
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
}

/** Null when the driver does not exist in `kernel`; see `vfioDriverArrival`. */
export function vfioMmapOf(kernel: KernelVersion, driver: VfioDriver): VfioMapping | null {
  const spec: DriverSpec = VFIO_DRIVER_SPECS[driver];
  if (spec.arrived !== null && !hasFeature(kernel, spec.arrived)) return null;
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
  return {
    driver,
    kernel,
    function: `${spec.fn}, ${spec.file}`,
    fn: spec.fn,
    pgprot,
    memType,
    mair: mairAttrOf(memType, false).byte,
    memoryType,
    vmaFlags: sortFlags(flags),
    allowAnyUncached,
    population: spec.population,
    explanation: `${driver} in ${kernel}: ${spec.fn} uses ${pgprot} -> ${memType} (${memoryType}) and ${flagNote}; ${spec.note}.`,
  };
}

/** The version a driver arrived in, or null when it predates the covered range. */
export function vfioDriverArrival(driver: VfioDriver): { readonly since: KernelVersion; readonly source: string } | null {
  const spec: DriverSpec = VFIO_DRIVER_SPECS[driver];
  if (spec.arrived === null) return null;
  return { since: FEATURES[spec.arrived].since, source: FEATURES[spec.arrived].source };
}

/**
 * The VFIO DMABUF mmap-attribute proposal (Matt Evans): it lets a userspace driver export part of a
 * BAR as a DMABUF, mmap() that, and choose the CPU mapping attribute. Not merged as of its latest
 * posting found. UC maps with pgprot_noncached(), WC with pgprot_writecombine(); both set
 * VM_ALLOW_ANY_UNCACHED like vfio_pci_core_mmap().
 */
export const DMABUF_MEMATTR_PROPOSAL = {
  status: 'unmerged',
  title: 'vfio/pci: Add mmap() for DMABUFs',
  latestPosting: {
    subject: '[PATCH v4 00/10] vfio/pci: Add mmap() for DMABUFs',
    date: '2026-07-01',
    messageId: '<20260701171245.90111-1-matt@ozlabs.org>',
    base: 'v7.1',
  },
  history: [
    { date: '2026-02-26', what: 'RFC: [RFC PATCH 6/7] vfio/pci: Add mmap() attributes to DMABUF feature' },
    { date: '2026-03-12', what: 'RFC v2' },
    { date: '2026-04-16', what: 'v1 "[PATCH 0/9]": ATTR_UC/ATTR_WC bits in vfio_device_feature_dma_buf.flags' },
    { date: '2026-07-01', what: 'v4: a separate VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR sets the attribute for later mmap()s' },
  ],
  feature: 'VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR',
  attributes: {
    UC: { pgprot: 'pgprot_noncached', memType: 'MT_DEVICE_nGnRnE', default: true },
    WC: { pgprot: 'pgprot_writecombine', memType: 'MT_NORMAL_NC', default: false },
  },
  vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED', 'VM_ALLOW_ANY_UNCACHED'],
} as const satisfies {
  status: 'unmerged' | 'merged';
  attributes: Record<'UC' | 'WC', { pgprot: PgprotHelper; memType: MtName; default: boolean }>;
  vmaFlags: readonly VmaFlag[];
  [k: string]: unknown;
};
export type DmabufAttr = keyof typeof DMABUF_MEMATTR_PROPOSAL.attributes;
