import { combine, scenario } from 'memattr';

// One BAR, three translations on 6.9. QEMU's alias is never combined with KVM's stage 2.
const r = scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });
if (!r.ok) throw new Error(r.error.message);
console.log(`QEMU (host stage 1): ${r.result.hostUserspace.memoryType}`);
console.log(`KVM stage 2:         MemAttr ${r.result.stage2?.memAttr} (${r.result.stage2?.prot})`);
console.log(`guest stage 1:       ${r.result.guestStage1.memoryType}`);
console.log(`guest accesses:      ${r.result.effectiveType}`);

// Had anyone combined QEMU's Device-nGnRnE byte (0x00) with stage 2, it would stay Device: Device beats Normal.
const qemuView = combine({ s1Mair: 0x00, s2MemAttr: 0x5 });
console.log(`QEMU's byte under stage 2 would give ${qemuView.ok ? qemuView.result.summary : qemuView.error.message}`);

// Output:
// QEMU (host stage 1): Device-nGnRnE
// KVM stage 2:         MemAttr 5 (NORMAL_NC)
// guest stage 1:       Normal-NC
// guest accesses:      Normal-NC
// QEMU's byte under stage 2 would give Device-nGnRnE
