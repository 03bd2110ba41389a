import { access } from 'memattr';

// What "slower" means for one 64-byte descriptor: PCIe bytes on the wire (64-bit BAR, Gen3+, no ECRC).
for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
  const r = access({ accessor: '__iowrite64_copy', memoryType, kernel: '6.10', bytes: 64 });
  if (!r.ok || r.result.cost === null) throw new Error('no cost');
  const { fewest } = r.result.cost;
  console.log(
    `${memoryType.padEnd(12)} best case ${fewest.transactions} TLP(s), ${fewest.wireBytes} bytes on the wire, ${Math.round(fewest.efficiency * 100)}% payload`,
  );
}

// Output:
// Device-nGnRE best case 8 TLP(s), 272 bytes on the wire, 24% payload
// Normal-NC    best case 1 TLP(s), 90 bytes on the wire, 71% payload
