import { claims } from 'memattr';

// Jason's converse of the flag's meaning: the one judgement every page uses for it.
const r = claims();
if (!r.ok) throw new Error(r.error.message);
const c = r.result.claims.find((x) => x.id === 'flag-meaning-inverted');
if (!c) throw new Error('no such claim');
console.log(`${c.speaker}: "${c.claim}"`);
console.log(`verdict: ${c.verdict}, ${c.judgement}`);

// Output:
// Jason Gunthorpe: "The flag means the inverse: VMAs that carry it are the ones assumed able to bring down the host."
// verdict: does-not-hold, does not hold as worded: a slip (the flag marks the VMAs that are safe)
