import { MT_S2, MT_S2_USE, type MtS2Name } from 'memattr';

// The stage-2 MemAttr values KVM writes (arch/arm64/include/asm/memory.h), and whose stage 2 uses each.
for (const [name, value] of Object.entries(MT_S2) as [MtS2Name, number][]) {
  console.log(`${name.padEnd(22)} 0x${value.toString(16).toUpperCase()}  ${MT_S2_USE[name]}`);
}

// Output:
// MT_S2_NORMAL           0xF  guest
// MT_S2_NORMAL_NC        0x5  guest
// MT_S2_DEVICE_nGnRE     0x1  guest
// MT_S2_FWB_NORMAL       0x6  guest
// MT_S2_FWB_NORMAL_NC    0x5  guest
// MT_S2_FWB_DEVICE_nGnRE 0x1  guest
// MT_S2_AS_S1            0xF  pkvm-host
// MT_S2_FWB_AS_S1        0x7  pkvm-host
