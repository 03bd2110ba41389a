import { NEWEST_KERNEL, scenario } from 'memattr';

// The newest covered release answers; the next one is refused until the version data has its row.
const [major, minor] = NEWEST_KERNEL.split('.').map(Number);
for (const kernel of [NEWEST_KERNEL, `${major}.${(minor ?? 0) + 1}`]) {
  const r = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });
  console.log(`${kernel}: ${r.ok ? r.result.effectiveType : `${r.error.code} ${r.error.message}`}`);
}

// Output:
// 7.2: Normal-NC
// 7.3: BAD_INPUT kernel "7.3" is outside the modelled range; the model covers 5.10 to 7.2 (checked at the source up to 7.2)
