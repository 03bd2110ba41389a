/**
 * Beyond arm64 and over time: x86 (Intel EPT + PAT) and RISC-V (H extension + Svpbmt) rules and
 * passthrough answers, the timeline of the changes, and the model's releases table.
 */
import type {
  EptCombineResult,
  ReleasesResult,
  RiscvPassthroughResult,
  SvpbmtCombineResult,
  TimelineResult,
  VmxMtResult,
  X86PassthroughResult,
} from '../../model/index';
import {
  eptCombine,
  GUEST_IOREMAPS,
  kvmEptType,
  NEWEST_KERNEL,
  PMA_CLASSES,
  releases,
  riscvPassthrough,
  svpbmtCombine,
  timeline,
  x86Passthrough,
} from '../../model/index';
import type { Command } from '../command';
import type { FlagSpec } from '../flags';
import { KERNEL_FLAG, KERNEL_NOTE } from '../flags';

export const eptCombineCommand: Command<EptCombineResult> = {
  name: 'ept-combine',
  summary: 'Intel EPT memory type x guest PAT type -> the effective type of a guest access (SDM Table 11-7).',
  usage: 'memattr ept-combine --ept-mem-type 0 --guest-pat 1 [--ipat] [--cr0-cd] [--json]',
  flags: [
    { flag: 'ept-mem-type', field: 'eptMemType', kind: { type: 'int', min: 0, max: 7 }, help: 'EPT entry bits 5:3, 0-7 (required)' },
    { flag: 'ipat', field: 'ipat', kind: { type: 'bool' }, help: 'EPT entry bit 6, ignore PAT (default false)' },
    { flag: 'guest-pat', field: 'guestPat', kind: { type: 'int', min: 0, max: 7 }, help: "the guest's PAT type encoding, 0-7 (required)" },
    { flag: 'cr0-cd', field: 'cr0Cd', kind: { type: 'bool' }, help: "the guest's CR0.CD (default false)" },
  ],
  run: eptCombine,
  render: (r) =>
    `${r.effective} (EPT ${r.eptType}${r.ipat ? ', ignore-PAT' : ''}, guest PAT ${r.guestPat}; rule ${r.rule})\n${r.explanation}`,
};

export const kvmEptTypeCommand: Command<VmxMtResult> = {
  name: 'kvm-ept-type',
  summary: "What KVM's vmx_get_mt_mask() writes in an EPT entry (memory type, ignore-PAT), by kernel version.",
  usage: 'memattr kvm-ept-type --kernel 7.0 --is-mmio [--noncoherent-dma] [--self-snoop=false] [--ignore-guest-pat-quirk=false] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    {
      flag: 'is-mmio',
      field: 'isMmio',
      kind: { type: 'bool' },
      help: 'kvm_is_mmio_pfn() holds for the pfn, as for a passthrough BAR (required: --is-mmio or --is-mmio=false)',
    },
    { flag: 'noncoherent-dma', field: 'noncoherentDma', kind: { type: 'bool' }, help: 'the VM has non-coherent DMA (default false)' },
    { flag: 'self-snoop', field: 'selfSnoop', kind: { type: 'bool' }, help: 'the CPU has self-snoop (default true)' },
    {
      flag: 'ignore-guest-pat-quirk',
      field: 'ignoreGuestPatQuirk',
      kind: { type: 'bool' },
      help: 'KVM_X86_QUIRK_IGNORE_GUEST_PAT enabled (6.16+; default enabled)',
    },
  ],
  notes: [KERNEL_NOTE],
  run: kvmEptType,
  render: (r) =>
    `EPT type ${r.eptType}, ignore-PAT ${r.ipat ? 'set' : 'clear'} (branch ${r.branch}, ${r.era}; ${r.confidence})\n${r.reason}`,
};

const PASSTHROUGH_FLAGS: readonly FlagSpec[] = [
  {
    flag: 'guest',
    field: 'guestMapping',
    kind: { type: 'enum', values: GUEST_IOREMAPS },
    help: "the guest driver's mapping call (required)",
  },
  { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: `host and guest kernel version (default ${NEWEST_KERNEL})` },
];

export const x86PassthroughCommand: Command<X86PassthroughResult> = {
  name: 'x86-passthrough',
  summary: 'A guest driver maps a passthrough PCI BAR on x86 (Intel EPT + PAT): the effective type and who decided it.',
  usage: `memattr x86-passthrough --guest ioremap_wc [--kernel ${NEWEST_KERNEL}] [--json]`,
  flags: PASSTHROUGH_FLAGS,
  notes: [KERNEL_NOTE],
  run: x86Passthrough,
  render: (r) => `${r.effective} (decided by ${r.decidedBy})\n${r.reason}`,
};

export const svpbmtCombineCommand: Command<SvpbmtCombineResult> = {
  name: 'svpbmt-combine',
  summary: 'RISC-V Svpbmt with the H extension: the PMA, then G-stage PBMT, then VS-stage PBMT -> the effective type.',
  usage: 'memattr svpbmt-combine --pma io --g-pbmt 0 --vs-pbmt 1 [--hgatp-bare] [--vsatp-bare] [--henvcfg-pbmte=false] [--json]',
  flags: [
    {
      flag: 'pma',
      field: 'pma',
      kind: { type: 'enum', values: PMA_CLASSES },
      help: 'the physical memory attributes of the address (required)',
    },
    { flag: 'g-pbmt', field: 'gPbmt', kind: { type: 'int', min: 0, max: 3 }, help: 'G-stage leaf PBMT, 0-3 (default 0)' },
    { flag: 'vs-pbmt', field: 'vsPbmt', kind: { type: 'int', min: 0, max: 3 }, help: 'VS-stage leaf PBMT, 0-3 (default 0)' },
    { flag: 'hgatp-bare', field: 'hgatpBare', kind: { type: 'bool' }, help: 'hgatp.MODE is Bare: no G-stage PTE (default false)' },
    { flag: 'vsatp-bare', field: 'vsatpBare', kind: { type: 'bool' }, help: 'vsatp.MODE is Bare: no VS-stage PTE (default false)' },
    { flag: 'henvcfg-pbmte', field: 'henvcfgPbmte', kind: { type: 'bool' }, help: 'henvcfg.PBMTE as written (default true)' },
    { flag: 'menvcfg-pbmte', field: 'menvcfgPbmte', kind: { type: 'bool' }, help: 'menvcfg.PBMTE (default true)' },
  ],
  run: svpbmtCombine,
  render: (r) => `${r.effective} (rule ${r.rule}; ${r.ordering})\n${r.explanation}`,
};

export const riscvPassthroughCommand: Command<RiscvPassthroughResult> = {
  name: 'riscv-passthrough',
  summary: 'A guest driver maps a passthrough PCI BAR on RISC-V (H extension + Svpbmt): the effective type and who decided it.',
  usage: `memattr riscv-passthrough --guest ioremap_wc [--kernel ${NEWEST_KERNEL}] [--json]`,
  flags: PASSTHROUGH_FLAGS,
  notes: [KERNEL_NOTE],
  run: riscvPassthrough,
  render: (r) => `${r.effective ?? 'none'}${r.decidedBy === null ? '' : ` (decided by ${r.decidedBy})`}\n${r.reason}`,
};

export const timelineCommand: Command<TimelineResult> = {
  name: 'timeline',
  summary: 'What happened next: the changes and proposals around the question, from the version data.',
  usage: 'memattr timeline [--json]',
  flags: [],
  run: () => timeline(),
  render: (r) => r.entries.map((e) => `${e.kernel ?? e.date ?? '-'}  [${e.status}] ${e.title}\n  ${e.why}`).join('\n'),
};

export const releasesCommand: Command<ReleasesResult> = {
  name: 'releases',
  summary: 'Release by release, from the oldest covered to the newest: what changed for the question, or what was read.',
  usage: 'memattr releases [--json]',
  flags: [],
  run: () => releases(),
  render: (r) =>
    [
      `Covered: ${r.range} (newest ${r.newest})`,
      ...r.releases.map((e) =>
        [`${e.version}  ${e.date}`, ...(e.noChange === null ? e.changes.map((c) => `  - ${c.what}`) : [`  no change: ${e.noChange}`])].join(
          '\n',
        ),
      ),
    ].join('\n'),
};
