import { NEWEST_KERNEL, scenario } from 'memattr';

// A vfio-pci BAR, the guest driver calls ioremap_wc(): what does the CPU use, before and after 6.9,
// and on the newest release the model covers?
for (const kernel of ['6.8', '6.9', NEWEST_KERNEL]) {
  const r = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });
  if (!r.ok) throw new Error(r.error.message);
  const { stage2, guestStage1, effectiveType } = r.result;
  console.log(`${kernel}: stage 2 ${stage2?.prot}, guest stage 1 ${guestStage1.memoryType} -> ${effectiveType}`);
}

// Output:
// 6.8: stage 2 DEVICE, guest stage 1 Normal-NC -> Device-nGnRE
// 6.9: stage 2 NORMAL_NC, guest stage 1 Normal-NC -> Normal-NC
// 7.2: stage 2 NORMAL_NC, guest stage 1 Normal-NC -> Normal-NC
