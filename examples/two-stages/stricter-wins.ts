import { combine } from 'memattr';

// FWB off: for each guest choice under KVM's two stage-2 values, the stricter stage wins.
const guest = { 'Device-nGnRE': 0x04, 'Device-GRE': 0x0c, 'Normal-NC': 0x44, 'Normal-WB': 0xff };
const stage2 = { DEVICE_nGnRE: 0x1, NORMAL_NC: 0x5 };

for (const [s2name, s2MemAttr] of Object.entries(stage2)) {
  for (const [s1name, s1Mair] of Object.entries(guest)) {
    const r = combine({ s1Mair, s2MemAttr });
    if (r.ok) console.log(`S2 ${s2name.padEnd(12)} S1 ${s1name.padEnd(12)} -> ${r.result.summary}`);
  }
}

// Output:
// S2 DEVICE_nGnRE S1 Device-nGnRE -> Device-nGnRE
// S2 DEVICE_nGnRE S1 Device-GRE   -> Device-nGnRE
// S2 DEVICE_nGnRE S1 Normal-NC    -> Device-nGnRE
// S2 DEVICE_nGnRE S1 Normal-WB    -> Device-nGnRE
// S2 NORMAL_NC    S1 Device-nGnRE -> Device-nGnRE
// S2 NORMAL_NC    S1 Device-GRE   -> Device-GRE
// S2 NORMAL_NC    S1 Normal-NC    -> Normal-NC
// S2 NORMAL_NC    S1 Normal-WB    -> Normal-NC
