import { NEWEST_KERNEL, userspaceDriver } from 'memattr';

// The unmerged dma-buf mmap proposal: userspace asks for a memory attribute when it maps.
for (const path of ['vfio-pci-mmap', 'dmabuf-proposal-uc', 'dmabuf-proposal-wc'] as const) {
  const r = userspaceDriver({ kernel: NEWEST_KERNEL, path });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${path.padEnd(19)} ${r.result.memoryType.padEnd(13)} ${r.result.status}`);
}

// Output:
// vfio-pci-mmap       Device-nGnRnE merged
// dmabuf-proposal-uc  Device-nGnRnE unmerged proposal
// dmabuf-proposal-wc  Normal-NC     unmerged proposal
