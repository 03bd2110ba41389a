/**
 * What KVM RISC-V puts in the G-stage for a VFIO BAR, what a Linux RISC-V guest's ioremap family puts
 * in its VS-stage PBMT, and how the two combine — by kernel version.
 *
 * Sources (read at the source for this model):
 * - arch/riscv/kvm/mmu.c kvm_arch_prepare_memory_region(), up to 6.17: for a VM_PFNMAP VMA it mapped the
 *   whole range when the memslot was created, through kvm_riscv_gstage_ioremap() (later
 *   kvm_riscv_mmu_ioremap()), which builds the leaf with pgprot_noncached(PAGE_WRITE): PBMT IO on a host
 *   whose Linux uses Svpbmt.
 * - "RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (Fangyu Yu, Fixes: 9d05c1fee837), pulled
 *   as tags/kvm-riscv-fixes-6.18-1 after v6.18-rc1: the eager mapping goes; BAR pages are mapped on a
 *   G-stage fault by kvm_riscv_mmu_map() -> kvm_riscv_gstage_map_page() (arch/riscv/kvm/gstage.c) from
 *   PAGE_READ/PAGE_WRITE[_EXEC], with no PBMT bits: PBMT 0, so the BAR's I/O PMAs apply.
 * - arch/riscv/kvm/vcpu.c (vcpu config setup): henvcfg.PBMTE is set when the vCPU's ISA has Svpbmt.
 * - include/asm-generic/io.h: without an arch ioremap_wc(), ioremap_wc() is ioremap(); without an arch
 *   ioremap_np(), ioremap_np() returns NULL. kernel/iomem.c: without an arch ioremap_cache(), the
 *   fallback is ioremap().
 * - arch/riscv/include/asm/pgtable.h: _PAGE_IOREMAP is the kernel protection with the IO memory type;
 *   "riscv: introduce ioremap_wc()" (Yunhui Cui, commit 3a8ee3a9f4f6, pushed to the riscv tree on
 *   2025-10-03, after v6.17 was released) maps ioremap_wc() with the NC type.
 */
import type { Citation, DecidedBy, GuestIoremap } from '../cross-arch';
import { cite, linuxCommit, linuxFile } from '../cross-arch';
import type { PbmtMode, SvpbmtResult } from './svpbmt';
import { SVPBMT_SOURCES, svpbmtName, svpbmtOrdering, svpbmtTwoStage } from './svpbmt';

/** "MAJOR.MINOR" -> a sortable number; versions here may lie past the modelled range (6.18). */
export function versionKey(v: string): number {
  const [major, minor] = v.split('.').map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
}

export interface RiscvFact {
  readonly since: string;
  readonly what: string;
  readonly source: Citation;
  /** False when the version boundary was not checked at a primary source in this work. */
  readonly versionVerified: boolean;
}

export const RISCV_FACTS = {
  'kvm-riscv': {
    since: '5.16',
    what: 'KVM RISC-V (H extension) exists',
    source: linuxCommit('9d05c1fee837', 'RISC-V: KVM: Implement stage2 page table programming'),
    versionVerified: false,
  },
  'linux-svpbmt': {
    since: '5.19',
    what: 'Linux uses Svpbmt: ioremap() and pgprot_noncached() give PBMT IO, pgprot_writecombine() gives NC',
    source: cite('"riscv: add RISC-V Svpbmt extension support" (Heiko Stuebner)'),
    versionVerified: false,
  },
  'ioremap-wc-nc': {
    since: '6.18',
    what: 'riscv ioremap_wc() maps with PBMT NC (before: the generic fallback to ioremap(), PBMT IO)',
    source: linuxCommit('3a8ee3a9f4f6', 'riscv: introduce ioremap_wc()'),
    versionVerified: true,
  },
  'kvm-pfnmap-on-fault': {
    since: '6.18',
    what: 'KVM RISC-V maps VFIO BAR pages on G-stage fault with PBMT 0 (PMA) instead of PBMT IO at memslot creation',
    source: cite(
      '"RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (Fangyu Yu), KVM/riscv fixes for 6.18 take #1',
      'https://lore.kernel.org/all/20251020130801.68356-1-fangyu.yu@linux.alibaba.com/',
    ),
    versionVerified: true,
  },
} as const satisfies Record<string, RiscvFact>;
export type RiscvFactId = keyof typeof RISCV_FACTS;

export function riscvHas(kernel: string, fact: RiscvFactId): boolean {
  return versionKey(kernel) >= versionKey(RISCV_FACTS[fact].since);
}

export const RISCV_KVM_SOURCES = {
  prepare: linuxFile('arch/riscv/kvm/mmu.c', 'kvm_arch_prepare_memory_region(), kvm_riscv_mmu_ioremap()'),
  map: linuxFile('arch/riscv/kvm/gstage.c', 'kvm_riscv_gstage_map_page()'),
  henvcfg: linuxFile('arch/riscv/kvm/vcpu.c', 'henvcfg.PBMTE from the vCPU ISA (Svpbmt)'),
  genericIo: linuxFile('include/asm-generic/io.h', 'ioremap_wc()/ioremap_np() fallbacks'),
} as const satisfies Record<string, Citation>;

export interface GstageChoice {
  /** G-stage leaf PBMT for the BAR, or null when KVM RISC-V does not exist in the version. */
  readonly pbmt: PbmtMode | null;
  readonly how: string;
  readonly sources: readonly Citation[];
}

/** KVM RISC-V's G-stage PBMT for a VFIO BAR page (the host is assumed to implement Svpbmt). */
export function kvmRiscvGstage(kernel: string): GstageChoice {
  const S = RISCV_KVM_SOURCES;
  if (!riscvHas(kernel, 'kvm-riscv')) {
    return {
      pbmt: null,
      how: `KVM RISC-V does not exist in ${kernel} (it arrived in ${RISCV_FACTS['kvm-riscv'].since}; boundary not re-verified)`,
      sources: [],
    };
  }
  if (riscvHas(kernel, 'kvm-pfnmap-on-fault')) {
    return {
      pbmt: 'PMA',
      how: `KVM in ${kernel} maps the BAR page on a G-stage fault through kvm_riscv_gstage_map_page(), which sets no PBMT bits: G-stage PBMT 0`,
      sources: [S.map, RISCV_FACTS['kvm-pfnmap-on-fault'].source],
    };
  }
  const svpbmt = riscvHas(kernel, 'linux-svpbmt');
  return {
    pbmt: svpbmt ? 'IO' : 'PMA',
    how: svpbmt
      ? `KVM in ${kernel} maps the whole VM_PFNMAP range when the memslot is created, with pgprot_noncached(PAGE_WRITE): G-stage PBMT IO`
      : `KVM in ${kernel} maps the VM_PFNMAP range when the memslot is created; Linux ${kernel} does not use Svpbmt yet, so pgprot_noncached() sets no PBMT bits: G-stage PBMT 0`,
    sources: [S.prepare],
  };
}

export type RiscvGuestMapping =
  | { readonly available: true; readonly pbmt: PbmtMode; readonly how: string }
  | { readonly available: false; readonly pbmt: null; readonly how: string };

/** What a Linux RISC-V guest's ioremap variant writes in its VS-stage PBMT (the vCPU has Svpbmt). */
export function riscvGuestMapping(kernel: string, mapping: GuestIoremap): RiscvGuestMapping {
  if (mapping === 'ioremap_np') {
    return {
      available: false,
      pbmt: null,
      how: 'RISC-V does not implement ioremap_np(); the asm-generic version returns NULL, so the driver gets no mapping',
    };
  }
  if (!riscvHas(kernel, 'linux-svpbmt')) {
    return {
      available: true,
      pbmt: 'PMA',
      how: `${mapping}() in a ${kernel} guest sets no PBMT bits (Linux did not use Svpbmt yet): VS-stage PBMT 0`,
    };
  }
  switch (mapping) {
    case 'ioremap':
      return { available: true, pbmt: 'IO', how: 'ioremap() maps with _PAGE_IOREMAP: VS-stage PBMT IO' };
    case 'ioremap_wc':
      return riscvHas(kernel, 'ioremap-wc-nc')
        ? { available: true, pbmt: 'NC', how: `ioremap_wc() in ${kernel} maps with the NC type: VS-stage PBMT NC` }
        : {
            available: true,
            pbmt: 'IO',
            how: `riscv has no ioremap_wc() in ${kernel}, so the asm-generic fallback makes it ioremap(): VS-stage PBMT IO (the riscv ioremap_wc() with NC arrived in ${RISCV_FACTS['ioremap-wc-nc'].since})`,
          };
    case 'ioremap_cache':
      return { available: true, pbmt: 'IO', how: 'riscv has no ioremap_cache(); the generic fallback is ioremap(): VS-stage PBMT IO' };
  }
}

export interface RiscvPassthrough {
  readonly kernel: string;
  readonly guestMapping: GuestIoremap;
  readonly gStage: GstageChoice;
  readonly guest: RiscvGuestMapping;
  readonly henvcfgPbmte: boolean;
  readonly combined: SvpbmtResult | null;
  /** NC, IO or PMA (I/O); null when nothing is mapped. */
  readonly effective: string | null;
  readonly ordering: string | null;
  readonly decidedBy: DecidedBy | null;
  readonly reason: string;
  readonly sources: readonly Citation[];
}

/** A VFIO passthrough BAR (I/O PMAs) on RISC-V with the H extension, for one guest driver mapping. */
export function riscvPassthroughAt(kernel: string, guestMapping: GuestIoremap): RiscvPassthrough {
  const gStage = kvmRiscvGstage(kernel);
  const guest = riscvGuestMapping(kernel, guestMapping);
  const sources = [
    SVPBMT_SOURCES.svpbmt,
    SVPBMT_SOURCES.henvcfg,
    ...gStage.sources,
    RISCV_KVM_SOURCES.henvcfg,
    RISCV_KVM_SOURCES.genericIo,
  ];
  const base = { kernel, guestMapping, gStage, guest, henvcfgPbmte: true, sources };
  if (gStage.pbmt === null || !guest.available) {
    return {
      ...base,
      combined: null,
      effective: null,
      ordering: null,
      decidedBy: null,
      reason: gStage.pbmt === null ? gStage.how : guest.how,
    };
  }
  const combined = svpbmtTwoStage({ pma: 'io', g: gStage.pbmt, vs: guest.pbmt });
  const decidedBy: DecidedBy =
    combined.rule === 'pma'
      ? 'platform'
      : combined.rule === 'g-overrides-pma'
        ? 'hypervisor'
        : guest.pbmt === gStage.pbmt
          ? 'both'
          : 'guest';
  return {
    ...base,
    combined,
    effective: svpbmtName(combined.final),
    ordering: svpbmtOrdering(combined.final),
    decidedBy,
    reason: `1. ${gStage.how}. 2. KVM sets henvcfg.PBMTE because the vCPU has Svpbmt, so the guest's PBMT bits take effect. 3. ${guest.how}. 4. ${combined.explanation}`,
  };
}

/** What the RISC-V model states without a primary-source check, for pages to say so. */
export const RISCV_UNVERIFIED = [
  'The release in which KVM RISC-V arrived (5.16) and in which Linux started using Svpbmt (5.19): taken from memory of the merge windows, not re-read.',
  'The release tags for "riscv: introduce ioremap_wc()" and "RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (6.18): inferred from a push to the riscv tree after v6.17 and a KVM/riscv fixes pull after v6.18-rc1, not from the tags.',
  'The release in which KVM RISC-V began setting henvcfg.PBMTE: not checked; for the BAR answer up to 6.17 it does not matter, both stages say IO.',
  "ioremap_cache() on RISC-V: kernel/iomem.c's weak fallback to ioremap() was later folded into memremap() (Arnd Bergmann); whether a driver can still call ioremap_cache() there was not checked. memremap(MEMREMAP_WB) still falls back to ioremap().",
] as const;
