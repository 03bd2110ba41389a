import { claims } from 'memattr';

// How many of the thread's claims hold, computed now from the model.
const r = claims();
if (!r.ok) throw new Error(r.error.message);
const counts = new Map<string, number>();
for (const c of r.result.claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
for (const [verdict, n] of [...counts].sort()) console.log(`${verdict}: ${n}`);

// Output:
// does-not-hold: 2
// holds: 12
// holds-with-nuance: 6
