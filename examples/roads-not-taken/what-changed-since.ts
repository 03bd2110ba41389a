import { FEATURES } from 'memattr';

// What the thread knew in February 2024, and when each later fact arrived.
for (const feature of ['VM_ALLOW_ANY_UNCACHED', 'arm64-uffd-wp', 'cacheable-pfnmap'] as const) {
  const f = FEATURES[feature];
  console.log(`${f.since.padEnd(5)} ${f.what}`);
}

// Output:
// 6.9   VM_ALLOW_ANY_UNCACHED (VMA flag, bit 39)
// 6.10  userfaultfd write-protect on arm64
// 6.17  cacheable stage-2 mappings of cacheable PFNMAP VMAs (FWB and DIC required)
