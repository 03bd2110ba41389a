import { scenario } from 'memattr';

// The four layers for one scenario, each with the kernel function that decided it.
const r = scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap' });
if (!r.ok) throw new Error(r.error.message);

console.log(`QEMU's mapping   ${r.result.hostUserspace.memType} (${r.result.hostUserspace.memoryType})`);
console.log(`KVM stage 2      ${r.result.stage2?.memAttrName} = ${r.result.stage2?.memAttr}`);
console.log(`guest stage 1    ${r.result.guestStage1.memType}, MAIR 0x${r.result.guestStage1.mair.toString(16)}`);
console.log(`the CPU uses     ${r.result.effectiveType} (rule ${r.result.effective?.rule})`);

// Output:
// QEMU's mapping   MT_DEVICE_nGnRnE (Device-nGnRnE)
// KVM stage 2      MT_S2_NORMAL_NC = 5
// guest stage 1    MT_DEVICE_nGnRE, MAIR 0x4
// the CPU uses     Device-nGnRE (rule s1-device-over-s2-normal)
