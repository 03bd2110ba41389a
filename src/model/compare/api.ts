/**
 * The comparison layer's public operations: `compare` (the passthrough-BAR question on arm64, x86 and
 * RISC-V), `timeline` (what happened after the thread) and `releases` (release by release).
 */
import type { GuestIoremap } from '../cross-arch';
import { GUEST_IOREMAPS } from '../cross-arch';
import { fieldsOf } from '../input';
import { ioremapField } from '../linux/api';
import { kernelField, NEWEST_KERNEL } from '../linux/versions';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { CompareResult } from './compare';
import { compareOf } from './compare';
import type { ReleasesResult } from './releases';
import { releaseEntries } from './releases';
import type { TimelineEntry } from './timeline';
import { timelineEntries } from './timeline';

export type { CompareArch, CompareResult, CompareRow } from './compare';
export { ARM64_SOURCES, COMPARE_ARCHES, compareOf, NOT_MODELLED } from './compare';
export type { ReleaseChange, ReleaseEntry, ReleasesResult } from './releases';
export type { TimelineArea, TimelineEntry, TimelineStatus } from './timeline';
export { TIMELINE_AREAS, TIMELINE_STATUSES, timelineEntries } from './timeline';

export interface CompareInput {
  readonly guestMapping: GuestIoremap;
  /** Host and guest kernel version, "MAJOR.MINOR" (default: the newest modelled). */
  readonly kernel?: string;
}

/**
 * The same scenario — a VFIO passthrough PCI BAR that a guest driver maps with `guestMapping` — on
 * arm64 (by kernel version), x86 (Intel EPT + PAT) and RISC-V (H extension + Svpbmt).
 */
export function compare(input: CompareInput): Answer<CompareResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['guestMapping', 'kernel']);
    const kernel = kernelField(f, 'kernel', NEWEST_KERNEL);
    const guestMapping = ioremapField(f, 'guestMapping', kernel, GUEST_IOREMAPS);
    return ok(compareOf(kernel, guestMapping));
  });
}

export interface TimelineResult {
  readonly entries: readonly TimelineEntry[];
}

/** "What happened next", computed from the model's version data. Takes no input (an empty object is fine). */
export function timeline(input: Record<string, never> = {}): Answer<TimelineResult> {
  return guarded(() => {
    fieldsOf(input, []);
    return ok({ entries: timelineEntries() });
  });
}

/**
 * Release by release, 5.10 to the newest covered: what changed for the question (with commit links), or
 * "no change" with what was read. Takes no input (an empty object is fine).
 */
export function releases(input: Record<string, never> = {}): Answer<ReleasesResult> {
  return guarded(() => {
    fieldsOf(input, []);
    return ok(releaseEntries());
  });
}
