/**
 * Kernel versions as data (CONTRACT.md "Shared vocabulary"): the model covers "5.10" up to the newest
 * release whose code was read at the source. The releases are RELEASE_DATES (linux/release-dates.ts),
 * where the newest is named; what changed inside the range is KERNEL_CHANGES (linux/changes.ts), whose
 * release facts (CHANGE_RELEASES, linux/change-releases.ts) FEATURES reads.
 */

import type { Fields } from '../input';
import { InputError } from '../result';
import { CHANGE_RELEASES, type ChangeId } from './change-releases';
import { type KernelVersion, RELEASE_DATES } from './release-dates';

export type { KernelVersion } from './release-dates';

/** Every covered release, oldest first (the rows of RELEASE_DATES). */
export const KERNEL_VERSIONS: readonly KernelVersion[] = RELEASE_DATES.map((r) => r.version);

export const OLDEST_KERNEL: KernelVersion = RELEASE_DATES[0].version;
export const NEWEST_KERNEL: KernelVersion = (RELEASE_DATES[RELEASE_DATES.length - 1] as (typeof RELEASE_DATES)[number]).version;
export const KERNEL_RANGE = `${OLDEST_KERNEL} to ${NEWEST_KERNEL}`;

export function isKernelVersion(value: unknown): value is KernelVersion {
  return (KERNEL_VERSIONS as readonly unknown[]).includes(value);
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

export interface FeatureInfo {
  readonly since: KernelVersion;
  readonly what: string;
  readonly source: string;
}

/** Things that arrived (or went) inside the covered range, with the change that did it (KERNEL_CHANGES' CHANGE_RELEASES). */
export const FEATURES = Object.fromEntries(
  Object.entries(CHANGE_RELEASES).map(([id, c]) => [id, { since: c.release, what: c.what, source: c.source }]),
) as { readonly [K in ChangeId]: FeatureInfo };
export type Feature = ChangeId;

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
