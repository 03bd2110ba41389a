import { linuxMair } from 'memattr';

// How many MAIR_EL1 slots Linux programs at boot: 5.14 removed Normal-WT and Device-GRE.
for (const kernel of ['5.13', '5.14']) {
  const r = linuxMair({ kernel });
  if (!r.ok) throw new Error(r.error.message);
  const { slots, value } = r.result;
  console.log(`${kernel}: ${slots.length} slots, MAIR_EL1 = ${value}`);
  for (const s of slots) console.log(`  Attr${s.index} ${s.memType.padEnd(16)} 0x${s.byte.toString(16).padStart(2, '0')}`);
}

// Output:
// 5.13: 7 slots, MAIR_EL1 = 0x000C0400BB44FFFF
//   Attr0 MT_NORMAL        0xff
//   Attr1 MT_NORMAL_TAGGED 0xff
//   Attr2 MT_NORMAL_NC     0x44
//   Attr3 MT_NORMAL_WT     0xbb
//   Attr4 MT_DEVICE_nGnRnE 0x00
//   Attr5 MT_DEVICE_nGnRE  0x04
//   Attr6 MT_DEVICE_GRE    0x0c
// 5.14: 5 slots, MAIR_EL1 = 0x000000040044FFFF
//   Attr0 MT_NORMAL        0xff
//   Attr1 MT_NORMAL_TAGGED 0xff
//   Attr2 MT_NORMAL_NC     0x44
//   Attr3 MT_DEVICE_nGnRnE 0x00
//   Attr4 MT_DEVICE_nGnRE  0x04
