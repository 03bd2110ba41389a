import { compare, NEWEST_KERNEL } from 'memattr';

// A guest ioremap_wc() on a passthrough BAR, on three architectures: before and after arm64's change,
// and on the newest covered release (RISC-V changed in 6.18).
for (const kernel of ['6.8', '6.9', NEWEST_KERNEL]) {
  const r = compare({ guestMapping: 'ioremap_wc', kernel });
  if (!r.ok) throw new Error(r.error.message);
  const cells = r.result.rows.map((row) => `${row.arch} ${row.effective} (${row.decidedBy})`);
  console.log(`${kernel}: ${cells.join(', ')}`);
}

// Output:
// 6.8: arm64 Device-nGnRE (hypervisor), x86 WC (guest), riscv IO (both)
// 6.9: arm64 Normal-NC (both), x86 WC (guest), riscv IO (both)
// 7.2: arm64 Normal-NC (both), x86 WC (guest), riscv NC (guest)
