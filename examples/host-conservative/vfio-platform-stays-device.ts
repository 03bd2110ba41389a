import { scenario } from 'memattr';

// The same guest ioremap_wc() on 6.9, behind two VFIO drivers: only the flag makes the difference.
for (const vfioDriver of ['vfio-pci', 'vfio-platform'] as const) {
  const r = scenario({ kernel: '6.9', vfioDriver, guestMapping: 'ioremap_wc' });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${vfioDriver.padEnd(13)} stage 2 ${r.result.stage2?.prot?.padEnd(9)} -> guest gets ${r.result.effectiveType}`);
}

// Output:
// vfio-pci      stage 2 NORMAL_NC -> guest gets Normal-NC
// vfio-platform stage 2 DEVICE    -> guest gets Device-nGnRE
