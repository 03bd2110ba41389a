/**
 * The VMM: QEMU's mapping of a VFIO BAR and what its own accesses need, and userspace drivers (DPDK).
 *
 * QEMU, hw/vfio/region.c vfio_region_mmap(): mmap(PROT_READ|PROT_WRITE per the region's flags,
 * MAP_SHARED|MAP_FIXED) of the VFIO device fd; it asks for no memory type, so the VMA is whatever the
 * VFIO driver's mmap sets. The mapping becomes a RAM-device MemoryRegion
 * (memory_region_init_ram_device_ptr()) that QEMU's KVM accelerator registers as a memslot
 * [memslot step in accel/kvm not re-read here]. QEMU's own accesses to it go through
 * ram_device_mem_ops (system/memory.c), one host load/store of the access's exact size (1, 2, 4 or
 * 8 bytes); parts of a BAR that are not mmapped are trapped and forwarded with pread()/pwrite() on
 * the device fd.
 */
import { TYPE_SEMANTICS } from '../arm64/semantics';
import type { MemoryTypeName } from '../arm64/types';
import type { MemslotResult } from '../linux/kvm-memslot';
import { kvmArchPrepareMemoryRegion } from '../linux/kvm-memslot';
import type { MtName } from '../linux/stage1';
import { mairByteOf, memoryTypeOfMt } from '../linux/stage1';
import type { KernelVersion } from '../linux/versions';
import type { NvgraceGpu, VfioDriver, VfioMapping } from '../linux/vfio';
import { DMABUF_MEMATTR_PROPOSAL, vfioMmapOf } from '../linux/vfio';
import type { VmaFlag } from '../linux/vma';

export interface AccessProperties {
  readonly memoryType: MemoryTypeName;
  /** An access reaches the device as one access of its own size (no gathering, no splitting). */
  readonly exactSize: boolean;
  /** The CPU may read the location without the program asking (speculation, prefetch). */
  readonly speculativeReads: boolean;
  readonly explanation: string;
}

/**
 * What the architecture promises about accesses of one memory type, the two properties MMIO
 * emulation depends on (TYPE_SEMANTICS, from Arm ARM B2): no speculative reads, and the number and
 * size of accesses kept (non-Gathering, and no unaligned splitting).
 */
export function accessProperties(type: MemoryTypeName): AccessProperties {
  const t = TYPE_SEMANTICS[type];
  const exactSize = !t.gathering && !t.unaligned;
  const explanation = t.speculativeReads
    ? `${type} is Normal memory: the CPU may read it speculatively and may merge, split or repeat accesses, so an access's size and count at the device are not guaranteed.`
    : exactSize
      ? `${type} is Device, non-Gathering: no speculative reads, and each access reaches the device with its own size.`
      : `${type} is Device (no speculative reads) but Gathering: accesses may be merged, so their size at the device is not guaranteed.`;
  return { memoryType: type, exactSize, speculativeReads: t.speculativeReads, explanation };
}

export interface QemuBarMapping {
  readonly kernel: KernelVersion;
  readonly vfioDriver: VfioDriver;
  readonly mmap: { readonly prot: 'PROT_READ|PROT_WRITE'; readonly flags: 'MAP_SHARED|MAP_FIXED'; readonly requestsMemoryType: false };
  readonly hostUserspace: { readonly memType: MtName; readonly memoryType: MemoryTypeName };
  readonly vmaFlags: readonly VmaFlag[];
  readonly vfio: VfioMapping;
  readonly memslot: MemslotResult;
  /** QEMU's own accesses (MMIO emulation, ram_device_mem_ops) on this mapping. */
  readonly ownAccesses: AccessProperties;
  /** The invariant of the thread: QEMU's mapping of the BAR stays Device. */
  readonly staysDevice: boolean;
  readonly explanation: string;
}

/** The host and VM options a BAR mapping depends on (defaults: grace-hopper, no MTE). */
export interface BarOptions {
  readonly gpu: NvgraceGpu;
  /** The VM enabled KVM_CAP_ARM_MTE. */
  readonly mte: boolean;
}

const DEFAULT_BAR_OPTIONS: BarOptions = { gpu: 'grace-hopper', mte: false };

/** QEMU's mapping of a BAR region through VFIO and its memslot. Null when the driver region is absent. */
export function qemuMapBar(
  kernel: KernelVersion,
  vfioDriver: VfioDriver,
  fwb: boolean,
  dic: boolean,
  options: BarOptions = DEFAULT_BAR_OPTIONS,
): QemuBarMapping | null {
  const vfio = vfioMmapOf(kernel, vfioDriver, options.gpu);
  if (vfio === null) return null;
  const memslot = kvmArchPrepareMemoryRegion({
    kernel,
    vmaFlags: vfio.vmaFlags,
    vmaMemType: vfio.memType,
    fwb,
    dic,
    logging: false,
    mte: options.mte,
  });
  const ownAccesses = accessProperties(vfio.memoryType);
  const staysDevice = vfio.memoryType.startsWith('Device');
  return {
    kernel,
    vfioDriver,
    mmap: { prot: 'PROT_READ|PROT_WRITE', flags: 'MAP_SHARED|MAP_FIXED', requestsMemoryType: false },
    hostUserspace: { memType: vfio.memType, memoryType: vfio.memoryType },
    vmaFlags: vfio.vmaFlags,
    vfio,
    memslot,
    ownAccesses,
    staysDevice,
    explanation: `QEMU mmaps the region through the VFIO fd (vfio_region_mmap(), MAP_SHARED|MAP_FIXED) without asking for a memory type, so its mapping is ${vfio.memType} (${vfio.memoryType}) as ${vfio.fn} sets it; it registers the mapping as a KVM memslot: ${memslot.errno === null ? 'accepted' : `refused with ${memslot.errno}`}. ${ownAccesses.explanation}`,
  };
}

/**
 * Why QEMU's mapping must stay Device: MMIO emulation forwards a trapped guest access as one host
 * access of the same size, and a register read must not happen unless asked. Computed for a
 * candidate memory type of QEMU's mapping.
 */
export function qemuEmulationOn(type: MemoryTypeName): {
  readonly works: boolean;
  readonly broken: readonly string[];
  readonly explanation: string;
} {
  const p = accessProperties(type);
  const broken: string[] = [];
  if (!p.exactSize) broken.push('an emulated access may reach the device merged with, or split into, other accesses');
  if (p.speculativeReads) broken.push('the CPU may read registers with read side effects that QEMU never asked to read');
  return {
    works: broken.length === 0,
    broken,
    explanation:
      broken.length === 0
        ? `On ${type} each of QEMU's exact-size loads and stores reaches the device as issued and nothing is read speculatively, so emulation forwards guest accesses faithfully.`
        : `On ${type} MMIO emulation breaks: ${broken.join('; ')}.`,
  };
}

/** How a userspace driver (DPDK and friends) maps a BAR. */
export const USERSPACE_PATHS = ['vfio-pci-mmap', 'dmabuf-proposal-uc', 'dmabuf-proposal-wc'] as const;
export type UserspacePath = (typeof USERSPACE_PATHS)[number];

export interface UserspaceMapping {
  readonly path: UserspacePath;
  readonly status: 'merged' | 'unmerged proposal';
  readonly memType: MtName;
  readonly mair: number;
  readonly memoryType: MemoryTypeName;
  readonly writeCombining: boolean;
  /** KVM is not involved: a host process's accesses use its own stage 1 only. */
  readonly needsVmaFlagForItself: false;
  readonly explanation: string;
}

/**
 * What a userspace driver's accesses get. Today vfio-pci's mmap() offers no choice (Device-nGnRnE);
 * the DMABUF proposal's attribute feature (postings v2 to v4) would give pgprot_writecombine()
 * (Normal-NC) on request. Out-of-tree
 * "WC" patches to vfio-pci are not modelled.
 */
export function userspaceDriverMapping(kernel: KernelVersion, path: UserspacePath): UserspaceMapping {
  let memType: MtName;
  let status: UserspaceMapping['status'];
  let how: string;
  if (path === 'vfio-pci-mmap') {
    const m = vfioMmapOf(kernel, 'vfio-pci');
    if (m === null) throw new Error('vfio-pci exists in every covered version');
    memType = m.memType;
    status = 'merged';
    how = `vfio-pci's mmap() in ${kernel} always uses ${m.pgprot}`;
  } else {
    const attr = path === 'dmabuf-proposal-wc' ? 'WC' : 'UC';
    const p = DMABUF_MEMATTR_PROPOSAL;
    const spec = p.attributes[attr];
    memType = spec.memType;
    status = 'unmerged proposal';
    how = `the DMABUF proposal's ${p.feature} (${p.featureHistory.introducedIn.version} of ${p.featureHistory.introducedIn.date} to ${p.featureHistory.lastSeenIn.version} of ${p.featureHistory.lastSeenIn.date}; apparently dropped from later postings, the latest ${p.latestPosting.date}; not merged through ${p.unmergedThrough}) maps attribute ${spec.uapiName} = ${spec.value} with ${spec.pgprot}`;
  }
  const memoryType = memoryTypeOfMt(memType);
  const writeCombining = memoryType === 'Normal-NC';
  return {
    path,
    status,
    memType,
    mair: mairByteOf(memType),
    memoryType,
    writeCombining,
    needsVmaFlagForItself: false,
    explanation: `${how} -> ${memType} (${memoryType}); the process's own accesses use this stage-1 type directly, with no KVM stage 2 and so no need for VM_ALLOW_ANY_UNCACHED${writeCombining ? '; stores may be write-combined' : '; no write-combining'}.`,
  };
}
