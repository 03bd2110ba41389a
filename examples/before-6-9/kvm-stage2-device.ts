import { kvmStage2 } from 'memattr';

// A guest write to a BAR page on 6.8: the pfn is not RAM, so KVM maps it as device.
const bar = {
  pfnIsMemory: false,
  vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_DONTEXPAND', 'VM_DONTDUMP', 'VM_SHARED'],
  vmaMemType: 'MT_DEVICE_nGnRnE',
} as const;

for (const fault of ['write', 'exec'] as const) {
  for (const fwb of [false, true]) {
    const r = kvmStage2({ kernel: '6.8', ...bar, fault, fwb });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.result;
    console.log(
      `${fault} fault, FWB ${fwb ? 'on ' : 'off'}: ${s.errno ? `-${s.errno}` : `${s.prot}, MemAttr 0x${s.memAttr?.toString(16)} (${s.memAttrName})`}`,
    );
  }
}

// Output:
// write fault, FWB off: DEVICE, MemAttr 0x1 (MT_S2_DEVICE_nGnRE)
// write fault, FWB on : DEVICE, MemAttr 0x1 (MT_S2_FWB_DEVICE_nGnRE)
// exec fault, FWB off: -ENOEXEC
// exec fault, FWB on : -ENOEXEC
