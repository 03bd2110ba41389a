import { access } from 'memattr';

// writel() then readl() of the same register: the read-back drivers use to flush a posted write.
for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
  const r = access({ accessor: 'writel', memoryType, kernel: '6.10' });
  if (!r.ok) throw new Error(r.error.message);
  const p = r.result.programs.find((program) => program.name === 'writel-readl');
  const broken = p?.verdicts.reduce((n, v) => n + v.broken, 0);
  console.log(`${memoryType.padEnd(12)} allowed outcomes: ${p?.outcomeCount}; the read misses the write in ${broken}`);
}

// Output:
// Device-nGnRE allowed outcomes: 1; the read misses the write in 0
// Normal-NC    allowed outcomes: 10; the read misses the write in 4
