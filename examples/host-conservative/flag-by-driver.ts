import { VFIO_DRIVERS, vfioMmap } from 'memattr';

// Which VFIO drivers promise that any uncached type is safe, on 6.9?
for (const driver of VFIO_DRIVERS) {
  const r = vfioMmap({ kernel: '6.9', driver });
  if (!r.ok) throw new Error(r.error.message);
  const flag = r.result.vmaFlags.includes('VM_ALLOW_ANY_UNCACHED') ? 'sets' : 'does not set';
  console.log(`${driver.padEnd(18)} ${flag} VM_ALLOW_ANY_UNCACHED; host mapping ${r.result.memoryType}`);
}

// Output:
// vfio-pci           sets VM_ALLOW_ANY_UNCACHED; host mapping Device-nGnRnE
// vfio-platform      does not set VM_ALLOW_ANY_UNCACHED; host mapping Device-nGnRnE
// nvgrace-gpu-resmem sets VM_ALLOW_ANY_UNCACHED; host mapping Normal-NC
// nvgrace-gpu-usemem does not set VM_ALLOW_ANY_UNCACHED; host mapping Normal-WB
