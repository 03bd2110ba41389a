/**
 * The VMM layer's public operations: QEMU's mapping of a VFIO BAR (and whether its MMIO emulation
 * works on a memory type), and what a userspace driver's mapping gives.
 */

import type { MemoryTypeName } from '../arm64/types';
import { MEMORY_TYPE_NAMES } from '../arm64/types';
import { booleanField, enumField, fieldsOf } from '../input';
import { gpuField, mteField, vfioDriverField } from '../linux/api';
import { kernelField } from '../linux/versions';
import type { NvgraceGpu, VfioDriver } from '../linux/vfio';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { QemuBarMapping, UserspaceMapping, UserspacePath } from './qemu';
import { qemuMapBar as mapBar, qemuEmulationOn, USERSPACE_PATHS, userspaceDriverMapping } from './qemu';

export type { AccessProperties, QemuBarMapping, UserspaceMapping, UserspacePath } from './qemu';
export { accessProperties, USERSPACE_PATHS } from './qemu';

/** QEMU maps a VFIO region and registers it with KVM. */
export function qemuMapBar(input: {
  readonly kernel: string;
  readonly vfioDriver: VfioDriver;
  readonly fwb?: boolean;
  readonly dic?: boolean;
  /** The GPU of an nvgrace-gpu region (default grace-hopper). */
  readonly gpu?: NvgraceGpu;
  /** The VM enabled KVM_CAP_ARM_MTE (default false; 5.14+). */
  readonly mte?: boolean;
}): Answer<QemuBarMapping> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'vfioDriver', 'fwb', 'dic', 'gpu', 'mte']);
    const kernel = kernelField(f, 'kernel');
    const vfioDriver = vfioDriverField(f, 'vfioDriver', kernel);
    const options = { gpu: gpuField(f, 'gpu', kernel, vfioDriver), mte: mteField(f, 'mte', kernel) };
    const m = mapBar(kernel, vfioDriver, booleanField(f, 'fwb', false), booleanField(f, 'dic', true), options);
    if (m === null) throw new Error('driver availability checked above');
    return ok(m);
  });
}

/** Does QEMU's MMIO emulation work if its mapping of the BAR had this memory type? */
export function qemuEmulation(input: { readonly memoryType: MemoryTypeName }): Answer<ReturnType<typeof qemuEmulationOn>> {
  return guarded(() => {
    const f = fieldsOf(input, ['memoryType']);
    return ok(qemuEmulationOn(enumField(f, 'memoryType', MEMORY_TYPE_NAMES)));
  });
}

/** What a userspace driver (DPDK) gets: today's vfio-pci mmap, or the unmerged DMABUF proposal. */
export function userspaceDriver(input: { readonly kernel: string; readonly path: UserspacePath }): Answer<UserspaceMapping> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'path']);
    const kernel = kernelField(f, 'kernel');
    return ok(userspaceDriverMapping(kernel, enumField(f, 'path', USERSPACE_PATHS)));
  });
}
