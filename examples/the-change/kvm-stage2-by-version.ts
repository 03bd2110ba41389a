import { kvmStage2, NEWEST_KERNEL, type VmaFlag } from 'memattr';

// The same fault on a vfio-pci BAR VMA, across the three eras of the fault path, and the newest release.
const pfnmap: VmaFlag[] = ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP'];

for (const kernel of ['6.8', '6.9', '6.17', NEWEST_KERNEL]) {
  // vfio-pci sets VM_ALLOW_ANY_UNCACHED from 6.9; the flag does not exist before.
  const vmaFlags: VmaFlag[] = kernel === '6.8' ? pfnmap : [...pfnmap, 'VM_ALLOW_ANY_UNCACHED'];
  const r = kvmStage2({ kernel, pfnIsMemory: false, vmaFlags, vmaMemType: 'MT_DEVICE_nGnRnE', fault: 'write' });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${kernel.padEnd(4)} ${r.result.prot} (${r.result.branch})`);
}

// Output:
// 6.8  DEVICE (device)
// 6.9  NORMAL_NC (device-allow-any-uncached)
// 6.17 NORMAL_NC (device-allow-any-uncached)
// 7.2  NORMAL_NC (device-allow-any-uncached)
