import { KERNEL_CHANGES } from 'memattr';

// KVM's per-VM stage-2 dump: when it arrived, what it prints, and what it leaves out.
for (const id of ['kvm-ptdump-stage2', 'kvm-ptdump-stage2-exec'] as const) {
  const c = KERNEL_CHANGES[id];
  console.log(`${c.release} (${c.commits[0]}): ${c.what}`);
  console.log(`  ${c.bearing}`);
}

// Output:
// 6.12 (7c4f73548ed1): a per-VM debugfs dump of the guest's stage 2 (CONFIG_PTDUMP_STAGE2_DEBUGFS; not with pKVM)
//   A live system shows each stage-2 range with its permissions, access flag and block size, but never its MemAttr: the stage-2 type of a BAR is worked out from the host kernel, the driver and the VMA flags (the scenario), not read from this file.
// 6.18 (8673e5b22e1e): the stage-2 dump prints execute permission as the stage-1 dump does ("NX" / "x "), no longer inverted
//   Still no MemAttr column. (6.19 changes the execute columns again for FEAT_XNX; the new strings were not read.)
