import { NEWEST_KERNEL, NVGRACE_GPU_REGIONS, vfioMmap } from 'memattr';

// nvgrace-gpu's two regions, by GPU: only Grace Hopper has the write-combined carve-out (resmem).
for (const gpu of ['grace-hopper', 'grace-blackwell'] as const) {
  const g = NVGRACE_GPU_REGIONS[gpu];
  console.log(`${gpu}: ${g.devices}, from ${g.since}`);
  for (const driver of ['nvgrace-gpu-resmem', 'nvgrace-gpu-usemem'] as const) {
    const r = vfioMmap({ kernel: NEWEST_KERNEL, driver, gpu });
    const region = driver.replace('nvgrace-gpu-', '');
    if (!r.ok) {
      console.log(`  ${region}: none; regions 2/3 are ${g.bar2}`);
      continue;
    }
    const flag = r.result.allowAnyUncached ? 'VM_ALLOW_ANY_UNCACHED' : 'no flag';
    console.log(`  ${region}: ${r.result.pgprot} -> ${r.result.memoryType}, ${flag}`);
  }
  if (g.resmem !== null) console.log(`  resmem is ${g.resmem}`);
}

// Output:
// grace-hopper: GH200 (device ids 0x2342, 0x2345, 0x2348), from 6.9
//   resmem: pgprot_writecombine -> Normal-NC, VM_ALLOW_ANY_UNCACHED
//   usemem: default vm_page_prot -> Normal-WB, no flag
//   resmem is a 1 GiB carve-out at the end of device memory (resmem_size = SZ_1G), mapped pgprot_writecombine() with VM_ALLOW_ANY_UNCACHED, so KVM maps it Normal-NC
// grace-blackwell: GB200 (0x2941, 6.14); GB300 (0x31C2, 6.18), from 6.14
//   resmem: none; regions 2/3 are the real PF BAR1, mapped by vfio_pci_core_mmap() like any vfio-pci BAR (pgprot_noncached() with VM_ALLOW_ANY_UNCACHED)
//   usemem: default vm_page_prot -> Normal-WB, no flag
