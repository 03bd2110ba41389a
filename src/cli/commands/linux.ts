/**
 * The kernel and VMM look-ups behind `scenario`, each on its own: the memslot check, a VFIO driver's
 * mmap(), ioremap*(), Linux's MAIR_EL1, the aborts beside the stage-2 choice (DFSC 0x35 / LS64, SEA),
 * and QEMU's side (its BAR mapping, its MMIO emulation).
 */
import type { ExclAtomicResult, KernelMapping, MairEl1, MemslotResult, QemuBarMapping, SeaResult, VfioMapping } from '../../model/index';
import {
  ABORT_LEVELS,
  EXCL_ATOMIC_ACCESSES,
  IOREMAP_APIS,
  ioremapMapping,
  kvmExclAtomicAbort,
  kvmGuestSea,
  kvmMemslot,
  linuxMair,
  MEMORY_TYPE_NAMES,
  MT_NAMES,
  NVGRACE_GPUS,
  qemuEmulation,
  qemuMapBar,
  VFIO_DRIVERS,
  VMA_FLAGS,
  vfioMmap,
} from '../../model/index';
import type { Command } from '../command';
import { KERNEL_FLAG, KERNEL_NOTE } from '../flags';
import { fieldLines, hex } from '../format';

const GPU_FLAG = {
  flag: 'gpu',
  field: 'gpu',
  kind: { type: 'enum', values: NVGRACE_GPUS },
  help: 'the GPU behind an nvgrace-gpu region (default grace-hopper; nvgrace-gpu drivers only)',
} as const;

const MTE_FLAG = {
  flag: 'mte',
  field: 'mte',
  kind: { type: 'bool' },
  help: 'the VM enabled KVM_CAP_ARM_MTE (default false; 5.14+)',
} as const;

export const kvmMemslotCommand: Command<MemslotResult> = {
  name: 'kvm-memslot',
  summary: 'Whether KVM accepts a memslot over a VMA (kvm_arch_prepare_memory_region()), by kernel version.',
  usage:
    'memattr kvm-memslot --kernel 7.0 --vma-flags VM_IO,VM_PFNMAP --vma-mem-type MT_DEVICE_nGnRnE [--fwb] [--logging] [--mte] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    { flag: 'vma-flags', field: 'vmaFlags', kind: { type: 'list', values: VMA_FLAGS }, help: 'comma-separated VMA flags (required)' },
    { flag: 'vma-mem-type', field: 'vmaMemType', kind: { type: 'enum', values: MT_NAMES }, help: "the VMA's stage-1 MT_* (required)" },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'the CPU has FEAT_S2FWB (default false)' },
    { flag: 'dic', field: 'dic', kind: { type: 'bool' }, help: 'the CPU has CTR_EL0.DIC (default true; --dic=false)' },
    { flag: 'logging', field: 'logging', kind: { type: 'bool' }, help: 'dirty logging is asked for on the memslot (default false)' },
    MTE_FLAG,
  ],
  notes: [KERNEL_NOTE],
  run: kvmMemslot,
  render: (r) => `${r.errno === null ? 'accepted' : `refused: -${r.errno}`}\n${r.reason}`,
};

export const vfioMmapCommand: Command<VfioMapping> = {
  name: 'vfio-mmap',
  summary: "What a VFIO driver's mmap() of a region gives the mapping process: pgprot, MT_*, VMA flags.",
  usage: 'memattr vfio-mmap --kernel 7.0 --driver vfio-pci [--gpu grace-blackwell] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    { flag: 'driver', field: 'driver', kind: { type: 'enum', values: VFIO_DRIVERS }, help: 'the VFIO driver and region (required)' },
    GPU_FLAG,
  ],
  notes: [KERNEL_NOTE],
  run: vfioMmap,
  render: fieldLines,
};

export const ioremapMappingCommand: Command<KernelMapping> = {
  name: 'ioremap-mapping',
  summary: 'What ioremap(), ioremap_wc(), ... give on arm64 in a kernel version: the MT_* slot and its MAIR byte.',
  usage: 'memattr ioremap-mapping --kernel 7.0 --api ioremap_wc [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'kernel version (required)' },
    { flag: 'api', field: 'api', kind: { type: 'enum', values: IOREMAP_APIS }, help: 'the mapping call (required)' },
  ],
  notes: [KERNEL_NOTE],
  run: ioremapMapping,
  render: (r) => `${r.api}() in ${r.kernel}: ${r.memType} (AttrIndx ${r.attrIndx}, MAIR ${hex(r.mair, 2)}), ${r.memoryType}`,
};

export const linuxMairCommand: Command<MairEl1> = {
  name: 'linux-mair',
  summary: 'MAIR_EL1 as a kernel version programs it, slot by slot (decode-mair --mair-el1 decodes one).',
  usage: 'memattr linux-mair --kernel 7.0 [--mte] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'kernel version (required)' },
    { flag: 'mte', field: 'mte', kind: { type: 'bool' }, help: 'the CPU has MTE, so the tagged slot is programmed (default false)' },
  ],
  notes: [KERNEL_NOTE],
  run: linuxMair,
  render: (r) =>
    [
      `MAIR_EL1 ${r.value} (Linux ${r.kernel}, MTE ${r.mte ? 'on' : 'off'})`,
      ...r.slots.map((s) => `  Attr${s.index} ${hex(s.byte, 2)}  ${s.memType} (${s.attr})`),
    ].join('\n'),
};

export const kvmExclAtomicAbortCommand: Command<ExclAtomicResult> = {
  name: 'kvm-excl-atomic-abort',
  summary: "What KVM does with a guest's unsupported exclusive, atomic or LS64 access (DFSC 0x35), by host kernel.",
  usage: 'memattr kvm-excl-atomic-abort --kernel 7.0 --in-memslot [--access ls64|exclusive-atomic] [--routed-to el2|el1] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    {
      flag: 'in-memslot',
      field: 'inMemslot',
      kind: { type: 'bool' },
      help: 'the IPA is in a memslot, as a VFIO BAR is (required: --in-memslot or --in-memslot=false)',
    },
    { flag: 'access', field: 'access', kind: { type: 'enum', values: EXCL_ATOMIC_ACCESSES }, help: 'the access (default ls64)' },
    {
      flag: 'routed-to',
      field: 'routedTo',
      kind: { type: 'enum', values: ABORT_LEVELS },
      help: 'where the implementation takes the abort (default el2; IMPLEMENTATION DEFINED)',
    },
  ],
  notes: [KERNEL_NOTE],
  run: kvmExclAtomicAbort,
  render: (r) => `${r.outcome}${r.function === null ? '' : ` (${r.function})`}\n${r.reason}`,
};

export const kvmGuestSeaCommand: Command<SeaResult> = {
  name: 'kvm-guest-sea',
  summary: 'What KVM does with a synchronous external abort on a guest access (kvm_handle_guest_sea()), by host kernel.',
  usage: 'memattr kvm-guest-sea --kernel 6.19 [--apei-claims] [--host-owns] [--sea-to-user] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    { flag: 'apei-claims', field: 'apeiClaims', kind: { type: 'bool' }, help: 'APEI claims the abort (default false)' },
    {
      flag: 'host-owns',
      field: 'hostOwns',
      kind: { type: 'bool' },
      help: "the host owns the abort: no FEAT_RAS, or KVM's own access (default false)",
    },
    {
      flag: 'sea-to-user',
      field: 'seaToUser',
      kind: { type: 'bool' },
      help: 'the VMM enabled KVM_CAP_ARM_SEA_TO_USER (default false; 6.19+)',
    },
  ],
  notes: [KERNEL_NOTE],
  run: kvmGuestSea,
  render: (r) => `${r.outcome}\n${r.reason}`,
};

export const qemuMapBarCommand: Command<QemuBarMapping> = {
  name: 'qemu-map-bar',
  summary: 'QEMU mmaps a VFIO region and registers it with KVM: its own mapping, the VMA flags, the memslot.',
  usage: 'memattr qemu-map-bar --kernel 7.0 --vfio vfio-pci [--fwb] [--gpu grace-blackwell] [--mte] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    {
      flag: 'vfio',
      field: 'vfioDriver',
      kind: { type: 'enum', values: VFIO_DRIVERS },
      help: 'the VFIO driver that owns the region (required)',
    },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'the CPU has FEAT_S2FWB (default false)' },
    { flag: 'dic', field: 'dic', kind: { type: 'bool' }, help: 'the CPU has CTR_EL0.DIC (default true; --dic=false)' },
    GPU_FLAG,
    MTE_FLAG,
  ],
  notes: [KERNEL_NOTE],
  run: qemuMapBar,
  render: (r) =>
    [
      `QEMU's mapping  ${r.hostUserspace.memType} (${r.hostUserspace.memoryType})`,
      `VMA flags       ${r.vmaFlags.join(', ')}`,
      `memslot         ${r.memslot.errno === null ? 'accepted' : `refused: -${r.memslot.errno}`}`,
      '',
      r.explanation,
    ].join('\n'),
};

export const qemuEmulationCommand: Command<{ readonly works: boolean; readonly broken: readonly string[]; readonly explanation: string }> =
  {
    name: 'qemu-emulation',
    summary: "Whether QEMU's MMIO emulation would still work if its mapping of the BAR had a given memory type.",
    usage: 'memattr qemu-emulation --type Normal-NC [--json]',
    flags: [
      {
        flag: 'type',
        field: 'memoryType',
        kind: { type: 'enum', values: MEMORY_TYPE_NAMES },
        help: "QEMU's mapping's memory type (required)",
      },
    ],
    run: qemuEmulation,
    render: (r) => `${r.works ? 'works' : 'breaks'}\n${r.explanation}`,
  };
