import { scenario } from 'memattr';

// nvgrace-gpu's coherent memory (usemem) keeps a cacheable VMA. 6.17 maps it cacheable, with FWB and DIC only.
for (const [kernel, fwb] of [
  ['6.16', true],
  ['6.17', true],
  ['6.17', false],
] as const) {
  const r = scenario({ kernel, vfioDriver: 'nvgrace-gpu-usemem', guestMapping: 'ioremap_cache', fwb });
  if (!r.ok) throw new Error(r.error.message);
  const { memslot, stage2, effectiveType } = r.result;
  const outcome = memslot.errno
    ? `memslot refused: -${memslot.errno}`
    : stage2?.errno
      ? `fault: -${stage2.errno}`
      : `stage 2 ${stage2?.prot}, guest gets ${effectiveType}`;
  console.log(`${kernel} FWB ${fwb ? 'on ' : 'off'}: ${outcome}`);
}

// Output:
// 6.16 FWB on : stage 2 DEVICE, guest gets Device-nGnRE
// 6.17 FWB on : stage 2 NORMAL, guest gets Normal-WB
// 6.17 FWB off: memslot refused: -EINVAL
