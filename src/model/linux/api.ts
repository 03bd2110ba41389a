/**
 * The linux layer's public operations: CONTRACT.md `kvmStage2`, plus the stage-1, memslot and VFIO
 * look-ups pages and the CLI use. Each checks its input and answers with an `Answer`.
 */

import type { Fields } from '../input';
import { booleanField, enumArrayField, enumField, fieldsOf } from '../input';
import type { Answer } from '../result';
import { guarded, InputError, ok } from '../result';
import type { AbortLevel, ExclAtomicAccess, ExclAtomicResult, SeaResult } from './kvm-abort';
import { ABORT_LEVELS, EXCL_ATOMIC_ACCESSES, kvmExclAtomicAbortOf, kvmHandleGuestSea } from './kvm-abort';
import type { MemslotResult } from './kvm-memslot';
import { kvmArchPrepareMemoryRegion } from './kvm-memslot';
import type { FaultKind, KvmStage2Result } from './kvm-stage2';
import { decideStage2, FAULT_KINDS } from './kvm-stage2';
import { type KvmStage2MemAttr, kvmGuestStage2MemAttrs } from './kvm-stage2-attrs';
import type { IoremapApi, KernelMapping, MairEl1, MtName } from './stage1';
import { IOREMAP_APIS, kernelMapping, MT_NAMES, mairEl1, mtAbsentReason, mtExists } from './stage1';
import type { KernelVersion } from './versions';
import { FEATURES, kernelField, requireFeature } from './versions';
import type { NvgraceGpu, VfioDriver, VfioMapping } from './vfio';
import { NVGRACE_GPUS, VFIO_DRIVERS, vfioDriverArrival, vfioMmapOf, vfioUnavailable } from './vfio';
import type { VmaFlag } from './vma';
import { VMA_FLAGS } from './vma';

export interface KvmStage2Input {
  readonly kernel: string;
  readonly pfnIsMemory: boolean;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  readonly fwb?: boolean;
  readonly dic?: boolean;
  readonly fault: FaultKind;
  readonly logging?: boolean;
}

function requiredBoolean(f: Fields, name: string): boolean {
  const value = f[name];
  if (value === undefined) throw new InputError(name, `${name} is required (true or false)`);
  // Stryker disable next-line BooleanLiteral: equivalent, the fallback is unused once the field is known to be present
  return booleanField(f, name, false);
}

export function vmaFlagsField(f: Fields, name: string, kernel: KernelVersion): readonly VmaFlag[] {
  const flags = enumArrayField(f, name, VMA_FLAGS);
  if (flags.includes('VM_ALLOW_ANY_UNCACHED')) requireFeature(kernel, 'VM_ALLOW_ANY_UNCACHED', name);
  return flags;
}

export function mtField(f: Fields, name: string, kernel: KernelVersion): MtName {
  const mt = enumField(f, name, MT_NAMES);
  if (!mtExists(kernel, mt)) throw new InputError(name, mtAbsentReason(kernel, mt));
  return mt;
}

const KVM_STAGE2_FIELDS = ['kernel', 'pfnIsMemory', 'vmaFlags', 'vmaMemType', 'fwb', 'dic', 'fault', 'logging'] as const;

/** CONTRACT.md `kvmStage2`: what user_mem_abort() writes at stage 2 for one guest fault. */
export function kvmStage2(input: KvmStage2Input): Answer<KvmStage2Result> {
  return guarded(() => {
    const f = fieldsOf(input, KVM_STAGE2_FIELDS);
    const kernel = kernelField(f, 'kernel');
    const pfnIsMemory = requiredBoolean(f, 'pfnIsMemory');
    const vmaFlags = vmaFlagsField(f, 'vmaFlags', kernel);
    const vmaMemType = mtField(f, 'vmaMemType', kernel);
    const fwb = booleanField(f, 'fwb', false);
    const dic = booleanField(f, 'dic', true);
    const fault = enumField(f, 'fault', FAULT_KINDS);
    const logging = booleanField(f, 'logging', false);
    if (logging && vmaFlags.includes('VM_PFNMAP')) {
      throw new InputError(
        'logging',
        'no fault can see dirty logging on a VM_PFNMAP VMA: kvm_arch_prepare_memory_region() refuses dirty logging on such a memslot with EINVAL (see kvmMemslot)',
      );
    }
    return ok(decideStage2({ kernel, pfnIsMemory, vmaFlags, vmaMemType, fwb, dic, fault, logging }));
  });
}

const KVM_STAGE2_MEMATTRS_FIELDS = ['kernel', 'fwb', 'dic'] as const;

/**
 * The stage-2 MemAttr values KVM writes for a guest in a release (kvmGuestStage2MemAttrs()): for
 * guest RAM and each VFIO driver's region, by MemAttr. fwb defaults to false, dic to true.
 */
export function kvmStage2MemAttrs(input: {
  readonly kernel: string;
  readonly fwb?: boolean;
  readonly dic?: boolean;
}): Answer<readonly KvmStage2MemAttr[]> {
  return guarded(() => {
    const f = fieldsOf(input, KVM_STAGE2_MEMATTRS_FIELDS);
    const kernel = kernelField(f, 'kernel');
    return ok(kvmGuestStage2MemAttrs(kernel, booleanField(f, 'fwb', false), booleanField(f, 'dic', true)));
  });
}

export interface KvmMemslotInput {
  readonly kernel: string;
  readonly vmaFlags: readonly VmaFlag[];
  readonly vmaMemType: MtName;
  readonly fwb?: boolean;
  readonly dic?: boolean;
  readonly logging?: boolean;
  /** The VM enabled KVM_CAP_ARM_MTE (default false; 5.14+). */
  readonly mte?: boolean;
}

/** An `mte` field: whether the VM enabled KVM_CAP_ARM_MTE, BAD_INPUT before the capability existed. */
export function mteField(f: Fields, name: string, kernel: KernelVersion): boolean {
  const mte = booleanField(f, name, false);
  if (mte) requireFeature(kernel, 'kvm-mte', name);
  return mte;
}

/** kvm_arch_prepare_memory_region(): may KVM accept a memslot over this VMA? */
export function kvmMemslot(input: KvmMemslotInput): Answer<MemslotResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'vmaFlags', 'vmaMemType', 'fwb', 'dic', 'logging', 'mte']);
    const kernel = kernelField(f, 'kernel');
    const vmaFlags = vmaFlagsField(f, 'vmaFlags', kernel);
    const vmaMemType = mtField(f, 'vmaMemType', kernel);
    return ok(
      kvmArchPrepareMemoryRegion({
        kernel,
        vmaFlags,
        vmaMemType,
        fwb: booleanField(f, 'fwb', false),
        dic: booleanField(f, 'dic', true),
        logging: booleanField(f, 'logging', false),
        mte: mteField(f, 'mte', kernel),
      }),
    );
  });
}

export interface KvmExclAtomicAbortInput {
  /** The host kernel running KVM. */
  readonly kernel: string;
  /** Whether the IPA is in a memslot (a VFIO BAR is; MMIO the VMM emulates is not). */
  readonly inMemslot: boolean;
  /** `ls64` (LD64B/ST64B, the default) or `exclusive-atomic`. */
  readonly access?: ExclAtomicAccess;
  /** Where the implementation takes the DFSC 0x35 abort (default `el2`). */
  readonly routedTo?: AbortLevel;
}

/** What KVM does with a guest's unsupported exclusive/atomic/LS64 access (DFSC 0x35), by host kernel. */
export function kvmExclAtomicAbort(input: KvmExclAtomicAbortInput): Answer<ExclAtomicResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'inMemslot', 'access', 'routedTo']);
    return ok(
      kvmExclAtomicAbortOf({
        kernel: kernelField(f, 'kernel'),
        inMemslot: requiredBoolean(f, 'inMemslot'),
        access: enumField(f, 'access', EXCL_ATOMIC_ACCESSES, 'ls64'),
        routedTo: enumField(f, 'routedTo', ABORT_LEVELS, 'el2'),
      }),
    );
  });
}

export interface KvmGuestSeaInput {
  readonly kernel: string;
  /** APEI claims the abort (default false). */
  readonly apeiClaims?: boolean;
  /** The host owns the abort: no FEAT_RAS, or KVM's own access (default false). */
  readonly hostOwns?: boolean;
  /** The VMM enabled KVM_CAP_ARM_SEA_TO_USER (default false; 6.19+). */
  readonly seaToUser?: boolean;
}

/** kvm_handle_guest_sea(): a synchronous external abort on a guest access, by host kernel. */
export function kvmGuestSea(input: KvmGuestSeaInput): Answer<SeaResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'apeiClaims', 'hostOwns', 'seaToUser']);
    const kernel = kernelField(f, 'kernel');
    const seaToUser = booleanField(f, 'seaToUser', false);
    if (seaToUser) requireFeature(kernel, 'kvm-sea-to-user', 'seaToUser');
    return ok(
      kvmHandleGuestSea({
        kernel,
        apeiClaims: booleanField(f, 'apeiClaims', false),
        hostOwns: booleanField(f, 'hostOwns', false),
        seaToUser,
      }),
    );
  });
}

/** A VFIO driver field, BAD_INPUT naming the version it arrived in when it is too new. */
export function vfioDriverField(f: Fields, name: string, kernel: KernelVersion): VfioDriver {
  const driver = enumField(f, name, VFIO_DRIVERS);
  const absent = vfioUnavailable(kernel, driver, 'grace-hopper');
  if (absent !== null) throw new InputError(name, absent.message);
  return driver;
}

/**
 * The `gpu` field of an nvgrace-gpu region (default grace-hopper, the GPU the driver was written for):
 * BAD_INPUT for another driver, for Grace Blackwell before nvgrace-gpu drove it, and for resmem on a GPU
 * that has none.
 */
export function gpuField(f: Fields, name: string, kernel: KernelVersion, driver: VfioDriver): NvgraceGpu {
  const gpu = enumField(f, name, NVGRACE_GPUS, 'grace-hopper');
  if (f[name] === undefined) return gpu;
  if (vfioDriverArrival(driver) === null) throw new InputError(name, `${name} applies to the nvgrace-gpu regions only, not to ${driver}`);
  const absent = vfioUnavailable(kernel, driver, gpu);
  if (absent !== null) throw new InputError(name, absent.message);
  return gpu;
}

/** What a VFIO driver's mmap() gives the mapping process in a kernel version. */
export function vfioMmap(input: { readonly kernel: string; readonly driver: VfioDriver; readonly gpu?: NvgraceGpu }): Answer<VfioMapping> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'driver', 'gpu']);
    const kernel = kernelField(f, 'kernel');
    const driver = vfioDriverField(f, 'driver', kernel);
    const m = vfioMmapOf(kernel, driver, gpuField(f, 'gpu', kernel, driver));
    // Stryker disable next-line ConditionalExpression: equivalent, vfioDriverField and gpuField refused every absent region above
    if (m === null) throw new Error('driver availability checked above');
    return ok(m);
  });
}

/** A kernel mapping API field, BAD_INPUT naming the version it arrived in when it is too new. */
export function ioremapField<T extends IoremapApi>(f: Fields, name: string, kernel: KernelVersion, allowed: readonly T[]): T {
  const api = enumField(f, name, allowed);
  if (api === 'ioremap_np') requireFeature(kernel, 'ioremap_np', name);
  return api;
}

/** What ioremap()/ioremap_wc()/... give on arm64 in a kernel version: MT_* slot and MAIR byte. */
export function ioremapMapping(input: { readonly kernel: string; readonly api: IoremapApi }): Answer<KernelMapping> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'api']);
    const kernel = kernelField(f, 'kernel');
    const api = ioremapField(f, 'api', kernel, IOREMAP_APIS);
    const m = kernelMapping(kernel, api);
    // Stryker disable next-line ConditionalExpression: equivalent, ioremapField refused ioremap_np before 5.13 above
    if (m === null) throw new Error('api availability checked above');
    return ok(m);
  });
}

/** MAIR_EL1 as a kernel version programs it, with or without MTE. */
export function linuxMair(input: { readonly kernel: string; readonly mte?: boolean }): Answer<MairEl1> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'mte']);
    const kernel = kernelField(f, 'kernel');
    return ok(mairEl1(kernel, booleanField(f, 'mte', false)));
  });
}

export { FEATURES };
