/**
 * Kernel versions as data (CONTRACT.md "Shared vocabulary"): the model covers "5.10" up to the newest
 * version whose KVM/arm64 fault path was read at the source (6.17: the kvmarm-6.17 cacheable-PFNMAP
 * code in arch/arm64/kvm/mmu.c). Everything that changed inside the range is a dated entry below.
 */

import type { Fields } from '../input';
import { InputError } from '../result';

export const KERNEL_VERSIONS = [
  '5.10',
  '5.11',
  '5.12',
  '5.13',
  '5.14',
  '5.15',
  '5.16',
  '5.17',
  '5.18',
  '5.19',
  '6.0',
  '6.1',
  '6.2',
  '6.3',
  '6.4',
  '6.5',
  '6.6',
  '6.7',
  '6.8',
  '6.9',
  '6.10',
  '6.11',
  '6.12',
  '6.13',
  '6.14',
  '6.15',
  '6.16',
  '6.17',
] as const;
export type KernelVersion = (typeof KERNEL_VERSIONS)[number];

export const OLDEST_KERNEL: KernelVersion = '5.10';
export const NEWEST_KERNEL: KernelVersion = '6.17';
export const KERNEL_RANGE = `${OLDEST_KERNEL} to ${NEWEST_KERNEL}`;

export function isKernelVersion(value: unknown): value is KernelVersion {
  return typeof value === 'string' && (KERNEL_VERSIONS as readonly string[]).includes(value);
}

function rank(v: KernelVersion): number {
  return KERNEL_VERSIONS.indexOf(v);
}

/** True when `v` is `min` or later. */
export function atLeast(v: KernelVersion, min: KernelVersion): boolean {
  return rank(v) >= rank(min);
}

/** A kernel version field: "MAJOR.MINOR" within the covered range, else BAD_INPUT naming the range. */
export function kernelField(fields: Fields, name: string, fallback?: KernelVersion): KernelVersion {
  const value = fields[name];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError(name, `${name} is required: a kernel version "MAJOR.MINOR" from ${KERNEL_RANGE}`);
  }
  if (typeof value !== 'string') {
    throw new InputError(
      name,
      `${name} must be a string "MAJOR.MINOR" from ${KERNEL_RANGE}, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  if (!isKernelVersion(value)) {
    const shown = JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
    const shape = /^\d+\.\d+$/.test(value) ? 'is outside the modelled range' : 'is not of the form "MAJOR.MINOR"';
    throw new InputError(
      name,
      `${name} ${shown} ${shape}; the model covers ${KERNEL_RANGE} (checked at the source up to ${NEWEST_KERNEL})`,
    );
  }
  return value;
}

/** Things that arrived (or went) inside the covered range, with the change that did it. */
export const FEATURES = {
  ioremap_np: {
    since: '5.13',
    what: 'ioremap_np() (Device-nGnRnE, non-posted MMIO)',
    source: 'asm-generic/io.h 7c566bb5e4d5 and arm64 9a63ae850255 (Hector Martin), soc tree for v5.13',
  },
  'mt-layout-5.14': {
    since: '5.14',
    what: 'MT_NORMAL_WT and MT_DEVICE_GRE removed; MT_DEVICE_nGnRnE/nGnRE renumbered to 3/4',
    source: 'arm64 21cfe6edbadb (Normal-WT) and 58cc6b72a212 (Device-GRE), Will Deacon, for-next/mm for v5.14',
  },
  VM_ALLOW_ANY_UNCACHED: {
    since: '6.9',
    what: 'VM_ALLOW_ANY_UNCACHED (VMA flag, bit 39)',
    source:
      'include/linux/mm.h 5c656fcdd6c6; KVM use 8c47ce3e1d2c; vfio-pci a39d3a966a09 (kvm-arm64/vfio-normal-nc, VFIO pull for v6.9-rc1)',
  },
  'nvgrace-gpu': {
    since: '6.9',
    what: 'the nvgrace-gpu vfio-pci variant driver',
    source:
      'drivers/vfio/pci/nvgrace-gpu 701ab935859f, posted over v6.8-rc5, merged for v6.9 with 81617c17bf58 (resmem sets VM_ALLOW_ANY_UNCACHED)',
  },
  'arm64-uffd-wp': {
    since: '6.10',
    what: 'userfaultfd write-protect on arm64',
    source: '"arm64/mm: Add uffd write-protect support" (Ryan Roberts), merged by Will Deacon for v6.10',
  },
  'cacheable-pfnmap': {
    since: '6.17',
    what: 'cacheable stage-2 mappings of cacheable PFNMAP VMAs (FWB and DIC required)',
    source: 'kvmarm-6.17: 216887f79d98, 2a8dfab26677, 0c67288e0c8b (Ankit Agrawal)',
  },
} as const satisfies Record<string, { since: KernelVersion; what: string; source: string }>;
export type Feature = keyof typeof FEATURES;

export function hasFeature(kernel: KernelVersion, feature: Feature): boolean {
  return atLeast(kernel, FEATURES[feature].since);
}

/** BAD_INPUT for something the given kernel does not have yet, naming the version it arrived in. */
export function requireFeature(kernel: KernelVersion, feature: Feature, field: string): void {
  if (!hasFeature(kernel, feature)) {
    const f = FEATURES[feature];
    throw new InputError(field, `${f.what} does not exist in ${kernel}: it arrived in ${f.since} (${f.source})`);
  }
}

/** The three behaviours of user_mem_abort()'s attribute choice. */
export const KVM_ERAS = ['5.10-6.8', '6.9-6.16', '6.17+'] as const;
export type KvmEra = (typeof KVM_ERAS)[number];

export function kvmEra(kernel: KernelVersion): KvmEra {
  if (hasFeature(kernel, 'cacheable-pfnmap')) return '6.17+';
  if (hasFeature(kernel, 'VM_ALLOW_ANY_UNCACHED')) return '6.9-6.16';
  return '5.10-6.8';
}

export const KVM_ERA_LABEL = {
  '5.10-6.8': 'v5.10–v6.8',
  '6.9-6.16': 'v6.9–v6.16',
  '6.17+': `v6.17+ (checked up to v${NEWEST_KERNEL})`,
} as const satisfies Record<KvmEra, string>;
