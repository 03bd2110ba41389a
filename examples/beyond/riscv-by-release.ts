import { RISCV_FACTS, riscvPassthrough } from 'memattr';

// RISC-V changed both sides of the answer in 6.18: the guest's ioremap_wc() and KVM's G-stage for a BAR.
for (const kernel of ['6.17', '6.18']) {
  for (const guestMapping of ['ioremap', 'ioremap_wc'] as const) {
    const r = riscvPassthrough({ kernel, guestMapping });
    if (!r.ok) throw new Error(r.error.message);
    const { gStage, guest, effective } = r.result;
    console.log(`${kernel} ${guestMapping.padEnd(10)} G-stage ${gStage.pbmt}, guest ${guest.pbmt} -> ${effective}`);
  }
}
for (const id of ['ioremap-wc-nc', 'kvm-pfnmap-on-fault'] as const) {
  const f = RISCV_FACTS[id];
  console.log(`${f.since}: ${f.what} (${f.source.url})`);
}

// Output:
// 6.17 ioremap    G-stage IO, guest IO -> IO
// 6.17 ioremap_wc G-stage IO, guest IO -> IO
// 6.18 ioremap    G-stage PMA, guest IO -> IO
// 6.18 ioremap_wc G-stage PMA, guest NC -> NC
// 6.18: riscv ioremap_wc() maps with PBMT NC (before: the generic fallback to ioremap(), PBMT IO) (https://git.kernel.org/torvalds/c/3a8ee3a9f4f6)
// 6.18: KVM RISC-V maps VFIO BAR pages on G-stage fault with PBMT 0 (PMA) instead of PBMT IO at memslot creation (https://git.kernel.org/torvalds/c/8c5fa3764facaad6d38336e90f406c2c11d69733)
