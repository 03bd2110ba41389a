/**
 * What KVM on Intel puts in an EPT leaf's memory-type bits, by kernel version, and what a Linux
 * guest's ioremap family asks for in its PAT.
 *
 * Sources (read at the source for this model):
 * - arch/x86/kvm/vmx/vmx.c vmx_get_mt_mask(): `is_mmio` gives EPT UC with ignore-PAT clear in every
 *   covered version; RAM gets WB, with ignore-PAT set when KVM ignores guest PAT. The RAM rule changed:
 *   - up to 6.10: WB + IPAT unless the VM has non-coherent DMA; with non-coherent DMA KVM emulated the
 *     guest's CR0.CD and virtual MTRRs (kvm_mtrr_get_guest_memory_type()).
 *   - 6.11: 0a7b73559b39 "KVM: x86: Remove VMX support for virtualizing guest MTRR memtypes",
 *     e1548088ff54 "KVM: VMX: Drop support for forcing UC memory when guest CR0.CD=1" and 377b2f359d1f
 *     "KVM: VMX: Always honor guest PAT on CPUs that support self-snoop": WB + IPAT only without
 *     self-snoop and without non-coherent DMA.
 *   - 6.12: 9d70f3fec144 reverts 377b2f359d1f (for-linus-6.11 pull, merged right after the v6.11 tag;
 *     the bochs-drm guest mapped VRAM with ioremap(), and UC is slow on ICX/SPR): WB + IPAT unless
 *     non-coherent DMA.
 *   - 6.16: c9c1e20b4c7d "KVM: x86: Introduce Intel specific quirk KVM_X86_QUIRK_IGNORE_GUEST_PAT":
 *     WB + IPAT when the quirk is enabled (the default) and there is no non-coherent DMA; the quirk
 *     cannot be disabled on a CPU without self-snoop. First release per the reference's check: v6.16.
 * - arch/x86/kvm/mmu/spte.c kvm_is_mmio_pfn(): a pfn without a memmap counts as MMIO unless the raw
 *   e820 table says RAM; a vfio-pci BAR mapped through a VM_PFNMAP VMA is such a pfn.
 * - arch/x86/mm/ioremap.c: ioremap() requests _PAGE_CACHE_MODE_UC_MINUS, ioremap_uc() UC, ioremap_wc()
 *   WC; ioremap_cache() WB. x86 does not implement ioremap_np(), so the asm-generic one returns NULL.
 */
import type { Citation, GuestIoremap } from '../cross-arch';
import { cite, linuxCommit, linuxFile } from '../cross-arch';
import type { Confidence } from '../linux/releases';
import type { KernelVersion } from '../linux/versions';
import { atLeast, FEATURES, hasFeature, NEWEST_KERNEL } from '../linux/versions';
import type { EptType, PatType } from './types';
import { eptLeafTypeBits } from './types';

export const VMX_MT_ERAS = ['5.10-6.10', '6.11', '6.12-6.15', '6.16+'] as const;
export type VmxMtEra = (typeof VMX_MT_ERAS)[number];

/** The era from the x86 changes of KERNEL_CHANGES (linux/changes.ts). */
export function vmxMtEra(kernel: KernelVersion): VmxMtEra {
  if (hasFeature(kernel, 'x86-ignore-guest-pat-quirk')) return '6.16+';
  if (hasFeature(kernel, 'x86-honor-guest-pat-revert')) return '6.12-6.15';
  if (hasFeature(kernel, 'x86-honor-guest-pat')) return '6.11';
  return '5.10-6.10';
}

/** The version in which the ignore-guest-PAT quirk first exists. */
export const IGNORE_GUEST_PAT_QUIRK_SINCE: KernelVersion = FEATURES['x86-ignore-guest-pat-quirk'].since;

/**
 * After the quirk: no change to vmx_get_mt_mask() was found from 6.17 to the newest covered release.
 * Inferred: no per-release copy of vmx.c was read, only the 6.18-rc6 KVM fixes pull and an undated 2026
 * reading of the MMIO test (notes/vfio-mm-riscv-x86.md §7).
 */
export const VMX_MT_AFTER_QUIRK = {
  from: '6.17',
  through: NEWEST_KERNEL,
  changeFound: false,
  confidence: 'inferred',
} as const satisfies { from: KernelVersion; through: KernelVersion; changeFound: boolean; confidence: Confidence };

export const VMX_SOURCES = {
  getMtMask: linuxFile('arch/x86/kvm/vmx/vmx.c', 'vmx_get_mt_mask()'),
  isMmioPfn: linuxFile('arch/x86/kvm/mmu/spte.c', 'kvm_is_mmio_pfn()'),
  removeMtrr: linuxCommit('0a7b73559b39', 'KVM: x86: Remove VMX support for virtualizing guest MTRR memtypes'),
  dropCd: linuxCommit('e1548088ff54', 'KVM: VMX: Drop support for forcing UC memory when guest CR0.CD=1'),
  honorPat: linuxCommit('377b2f359d1f', 'KVM: VMX: Always honor guest PAT on CPUs that support self-snoop'),
  revert: linuxCommit(
    '9d70f3fec14421e793ffbc0ec2f739b24e534900',
    'Revert "KVM: VMX: Always honor guest PAT on CPUs that support self-snoop"',
  ),
  quirk: linuxCommit('c9c1e20b4c7d', 'KVM: x86: Introduce Intel specific quirk KVM_X86_QUIRK_IGNORE_GUEST_PAT'),
  sdm: cite('Intel SDM Vol. 3, "Memory Type Used for Translated Guest-Physical Addresses" (EPT and Memory Typing)'),
  sdmTable: cite('Intel SDM Vol. 3, Table 11-7 "Effective Page-Level Memory Types for Pentium III and More Recent Processor Families"'),
  ioremap: linuxFile('arch/x86/mm/ioremap.c', 'ioremap(), ioremap_wc(), ioremap_cache()'),
  ioremapNp: linuxFile('include/asm-generic/io.h', 'ioremap_np() fallback (returns NULL)'),
} as const satisfies Record<string, Citation>;

export interface VmxMtRequest {
  readonly kernel: KernelVersion;
  readonly isMmio: boolean;
  readonly noncoherentDma: boolean;
  readonly selfSnoop: boolean;
  /** KVM_X86_QUIRK_IGNORE_GUEST_PAT enabled (6.16+; the default). */
  readonly ignoreGuestPatQuirk: boolean;
}

export const VMX_MT_BRANCHES = ['mmio-uc', 'ram-wb-ipat', 'ram-wb', 'ram-guest-mtrr'] as const;
export type VmxMtBranch = (typeof VMX_MT_BRANCHES)[number];

export interface VmxMtResult {
  readonly era: VmxMtEra;
  readonly branch: VmxMtBranch;
  /** The EPT type, or null when KVM derives it from the guest's CR0.CD and virtual MTRRs (not modelled). */
  readonly eptType: EptType | null;
  readonly ipat: boolean | null;
  /** The leaf's bits 6:3 as KVM writes them (type << 3 | ipat << 6), or null as above. */
  readonly bits: number | null;
  /** Whether the guest's PAT reaches the effective type (ignore-PAT clear). */
  readonly guestPatApplies: boolean | null;
  readonly reason: string;
  readonly sources: readonly Citation[];
  /** How the release's vmx_get_mt_mask() is known: read for 5.10-6.16, inferred after (VMX_MT_AFTER_QUIRK). */
  readonly confidence: Confidence;
}

function out(
  kernel: KernelVersion,
  branch: VmxMtBranch,
  eptType: EptType | null,
  ipat: boolean | null,
  reason: string,
  sources: readonly Citation[],
): VmxMtResult {
  return {
    era: vmxMtEra(kernel),
    branch,
    eptType,
    ipat,
    bits: eptType === null || ipat === null ? null : eptLeafTypeBits(eptType, ipat),
    guestPatApplies: ipat === null ? null : !ipat,
    reason,
    sources,
    confidence: atLeast(kernel, VMX_MT_AFTER_QUIRK.from) ? VMX_MT_AFTER_QUIRK.confidence : 'read-at-source',
  };
}

/** vmx_get_mt_mask(): the memory type and ignore-PAT bit KVM writes into an EPT leaf. */
export function vmxGetMtMask(req: VmxMtRequest): VmxMtResult {
  const era = vmxMtEra(req.kernel);
  const S = VMX_SOURCES;
  if (req.isMmio) {
    return out(
      req.kernel,
      'mmio-uc',
      'UC',
      false,
      `vmx_get_mt_mask() in ${req.kernel}: host MMIO (kvm_is_mmio_pfn()) gets EPT type UC with ignore-PAT clear, so the guest's PAT type combines with UC (same in every version from 5.10).`,
      [S.getMtMask, S.isMmioPfn],
    );
  }
  const wbIpat = (why: string, sources: readonly Citation[]) =>
    out(
      req.kernel,
      'ram-wb-ipat',
      'WB',
      true,
      `vmx_get_mt_mask() in ${req.kernel}: RAM gets WB with ignore-PAT set — ${why}; the guest's PAT is ignored.`,
      sources,
    );
  const wb = (why: string, sources: readonly Citation[]) =>
    out(
      req.kernel,
      'ram-wb',
      'WB',
      false,
      `vmx_get_mt_mask() in ${req.kernel}: RAM gets WB with ignore-PAT clear — ${why}; the guest's PAT decides within the WB row.`,
      sources,
    );
  switch (era) {
    case '5.10-6.10':
      if (!req.noncoherentDma) return wbIpat('the VM has no non-coherent DMA', [S.getMtMask]);
      return out(
        req.kernel,
        'ram-guest-mtrr',
        null,
        null,
        `vmx_get_mt_mask() in ${req.kernel}: with non-coherent DMA KVM emulated the guest's CR0.CD and virtual MTRRs (kvm_mtrr_get_guest_memory_type()); that emulation is not modelled. It was removed in 6.11.`,
        [S.getMtMask, S.removeMtrr, S.dropCd],
      );
    case '6.11':
      if (!req.selfSnoop && !req.noncoherentDma)
        return wbIpat('the CPU lacks self-snoop and the VM has no non-coherent DMA', [S.getMtMask, S.honorPat]);
      return wb(req.selfSnoop ? 'the CPU has self-snoop, so 6.11 honors guest PAT' : 'the VM has non-coherent DMA', [
        S.getMtMask,
        S.honorPat,
      ]);
    case '6.12-6.15':
      if (!req.noncoherentDma)
        return wbIpat('the VM has no non-coherent DMA (6.12 reverted "always honor guest PAT")', [S.getMtMask, S.revert]);
      return wb('the VM has non-coherent DMA', [S.getMtMask, S.revert]);
    case '6.16+':
      if (!req.noncoherentDma && req.ignoreGuestPatQuirk)
        return wbIpat('KVM_X86_QUIRK_IGNORE_GUEST_PAT is enabled and the VM has no non-coherent DMA', [S.getMtMask, S.quirk]);
      return wb(
        req.noncoherentDma
          ? 'the VM has non-coherent DMA, so the quirk does not apply'
          : 'userspace disabled KVM_X86_QUIRK_IGNORE_GUEST_PAT',
        [S.getMtMask, S.quirk],
      );
  }
}

export type X86GuestMapping =
  | { readonly available: true; readonly pat: PatType; readonly how: string }
  | { readonly available: false; readonly pat: null; readonly how: string };

/** What a Linux x86 guest driver's ioremap variant asks for in its page tables (arch/x86/mm/ioremap.c). */
export const X86_GUEST_MAPPINGS = {
  ioremap: { available: true, pat: 'UC-', how: 'ioremap() requests _PAGE_CACHE_MODE_UC_MINUS (PAT UC-)' },
  ioremap_wc: { available: true, pat: 'WC', how: 'ioremap_wc() requests _PAGE_CACHE_MODE_WC (PAT WC)' },
  ioremap_cache: { available: true, pat: 'WB', how: 'ioremap_cache() requests _PAGE_CACHE_MODE_WB (PAT WB)' },
  ioremap_np: {
    available: false,
    pat: null,
    how: 'x86 does not implement ioremap_np(); the asm-generic version returns NULL, so the driver gets no mapping',
  },
} as const satisfies Record<GuestIoremap, X86GuestMapping>;

/**
 * AMD NPT is not modelled. KVM programs no memory type in NPT entries and, per its documentation,
 * always honors guest PAT on AMD; the APM's rule for combining the guest PAT type, the nested-table PAT
 * type and the host MTRRs ("Combining Memory Types, MTRRs", Vol. 2 §15.25.8) was not read at a primary
 * source in this work, so the model states no AMD result.
 */
export const AMD_NPT = {
  modelled: false,
  unverified: [
    'AMD APM Vol. 2 §15.25.8 combining table (guest PAT x nested PAT, then host MTRRs): not read at a primary source',
    'KVM on AMD: no memory type in NPT entries (commit 3fee4837ef40 "KVM: x86: remove shadow_memtype_mask"): taken from the reference, not re-read',
  ],
} as const;
