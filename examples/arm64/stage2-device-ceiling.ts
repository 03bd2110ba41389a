// Before 6.9 KVM mapped every non-RAM page as Device-nGnRE at stage 2 (MemAttr 0x1). Stage 2 is a
// ceiling: whatever the guest asks for, it gets nothing weaker, so ioremap_wc() could not write-combine.
import { combine } from 'memattr';

for (const [name, s1Mair] of [
  ['ioremap_wc (Normal-NC)', 0x44],
  ['ioremap (Device-nGnRE)', 0x04],
  ['ioremap_np (Device-nGnRnE)', 0x00],
] as const) {
  const r = combine({ s1Mair, s2MemAttr: 0x1 });
  console.log(`${name} -> ${r.ok ? r.result.summary : r.error.message}`);
}

// Output:
// ioremap_wc (Normal-NC) -> Device-nGnRE
// ioremap (Device-nGnRE) -> Device-nGnRE
// ioremap_np (Device-nGnRnE) -> Device-nGnRnE
