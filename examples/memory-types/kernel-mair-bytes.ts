import { decodeMair } from 'memattr';

// The attribute bytes Linux programs into MAIR_EL1 (arch/arm64/include/asm/sysreg.h), decoded.
const bytes = { MT_DEVICE_nGnRnE: 0x00, MT_DEVICE_nGnRE: 0x04, MT_NORMAL_NC: 0x44, MT_NORMAL: 0xff, MT_NORMAL_TAGGED: 0xf0 };

for (const [slot, mair] of Object.entries(bytes)) {
  const d = decodeMair({ mair });
  console.log(`${slot.padEnd(17)} ${d.ok ? d.result.explanation : d.error.message}`);
}

// Output:
// MT_DEVICE_nGnRnE  Device-nGnRnE, XS=1.
// MT_DEVICE_nGnRE   Device-nGnRE, XS=1.
// MT_NORMAL_NC      Normal: outer Non-cacheable; inner Non-cacheable; XS=1.
// MT_NORMAL         Normal: outer Write-Back Non-transient, allocate RWA; inner Write-Back Non-transient, allocate RWA; XS=0.
// MT_NORMAL_TAGGED  Normal: outer Write-Back Non-transient, allocate RWA; inner Write-Back Non-transient, allocate RWA; XS=0. MTE Allocation Tagged.
