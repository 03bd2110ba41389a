import { kvmStage2, NEWEST_KERNEL } from 'memattr';

// Where the stage-2 choice for a vfio-pci BAR is made, by host release, and how that is known.
let note = '';
for (const kernel of ['6.9', '7.0', '7.1', NEWEST_KERNEL]) {
  const r = kvmStage2({
    kernel,
    pfnIsMemory: false,
    vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_ALLOW_ANY_UNCACHED'],
    vmaMemType: 'MT_DEVICE_nGnRnE',
    fault: 'write',
  });
  if (!r.ok) throw new Error(r.error.message);
  const { prot, decidedIn, sourceConfidence, sourceNote } = r.result;
  console.log(`${kernel}: ${prot}; device decision in ${decidedIn.pfn}; prot in ${decidedIn.prot} [${sourceConfidence}]`);
  note = sourceNote;
}
console.log(`How ${NEWEST_KERNEL} is known: ${note}`);

// Output:
// 6.9: NORMAL_NC; device decision in user_mem_abort(); prot in user_mem_abort() [read-at-source]
// 7.0: NORMAL_NC; device decision in user_mem_abort(); prot in user_mem_abort() [read-at-source]
// 7.1: NORMAL_NC; device decision in kvm_s2_fault_pin_pfn() (called from user_mem_abort()); prot in kvm_s2_fault_compute_prot() (called from user_mem_abort()) [titles-only]
// 7.2: NORMAL_NC; device decision in kvm_s2_fault_pin_pfn() (called from user_mem_abort()); prot in kvm_s2_fault_compute_prot() (called from user_mem_abort()) [titles-only]
// How 7.2 is known: user_mem_abort() split in 7.1: kvm_s2_fault_pin_pfn() holds the device decision per the title of e314a4dbdb8b (body not read); kvm_s2_fault_compute_prot() holds the prot choice as read in the intermediate commits a6e11bd6e1bd and 84699747aa55 (the final adb70b3a8b31 read by title only)
