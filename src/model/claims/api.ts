/**
 * CONTRACT.md `claims`: the seed message's claims, each with a verdict and evidence computed from
 * the model when called.
 */
import { fieldsOf } from '../input';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { Speaker, Verdict } from './claims';
import { CLAIM_SPECS } from './claims';

export type { Speaker, Verdict } from './claims';
export { SPEAKERS, VERDICTS } from './claims';

export interface Claim {
  readonly id: string;
  readonly speaker: Speaker;
  readonly claim: string;
  readonly verdict: Verdict;
  readonly evidence: string;
  /** Names of examples that show the claim (examples/<topic>/<name>.ts without the extension). */
  readonly examples: readonly string[];
}

export interface ClaimsResult {
  readonly claims: readonly Claim[];
}

/** Examples per claim id; only names of files that exist belong here. */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {};

/** Every claim of the seed message with its computed verdict. Takes no input (an empty object is fine). */
export function claims(input: Readonly<Record<string, never>> = {}): Answer<ClaimsResult> {
  return guarded(() => {
    fieldsOf(input, []);
    return ok({
      claims: CLAIM_SPECS.map((c) => {
        const { verdict, evidence } = c.check();
        return { id: c.id, speaker: c.speaker, claim: c.claim, verdict, evidence, examples: EXAMPLES[c.id] ?? [] };
      }),
    });
  });
}
