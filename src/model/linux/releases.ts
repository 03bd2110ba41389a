/**
 * What was read at each covered Linux release (RELEASE_READS, keyed by the versions listed in
 * linux/release-dates.ts, which is where KERNEL_VERSIONS and NEWEST_KERNEL come from), and the two
 * together as the table of releases (RELEASES).
 *
 * Each row says when the release came out (the "Linux X.Y (date)" line that pull requests based on it
 * quote, or a tag push where no such line was found) and what was read for this site's question: how a
 * PCI BAR assigned to a VM gets its memory type. What changed is recorded once, in KERNEL_CHANGES
 * (linux/changes.ts); a release with no change there says so here, with what was read.
 *
 * Adding a release: read the files listed in `READ_EACH_RELEASE` at the new tag, add one row here
 * (its version and date in RELEASE_DATES, its release commit and what was read in RELEASE_READS), and a
 * KERNEL_CHANGES entry for each change found. The tests
 * fail when a release in the range has no row, a row has no evidence, or a row neither has a change
 * nor says "no change".
 *
 * Evidence ids ("id N") are search-tool ids of the stored sources the research notes of 2026-12-01
 * read (notes/kvm-arm64.md, notes/vfio-mm-riscv-x86.md); "reference kernel.md §N" is the project's
 * earlier research.
 */

import { type KernelVersion, RELEASE_DATES } from './release-dates';

export type { KernelVersion } from './release-dates';

/**
 * How a statement was established: read in the source; inferred from what was read; from commit or
 * patch titles only; or not checked at a source in this work.
 */
export const CONFIDENCES = ['read-at-source', 'inferred', 'titles-only', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface Evidence {
  /** What was read: a file and function at a release, a pull request, patch mails, a push log. */
  readonly read: string;
  /** Where to find it again: search-tool ids, Message-IDs, reference sections. */
  readonly ref: string;
  readonly confidence: Confidence;
}

export interface ReleaseRow {
  readonly version: KernelVersion;
  /** The release date as the release commit's "Linux X.Y (date)" line gives it (the committer's time zone). */
  readonly date: string;
  /** The release commit (or, for 7.2, the tag object) and where the date was seen. */
  readonly release: { readonly commit: string; readonly seen: string };
  /** What was read for this release about this question. */
  readonly read: readonly Evidence[];
  /** Present exactly when KERNEL_CHANGES has no entry for the release: what the reading found. */
  readonly noChange?: string;
}

/** What was read for one release (its row in RELEASES without the version and the date). */
export type ReleaseReading = Omit<ReleaseRow, 'version' | 'date'>;

/** The files whose code answers this site's question; read at each new release. */
export const READ_EACH_RELEASE = [
  'arch/arm64/kvm/mmu.c: the stage-2 fault path (user_mem_abort() and, from 7.1, its kvm_s2_fault_* helpers), kvm_handle_guest_abort(), kvm_arch_prepare_memory_region()',
  'arch/arm64/kvm/hyp/pgtable.c stage2_set_prot_attr(); arch/arm64/include/asm/memory.h MT_* and MT_S2_*; asm/kvm_mmu.h kvm_supports_cacheable_pfnmap()',
  'include/linux/mm.h: VM_ALLOW_ANY_UNCACHED',
  'drivers/vfio/pci/vfio_pci_core.c vfio_pci_core_mmap(); drivers/vfio/pci/nvgrace-gpu/main.c nvgrace_gpu_mmap(); drivers/vfio/platform/vfio_platform_common.c vfio_platform_mmap_mmio()',
  'arch/arm64/include/asm/io.h: the ioremap family and the MMIO copy helpers',
  'arch/riscv/include/asm/io.h ioremap_wc(); arch/riscv/kvm/mmu.c and gstage.c (G-stage mapping of VM_PFNMAP memslots)',
  'arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask()',
  'the VFIO write-combining proposals on kvm@vger (status, latest posting)',
] as const;

const KVM_516: Evidence = {
  read: 'arch/arm64/kvm/mmu.c user_mem_abort() in a mainline copy of the 5.16 era (commit 1c53a1ae): a pfn that is not memory is mapped KVM_PGTABLE_PROT_DEVICE',
  ref: 'reference kernel.md §2a',
  confidence: 'inferred',
};
const SERIES_BASE: Evidence = {
  read: 'the Normal-NC series against its v6.8-rc5 base (v8 and v9 patch mails) and the VFIO pull for v6.9-rc1; the 6.17.4 copy of user_mem_abort() keeps the same branch',
  ref: 'reference kernel.md §1, §2b; notes/kvm-arm64.md §1 (id 2991306540)',
  confidence: 'inferred',
};
const KVM_6174: Evidence = {
  read: 'arch/arm64/kvm/mmu.c user_mem_abort(), kvm_handle_guest_abort(), kvm_arch_prepare_memory_region() in gregkh/linux 7a9479eb30f1 (Makefile 6.17.4)',
  ref: 'id 2991306540',
  confidence: 'read-at-source',
};
const KVM_70: Evidence = {
  read: 'arch/arm64/kvm/mmu.c in a 7.0-era tree (JMR-dev/wsl2-v7-kernel 50a7fd7e9ffd: LS64 handling, KVM_EXIT_ARM_SEA, no kvm_s2_fault rework); the fault path matches the 7.0 patches',
  ref: 'id 66377571315',
  confidence: 'read-at-source',
};

export const RELEASE_READS = {
  '5.10': {
    release: { commit: '2c85ebc57b3e', seen: 'id 36902199381' },
    read: [
      KVM_516,
      {
        read: 'MAIR_EL1_SET with seven slots (MT_NORMAL_TAGGED added for MTE)',
        ref: 'notes/arch-factcheck.md C7 (id 26645275396)',
        confidence: 'read-at-source',
      },
    ],
    noChange:
      'The oldest covered release: KVM maps every pfn that is not memory Device-nGnRE at stage 2; vfio-pci maps BARs pgprot_noncached().',
  },
  '5.11': {
    release: { commit: 'f40ddce88593', seen: 'id 33210435362' },
    read: [KVM_516],
    noChange:
      'No change for this question is known between 5.10 and the 5.16-era copy of the fault path; this tag was not read on its own.',
  },
  '5.12': {
    release: { commit: '9f4ad9e425a1', seen: 'id 33482331395' },
    read: [KVM_516],
    noChange:
      'No change for this question is known between 5.10 and the 5.16-era copy of the fault path; this tag was not read on its own.',
  },
  '5.13': {
    release: { commit: '62fb9874f5da', seen: 'id 9660062826' },
    read: [KVM_516],
  },
  '5.14': {
    release: { commit: '7d2a07b76933', seen: 'id 14721963664' },
    read: [KVM_516],
  },
  '5.15': {
    release: { commit: '8bb7eca972ad', seen: 'id 26973709015' },
    read: [KVM_516],
    noChange:
      'No change for this question is known; the fault path reads as in the 5.16-era copy. vfio-pci moved to vfio_pci_core.c in this release (same mmap behaviour).',
  },
  '5.16': {
    release: { commit: 'df0cc57e057f', seen: 'id 49601296715' },
    read: [{ ...KVM_516, confidence: 'read-at-source' }],
  },
  '5.17': {
    release: { commit: 'f443e374ae13', seen: 'id 49722481654' },
    read: [KVM_516, SERIES_BASE],
    noChange:
      'No change for this question is known between the 5.16-era copy and the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '5.18': {
    release: { commit: '4b0986a3613c', seen: 'id 34514059922' },
    read: [KVM_516, SERIES_BASE],
    noChange:
      'No change for this question is known between the 5.16-era copy and the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '5.19': {
    release: { commit: '3d7cb6b04c3f', seen: 'id 37587004473' },
    read: [KVM_516, SERIES_BASE],
  },
  '6.0': {
    release: { commit: '4fe89d07dcc2', seen: 'id 31252173247' },
    read: [SERIES_BASE],
    noChange:
      'No change for this question is known between the 5.16-era copy and the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.1': {
    release: { commit: '830b3c68c1fb', seen: 'id 49021909189' },
    read: [SERIES_BASE],
    noChange:
      'No change for this question is known between the 5.16-era copy and the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.2': {
    release: { commit: 'c9c3395d5e3d', seen: 'id 44208339615' },
    read: [
      SERIES_BASE,
      {
        read: '"KVM: arm64: permit all VM_MTE_ALLOWED mappings with MTE enabled" applied (v5, Nov 2022) and in a KVM pull',
        ref: 'ids 99326108, 12643810902',
        confidence: 'read-at-source',
      },
    ],
  },
  '6.3': {
    release: { commit: '457391b03803', seen: 'id 2733881921' },
    read: [SERIES_BASE],
    noChange: 'No change for this question is known before the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.4': {
    release: { commit: '6995e2de6891', seen: 'id 38136960933' },
    read: [SERIES_BASE],
    noChange: 'No change for this question is known before the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.5': {
    release: { commit: '2dde18cd1d8f', seen: 'id 49405444906' },
    read: [SERIES_BASE],
    noChange: 'No change for this question is known before the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.6': {
    release: { commit: 'ffc253263a13', seen: 'id 16641351899' },
    read: [SERIES_BASE],
    noChange: 'No change for this question is known before the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.7': {
    release: { commit: '0dd3ee311255', seen: 'id 24671232260' },
    read: [SERIES_BASE],
    noChange: 'No change for this question is known before the 6.8-rc5 base of the Normal-NC series; this tag was not read on its own.',
  },
  '6.8': {
    release: { commit: 'e8f897f4afef', seen: 'id 15803355918' },
    read: [{ ...SERIES_BASE, confidence: 'read-at-source' }],
    noChange:
      'The release the thread was about: the series was applied over v6.8-rc5 but merged for 6.9, so 6.8 still maps every BAR Device-nGnRE at stage 2.',
  },
  '6.9': {
    release: { commit: 'a38297e3fb01', seen: 'id 25897914674' },
    read: [{ ...SERIES_BASE, confidence: 'read-at-source' }],
  },
  '6.10': {
    release: { commit: '0c3836482481', seen: 'id 5998909860' },
    read: [SERIES_BASE],
  },
  '6.11': {
    release: { commit: '98f7e32f20d2', seen: 'id 15928321902' },
    read: [SERIES_BASE],
  },
  '6.12': {
    release: { commit: 'adc218676eef', seen: 'id 14353965651' },
    read: [SERIES_BASE],
  },
  '6.13': {
    release: { commit: 'ffd294d346d1', seen: 'id 5531903477' },
    read: [SERIES_BASE],
  },
  '6.14': {
    release: { commit: '38fec10eb60d', seen: 'id 14438931395' },
    read: [SERIES_BASE],
  },
  '6.15': {
    release: { commit: '0ff41df1cb26', seen: 'id 49242917839' },
    read: [SERIES_BASE],
    noChange:
      'No change for this question is known between the 6.9 series and the 6.17 cacheable-PFNMAP work; this tag was not read on its own.',
  },
  '6.16': {
    release: { commit: '038d61fd6422', seen: 'id 7057007615' },
    read: [SERIES_BASE],
  },
  '6.17': {
    release: { commit: 'e5f0a698b34e', seen: 'id 10184951105' },
    read: [
      KVM_6174,
      {
        read: 'the kvmarm-6.17 pull and the v10 cacheable-PFNMAP patches (kvm_supports_cacheable_pfnmap(), api.rst 7.43)',
        ref: 'ids 36383508520, 26755782216, 32657309000',
        confidence: 'read-at-source',
      },
      {
        read: 'mm.h VM_ALLOW_ANY_UNCACHED_BIT 39 (pre-image of the 6.19 diff); the VFIO pull for v6.17-rc1',
        ref: 'ids 18956295398, 42710288197',
        confidence: 'read-at-source',
      },
    ],
  },
  '6.18': {
    release: { commit: '7d0a66e4bb90', seen: 'id 17445629226' },
    read: [
      {
        read: 'the guest_memfd patches "KVM: arm64: Refactor user_mem_abort()" and "Handle guest_memfd-backed guest page faults" (v17) and the mainline push listing them; the kvmarm-6.18 pull',
        ref: 'ids 36055422306, 36195045922, 66525643630, 43398980641',
        confidence: 'read-at-source',
      },
      {
        read: 'the VFIO pulls for v6.18-rc1 (vfio_pci_core.c not touched; nvgrace-gpu GB300 SKU)',
        ref: 'ids 21243526430, 48082507150',
        confidence: 'read-at-source',
      },
      {
        read: 'RISC-V: the v6.18-rc1 pull ("ioremap_wc()") and its merge; the KVM fixes pull for 6.18-rc6 ("Remove automatic I/O mapping")',
        ref: 'ids 38703032943, 38364030723, 45132749456, 40537796421',
        confidence: 'read-at-source',
      },
    ],
  },
  '6.19': {
    release: { commit: '05f7e89ab973', seen: 'id 53218175638' },
    read: [
      {
        read: 'the kvmarm-6.19 pull (SEA exit, FEAT_XNX); the device/NC branch as it reads in the 7.0 copy',
        ref: 'ids 8269938277, 66377571315',
        confidence: 'read-at-source',
      },
      {
        read: '"mm: declare VMA flags by bit" (v3) and the mm-stable merge',
        ref: 'ids 18956295398, 65804376494',
        confidence: 'read-at-source',
      },
      {
        read: 'the VFIO pull for v6.19-rc1; vfio_pci_dmabuf.c; the nvgrace-gpu huge-PFNMAP patch',
        ref: 'ids 8767293867, 33854406873, 8511212786',
        confidence: 'read-at-source',
      },
    ],
  },
  '7.0': {
    release: { commit: '028ef9c96e96', seen: 'id 54536901382' },
    read: [
      KVM_70,
      {
        read: 'the kvmarm-7.0 pull; the LS64 patches (v4 1/7, 3/7)',
        ref: 'ids 53138572482, 12059089811, 12699637402',
        confidence: 'read-at-source',
      },
      { read: 'the VFIO pull for v7.0-rc1', ref: 'id 53580334819', confidence: 'read-at-source' },
    ],
  },
  '7.1': {
    release: { commit: '8cd9520d35a6', seen: 'id 55951322818' },
    read: [
      {
        read: "the kvm-arm64/user_mem_abort-rework commit list (kvmarm next push, mainline merge window); Fuad Tabba's intermediate patches read; Marc Zyngier's follow-ups by title only",
        ref: 'ids 66628525852, 66702767530, 53459078411, 53498406115, 53539997366',
        confidence: 'titles-only',
      },
      {
        read: 'mm.h context lines in a 7.1-stable review (VM_ALLOW_ANY_UNCACHED = INIT_VM_FLAG(ALLOW_ANY_UNCACHED)); vfio_pci_core_mmap() context in a patch based on v7.1',
        ref: 'ids 61716649097, 67610192130',
        confidence: 'read-at-source',
      },
    ],
  },
  '7.2': {
    release: { commit: '237a1c39e8df', seen: 'tag object in the renesas-drivers push of 2026-08-18, id 66034238348' },
    read: [
      {
        read: 'the kvmarm-7.2 branch list (misc, nv-mmu, pkvm-fixes, vgic: no commit touching the device/NC choice seen; misc-7.2 not enumerated)',
        ref: 'ids 66796497077, 66768114686, 66844521981, 66317038577',
        confidence: 'inferred',
      },
      {
        read: 'the VFIO pull for v7.2-rc1 (vfio_pci_core_get_iomap() in mmap; pgprot and flags unchanged) and a tree carrying 7.2 vfio_pci_core.c',
        ref: 'ids 66943537491, 67408923454',
        confidence: 'read-at-source',
      },
    ],
    noChange:
      'No change found: the kvmarm-7.2 branches are nested-virt, pKVM and vGIC work, and vfio_pci_core_mmap() keeps pgprot_noncached() and VM_ALLOW_ANY_UNCACHED (misc-7.2 not fully enumerated).',
  },
} as const satisfies Record<KernelVersion, ReleaseReading>;

/** The releases table as rows: each covered release with its date and what was read for it. */
export const RELEASES: readonly ReleaseRow[] = RELEASE_DATES.map(({ version, date }) => ({ version, date, ...RELEASE_READS[version] }));
