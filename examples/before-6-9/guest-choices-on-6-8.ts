import { GUEST_MAPPINGS, scenario } from 'memattr';

// On 6.8, whatever the guest driver asks for, stage 2 caps it at Device-nGnRE.
for (const guestMapping of GUEST_MAPPINGS) {
  const r = scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${guestMapping.padEnd(13)} asks ${r.result.guestStage1.memoryType.padEnd(13)} gets ${r.result.effectiveType}`);
}

// Output:
// ioremap       asks Device-nGnRE  gets Device-nGnRE
// ioremap_wc    asks Normal-NC     gets Device-nGnRE
// ioremap_np    asks Device-nGnRnE gets Device-nGnRnE
// ioremap_cache asks Normal-WB     gets Device-nGnRE
