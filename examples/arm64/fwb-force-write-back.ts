// With FEAT_S2FWB, stage 2 can force a result instead of capping it: MemAttr 0b0110 makes the access
// Normal Write-Back even when the guest's stage 1 says Device.
import { combine } from 'memattr';

const forced = combine({ s1Mair: 0x04, s2MemAttr: 0b0110, fwb: true });
if (forced.ok) {
  const { memoryType, inner, outer, shareability, rule } = forced.result;
  console.log({ memoryType, inner, outer, shareability, rule });
}

// Output:
// {
//   "memoryType": "Normal",
//   "inner": "WB",
//   "outer": "WB",
//   "shareability": "ISH",
//   "rule": "fwb-force-wb"
// }
