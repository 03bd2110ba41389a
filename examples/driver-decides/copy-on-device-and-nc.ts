import { access } from 'memattr';

// __iowrite64_copy() of one 64-byte descriptor: correct on both, but only Normal-NC can combine it.
for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
  const r = access({ accessor: '__iowrite64_copy', memoryType, kernel: '6.10', bytes: 64 });
  if (!r.ok) throw new Error(r.error.message);
  const { min, max } = r.result.transactions;
  console.log(
    `${memoryType.padEnd(12)} ${r.result.correct ? 'correct' : 'broken'}, ${min === max ? min : `${min} to ${max}`} write(s) reach the device`,
  );
}

// Output:
// Device-nGnRE correct, 8 write(s) reach the device
// Normal-NC    correct, 1 to 8 write(s) reach the device
