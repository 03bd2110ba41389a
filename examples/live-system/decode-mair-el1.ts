import { decodeMair, linuxMair, NEWEST_KERNEL } from 'memattr';

// MAIR_EL1 read as one 64-bit value, and the AttrIndx (descriptor bits 4:2) of two stage-1 entries.
// The eight attribute bytes are Attr0 (the low byte) to Attr7.
const MAIR_EL1 = 0x000000040044f0ffn;
const mairAttrs = Array.from({ length: 8 }, (_, n) => Number((MAIR_EL1 >> BigInt(8 * n)) & 0xffn));
for (const attrIndx of [2, 4]) {
  const r = decodeMair({ mairAttrs, attrIndx });
  console.log(r.ok ? r.result.explanation : `${r.error.code}: ${r.error.message}`);
}
// Where the value comes from: Linux with MTE programs exactly this (from 5.14 on).
const linux = linuxMair({ kernel: NEWEST_KERNEL, mte: true });
console.log(`Linux ${NEWEST_KERNEL} with MTE programs ${linux.ok ? linux.result.value : '?'}`);

// Output:
// MAIR_EL1.Attr2 = 0x44: Normal: outer Non-cacheable; inner Non-cacheable; XS=1.
// MAIR_EL1.Attr4 = 0x04: Device-nGnRE, XS=1.
// Linux 7.2 with MTE programs 0x000000040044F0FF
