import { claims } from 'memattr';

// Who made each claim, as the kvm@vger copy's quote markers show it.
const r = claims();
if (!r.ok) throw new Error(r.error.message);
const bySpeaker = new Map<string, number>();
for (const c of r.result.claims) bySpeaker.set(c.speaker, (bySpeaker.get(c.speaker) ?? 0) + 1);
for (const [speaker, n] of bySpeaker) console.log(`${speaker}: ${n} claims`);
const choose = r.result.claims.find((c) => c.id === 'guest-driver-should-choose');
console.log(`guest-driver-should-choose: ${choose?.speaker}, ${choose?.verdict}`);

// Output:
// Jason Gunthorpe: 11 claims
// David Hildenbrand: 9 claims
// guest-driver-should-choose: David Hildenbrand, holds
