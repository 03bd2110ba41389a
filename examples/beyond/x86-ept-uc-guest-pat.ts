import { eptCombine } from 'memattr';

// KVM/x86 maps passthrough MMIO with EPT type UC (0) and ignore-PAT clear; the guest's PAT picks the row.
const PAT = { UC: 0, WC: 1, WT: 4, WP: 5, WB: 6, 'UC-': 7 };
for (const [name, guestPat] of Object.entries(PAT)) {
  const r = eptCombine({ eptMemType: 0, guestPat });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`guest PAT ${name.padEnd(3)} -> ${r.result.effective}`);
}

// Output:
// guest PAT UC  -> UC
// guest PAT WC  -> WC
// guest PAT WT  -> UC
// guest PAT WP  -> UC
// guest PAT WB  -> UC
// guest PAT UC- -> UC
