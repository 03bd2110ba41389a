import { qemuEmulation } from 'memattr';

// QEMU's MMIO emulation issues one exact-size access per guest access. Which types keep that promise?
for (const memoryType of ['Device-nGnRnE', 'Device-nGnRE', 'Normal-NC'] as const) {
  const r = qemuEmulation({ memoryType });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${memoryType.padEnd(13)} emulation ${r.result.works ? 'works' : 'breaks'}`);
}

// Output:
// Device-nGnRnE emulation works
// Device-nGnRE  emulation works
// Normal-NC     emulation breaks
