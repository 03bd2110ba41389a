import { claims } from 'memattr';

// "Whatever is set in stage 2 wins": the claim, its verdict, and the evidence the model computed.
const r = claims();
if (!r.ok) throw new Error(r.error.message);
const c = r.result.claims.find((claim) => claim.id === 'stage2-wins');
console.log(c?.claim);
console.log(`verdict: ${c?.verdict}`);

// Output:
// Whatever memory type stage 2 sets is the one that wins.
// verdict: holds-with-nuance
