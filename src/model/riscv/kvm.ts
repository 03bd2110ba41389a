/**
 * What KVM RISC-V puts in the G-stage for a VFIO BAR, what a Linux RISC-V guest's ioremap family puts
 * in its VS-stage PBMT, and how the two combine — by kernel version. The releases come from
 * KERNEL_CHANGES: CHANGE_RELEASES (linux/change-releases.ts) and the RISC-V changes' details
 * (linux/changes-riscv.ts).
 *
 * Sources (read at the source for this model):
 * - arch/riscv/kvm/mmu.c kvm_arch_prepare_memory_region(), up to 6.17: for a VM_PFNMAP VMA it mapped the
 *   whole range when the memslot was created, through kvm_riscv_gstage_ioremap() (later
 *   kvm_riscv_mmu_ioremap()), which builds the leaf with pgprot_noncached(PAGE_WRITE): PBMT IO on a host
 *   whose Linux uses Svpbmt.
 * - 8c5fa3764fac "RISC-V: KVM: Remove automatic I/O mapping for VM_PFNMAP" (Fangyu Yu, Fixes:
 *   9d05c1fee837), tag kvm-riscv-fixes-6.18-2 in the KVM fixes pull for 6.18-rc6: the eager mapping
 *   goes; BAR pages are mapped on a G-stage fault by kvm_riscv_gstage_map_page() (arch/riscv/kvm/gstage.c)
 *   from PAGE_READ/PAGE_WRITE[_EXEC], with no PBMT bits: PBMT 0, so the BAR's I/O PMAs apply. The 7.x
 *   huge-page work keeps leaves without PBMT.
 * - arch/riscv/kvm/vcpu.c (vcpu config setup): henvcfg.PBMTE is set when the vCPU's ISA has Svpbmt.
 * - include/asm-generic/io.h: without an arch ioremap_wc(), ioremap_wc() is ioremap(); without an arch
 *   ioremap_np(), ioremap_np() returns NULL. kernel/iomem.c: without an arch ioremap_cache(), the
 *   fallback is ioremap().
 * - arch/riscv/include/asm/pgtable.h: _PAGE_IOREMAP is the kernel protection with the IO memory type;
 *   3a8ee3a9f4f6 "riscv: introduce ioremap_wc()" (Yunhui Cui; RISC-V pull for v6.18-rc1, merged as
 *   cb7e3669c683) maps ioremap_wc() with _PAGE_KERNEL_NC, the NC type.
 */
import type { Citation, DecidedBy, GuestIoremap } from '../cross-arch';
import { cite, linuxFile } from '../cross-arch';
import { CHANGE_RELEASES } from '../linux/change-releases';
import { RISCV_CHANGE_DETAILS } from '../linux/changes-riscv';
import type { KernelVersion } from '../linux/versions';
import { hasFeature } from '../linux/versions';
import type { PbmtMode, SvpbmtResult } from './svpbmt';
import { SVPBMT_SOURCES, svpbmtName, svpbmtOrdering, svpbmtTwoStage } from './svpbmt';

export interface RiscvFact {
  readonly since: KernelVersion;
  readonly what: string;
  readonly source: Citation;
  /** False when the release was not checked at a primary source in this work. */
  readonly versionVerified: boolean;
}

export type RiscvFactId = keyof typeof RISCV_CHANGE_DETAILS;
const RISCV_FACT_IDS = Object.keys(RISCV_CHANGE_DETAILS) as RiscvFactId[];

function factOf(id: RiscvFactId): RiscvFact {
  const { release, what, source } = CHANGE_RELEASES[id];
  const { commits, evidence } = RISCV_CHANGE_DETAILS[id];
  return {
    since: release,
    what,
    source: cite(source, `https://git.kernel.org/torvalds/c/${commits[0]}`),
    versionVerified: evidence.some((e) => e.confidence === 'read-at-source'),
  };
}

/** The RISC-V changes of KERNEL_CHANGES, as the RISC-V pages cite them. */
export const RISCV_FACTS = Object.fromEntries(RISCV_FACT_IDS.map((id) => [id, factOf(id)])) as { readonly [K in RiscvFactId]: RiscvFact };

export function riscvHas(kernel: KernelVersion, fact: RiscvFactId): boolean {
  return hasFeature(kernel, fact);
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
export function kvmRiscvGstage(kernel: KernelVersion): GstageChoice {
  const S = RISCV_KVM_SOURCES;
  if (!riscvHas(kernel, 'kvm-riscv')) {
    return {
      pbmt: null,
      how: `KVM RISC-V does not exist in ${kernel} (it arrived in ${RISCV_FACTS['kvm-riscv'].since}; release not re-verified)`,
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
export function riscvGuestMapping(kernel: KernelVersion, mapping: GuestIoremap): RiscvGuestMapping {
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
  readonly kernel: KernelVersion;
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
export function riscvPassthroughAt(kernel: KernelVersion, guestMapping: GuestIoremap): RiscvPassthrough {
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
  'The release in which KVM RISC-V arrived (5.16): from memory of the merge windows, not re-read.',
  'The release in which Linux started using Svpbmt (5.19): the commit (ff689fd21cb1) is read from a later Fixes: tag and a RISC-V pull; the tag was not read.',
  'The release in which KVM RISC-V began setting henvcfg.PBMTE: not checked; for the BAR answer up to 6.17 it does not matter, both stages say IO.',
  "ioremap_cache() on RISC-V: kernel/iomem.c's weak fallback to ioremap() was later folded into memremap() (Arnd Bergmann); whether a driver can still call ioremap_cache() there was not checked. memremap(MEMREMAP_WB) still falls back to ioremap().",
  'Which release carries the ALT_FIXUP_MT form of the PBMT fix-up rather than the older ALT_SVPBMT one: not pinned; both clear the memory-type bits without Svpbmt, so the answer is the same.',
] as const;
