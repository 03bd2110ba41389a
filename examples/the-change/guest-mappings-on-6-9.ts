import { GUEST_MAPPINGS, scenario } from 'memattr';

// On 6.9, stage 2 is Normal-NC for a vfio-pci BAR, and the guest's own choice comes through.
for (const guestMapping of GUEST_MAPPINGS) {
  const r = scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${guestMapping.padEnd(13)} asks ${r.result.guestStage1.memoryType.padEnd(13)} gets ${r.result.effectiveType}`);
}

// Output:
// ioremap       asks Device-nGnRE  gets Device-nGnRE
// ioremap_wc    asks Normal-NC     gets Normal-NC
// ioremap_np    asks Device-nGnRnE gets Device-nGnRnE
// ioremap_cache asks Normal-WB     gets Normal-NC
