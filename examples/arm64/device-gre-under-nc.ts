// Since 6.9 KVM maps a vfio-pci BAR as Normal-NC at stage 2 (MemAttr 0x5), so the guest's stage 1
// decides: a guest Device-GRE mapping (MAIR 0x0C) stays Device-GRE, because the stricter type wins.
import { combine } from 'memattr';

const r = combine({ s1Mair: 0x0c, s2MemAttr: 0x5 });
if (r.ok) {
  console.log(`effective: ${r.result.summary}, ${r.result.shareability}`);
  console.log(`rule: ${r.result.rule}`);
}

// Output:
// effective: Device-GRE, OSH
// rule: s1-device-over-s2-normal
