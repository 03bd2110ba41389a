/** Pure helpers of the claims table, kept apart from the component so tests can import them without Docusaurus. */
import type { Claim, Verdict } from '../../model';
import { exampleAnchor } from '../Example/anchor';

export const VERDICT_LABEL = {
  holds: 'holds',
  'holds-with-nuance': 'holds, with nuance',
  'does-not-hold': 'does not hold',
  'not-yet-modelled': 'not yet modelled',
} as const satisfies Record<Verdict, string>;

/** The claims to show: the model's answer, narrowed to `ids` when given (unknown ids are reported). */
export function selectClaims(all: readonly Claim[], ids?: readonly string[]): { rows: Claim[]; missing: string[] } {
  if (ids === undefined) return { rows: [...all], missing: [] };
  const byId = new Map(all.map((c) => [c.id, c]));
  const rows: Claim[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    if (c) rows.push(c);
    else missing.push(id);
  }
  return { rows, missing };
}

/** An example `<topic>/<name>` is embedded on docs/<topic>.mdx, at the anchor the Example component sets. */
export function defaultExampleHref(name: string): string {
  const topic = name.split('/')[0] ?? name;
  return `/docs/${topic}#${exampleAnchor(name)}`;
}
