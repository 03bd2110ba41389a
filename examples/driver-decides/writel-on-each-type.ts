import { access } from 'memattr';

// writel() judged in the programs drivers rely on, on the types a guest can end up with.
for (const memoryType of ['Device-nGnRnE', 'Device-nGnRE', 'Device-GRE', 'Normal-NC'] as const) {
  const r = access({ accessor: 'writel', memoryType, kernel: '6.10' });
  if (!r.ok) throw new Error(r.error.message);
  const broken = r.result.programs.filter((p) => !p.ok).map((p) => p.name);
  console.log(`${memoryType.padEnd(13)} ${r.result.correct ? 'correct' : `broken in ${broken.join(', ')}`}`);
}

// Output:
// Device-nGnRnE correct
// Device-nGnRE  correct
// Device-GRE    broken in writel-readl
// Normal-NC     broken in two-writel, writel-readl
