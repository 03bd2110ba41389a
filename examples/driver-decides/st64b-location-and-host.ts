import { access } from 'memattr';

// ST64B to a Normal-NC BAR: what the location and the host's release add. Each allowed outcome is listed.
const cases = [
  { hostKernel: '7.0', locationSupportsLs64: true },
  { hostKernel: '7.0', locationSupportsLs64: false },
  { hostKernel: '6.19', locationSupportsLs64: true },
] as const;
for (const c of cases) {
  const r = access({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '7.0', ...c });
  if (!r.ok) throw new Error(r.error.message);
  const ls64 = r.result.ls64;
  if (ls64 === null) throw new Error('st64b answers carry ls64');
  const { min, max } = r.result.transactions;
  console.log(`host ${c.hostKernel}, location ${c.locationSupportsLs64 ? 'supports' : 'does not support'} 64-byte accesses:`);
  console.log(`  rule ${ls64.rule}; outcomes: ${ls64.outcomes.join(', ')}; ${min === max ? min : `${min} to ${max}`} write(s)`);
}

// Output:
// host 7.0, location supports 64-byte accesses:
//   rule supported; outcomes: atomic-write; 1 write(s)
// host 7.0, location does not support 64-byte accesses:
//   rule location; outcomes: non-atomic-write, data-abort; 0 to 64 write(s)
// host 6.19, location supports 64-byte accesses:
//   rule host-traps; outcomes: undefined-instruction; 0 write(s)
