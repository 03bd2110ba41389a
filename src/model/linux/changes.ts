/**
 * Every change inside the covered range that bears on the question, recorded once under its id: the
 * release, what changed and its citation in CHANGE_RELEASES (linux/change-releases.ts, which FEATURES in
 * linux/versions.ts reads), and here the commits, the file and function and what it means for a BAR
 * assigned to a VM. The RISC-V and x86 version data derive from KERNEL_CHANGES; the release-by-release
 * view (compare/releases.ts) adds the MMIO accessor changes kept in linux/accessors.ts.
 *
 * Sources: the research notes of 2026-12-01 (notes/kvm-arm64.md, notes/vfio-mm-riscv-x86.md,
 * notes/arch-factcheck.md) and the project's reference (shared/reference/kernel.md, cross-arch.md);
 * "id N" is a search-tool id of a stored source.
 */
import { CHANGE_RELEASES, type ChangeId } from './change-releases';
import type { ChangeDetails, KernelChange } from './change-types';
import { RISCV_CHANGE_DETAILS } from './changes-riscv';
import type { Evidence } from './releases';

export type { ChangeId } from './change-releases';
export type { ChangeArea, ChangeDetails, ChangeEffect, KernelChange } from './change-types';
export { CHANGE_AREAS, CHANGE_EFFECTS } from './change-types';

const KVM_6174: Evidence = {
  read: 'user_mem_abort() and kvm_arch_prepare_memory_region() in the 6.17.4 copy',
  ref: 'id 2991306540',
  confidence: 'read-at-source',
};
const KVM_70: Evidence = {
  read: 'kvm_handle_guest_abort(), user_mem_abort() and io_mem_abort() in a 7.0-era tree',
  ref: 'id 66377571315',
  confidence: 'read-at-source',
};

/**
 * The rest of each change in CHANGE_RELEASES (linux/change-releases.ts); the RISC-V changes' in
 * ./changes-riscv.ts, which the RISC-V model reads without the rest.
 */
export const CHANGE_DETAILS = {
  ...RISCV_CHANGE_DETAILS,
  ioremap_np: {
    area: 'arm64',
    commits: ['7c566bb5e4d5', '9a63ae850255'],
    where: 'include/asm-generic/io.h, arch/arm64/include/asm/io.h ioremap_np()',
    bearing: 'A guest driver can ask for Device-nGnRnE; under a Normal-NC stage 2 it gets it.',
    effect: 'answer',
    evidence: [{ read: 'the ioremap variants and their release', ref: 'reference kernel.md §4', confidence: 'inferred' }],
  },
  'mt-layout-5.14': {
    area: 'arm64',
    commits: ['21cfe6edbadb', '58cc6b72a212'],
    where: 'arch/arm64/include/asm/memory.h MT_*, arch/arm64/mm/proc.S MAIR_EL1_SET',
    bearing: 'Linux programs five MAIR slots instead of seven; the byte each ioremap variant selects is unchanged.',
    effect: 'answer',
    evidence: [
      {
        read: 'both commits in arm64 for-next/mm and the 5.14 arm64 pull',
        ref: 'notes/arch-factcheck.md C7 (ids 66907930535, 46513181586)',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-mte': {
    area: 'kvm-arm64',
    commits: ['ea7fc1bb1cd1'],
    where: 'arch/arm64/kvm/mmu.c kvm_arch_prepare_memory_region()',
    bearing: 'An MTE-enabled VM cannot have a memslot over a VFIO BAR (a shared PFN map): -EINVAL.',
    effect: 'answer',
    evidence: [
      {
        read: 'Marc Zyngier\'s "Applied to next" mail (ea7fc1bb1cd1, Link dated 2021-06-21) and a KVM pull listing the series; the release is inferred from the dates',
        ref: 'ids 27483387503, 34439503568',
        confidence: 'inferred',
      },
      {
        read: 'the patch hunk in kvm_arch_prepare_memory_region() (kvm_has_mte() && VM_SHARED gives -EINVAL) and a 5.x mmu.c copy with it',
        ref: 'ids 27463623785, 2597665',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-mte-allowed': {
    area: 'kvm-arm64',
    commits: ['c911f0d46879', 'd89585fbb308'],
    where: 'arch/arm64/kvm/mmu.c kvm_arch_prepare_memory_region(), user_mem_abort()',
    bearing: 'A VFIO BAR VMA has no VM_MTE_ALLOWED, so an MTE-enabled VM still cannot map it: -EINVAL.',
    effect: 'none',
    evidence: [
      {
        read: 'Marc Zyngier\'s "applied" mail (v5 7/8, 6/8) and the KVM pull listing both',
        ref: 'ids 99326108, 12643810902',
        confidence: 'read-at-source',
      },
    ],
  },
  VM_ALLOW_ANY_UNCACHED: {
    area: 'kvm-arm64',
    commits: ['5c656fcdd6c6', '8c47ce3e1d2c', 'a39d3a966a09', 'c034ec84e879'],
    where: 'include/linux/mm.h; arch/arm64/kvm/mmu.c user_mem_abort(); drivers/vfio/pci/vfio_pci_core.c vfio_pci_core_mmap()',
    bearing:
      "The thread's series (v9, posted 2024-02-24, applied to kvmarm/next 2024-02-26) merged: vfio-pci marks its BAR VMAs and KVM maps them Normal-NC at stage 2, so the guest's own stage 1 decides between Device and Normal-NC.",
    effect: 'answer',
    evidence: [
      {
        read: 'Oliver Upton\'s "Applied to kvmarm/next" reply to the v9 cover letter (2024-02-26) and the VFIO pull for v6.9-rc1',
        ref: 'notes/arch-factcheck.md C11 (id 20743538389); reference kernel.md §1',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu': {
    area: 'vfio',
    commits: ['701ab935859f', '81617c17bf58'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap()',
    bearing:
      'The first variant driver to use the flag: its resmem region is mapped write-combining with VM_ALLOW_ANY_UNCACHED and reaches the guest as Normal-NC; its usemem region is cacheable.',
    effect: 'answer',
    evidence: [
      {
        read: 'the driver and the flag companion commit in the v6.9 VFIO pull',
        ref: 'reference kernel.md §5',
        confidence: 'read-at-source',
      },
    ],
  },
  'arm64-uffd-wp': {
    area: 'arm64',
    commits: ['5b32510af77b'],
    where: 'arch/arm64/include/asm/pgtable.h',
    bearing: 'The thread turned down a PTE bit partly because arm64 had no uffd-wp; it gained it right after.',
    effect: 'context',
    evidence: [{ read: 'the arm64 pull for 6.10', ref: 'notes/arch-factcheck.md C13 (id 26688346787)', confidence: 'read-at-source' }],
  },
  'x86-honor-guest-pat': {
    area: 'x86',
    commits: ['377b2f359d1f', '0a7b73559b39', 'e1548088ff54'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask()',
    bearing: 'RAM only: MMIO was always EPT UC with guest PAT honored.',
    effect: 'answer',
    evidence: [{ read: 'vmx_get_mt_mask() by release', ref: 'reference cross-arch.md §1', confidence: 'read-at-source' }],
  },
  'x86-honor-guest-pat-revert': {
    area: 'x86',
    commits: ['9d70f3fec14421e793ffbc0ec2f739b24e534900'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask()',
    bearing: 'RAM only; a passthrough BAR keeps EPT UC with guest PAT honored.',
    effect: 'answer',
    evidence: [
      {
        read: 'the revert in the for-linus-6.11 pull, merged after the v6.11 tag',
        ref: 'reference cross-arch.md §1',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-ptdump-stage2': {
    area: 'kvm-arm64',
    commits: ['7c4f73548ed1'],
    where: 'arch/arm64/kvm/ptdump.c (debugfs <vm>/stage2_page_tables, with ipa_range and stage2_levels)',
    bearing:
      'A live system shows each stage-2 range with its permissions, access flag and block size, but never its MemAttr: the stage-2 type of a BAR is worked out from the host kernel, the driver and the VMA flags (the scenario), not read from this file.',
    effect: 'context',
    evidence: [
      {
        read: 'the kvmarm-6.12 pull (ptdump.c +268) and the field lists in later fixes; MemAttr in no mainline version seen',
        ref: 'ids 20462509574, 6734326903, 5268362843',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-resmem-by-gpu': {
    area: 'vfio',
    commits: ['bd53764a60ad', '6a9eb2d125ba', '2bb447540e71'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_init_nvdev_struct(), nvgrace_gpu_has_mig_hw_bug()',
    bearing: 'On Grace Blackwell all GPU memory is cacheable usemem and regions 2/3 are the real BAR1, mapped by vfio_pci_core_mmap().',
    effect: 'answer',
    evidence: [
      {
        read: 'nvgrace_gpu_mmap() and nvgrace_gpu_init_nvdev_struct() (torvalds 1b0ecb5baf4a); the VFIO pull for v6.14-rc1; the v6 cover letter',
        ref: 'ids 15776453027, 10596924071, 10717423032',
        confidence: 'read-at-source',
      },
    ],
  },
  'x86-ignore-guest-pat-quirk': {
    area: 'x86',
    commits: ['c9c1e20b4c7d60fa084b3257525d21a49fe651a1'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask(), vmx_ignore_guest_pat()',
    bearing:
      'RAM only; passthrough MMIO stays EPT UC with guest PAT honored. No change to vmx_get_mt_mask() found 6.17-7.2 (inferred: no per-release file read).',
    effect: 'answer',
    evidence: [
      {
        read: 'the stable backport diff and the 6.16-window tools uAPI header sync',
        ref: 'ids 57533986177, 46077317886',
        confidence: 'read-at-source',
      },
    ],
  },
  'cacheable-pfnmap': {
    area: 'kvm-arm64',
    commits: ['216887f79d98', '2a8dfab26677', '0c67288e0c8b', '8cc9dc1ae4fb'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort(), kvm_arch_prepare_memory_region(); asm/kvm_mmu.h kvm_supports_cacheable_pfnmap()',
    bearing:
      'A cacheable PFN map (nvgrace-gpu usemem) gets Normal-WB at stage 2 with FWB and DIC, else -EFAULT / -EINVAL; vfio-pci BARs stay Normal-NC.',
    effect: 'answer',
    evidence: [
      KVM_6174,
      {
        read: 'Oliver Upton\'s "applied" mail for v10 and the kvmarm-6.17 pull',
        ref: 'ids 26573887509, 36383508520',
        confidence: 'read-at-source',
      },
    ],
  },
  'cacheable-pfnmap-cap': {
    area: 'kvm-arm64',
    commits: ['f55ce5a6cd33'],
    where: 'arch/arm64/kvm/arm.c kvm_vm_ioctl_check_extension(); Documentation/virt/kvm/api.rst',
    bearing: 'Its documentation names FWB only; the code tests FWB and DIC, so a host with FWB but no DIC reports 0.',
    effect: 'context',
    evidence: [
      {
        read: 'v10 4/6 (the helper body: FWB && DIC) and v10 6/6 (api.rst text: FWB only); the cap number in a uAPI header',
        ref: 'ids 26755782216, 32657309000, 21416115738',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-gmem-abort': {
    area: 'kvm-arm64',
    commits: ['a7b57e099592'],
    where: 'arch/arm64/kvm/mmu.c gmem_abort(), kvm_handle_guest_abort()',
    bearing:
      'Never a BAR: a guest_memfd memslot is backed by a guest_memfd file, not a userspace VMA, and its pages are RAM from that file, never a VM_PFNMAP mapping of MMIO; kvm_handle_guest_abort() calls it only for such slots.',
    effect: 'context',
    evidence: [
      { read: '[PATCH v17 18/24] and the mainline push listing it', ref: 'ids 36195045922, 66525643630', confidence: 'read-at-source' },
    ],
  },
  'kvm-user-mem-abort-refactor': {
    area: 'kvm-arm64',
    commits: ['638ea79669f8'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort()',
    bearing: 'None: the device / Normal-NC / -EFAULT / -ENOEXEC lines are untouched.',
    effect: 'none',
    evidence: [
      { read: '[PATCH v17 17/24] and the mainline push listing it', ref: 'ids 36055422306, 66525643630', confidence: 'read-at-source' },
    ],
  },
  'kvm-ptdump-stage2-exec': {
    area: 'kvm-arm64',
    commits: ['8673e5b22e1e'],
    where: 'arch/arm64/kvm/ptdump.c',
    bearing: 'Still no MemAttr column. (6.19 changes the execute columns again for FEAT_XNX; the new strings were not read.)',
    effect: 'context',
    evidence: [
      {
        read: 'v2 of the patch, its "applied" mail and the 6.18 mainline push',
        ref: 'ids 6734326903, 41472860913, 66525643630',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-gb300': {
    area: 'vfio',
    commits: ['407aa63018d1'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c device table',
    bearing: 'Same regions as GB200: no resmem, all GPU memory cacheable usemem.',
    effect: 'context',
    evidence: [{ read: 'the VFIO pull for v6.18-rc1', ref: 'id 21243526430', confidence: 'read-at-source' }],
  },
  'vma-flag-by-bit': {
    area: 'mm',
    commits: ['2b6a3f061f11372af79b862d6184d43193ae927f'],
    where: 'include/linux/mm.h',
    bearing: 'None for the mapping: the flag keeps its bit and meaning; only the name of the bit constant changed.',
    effect: 'none',
    evidence: [
      {
        read: '[PATCH v3 1/4] and the mainline merge of mm-stable-2025-12-03',
        ref: 'ids 18956295398, 65804376494',
        confidence: 'read-at-source',
      },
    ],
  },
  'vfio-dmabuf-export': {
    area: 'vfio',
    commits: ['5d74781ebc86'],
    where: 'drivers/vfio/pci/vfio_pci_dmabuf.c; include/uapi/linux/vfio.h VFIO_DEVICE_FEATURE_DMA_BUF',
    bearing:
      "Nothing changes for QEMU's BAR mmap or the guest: vfio_pci_core_mmap() keeps pgprot_noncached() and VM_ALLOW_ANY_UNCACHED, and no CPU mapping of the dma-buf exists.",
    effect: 'context',
    evidence: [
      {
        read: 'the VFIO pull for v6.19-rc1 and vfio_pci_dmabuf.c (no .mmap op; attach requires peer2peer)',
        ref: 'ids 8767293867, 33854406873',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-huge-pfnmap': {
    area: 'vfio',
    commits: ['9db65489b872', '9b92bc7554b5'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap(), nvgrace_gpu_vfio_pci_huge_fault()',
    bearing: 'None for the memory type: resmem keeps pgprot_writecombine() and VM_ALLOW_ANY_UNCACHED, usemem stays cacheable.',
    effect: 'none',
    evidence: [
      { read: 'the v7 2/6 hunk quoted in review and the VFIO pull', ref: 'ids 8511212786, 8767293867', confidence: 'read-at-source' },
    ],
  },
  'kvm-sea-to-user': {
    area: 'kvm-arm64',
    commits: ['ad9c62bd8946', '4debb5e8952e'],
    where: 'arch/arm64/kvm/mmu.c kvm_handle_guest_sea()',
    bearing:
      'A synchronous external abort on a guest BAR access can reach the VMM instead of becoming a virtual SError; asynchronous SErrors, the uncontained case VM_ALLOW_ANY_UNCACHED guards against, are unchanged.',
    effect: 'context',
    evidence: [
      {
        read: 'the v4 cover letter, the kvmarm-6.19 pull and kvm_handle_guest_sea() in the 7.0 copy; 6.17.4 ends in kvm_inject_serror()',
        ref: 'ids 1597893361, 8269938277, 66377571315, 2991306540',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-ls64': {
    area: 'kvm-arm64',
    commits: ['151b92c92a45', 'f174a9ffcd48', '2937aeec9dc5'],
    where: 'arch/arm64/kvm/mmu.c kvm_handle_guest_abort(), user_mem_abort(); arch/arm64/kvm/mmio.c io_mem_abort()',
    bearing:
      'A guest driver may issue ST64B to a passthrough BAR; where the memory type does not support it and the abort reaches KVM, the guest sees DFSC 0x35.',
    effect: 'answer',
    evidence: [
      KVM_70,
      {
        read: 'v4 1/7 and 3/7 of the LS64 series; the kvmarm-7.0 pull; the pre-7.0 "Unsupported FSC" check in 6.17.4',
        ref: 'ids 12059089811, 12699637402, 53138572482, 2991306540',
        confidence: 'read-at-source',
      },
    ],
  },
  'mt-s2-as-s1': {
    area: 'kvm-arm64',
    commits: ['d4236f1ef270', '17d7b15131f3', 'a373930ec940', '4f27fe82aa30'],
    where: 'arch/arm64/include/asm/memory.h MT_S2_AS_S1, MT_S2_FWB_AS_S1; kvm_pgtable.h KVM_PGTABLE_S2_AS_S1',
    bearing: "None for a guest: a normal VM's stage 2 is created without KVM_PGTABLE_S2_AS_S1 and keeps MT_S2_* / MT_S2_FWB_* as before.",
    effect: 'none',
    evidence: [
      {
        read: 'the kvmarm-7.0 pull, memory.h in a post-7.0 copy; the flag users from titles and a secondary reading',
        ref: 'ids 53138572482, 61478282242, 71341424105',
        confidence: 'titles-only',
      },
    ],
  },
  'kvm-fault-path-split': {
    area: 'kvm-arm64',
    commits: ['66fcf492008d', 'a6e11bd6e1bd', 'e314a4dbdb8b', 'adb70b3a8b31'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort(), kvm_s2_fault_pin_pfn(), kvm_s2_fault_compute_prot(), kvm_s2_fault_map()',
    bearing: 'None for the result: the same choice, made in helpers that user_mem_abort() calls.',
    effect: 'none',
    evidence: [
      {
        read: "the commit list in the kvmarm next push and the 7.1 merge window; Fuad Tabba's intermediate patches (compute_prot with the NC/DEVICE ternary) read; e314a4dbdb8b and adb70b3a8b31 by title only",
        ref: 'ids 66628525852, 66702767530, 53459078411, 53498406115, 53539997366, 67248254594',
        confidence: 'titles-only',
      },
    ],
  },
} as const satisfies Record<ChangeId, ChangeDetails>;

/** Every change, whole: CHANGE_RELEASES and CHANGE_DETAILS together, in the order of KernelChange. */
export const KERNEL_CHANGES = Object.fromEntries(
  (Object.keys(CHANGE_RELEASES) as ChangeId[]).map((id) => {
    const { release, what, source } = CHANGE_RELEASES[id];
    const { area, commits, where, bearing, effect, evidence } = CHANGE_DETAILS[id];
    const change: KernelChange = { release, area, commits, where, what, bearing, effect, source, evidence };
    return [id, change];
  }),
) as { readonly [K in ChangeId]: KernelChange };
