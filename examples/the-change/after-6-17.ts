import { KERNEL_CHANGES } from 'memattr';

// The KVM/arm64 changes after 6.17 that touch the code this page names, and what each does to a BAR.
for (const id of ['kvm-user-mem-abort-refactor', 'kvm-gmem-abort', 'mt-s2-as-s1', 'kvm-fault-path-split'] as const) {
  const c = KERNEL_CHANGES[id];
  console.log(`${c.release} ${c.commits[0]} [${c.effect}] ${c.what}`);
  console.log(`  ${c.bearing}`);
}

// Output:
// 6.18 638ea79669f8 [none] user_mem_abort() refactored (prepare_mmu_memcache(), adjust_nested_fault_perms()); no change to the memory-type logic
//   None: the device / Normal-NC / -EFAULT / -ENOEXEC lines are untouched.
// 6.18 a7b57e099592 [context] gmem_abort(): faults on guest_memfd memslots map the guest_memfd folio, always Normal
//   Never a BAR: a guest_memfd memslot is backed by a guest_memfd file, not a userspace VMA, and its pages are RAM from that file, never a VM_PFNMAP mapping of MMIO; kvm_handle_guest_abort() calls it only for such slots.
// 7.0 d4236f1ef270 [none] MT_S2{,_FWB}_AS_S1 (0xF, 7): a 'use stage 1' stage-2 encoding for the pKVM host's own stage 2; KVM_PGTABLE_S2_NOFWB removed
//   None for a guest: a normal VM's stage 2 is created without KVM_PGTABLE_S2_AS_S1 and keeps MT_S2_* / MT_S2_FWB_* as before.
// 7.1 66fcf492008d [none] user_mem_abort() split: kvm_s2_fault_pin_pfn() decides device / non-cacheable, kvm_s2_fault_compute_prot() picks NORMAL_NC or DEVICE, kvm_s2_fault_map() maps
//   None for the result: the same choice, made in helpers that user_mem_abort() calls.
