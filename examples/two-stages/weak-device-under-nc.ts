import { combine } from 'memattr';

// The two weakest Device types under KVM's stage-2 Normal-NC (MemAttr 0x5): the guest's type stays.
for (const [name, s1Mair] of [
  ['Device-nGRE', 0x08],
  ['Device-GRE', 0x0c],
] as const) {
  const r = combine({ s1Mair, s2MemAttr: 0x5 });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`guest ${name} (0x${s1Mair.toString(16).padStart(2, '0')}) -> ${r.result.summary} (${r.result.rule})`);
}

// Output:
// guest Device-nGRE (0x08) -> Device-nGRE (s1-device-over-s2-normal)
// guest Device-GRE (0x0c) -> Device-GRE (s1-device-over-s2-normal)
