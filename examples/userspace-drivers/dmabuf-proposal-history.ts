import { DMABUF_MEMATTR_PROPOSAL } from 'memattr';

// The DMABUF mmap proposal: where its memory-attribute feature came and went, and its latest posting.
const p = DMABUF_MEMATTR_PROPOSAL;
const h = p.featureHistory;
console.log(`"${p.title}": ${p.status} through ${p.unmergedThrough}`);
console.log(`${p.feature} (feature ${h.featureNumber}): introduced in ${h.introducedIn.version} (${h.introducedIn.date}),`);
console.log(`  last seen in ${h.lastSeenIn.version} (${h.lastSeenIn.date}); dropped after ${h.droppedAfter}`);
for (const a of Object.values(p.attributes)) {
  console.log(`  ${a.uapiName} = ${a.value}: ${a.pgprot}() -> ${a.memType}${a.default ? ' (default)' : ''}`);
}
const l = p.latestPosting;
console.log(`latest posting: ${l.subject}`);
console.log(`  ${l.date}, on ${l.base}, ${l.messageId}; carries the attribute: ${l.hasMemattr}`);
console.log(`  known from ${l.knownFrom}`);

// Output:
// "vfio/pci: Add mmap() for DMABUFs": unmerged through 7.2
// VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR (feature 14): introduced in v2 (2026-05-27),
//   last seen in v4 (2026-07-01); dropped after v4 (apparently: v5, v7 and v8 have nine patches and name no attribute patch; unverified)
//   VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR_NC = 0: pgprot_noncached() -> MT_DEVICE_nGnRnE (default)
//   VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR_WC = 1: pgprot_writecombine() -> MT_NORMAL_NC
// latest posting: v8 of "vfio/pci: Add mmap() for DMABUFs" (nine patches; subject line not read)
//   2026-10-06, on v7.3-rc6, <20261006193643.76330-1-matt@ozlabs.org>; carries the attribute: false
//   known from a third-party README (opsound/vfio-dmabuf-lab, id 70844844804); the v8 mail itself is not stored, and its date is the Message-ID date stamp
