/**
 * When each change in KERNEL_CHANGES (linux/changes.ts) arrived, what it is, and its citation: the part
 * of the change table that FEATURES (linux/versions.ts) reads to answer "does this kernel have it?".
 * The rest of each change (commits, file and function, bearing, effect, evidence) is CHANGE_DETAILS in
 * linux/changes.ts, which must have an entry for every id here (it fails to compile otherwise).
 *
 * Apart from the details so that a page checking a kernel version for a feature does not carry the
 * evidence prose (about 4 kB gzip on every page that calls the model with a kernel).
 */
import type { KernelVersion } from './release-dates';

export interface ChangeRelease {
  readonly release: KernelVersion;
  /** What changed, in one line. */
  readonly what: string;
  /** A citation line: commits, subjects, the pull that carried them. */
  readonly source: string;
}

export const CHANGE_RELEASES = {
  ioremap_np: {
    release: '5.13',
    what: 'ioremap_np() (Device-nGnRnE, non-posted MMIO)',
    source: 'asm-generic/io.h 7c566bb5e4d5 and arm64 9a63ae850255 (Hector Martin), soc tree for v5.13',
  },
  'mt-layout-5.14': {
    release: '5.14',
    what: 'MT_NORMAL_WT and MT_DEVICE_GRE removed; MT_DEVICE_nGnRnE/nGnRE renumbered to 3/4',
    source: 'arm64 21cfe6edbadb (Normal-WT) and 58cc6b72a212 (Device-GRE), Will Deacon, for-next/mm for v5.14',
  },
  'kvm-mte': {
    release: '5.14',
    what: 'KVM_CAP_ARM_MTE: a VM may use MTE; its memslots may not be shared mappings',
    source: '"KVM: arm64: Introduce MTE VM feature" (Steven Price), series applied for the 5.14 merge window (Link 20210621111716.37157-3)',
  },
  'kvm-riscv': {
    release: '5.16',
    what: 'KVM RISC-V (H extension) exists',
    source: 'commit 9d05c1fee837 "RISC-V: KVM: Implement stage2 page table programming"',
  },
  'linux-svpbmt': {
    release: '5.19',
    what: 'Linux uses Svpbmt: ioremap() and pgprot_noncached() give PBMT IO, pgprot_writecombine() gives NC',
    source: '"riscv: add RISC-V Svpbmt extension support" (Heiko Stuebner)',
  },
  'kvm-mte-allowed': {
    release: '6.2',
    what: 'with MTE, memslots need VMAs with VM_MTE_ALLOWED (shared mappings of MTE-capable memory are permitted)',
    source: '"KVM: arm64: permit all VM_MTE_ALLOWED mappings with MTE enabled" c911f0d46879 and d89585fbb308 (Peter Collingbourne)',
  },
  VM_ALLOW_ANY_UNCACHED: {
    release: '6.9',
    what: 'VM_ALLOW_ANY_UNCACHED (VMA flag, bit 39)',
    source:
      'include/linux/mm.h 5c656fcdd6c6; KVM use 8c47ce3e1d2c; vfio-pci a39d3a966a09 (kvm-arm64/vfio-normal-nc, VFIO pull for v6.9-rc1)',
  },
  'nvgrace-gpu': {
    release: '6.9',
    what: 'the nvgrace-gpu vfio-pci variant driver',
    source:
      'drivers/vfio/pci/nvgrace-gpu 701ab935859f, posted over v6.8-rc5, merged for v6.9 with 81617c17bf58 (resmem sets VM_ALLOW_ANY_UNCACHED)',
  },
  'arm64-uffd-wp': {
    release: '6.10',
    what: 'userfaultfd write-protect on arm64',
    source: '"arm64/mm: Add uffd write-protect support" (Ryan Roberts), merged by Will Deacon for v6.10',
  },
  'x86-honor-guest-pat': {
    release: '6.11',
    what: 'KVM/VMX stops virtualizing guest MTRRs and, on self-snoop CPUs, honors guest PAT for RAM',
    source: '0a7b73559b39, e1548088ff54, 377b2f359d1f (Sean Christopherson)',
  },
  'x86-honor-guest-pat-revert': {
    release: '6.12',
    what: 'Revert: KVM ignores guest PAT for RAM again unless the VM has non-coherent DMA',
    source: '9d70f3fec144 Revert "KVM: VMX: Always honor guest PAT on CPUs that support self-snoop"',
  },
  'kvm-ptdump-stage2': {
    release: '6.12',
    what: "a per-VM debugfs dump of the guest's stage 2 (CONFIG_PTDUMP_STAGE2_DEBUGFS; not with pKVM)",
    source: '7c4f73548ed1 "KVM: arm64: Register ptdump with debugfs on guest creation" (Sebastian Ene), kvmarm-6.12',
  },
  'nvgrace-gpu-resmem-by-gpu': {
    release: '6.14',
    what: 'nvgrace-gpu carves out the write-combined resmem region only on GPUs that need it (Grace Hopper), and supports Grace Blackwell',
    source:
      'bd53764a60ad "Read dvsec register to determine need for uncached resmem", 6a9eb2d125ba "Expose the blackwell device PF BAR1 to the VM", 2bb447540e71 GB200 SKU (VFIO pull for v6.14-rc1)',
  },
  'x86-ignore-guest-pat-quirk': {
    release: '6.16',
    what: 'KVM_X86_QUIRK_IGNORE_GUEST_PAT: userspace may let guest PAT apply to RAM (self-snoop CPUs only)',
    source: 'c9c1e20b4c7d "KVM: x86: Introduce Intel specific quirk KVM_X86_QUIRK_IGNORE_GUEST_PAT" (Yan Zhao)',
  },
  'cacheable-pfnmap': {
    release: '6.17',
    what: 'cacheable stage-2 mappings of cacheable PFNMAP VMAs (FWB and DIC required)',
    source: 'kvmarm-6.17: 216887f79d98, 2a8dfab26677, 0c67288e0c8b (Ankit Agrawal)',
  },
  'cacheable-pfnmap-cap': {
    release: '6.17',
    what: 'KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (243), a VM capability reporting kvm_supports_cacheable_pfnmap()',
    source:
      'f55ce5a6cd33 "KVM: arm64: Expose new KVM cap for cacheable PFNMAP" (kvmarm-6.17); api.rst 7.43, renumbered 7.44 by a doc fix in the 6.19 cycle',
  },
  'kvm-gmem-abort': {
    release: '6.18',
    what: 'gmem_abort(): faults on guest_memfd memslots map the guest_memfd folio, always Normal',
    source:
      'a7b57e099592 "KVM: arm64: Handle guest_memfd-backed guest page faults" (Fuad Tabba), guest_memfd-mmap branch, 6.18 merge window',
  },
  'kvm-user-mem-abort-refactor': {
    release: '6.18',
    what: 'user_mem_abort() refactored (prepare_mmu_memcache(), adjust_nested_fault_perms()); no change to the memory-type logic',
    source: '638ea79669f8 "KVM: arm64: Refactor user_mem_abort()" (Fuad Tabba)',
  },
  'kvm-ptdump-stage2-exec': {
    release: '6.18',
    what: 'the stage-2 dump prints execute permission as the stage-1 dump does ("NX" / "x "), no longer inverted',
    source: '8673e5b22e1e "ptdump: Don\'t test PTE_VALID alongside other attributes" (Wei-Lin Chang), kvmarm-6.18',
  },
  'ioremap-wc-nc': {
    release: '6.18',
    what: 'riscv ioremap_wc() maps with PBMT NC (before: the generic fallback to ioremap(), PBMT IO)',
    source: '3a8ee3a9f4f6 "riscv: introduce ioremap_wc()" (Yunhui Cui), RISC-V pull for v6.18-rc1, merged as cb7e3669c683',
  },
  'kvm-pfnmap-on-fault': {
    release: '6.18',
    what: 'KVM RISC-V maps VFIO BAR pages on G-stage fault with PBMT 0 (PMA) instead of PBMT IO at memslot creation',
    source:
      '8c5fa3764fac "RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (Fangyu Yu), kvm-riscv-fixes-6.18-2 in the KVM fixes pull for 6.18-rc6',
  },
  'nvgrace-gpu-gb300': {
    release: '6.18',
    what: 'nvgrace-gpu supports GB300 (Grace Blackwell)',
    source: '407aa63018d1 "vfio/nvgrace-gpu: Add GB300 SKU to the devid table" (Tushar Dave), VFIO pull for v6.18-rc1',
  },
  'vma-flag-by-bit': {
    release: '6.19',
    what: 'VMA flags declared by bit: VM_ALLOW_ANY_UNCACHED is INIT_VM_FLAG(ALLOW_ANY_UNCACHED), still bit 39 and 64-bit only; VM_ALLOW_ANY_UNCACHED_BIT is gone, VMA_ALLOW_ANY_UNCACHED_BIT replaces it',
    source: '2b6a3f061f11 "mm: declare VMA flags by bit" (Lorenzo Stoakes), mm-stable for the 6.19 merge window',
  },
  'vfio-dmabuf-export': {
    release: '6.19',
    what: 'vfio-pci exports BAR ranges as dma-bufs for peer-to-peer importers (RDMA, iommufd); the dma-buf has no mmap',
    source: '5d74781ebc86 "vfio/pci: Add dma-buf export support for MMIO regions" (Leon Romanovsky), VFIO pull for v6.19-rc1',
  },
  'nvgrace-gpu-huge-pfnmap': {
    release: '6.19',
    what: 'nvgrace-gpu inserts its mappings on fault, with huge PFNMAPs, instead of remap_pfn_range() at mmap',
    source: '9db65489b872 "vfio/nvgrace-gpu: Add support for huge pfnmap" (Ankit Agrawal), VFIO pull for v6.19-rc1',
  },
  'kvm-sea-to-user': {
    release: '6.19',
    what: 'KVM_EXIT_ARM_SEA (41) with KVM_CAP_ARM_SEA_TO_USER (245): a synchronous external abort that neither APEI nor the host claims can exit to the VMM',
    source: 'ad9c62bd8946 "KVM: arm64: VM exit to userspace to handle SEA" (Jiaqi Yan), kvmarm-6.19',
  },
  'kvm-ls64': {
    release: '7.0',
    what: 'FEAT_LS64 for guests; LD64B/ST64B outside memslots exit with KVM_EXIT_ARM_LDST64B; an unsupported exclusive/atomic/LS64 abort (DFSC 0x35) on a memslot is injected into the guest instead of failing KVM_RUN with -EFAULT',
    source: '151b92c92a45, f174a9ffcd48 (Marc Zyngier), 2937aeec9dc5 (Yicong Yang), kvmarm-7.0',
  },
  'mt-s2-as-s1': {
    release: '7.0',
    what: "MT_S2{,_FWB}_AS_S1 (0xF, 7): a 'use stage 1' stage-2 encoding for the pKVM host's own stage 2; KVM_PGTABLE_S2_NOFWB removed",
    source: 'd4236f1ef270 "arm64: Add MT_S2{,_FWB}_AS_S1 encodings" with 17d7b15131f3 and a373930ec940 (Marc Zyngier), kvmarm-7.0',
  },
  'kvm-fault-path-split': {
    release: '7.1',
    what: 'user_mem_abort() split: kvm_s2_fault_pin_pfn() decides device / non-cacheable, kvm_s2_fault_compute_prot() picks NORMAL_NC or DEVICE, kvm_s2_fault_map() maps',
    source:
      'kvm-arm64/user_mem_abort-rework (Fuad Tabba, Marc Zyngier), kvmarm-7.1; e314a4dbdb8b "Move device mapping management into kvm_s2_fault_pin_pfn()"',
  },
} as const satisfies Record<string, ChangeRelease>;

export type ChangeId = keyof typeof CHANGE_RELEASES;
