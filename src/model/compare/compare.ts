/**
 * One question on three architectures: a VFIO passthrough PCI BAR, a guest driver maps it with one of
 * the ioremap family — what memory type do its accesses get, and who decided?
 *
 * arm64 comes from the scenario layer (runScenario(): vfio-pci's mmap, the memslot, user_mem_abort()'s
 * stage 2, the guest's MAIR slot, the Arm combining rules); x86 from Intel's EPT rule and KVM's
 * vmx_get_mt_mask(); RISC-V from the Svpbmt two-stage rule and KVM RISC-V's G-stage mapping.
 * The kernel version applies to host and guest alike.
 */
import type { MemoryTypeName } from '../arm64/types';
import type { Citation, DecidedBy, GuestIoremap } from '../cross-arch';
import { cite, linuxCommit, linuxFile } from '../cross-arch';
import type { Stage2Prot } from '../linux/kvm-stage2';
import type { KernelVersion } from '../linux/versions';
import { RISCV_CHANGED_IN } from '../riscv/api';
import type { RiscvPassthrough } from '../riscv/kvm';
import { riscvPassthroughAt } from '../riscv/kvm';
import type { ScenarioResult } from '../scenario/scenario';
import { defaultRequest, runScenario } from '../scenario/scenario';
import type { X86PassthroughResult } from '../x86/api';
import { x86PassthroughOf } from '../x86/api';

export const COMPARE_ARCHES = ['arm64', 'x86', 'riscv'] as const;
export type CompareArch = (typeof COMPARE_ARCHES)[number];

/** One architecture's answer, in a shape a side-by-side table can render. */
export interface CompareRow {
  readonly arch: CompareArch;
  readonly label: string;
  /** What the hypervisor's second stage names for the BAR (stage 2, EPT, G-stage). */
  readonly hypervisorType: string | null;
  /** What the guest driver's own page tables name. */
  readonly guestType: string | null;
  /** The effective type of the guest's accesses; null when nothing is mapped. */
  readonly effective: string | null;
  readonly decidedBy: DecidedBy | null;
  readonly reason: string;
  readonly sources: readonly Citation[];
}

export interface CompareResult {
  readonly kernel: KernelVersion;
  readonly guestMapping: GuestIoremap;
  readonly rows: readonly CompareRow[];
  readonly arm64: ScenarioResult | null;
  readonly x86: X86PassthroughResult;
  readonly riscv: RiscvPassthrough;
  /** RISC-V on the release in which its inputs changed (6.18: the guest's ioremap_wc() and KVM's G-stage). */
  readonly riscvAfter: RiscvPassthrough;
  /** What the comparison does not model, and why. */
  readonly notModelled: readonly string[];
}

export const ARM64_SOURCES = {
  userMemAbort: linuxFile('arch/arm64/kvm/mmu.c', 'user_mem_abort()'),
  vfioMmap: linuxFile('drivers/vfio/pci/vfio_pci_core.c', 'vfio_pci_core_mmap()'),
  kvmNc: linuxCommit('8c47ce3e1d2c', 'KVM: arm64: Set io memory s2 pte as normalnc for vfio pci device'),
  vfioFlag: linuxCommit('a39d3a966a09', 'vfio: Convey kvm that the vfio-pci device is wc safe'),
  combining: cite('Arm ARM (DDI 0487), "Combining the stage 1 and stage 2 attributes"'),
} as const satisfies Record<string, Citation>;

const S2_TYPE = { DEVICE: 'Device-nGnRE', NORMAL_NC: 'Normal-NC', NORMAL: 'Normal-WB' } as const satisfies Record<
  Stage2Prot,
  MemoryTypeName
>;

function arm64Row(r: ScenarioResult | null, kernel: KernelVersion, mapping: GuestIoremap): CompareRow {
  const label = 'arm64 (KVM, stage 2)';
  const sources = [
    ARM64_SOURCES.userMemAbort,
    ARM64_SOURCES.vfioMmap,
    ARM64_SOURCES.kvmNc,
    ARM64_SOURCES.vfioFlag,
    ARM64_SOURCES.combining,
  ];
  if (r === null) {
    return {
      arch: 'arm64',
      label,
      hypervisorType: null,
      guestType: null,
      effective: null,
      decidedBy: null,
      reason: `${mapping}() or vfio-pci is not available in ${kernel}.`,
      sources,
    };
  }
  const s2 = r.stage2?.prot ?? null;
  const hypervisorType = s2 === null ? null : S2_TYPE[s2];
  const guestType = r.guestStage1.memoryType;
  const effective = r.effectiveType;
  const decidedBy: DecidedBy | null =
    effective === null ? null : effective === guestType ? (effective === hypervisorType ? 'both' : 'guest') : 'hypervisor';
  return { arch: 'arm64', label, hypervisorType, guestType, effective, decidedBy, reason: r.reason, sources };
}

function x86Row(r: X86PassthroughResult): CompareRow {
  return {
    arch: 'x86',
    label: 'x86 (KVM, Intel EPT)',
    hypervisorType: r.kvm.eptType === null ? null : `${r.kvm.eptType}${r.kvm.ipat ? ' + ignore-PAT' : ''}`,
    guestType: r.guestPat === null ? null : `PAT ${r.guestPat}`,
    effective: r.effective,
    decidedBy: r.decidedBy,
    reason: r.reason,
    sources: r.sources,
  };
}

function riscvRow(r: RiscvPassthrough): CompareRow {
  return {
    arch: 'riscv',
    label: 'RISC-V (KVM, H extension + Svpbmt)',
    hypervisorType: r.gStage.pbmt === null ? null : `PBMT ${r.gStage.pbmt}`,
    guestType: r.guest.pbmt === null ? null : `PBMT ${r.guest.pbmt}`,
    effective: r.effective,
    decidedBy: r.decidedBy,
    reason: r.reason,
    sources: r.sources,
  };
}

export const NOT_MODELLED = [
  'AMD NPT: the APM combining rule (guest PAT x nested PAT, then host MTRRs) was not read at a primary source; no AMD answer is given.',
  'x86 assumes the guest CR0.CD = 0 (with CR0.CD = 1 every access is UC) and a BAR that kvm_is_mmio_pfn() treats as MMIO.',
  'RISC-V assumes host and guest harts implement Svpbmt and KVM exposes it (henvcfg.PBMTE = 1); the versions in which KVM RISC-V (5.16) and Linux Svpbmt use (5.19) arrived were not re-verified.',
] as const;

/** The comparison for validated inputs. */
export function compareOf(kernel: KernelVersion, guestMapping: GuestIoremap): CompareResult {
  const arm64 = runScenario(defaultRequest(kernel, 'vfio-pci', guestMapping, false));
  const x86 = x86PassthroughOf(kernel, guestMapping);
  const riscv = riscvPassthroughAt(kernel, guestMapping);
  return {
    kernel,
    guestMapping,
    rows: [arm64Row(arm64, kernel, guestMapping), x86Row(x86), riscvRow(riscv)],
    arm64,
    x86,
    riscv,
    riscvAfter: riscvPassthroughAt(RISCV_CHANGED_IN, guestMapping),
    notModelled: NOT_MODELLED,
  };
}
