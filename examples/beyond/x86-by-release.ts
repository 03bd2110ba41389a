import { kvmEptType, NEWEST_KERNEL } from 'memattr';

// KVM/x86's EPT type for a passthrough BAR: the same from 5.10 on; how each release is known differs.
for (const kernel of ['5.10', '6.16', '6.17', NEWEST_KERNEL]) {
  const r = kvmEptType({ kernel, isMmio: true });
  if (!r.ok) throw new Error(r.error.message);
  const { eptType, ipat, guestPatApplies, confidence } = r.result;
  console.log(`${kernel.padEnd(4)} EPT ${eptType}, ignore-PAT ${ipat}, guest PAT applies: ${guestPatApplies} (${confidence})`);
}

// Output:
// 5.10 EPT UC, ignore-PAT false, guest PAT applies: true (read-at-source)
// 6.16 EPT UC, ignore-PAT false, guest PAT applies: true (read-at-source)
// 6.17 EPT UC, ignore-PAT false, guest PAT applies: true (inferred)
// 7.2  EPT UC, ignore-PAT false, guest PAT applies: true (inferred)
