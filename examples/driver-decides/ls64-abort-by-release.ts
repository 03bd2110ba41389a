import { kvmExclAtomicAbort } from 'memattr';

// A guest access that aborts with DFSC 0x35 (unsupported exclusive, atomic or LS64 access): what KVM does.
const cases = [
  { kernel: '6.19', inMemslot: true, access: 'ls64', routedTo: 'el2' },
  { kernel: '6.19', inMemslot: true, access: 'exclusive-atomic', routedTo: 'el2' },
  { kernel: '7.0', inMemslot: true, access: 'ls64', routedTo: 'el2' },
  { kernel: '7.0', inMemslot: true, access: 'ls64', routedTo: 'el1' },
  { kernel: '7.0', inMemslot: false, access: 'ls64', routedTo: 'el2' },
  { kernel: '7.1', inMemslot: true, access: 'ls64', routedTo: 'el2' },
] as const;
for (const c of cases) {
  const r = kvmExclAtomicAbort(c);
  if (!r.ok) throw new Error(r.error.message);
  const where = c.inMemslot ? `memslot, taken to ${c.routedTo.toUpperCase()}` : 'outside memslots';
  console.log(`${c.kernel} ${c.access} (${where}): ${r.result.outcome}${r.result.function ? ` in ${r.result.function}` : ''}`);
}

// Output:
// 6.19 ls64 (memslot, taken to EL2): ls64-not-offered
// 6.19 exclusive-atomic (memslot, taken to EL2): kvm-run-efault in kvm_handle_guest_abort() (arch/arm64/kvm/mmu.c)
// 7.0 ls64 (memslot, taken to EL2): inject-dabt-0x35 in user_mem_abort() (arch/arm64/kvm/mmu.c)
// 7.0 ls64 (memslot, taken to EL1): guest-el1-abort
// 7.0 ls64 (outside memslots): exit-arm-ldst64b in io_mem_abort() (arch/arm64/kvm/mmio.c)
// 7.1 ls64 (memslot, taken to EL2): inject-dabt-0x35 in kvm_s2_fault_compute_prot() (called from user_mem_abort(), arch/arm64/kvm/mmu.c)
