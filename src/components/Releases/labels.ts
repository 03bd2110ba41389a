/**
 * Words and anchors for the release pages. They name what the model recorded (a change's effect, how a
 * fact was established); they decide nothing.
 */
import type { ChangeEffect, Confidence } from '../../model';

/** What a change does to the model's answers (linux/changes CHANGE_EFFECTS), in the reader's words. */
export const EFFECT_LABEL = {
  answer: 'changes an answer',
  context: 'context',
  none: 'no functional change',
} as const satisfies Record<ChangeEffect, string>;

export const EFFECT_MEANING = {
  answer: 'the model computes a different result for some input from this release on',
  context: 'adds something the pages discuss, without changing a memory type the model computes',
  none: 'the code the pages name changed, its behaviour for this question did not',
} as const satisfies Record<ChangeEffect, string>;

/** How a statement was established (linux/releases CONFIDENCES). */
export const CONFIDENCE_LABEL = {
  'read-at-source': 'read at the source',
  inferred: 'inferred',
  'titles-only': 'from commit titles only',
  unverified: 'not verified',
} as const satisfies Record<Confidence, string>;

/** The anchor of a release on the "Release by release" page: `linux-7-1` for 7.1. */
export function releaseAnchor(version: string): string {
  return `linux-${version.replace('.', '-')}`;
}
