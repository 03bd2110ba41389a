import { access } from 'memattr';

// A status register whose read clears it: can the CPU read it without being asked?
for (const memoryType of ['Device-nGnRnE', 'Normal-NC'] as const) {
  const r = access({ accessor: 'readl', memoryType, kernel: '6.9' });
  if (!r.ok) throw new Error(r.error.message);
  const speculative = r.result.hazards.includes('speculative-read');
  console.log(
    `${memoryType.padEnd(13)} speculative read ${speculative ? 'allowed' : 'never'}; readl() ${r.result.correct ? 'correct' : 'not correct'}`,
  );
}

// Output:
// Device-nGnRnE speculative read never; readl() correct
// Normal-NC     speculative read allowed; readl() not correct
