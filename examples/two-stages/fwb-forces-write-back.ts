import { combine } from 'memattr';

// With FEAT_S2FWB, stage 2 can do what it never can without it: make the result weaker than stage 1.
const guestDevice = 0x04; // the guest's ioremap(): Device-nGnRE

for (const [label, s2MemAttr] of [
  ['FWB 0b101 (MT_S2_FWB_NORMAL_NC)', 0b101],
  ['FWB 0b110 (MT_S2_FWB_NORMAL)', 0b110],
  ['FWB 0b111 (MT_S2_FWB_AS_S1)', 0b111],
] as const) {
  const r = combine({ s1Mair: guestDevice, s2MemAttr, fwb: true });
  if (r.ok) console.log(`${label}: ${r.result.summary} [${r.result.rule}]`);
}

// Output:
// FWB 0b101 (MT_S2_FWB_NORMAL_NC): Device-nGnRE [fwb-nc-keeps-s1-device]
// FWB 0b110 (MT_S2_FWB_NORMAL): Normal-WB [fwb-force-wb]
// FWB 0b111 (MT_S2_FWB_AS_S1): Device-nGnRE [fwb-as-s1]
