/**
 * Every change inside the covered range that bears on the question, recorded once: the release, the
 * commits, the file and function, what changed and what it means for a BAR assigned to a VM. FEATURES
 * (linux/versions.ts) and the RISC-V and x86 version data derive from this table; the release-by-release
 * view (compare/releases.ts) adds the MMIO accessor changes kept in linux/accessors.ts.
 *
 * Sources: the research notes of 2026-12-01 (notes/kvm-arm64.md, notes/vfio-mm-riscv-x86.md,
 * notes/arch-factcheck.md) and the project's reference (shared/reference/kernel.md, cross-arch.md);
 * "id N" is a search-tool id of a stored source.
 */
import type { Evidence, KernelVersion } from './releases';

export const CHANGE_AREAS = ['kvm-arm64', 'arm64', 'mm', 'vfio', 'riscv', 'x86'] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

/**
 * What a change does to the model's answers: `answer` changes a computed result for some input;
 * `context` adds a facility the pages discuss without changing a computed memory type; `none` is a
 * change in the code the pages name with no functional change.
 */
export const CHANGE_EFFECTS = ['answer', 'context', 'none'] as const;
export type ChangeEffect = (typeof CHANGE_EFFECTS)[number];

export interface KernelChange {
  readonly release: KernelVersion;
  readonly area: ChangeArea;
  /** Commit ids (12 hex digits or more); the first is the one a page links. */
  readonly commits: readonly string[];
  /** File and function. */
  readonly where: string;
  /** What changed, in one line. */
  readonly what: string;
  /** What it means for a PCI BAR assigned to a VM. */
  readonly bearing: string;
  readonly effect: ChangeEffect;
  /** A citation line: commits, subjects, the pull that carried them. */
  readonly source: string;
  readonly evidence: readonly Evidence[];
}

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

export const KERNEL_CHANGES = {
  ioremap_np: {
    release: '5.13',
    area: 'arm64',
    commits: ['7c566bb5e4d5', '9a63ae850255'],
    where: 'include/asm-generic/io.h, arch/arm64/include/asm/io.h ioremap_np()',
    what: 'ioremap_np() (Device-nGnRnE, non-posted MMIO)',
    bearing: 'A guest driver can ask for Device-nGnRnE; under a Normal-NC stage 2 it gets it.',
    effect: 'answer',
    source: 'asm-generic/io.h 7c566bb5e4d5 and arm64 9a63ae850255 (Hector Martin), soc tree for v5.13',
    evidence: [{ read: 'the ioremap variants and their release', ref: 'reference kernel.md §4', confidence: 'inferred' }],
  },
  'mt-layout-5.14': {
    release: '5.14',
    area: 'arm64',
    commits: ['21cfe6edbadb', '58cc6b72a212'],
    where: 'arch/arm64/include/asm/memory.h MT_*, arch/arm64/mm/proc.S MAIR_EL1_SET',
    what: 'MT_NORMAL_WT and MT_DEVICE_GRE removed; MT_DEVICE_nGnRnE/nGnRE renumbered to 3/4',
    bearing: 'Linux programs five MAIR slots instead of seven; the byte each ioremap variant selects is unchanged.',
    effect: 'answer',
    source: 'arm64 21cfe6edbadb (Normal-WT) and 58cc6b72a212 (Device-GRE), Will Deacon, for-next/mm for v5.14',
    evidence: [
      {
        read: 'both commits in arm64 for-next/mm and the 5.14 arm64 pull',
        ref: 'notes/arch-factcheck.md C7 (ids 66907930535, 46513181586)',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-mte': {
    release: '5.14',
    area: 'kvm-arm64',
    commits: ['ea7fc1bb1cd1'],
    where: 'arch/arm64/kvm/mmu.c kvm_arch_prepare_memory_region()',
    what: 'KVM_CAP_ARM_MTE: a VM may use MTE; its memslots may not be shared mappings',
    bearing: 'An MTE-enabled VM cannot have a memslot over a VFIO BAR (a shared PFN map): -EINVAL.',
    effect: 'answer',
    source: '"KVM: arm64: Introduce MTE VM feature" (Steven Price), series applied for the 5.14 merge window (Link 20210621111716.37157-3)',
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
  'kvm-riscv': {
    release: '5.16',
    area: 'riscv',
    commits: ['9d05c1fee837'],
    where: 'arch/riscv/kvm/mmu.c',
    what: 'KVM RISC-V (H extension) exists',
    bearing: 'A RISC-V guest can be given a VFIO BAR.',
    effect: 'answer',
    source: 'commit 9d05c1fee837 "RISC-V: KVM: Implement stage2 page table programming"',
    evidence: [
      { read: 'not re-read: the release is from memory of the merge windows', ref: 'reference cross-arch.md §2', confidence: 'unverified' },
    ],
  },
  'linux-svpbmt': {
    release: '5.19',
    area: 'riscv',
    commits: ['ff689fd21cb1'],
    where: 'arch/riscv/include/asm/pgtable-64.h',
    what: 'Linux uses Svpbmt: ioremap() and pgprot_noncached() give PBMT IO, pgprot_writecombine() gives NC',
    bearing: 'RISC-V page tables start naming memory types; before, the PMAs alone decide.',
    effect: 'answer',
    source: '"riscv: add RISC-V Svpbmt extension support" (Heiko Stuebner)',
    evidence: [
      {
        read: 'the commit id from a later Fixes: tag and a RISC-V pull listing the commit; the release is not re-read at the tag',
        ref: 'ids 41471409598, 34615023387',
        confidence: 'inferred',
      },
    ],
  },
  'kvm-mte-allowed': {
    release: '6.2',
    area: 'kvm-arm64',
    commits: ['c911f0d46879', 'd89585fbb308'],
    where: 'arch/arm64/kvm/mmu.c kvm_arch_prepare_memory_region(), user_mem_abort()',
    what: 'with MTE, memslots need VMAs with VM_MTE_ALLOWED (shared mappings of MTE-capable memory are permitted)',
    bearing: 'A VFIO BAR VMA has no VM_MTE_ALLOWED, so an MTE-enabled VM still cannot map it: -EINVAL.',
    effect: 'none',
    source: '"KVM: arm64: permit all VM_MTE_ALLOWED mappings with MTE enabled" c911f0d46879 and d89585fbb308 (Peter Collingbourne)',
    evidence: [
      {
        read: 'Marc Zyngier\'s "applied" mail (v5 7/8, 6/8) and the KVM pull listing both',
        ref: 'ids 99326108, 12643810902',
        confidence: 'read-at-source',
      },
    ],
  },
  VM_ALLOW_ANY_UNCACHED: {
    release: '6.9',
    area: 'kvm-arm64',
    commits: ['5c656fcdd6c6', '8c47ce3e1d2c', 'a39d3a966a09', 'c034ec84e879'],
    where: 'include/linux/mm.h; arch/arm64/kvm/mmu.c user_mem_abort(); drivers/vfio/pci/vfio_pci_core.c vfio_pci_core_mmap()',
    what: 'VM_ALLOW_ANY_UNCACHED (VMA flag, bit 39)',
    bearing:
      "The thread's series (v9, posted 2024-02-24, applied to kvmarm/next 2024-02-26) merged: vfio-pci marks its BAR VMAs and KVM maps them Normal-NC at stage 2, so the guest's own stage 1 decides between Device and Normal-NC.",
    effect: 'answer',
    source:
      'include/linux/mm.h 5c656fcdd6c6; KVM use 8c47ce3e1d2c; vfio-pci a39d3a966a09 (kvm-arm64/vfio-normal-nc, VFIO pull for v6.9-rc1)',
    evidence: [
      {
        read: 'Oliver Upton\'s "Applied to kvmarm/next" reply to the v9 cover letter (2024-02-26) and the VFIO pull for v6.9-rc1',
        ref: 'notes/arch-factcheck.md C11 (id 20743538389); reference kernel.md §1',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu': {
    release: '6.9',
    area: 'vfio',
    commits: ['701ab935859f', '81617c17bf58'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap()',
    what: 'the nvgrace-gpu vfio-pci variant driver',
    bearing:
      'The first variant driver to use the flag: its resmem region is mapped write-combining with VM_ALLOW_ANY_UNCACHED and reaches the guest as Normal-NC; its usemem region is cacheable.',
    effect: 'answer',
    source:
      'drivers/vfio/pci/nvgrace-gpu 701ab935859f, posted over v6.8-rc5, merged for v6.9 with 81617c17bf58 (resmem sets VM_ALLOW_ANY_UNCACHED)',
    evidence: [
      {
        read: 'the driver and the flag companion commit in the v6.9 VFIO pull',
        ref: 'reference kernel.md §5',
        confidence: 'read-at-source',
      },
    ],
  },
  'arm64-uffd-wp': {
    release: '6.10',
    area: 'arm64',
    commits: ['5b32510af77b'],
    where: 'arch/arm64/include/asm/pgtable.h',
    what: 'userfaultfd write-protect on arm64',
    bearing: 'The thread turned down a PTE bit partly because arm64 had no uffd-wp; it gained it right after.',
    effect: 'context',
    source: '"arm64/mm: Add uffd write-protect support" (Ryan Roberts), merged by Will Deacon for v6.10',
    evidence: [{ read: 'the arm64 pull for 6.10', ref: 'notes/arch-factcheck.md C13 (id 26688346787)', confidence: 'read-at-source' }],
  },
  'x86-honor-guest-pat': {
    release: '6.11',
    area: 'x86',
    commits: ['377b2f359d1f', '0a7b73559b39', 'e1548088ff54'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask()',
    what: 'KVM/VMX stops virtualizing guest MTRRs and, on self-snoop CPUs, honors guest PAT for RAM',
    bearing: 'RAM only: MMIO was always EPT UC with guest PAT honored.',
    effect: 'answer',
    source: '0a7b73559b39, e1548088ff54, 377b2f359d1f (Sean Christopherson)',
    evidence: [{ read: 'vmx_get_mt_mask() by release', ref: 'reference cross-arch.md §1', confidence: 'read-at-source' }],
  },
  'x86-honor-guest-pat-revert': {
    release: '6.12',
    area: 'x86',
    commits: ['9d70f3fec14421e793ffbc0ec2f739b24e534900'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask()',
    what: 'Revert: KVM ignores guest PAT for RAM again unless the VM has non-coherent DMA',
    bearing: 'RAM only; a passthrough BAR keeps EPT UC with guest PAT honored.',
    effect: 'answer',
    source: '9d70f3fec144 Revert "KVM: VMX: Always honor guest PAT on CPUs that support self-snoop"',
    evidence: [
      {
        read: 'the revert in the for-linus-6.11 pull, merged after the v6.11 tag',
        ref: 'reference cross-arch.md §1',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-ptdump-stage2': {
    release: '6.12',
    area: 'kvm-arm64',
    commits: ['7c4f73548ed1'],
    where: 'arch/arm64/kvm/ptdump.c (debugfs <vm>/stage2_page_tables, with ipa_range and stage2_levels)',
    what: "a per-VM debugfs dump of the guest's stage 2 (CONFIG_PTDUMP_STAGE2_DEBUGFS; not with pKVM)",
    bearing:
      'A live system shows each stage-2 range with its permissions, access flag and block size, but never its MemAttr: the stage-2 type of a BAR is worked out from the host kernel, the driver and the VMA flags (the scenario), not read from this file.',
    effect: 'context',
    source: '7c4f73548ed1 "KVM: arm64: Register ptdump with debugfs on guest creation" (Sebastian Ene), kvmarm-6.12',
    evidence: [
      {
        read: 'the kvmarm-6.12 pull (ptdump.c +268) and the field lists in later fixes; MemAttr in no mainline version seen',
        ref: 'ids 20462509574, 6734326903, 5268362843',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-resmem-by-gpu': {
    release: '6.14',
    area: 'vfio',
    commits: ['bd53764a60ad', '6a9eb2d125ba', '2bb447540e71'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_init_nvdev_struct(), nvgrace_gpu_has_mig_hw_bug()',
    what: 'nvgrace-gpu carves out the write-combined resmem region only on GPUs that need it (Grace Hopper), and supports Grace Blackwell',
    bearing: 'On Grace Blackwell all GPU memory is cacheable usemem and regions 2/3 are the real BAR1, mapped by vfio_pci_core_mmap().',
    effect: 'answer',
    source:
      'bd53764a60ad "Read dvsec register to determine need for uncached resmem", 6a9eb2d125ba "Expose the blackwell device PF BAR1 to the VM", 2bb447540e71 GB200 SKU (VFIO pull for v6.14-rc1)',
    evidence: [
      {
        read: 'nvgrace_gpu_mmap() and nvgrace_gpu_init_nvdev_struct() (torvalds 1b0ecb5baf4a); the VFIO pull for v6.14-rc1; the v6 cover letter',
        ref: 'ids 15776453027, 10596924071, 10717423032',
        confidence: 'read-at-source',
      },
    ],
  },
  'x86-ignore-guest-pat-quirk': {
    release: '6.16',
    area: 'x86',
    commits: ['c9c1e20b4c7d60fa084b3257525d21a49fe651a1'],
    where: 'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask(), vmx_ignore_guest_pat()',
    what: 'KVM_X86_QUIRK_IGNORE_GUEST_PAT: userspace may let guest PAT apply to RAM (self-snoop CPUs only)',
    bearing:
      'RAM only; passthrough MMIO stays EPT UC with guest PAT honored. No change to vmx_get_mt_mask() found 6.17-7.2 (inferred: no per-release file read).',
    effect: 'answer',
    source: 'c9c1e20b4c7d "KVM: x86: Introduce Intel specific quirk KVM_X86_QUIRK_IGNORE_GUEST_PAT" (Yan Zhao)',
    evidence: [
      {
        read: 'the stable backport diff and the 6.16-window tools uAPI header sync',
        ref: 'ids 57533986177, 46077317886',
        confidence: 'read-at-source',
      },
    ],
  },
  'cacheable-pfnmap': {
    release: '6.17',
    area: 'kvm-arm64',
    commits: ['216887f79d98', '2a8dfab26677', '0c67288e0c8b', '8cc9dc1ae4fb'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort(), kvm_arch_prepare_memory_region(); asm/kvm_mmu.h kvm_supports_cacheable_pfnmap()',
    what: 'cacheable stage-2 mappings of cacheable PFNMAP VMAs (FWB and DIC required)',
    bearing:
      'A cacheable PFN map (nvgrace-gpu usemem) gets Normal-WB at stage 2 with FWB and DIC, else -EFAULT / -EINVAL; vfio-pci BARs stay Normal-NC.',
    effect: 'answer',
    source: 'kvmarm-6.17: 216887f79d98, 2a8dfab26677, 0c67288e0c8b (Ankit Agrawal)',
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
    release: '6.17',
    area: 'kvm-arm64',
    commits: ['f55ce5a6cd33'],
    where: 'arch/arm64/kvm/arm.c kvm_vm_ioctl_check_extension(); Documentation/virt/kvm/api.rst',
    what: 'KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (243), a VM capability reporting kvm_supports_cacheable_pfnmap()',
    bearing: 'Its documentation names FWB only; the code tests FWB and DIC, so a host with FWB but no DIC reports 0.',
    effect: 'context',
    source:
      'f55ce5a6cd33 "KVM: arm64: Expose new KVM cap for cacheable PFNMAP" (kvmarm-6.17); api.rst 7.43, renumbered 7.44 by a doc fix in the 6.19 cycle',
    evidence: [
      {
        read: 'v10 4/6 (the helper body: FWB && DIC) and v10 6/6 (api.rst text: FWB only); the cap number in a uAPI header',
        ref: 'ids 26755782216, 32657309000, 21416115738',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-gmem-abort': {
    release: '6.18',
    area: 'kvm-arm64',
    commits: ['a7b57e099592'],
    where: 'arch/arm64/kvm/mmu.c gmem_abort(), kvm_handle_guest_abort()',
    what: 'gmem_abort(): faults on guest_memfd memslots map the guest_memfd folio, always Normal',
    bearing:
      'Never a BAR: a guest_memfd memslot is backed by a guest_memfd file, not a userspace VMA, and its pages are RAM from that file, never a VM_PFNMAP mapping of MMIO; kvm_handle_guest_abort() calls it only for such slots.',
    effect: 'context',
    source:
      'a7b57e099592 "KVM: arm64: Handle guest_memfd-backed guest page faults" (Fuad Tabba), guest_memfd-mmap branch, 6.18 merge window',
    evidence: [
      { read: '[PATCH v17 18/24] and the mainline push listing it', ref: 'ids 36195045922, 66525643630', confidence: 'read-at-source' },
    ],
  },
  'kvm-user-mem-abort-refactor': {
    release: '6.18',
    area: 'kvm-arm64',
    commits: ['638ea79669f8'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort()',
    what: 'user_mem_abort() refactored (prepare_mmu_memcache(), adjust_nested_fault_perms()); no change to the memory-type logic',
    bearing: 'None: the device / Normal-NC / -EFAULT / -ENOEXEC lines are untouched.',
    effect: 'none',
    source: '638ea79669f8 "KVM: arm64: Refactor user_mem_abort()" (Fuad Tabba)',
    evidence: [
      { read: '[PATCH v17 17/24] and the mainline push listing it', ref: 'ids 36055422306, 66525643630', confidence: 'read-at-source' },
    ],
  },
  'kvm-ptdump-stage2-exec': {
    release: '6.18',
    area: 'kvm-arm64',
    commits: ['8673e5b22e1e'],
    where: 'arch/arm64/kvm/ptdump.c',
    what: 'the stage-2 dump prints execute permission as the stage-1 dump does ("NX" / "x "), no longer inverted',
    bearing: 'Still no MemAttr column. (6.19 changes the execute columns again for FEAT_XNX; the new strings were not read.)',
    effect: 'context',
    source: '8673e5b22e1e "ptdump: Don\'t test PTE_VALID alongside other attributes" (Wei-Lin Chang), kvmarm-6.18',
    evidence: [
      {
        read: 'v2 of the patch, its "applied" mail and the 6.18 mainline push',
        ref: 'ids 6734326903, 41472860913, 66525643630',
        confidence: 'read-at-source',
      },
    ],
  },
  'ioremap-wc-nc': {
    release: '6.18',
    area: 'riscv',
    commits: ['3a8ee3a9f4f6'],
    where: 'arch/riscv/include/asm/io.h ioremap_wc(); asm/pgtable.h _PAGE_KERNEL_NC',
    what: 'riscv ioremap_wc() maps with PBMT NC (before: the generic fallback to ioremap(), PBMT IO)',
    bearing: "A RISC-V guest's ioremap_wc() now asks for NC, and its non-zero PBMT overrides the G-stage.",
    effect: 'answer',
    source: '3a8ee3a9f4f6 "riscv: introduce ioremap_wc()" (Yunhui Cui), RISC-V pull for v6.18-rc1, merged as cb7e3669c683',
    evidence: [
      {
        read: 'the patch, the v6.18-rc1 RISC-V pull and its merge',
        ref: 'ids 25193031883, 38703032943, 38364030723',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-pfnmap-on-fault': {
    release: '6.18',
    area: 'riscv',
    commits: ['8c5fa3764facaad6d38336e90f406c2c11d69733'],
    where: 'arch/riscv/kvm/mmu.c kvm_arch_prepare_memory_region(); arch/riscv/kvm/gstage.c kvm_riscv_gstage_map_page()',
    what: 'KVM RISC-V maps VFIO BAR pages on G-stage fault with PBMT 0 (PMA) instead of PBMT IO at memslot creation',
    bearing: "The G-stage no longer names IO for a BAR, so the BAR's I/O PMAs apply unless the guest's PBMT overrides them.",
    effect: 'answer',
    source:
      '8c5fa3764fac "RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (Fangyu Yu), kvm-riscv-fixes-6.18-2 in the KVM fixes pull for 6.18-rc6',
    evidence: [
      {
        read: 'Anup Patel\'s "queued as fix for 6.18", the KVM fixes pull, gstage.c before and after',
        ref: 'ids 45132749456, 40537796421, 52099091247, 471152725',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-gb300': {
    release: '6.18',
    area: 'vfio',
    commits: ['407aa63018d1'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c device table',
    what: 'nvgrace-gpu supports GB300 (Grace Blackwell)',
    bearing: 'Same regions as GB200: no resmem, all GPU memory cacheable usemem.',
    effect: 'context',
    source: '407aa63018d1 "vfio/nvgrace-gpu: Add GB300 SKU to the devid table" (Tushar Dave), VFIO pull for v6.18-rc1',
    evidence: [{ read: 'the VFIO pull for v6.18-rc1', ref: 'id 21243526430', confidence: 'read-at-source' }],
  },
  'vma-flag-by-bit': {
    release: '6.19',
    area: 'mm',
    commits: ['2b6a3f061f11372af79b862d6184d43193ae927f'],
    where: 'include/linux/mm.h',
    what: 'VMA flags declared by bit: VM_ALLOW_ANY_UNCACHED is INIT_VM_FLAG(ALLOW_ANY_UNCACHED), still bit 39 and 64-bit only; VM_ALLOW_ANY_UNCACHED_BIT is gone, VMA_ALLOW_ANY_UNCACHED_BIT replaces it',
    bearing: 'None for the mapping: the flag keeps its bit and meaning; only the name of the bit constant changed.',
    effect: 'none',
    source: '2b6a3f061f11 "mm: declare VMA flags by bit" (Lorenzo Stoakes), mm-stable for the 6.19 merge window',
    evidence: [
      {
        read: '[PATCH v3 1/4] and the mainline merge of mm-stable-2025-12-03',
        ref: 'ids 18956295398, 65804376494',
        confidence: 'read-at-source',
      },
    ],
  },
  'vfio-dmabuf-export': {
    release: '6.19',
    area: 'vfio',
    commits: ['5d74781ebc86'],
    where: 'drivers/vfio/pci/vfio_pci_dmabuf.c; include/uapi/linux/vfio.h VFIO_DEVICE_FEATURE_DMA_BUF',
    what: 'vfio-pci exports BAR ranges as dma-bufs for peer-to-peer importers (RDMA, iommufd); the dma-buf has no mmap',
    bearing:
      "Nothing changes for QEMU's BAR mmap or the guest: vfio_pci_core_mmap() keeps pgprot_noncached() and VM_ALLOW_ANY_UNCACHED, and no CPU mapping of the dma-buf exists.",
    effect: 'context',
    source: '5d74781ebc86 "vfio/pci: Add dma-buf export support for MMIO regions" (Leon Romanovsky), VFIO pull for v6.19-rc1',
    evidence: [
      {
        read: 'the VFIO pull for v6.19-rc1 and vfio_pci_dmabuf.c (no .mmap op; attach requires peer2peer)',
        ref: 'ids 8767293867, 33854406873',
        confidence: 'read-at-source',
      },
    ],
  },
  'nvgrace-gpu-huge-pfnmap': {
    release: '6.19',
    area: 'vfio',
    commits: ['9db65489b872', '9b92bc7554b5'],
    where: 'drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap(), nvgrace_gpu_vfio_pci_huge_fault()',
    what: 'nvgrace-gpu inserts its mappings on fault, with huge PFNMAPs, instead of remap_pfn_range() at mmap',
    bearing: 'None for the memory type: resmem keeps pgprot_writecombine() and VM_ALLOW_ANY_UNCACHED, usemem stays cacheable.',
    effect: 'none',
    source: '9db65489b872 "vfio/nvgrace-gpu: Add support for huge pfnmap" (Ankit Agrawal), VFIO pull for v6.19-rc1',
    evidence: [
      { read: 'the v7 2/6 hunk quoted in review and the VFIO pull', ref: 'ids 8511212786, 8767293867', confidence: 'read-at-source' },
    ],
  },
  'kvm-sea-to-user': {
    release: '6.19',
    area: 'kvm-arm64',
    commits: ['ad9c62bd8946', '4debb5e8952e'],
    where: 'arch/arm64/kvm/mmu.c kvm_handle_guest_sea()',
    what: 'KVM_EXIT_ARM_SEA (41) with KVM_CAP_ARM_SEA_TO_USER (245): a synchronous external abort that neither APEI nor the host claims can exit to the VMM',
    bearing:
      'A synchronous external abort on a guest BAR access can reach the VMM instead of becoming a virtual SError; asynchronous SErrors, the uncontained case VM_ALLOW_ANY_UNCACHED guards against, are unchanged.',
    effect: 'context',
    source: 'ad9c62bd8946 "KVM: arm64: VM exit to userspace to handle SEA" (Jiaqi Yan), kvmarm-6.19',
    evidence: [
      {
        read: 'the v4 cover letter, the kvmarm-6.19 pull and kvm_handle_guest_sea() in the 7.0 copy; 6.17.4 ends in kvm_inject_serror()',
        ref: 'ids 1597893361, 8269938277, 66377571315, 2991306540',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-ls64': {
    release: '7.0',
    area: 'kvm-arm64',
    commits: ['151b92c92a45', 'f174a9ffcd48', '2937aeec9dc5'],
    where: 'arch/arm64/kvm/mmu.c kvm_handle_guest_abort(), user_mem_abort(); arch/arm64/kvm/mmio.c io_mem_abort()',
    what: 'FEAT_LS64 for guests; LD64B/ST64B outside memslots exit with KVM_EXIT_ARM_LDST64B; an unsupported exclusive/atomic/LS64 abort (DFSC 0x35) on a memslot is injected into the guest instead of failing KVM_RUN with -EFAULT',
    bearing:
      'A guest driver may issue ST64B to a passthrough BAR; where the memory type does not support it and the abort reaches KVM, the guest sees DFSC 0x35.',
    effect: 'answer',
    source: '151b92c92a45, f174a9ffcd48 (Marc Zyngier), 2937aeec9dc5 (Yicong Yang), kvmarm-7.0',
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
    release: '7.0',
    area: 'kvm-arm64',
    commits: ['d4236f1ef270', '17d7b15131f3', 'a373930ec940', '4f27fe82aa30'],
    where: 'arch/arm64/include/asm/memory.h MT_S2_AS_S1, MT_S2_FWB_AS_S1; kvm_pgtable.h KVM_PGTABLE_S2_AS_S1',
    what: "MT_S2{,_FWB}_AS_S1 (0xF, 7): a 'use stage 1' stage-2 encoding for the pKVM host's own stage 2; KVM_PGTABLE_S2_NOFWB removed",
    bearing: "None for a guest: a normal VM's stage 2 is created without KVM_PGTABLE_S2_AS_S1 and keeps MT_S2_* / MT_S2_FWB_* as before.",
    effect: 'none',
    source: 'd4236f1ef270 "arm64: Add MT_S2{,_FWB}_AS_S1 encodings" with 17d7b15131f3 and a373930ec940 (Marc Zyngier), kvmarm-7.0',
    evidence: [
      {
        read: 'the kvmarm-7.0 pull, memory.h in a post-7.0 copy; the flag users from titles and a secondary reading',
        ref: 'ids 53138572482, 61478282242, 71341424105',
        confidence: 'titles-only',
      },
    ],
  },
  'kvm-fault-path-split': {
    release: '7.1',
    area: 'kvm-arm64',
    commits: ['66fcf492008d', 'a6e11bd6e1bd', 'e314a4dbdb8b', 'adb70b3a8b31'],
    where: 'arch/arm64/kvm/mmu.c user_mem_abort(), kvm_s2_fault_pin_pfn(), kvm_s2_fault_compute_prot(), kvm_s2_fault_map()',
    what: 'user_mem_abort() split: kvm_s2_fault_pin_pfn() decides device / non-cacheable, kvm_s2_fault_compute_prot() picks NORMAL_NC or DEVICE, kvm_s2_fault_map() maps',
    bearing: 'None for the result: the same choice, made in helpers that user_mem_abort() calls.',
    effect: 'none',
    source:
      'kvm-arm64/user_mem_abort-rework (Fuad Tabba, Marc Zyngier), kvmarm-7.1; e314a4dbdb8b "Move device mapping management into kvm_s2_fault_pin_pfn()"',
    evidence: [
      {
        read: "the commit list in the kvmarm next push and the 7.1 merge window; Fuad Tabba's intermediate patches (compute_prot with the NC/DEVICE ternary) read; e314a4dbdb8b and adb70b3a8b31 by title only",
        ref: 'ids 66628525852, 66702767530, 53459078411, 53498406115, 53539997366, 67248254594',
        confidence: 'titles-only',
      },
    ],
  },
} as const satisfies Record<string, KernelChange>;

export type ChangeId = keyof typeof KERNEL_CHANGES;
