import { NEWEST_KERNEL, scenario } from 'memattr';

// Stage 2 is not in any dump: work it out from the host kernel, the VFIO driver and the guest's call.
for (const [vfioDriver, guestMapping] of [
  ['vfio-pci', 'ioremap'],
  ['vfio-pci', 'ioremap_wc'],
  ['vfio-platform', 'ioremap_wc'],
] as const) {
  const r = scenario({ kernel: NEWEST_KERNEL, vfioDriver, guestMapping });
  if (!r.ok) throw new Error(r.error.message);
  const { vmaFlags, stage2, guestStage1, effectiveType } = r.result;
  const flag = vmaFlags.includes('VM_ALLOW_ANY_UNCACHED') ? 'flag set' : 'no flag';
  console.log(`host ${NEWEST_KERNEL}, ${vfioDriver} (${flag}), guest ${guestMapping}():`);
  console.log(`  guest stage 1 ${guestStage1.memType} (AttrIndx ${guestStage1.attrIndx})`);
  console.log(`  stage 2 ${stage2?.memAttrName} = 0x${stage2?.memAttr?.toString(16)}, chosen in ${stage2?.decidedIn.prot}`);
  console.log(`  effective ${effectiveType}`);
}

// Output:
// host 7.2, vfio-pci (flag set), guest ioremap():
//   guest stage 1 MT_DEVICE_nGnRE (AttrIndx 4)
//   stage 2 MT_S2_NORMAL_NC = 0x5, chosen in kvm_s2_fault_compute_prot() (called from user_mem_abort())
//   effective Device-nGnRE
// host 7.2, vfio-pci (flag set), guest ioremap_wc():
//   guest stage 1 MT_NORMAL_NC (AttrIndx 2)
//   stage 2 MT_S2_NORMAL_NC = 0x5, chosen in kvm_s2_fault_compute_prot() (called from user_mem_abort())
//   effective Normal-NC
// host 7.2, vfio-platform (no flag), guest ioremap_wc():
//   guest stage 1 MT_NORMAL_NC (AttrIndx 2)
//   stage 2 MT_S2_DEVICE_nGnRE = 0x1, chosen in kvm_s2_fault_compute_prot() (called from user_mem_abort())
//   effective Device-nGnRE
