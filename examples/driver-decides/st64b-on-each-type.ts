import { access } from 'memattr';

// 64 bytes to a write-combining buffer from a 7.0 guest on a 7.0 host (which offers FEAT_LS64), at a
// location that supports 64-byte accesses: __iowrite64_copy()'s run of STRs against one ST64B.
for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
  const copy = access({ accessor: '__iowrite64_copy', memoryType, kernel: '7.0', bytes: 64 });
  const st64b = access({ accessor: 'st64b', memoryType, kernel: '7.0' });
  if (!copy.ok || !st64b.ok) throw new Error('both accessors take the uncached types');
  for (const r of [copy.result, st64b.result]) {
    const { min, max } = r.transactions;
    console.log(
      `${memoryType.padEnd(12)} ${r.accessor.padEnd(16)} ${r.correct ? 'correct' : 'not correct'}, ${min === max ? min : `${min} to ${max}`} write(s)`,
    );
  }
}

// A cacheable type: ST64B (without FEAT_LS64WB) aborts, and which stage reports it decides who sees it.
const wb = access({ accessor: 'st64b', memoryType: 'Normal-WB', kernel: '7.0' });
if (!wb.ok || wb.result.abort === null) throw new Error('ST64B on Normal-WB takes an abort');
const { dfsc, takenTo, hostOutcome } = wb.result.abort;
console.log(
  `Normal-WB    st64b            ${wb.result.correct ? 'correct' : 'not correct'}, Data Abort DFSC 0x${dfsc.toString(16)}, taken to ${takenTo.join(' or ')}`,
);
console.log(`  at EL2 on a 7.0 host: ${hostOutcome?.outcome} in ${hostOutcome?.function}`);

// Output:
// Device-nGnRE __iowrite64_copy correct, 8 write(s)
// Device-nGnRE st64b            correct, 1 write(s)
// Normal-NC    __iowrite64_copy correct, 1 to 8 write(s)
// Normal-NC    st64b            correct, 1 write(s)
// Normal-WB    st64b            not correct, Data Abort DFSC 0x35, taken to EL1 or EL2
//   at EL2 on a 7.0 host: inject-dabt-0x35 in user_mem_abort() (arch/arm64/kvm/mmu.c)
