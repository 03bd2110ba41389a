import { userspaceDriver, VFIO_DMABUF_EXPORT } from 'memattr';

// 6.19's dma-buf export of BAR ranges: for peer-to-peer importers; the BAR mmap stays as it was.
const x = VFIO_DMABUF_EXPORT;
console.log(`${x.since} (${x.commit}): ${x.feature} exports ${x.regions}`);
console.log(`  importers: ${x.importers}`);
console.log(
  `  CPU mmap of the dma-buf: ${x.cpuMmap}; changes the BAR mmap: ${x.changesBarMmap}; changes a guest's type: ${x.changesGuestMemoryType}`,
);
for (const kernel of ['6.18', x.since]) {
  const r = userspaceDriver({ kernel, path: 'vfio-pci-mmap' });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${kernel}: a process mapping a vfio-pci BAR gets ${r.result.memoryType}`);
}

// Output:
// 6.19 (5d74781ebc86): VFIO_DEVICE_FEATURE_DMA_BUF exports BAR regions only (region_index below VFIO_PCI_ROM_REGION_INDEX), page-aligned ranges
//   importers: peer-to-peer attachments (attach refuses an importer without peer2peer) and iommufd
//   CPU mmap of the dma-buf: false; changes the BAR mmap: false; changes a guest's type: false
// 6.18: a process mapping a vfio-pci BAR gets Device-nGnRnE
// 6.19: a process mapping a vfio-pci BAR gets Device-nGnRnE
