import { KERNEL_CHANGES, kvmStage2 } from 'memattr';

// KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED reports kvm_supports_cacheable_pfnmap(): FWB and DIC both.
const cap = KERNEL_CHANGES['cacheable-pfnmap-cap'];
console.log(`${cap.release}: ${cap.what}`);
for (const [fwb, dic] of [
  [true, true],
  [true, false],
  [false, true],
] as const) {
  const r = kvmStage2({
    kernel: cap.release,
    pfnIsMemory: false,
    vmaFlags: ['VM_IO', 'VM_PFNMAP'],
    vmaMemType: 'MT_NORMAL',
    fwb,
    dic,
    fault: 'read',
  });
  if (!r.ok) throw new Error(r.error.message);
  const outcome = r.result.errno ? `-${r.result.errno}` : `stage 2 ${r.result.prot}`;
  console.log(
    `  FWB ${fwb ? 'yes' : 'no '} DIC ${dic ? 'yes' : 'no '}: cap reports ${r.result.cacheablePfnmapSupported ? 1 : 0}; a fault on a cacheable PFN map: ${outcome}`,
  );
}
console.log(cap.bearing);

// Output:
// 6.17: KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (243), a VM capability reporting kvm_supports_cacheable_pfnmap()
//   FWB yes DIC yes: cap reports 1; a fault on a cacheable PFN map: stage 2 NORMAL
//   FWB yes DIC no : cap reports 0; a fault on a cacheable PFN map: -EFAULT
//   FWB no  DIC yes: cap reports 0; a fault on a cacheable PFN map: -EFAULT
// Its documentation names FWB only; the code tests FWB and DIC, so a host with FWB but no DIC reports 0.
