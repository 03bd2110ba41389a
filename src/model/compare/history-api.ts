/**
 * The change history as answers: timeline() ("what happened next") and releases() (release by
 * release). Apart from compare() (./api.ts) so that a page comparing architectures does not carry
 * the change table's details that only these two read.
 */
import { fieldsOf } from '../input';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { ReleasesResult } from './releases';
import { releaseEntries } from './releases';
import type { TimelineEntry } from './timeline';
import { timelineEntries } from './timeline';

export type { ReleaseChange, ReleaseEntry, ReleasesResult } from './releases';
export type { TimelineArea, TimelineEntry, TimelineStatus } from './timeline';
export { TIMELINE_AREAS, TIMELINE_STATUSES, timelineEntries } from './timeline';

export interface TimelineResult {
  readonly entries: readonly TimelineEntry[];
}

/** "What happened next", computed from the model's version data. Takes no input (an empty object is fine). */
export function timeline(input: Record<string, never> = {}): Answer<TimelineResult> {
  return guarded(() => {
    // Stryker disable next-line ArrayDeclaration: equivalent but for an input field named like the mutant's made-up entry; the refusal of any other field is tested
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
    // Stryker disable next-line ArrayDeclaration: equivalent but for an input field named like the mutant's made-up entry; the refusal of any other field is tested
    fieldsOf(input, []);
    return ok(releaseEntries());
  });
}
