import { combine } from 'memattr';

// A per-range "map this NC" request would only matter if stage 2 chose the type. It doesn't:
// under KVM's Normal-NC, the guest's Device mapping stays Device, with FWB off and on.
for (const fwb of [false, true]) {
  const r = combine({ s1Mair: 0x04, s2MemAttr: 0x5, fwb });
  if (r.ok) console.log(`FWB ${fwb ? 'on ' : 'off'}: guest Device-nGnRE under stage-2 Normal-NC -> ${r.result.summary}`);
}

// Output:
// FWB off: guest Device-nGnRE under stage-2 Normal-NC -> Device-nGnRE
// FWB on : guest Device-nGnRE under stage-2 Normal-NC -> Device-nGnRE
