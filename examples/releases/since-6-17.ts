import { releases } from 'memattr';

// The releases after 6.16, each with its changes (by effect) or the reason nothing changed.
const r = releases();
if (!r.ok) throw new Error(r.error.message);
const { releases: entries, newest } = r.result;
for (const e of entries.slice(entries.findIndex((x) => x.version === '6.17'))) {
  const changes = e.changes.map((c) => `${c.id} (${c.effect}, ${c.confidence})`);
  console.log(`${e.version}: ${changes.length > 0 ? changes.join(', ') : 'no change'}`);
}
console.log(`newest covered: ${newest}`);

// Output:
// 6.17: cacheable-pfnmap (answer, read-at-source), cacheable-pfnmap-cap (context, read-at-source)
// 6.18: kvm-gmem-abort (context, read-at-source), kvm-user-mem-abort-refactor (none, read-at-source), kvm-ptdump-stage2-exec (context, read-at-source), ioremap-wc-nc (answer, read-at-source), kvm-pfnmap-on-fault (answer, read-at-source), nvgrace-gpu-gb300 (context, read-at-source)
// 6.19: vma-flag-by-bit (none, read-at-source), vfio-dmabuf-export (context, read-at-source), nvgrace-gpu-huge-pfnmap (none, read-at-source), kvm-sea-to-user (context, read-at-source)
// 7.0: kvm-ls64 (answer, read-at-source), mt-s2-as-s1 (none, titles-only)
// 7.1: kvm-fault-path-split (none, titles-only)
// 7.2: no change
// newest covered: 7.2
