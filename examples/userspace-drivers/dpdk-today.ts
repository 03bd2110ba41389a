import { NEWEST_KERNEL, userspaceDriver } from 'memattr';

// A userspace driver maps a vfio-pci BAR itself: there is no stage 2, the host's stage 1 is the result.
for (const kernel of ['6.8', '6.9', '6.17', NEWEST_KERNEL]) {
  const r = userspaceDriver({ kernel, path: 'vfio-pci-mmap' });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${kernel.padEnd(4)} ${r.result.memoryType}`);
}

// Output:
// 6.8  Device-nGnRnE
// 6.9  Device-nGnRnE
// 6.17 Device-nGnRnE
// 7.2  Device-nGnRnE
