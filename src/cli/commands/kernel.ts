/** `kvm-stage2`, `scenario`, `claims` and `userspace`: the kernel, VMM and scenario layers on the command line. */
import type { ClaimsResult, KvmStage2Result, ScenarioResult, ScenarioTable, UserspaceMapping } from '../../model/index';
import {
  badInput,
  claims,
  FAULT_KINDS,
  GUEST_MAPPINGS,
  kvmStage2,
  MT_NAMES,
  NVGRACE_GPUS,
  scenario,
  scenarioTable,
  USERSPACE_PATHS,
  userspaceDriver,
  VFIO_DRIVERS,
  VMA_FLAGS,
} from '../../model/index';
import type { Command } from '../command';
import { KERNEL_FLAG, KERNEL_LIST_FLAG, KERNEL_NOTE } from '../flags';
import { columns, hex } from '../format';

export const kvmStage2Command: Command<KvmStage2Result> = {
  name: 'kvm-stage2',
  summary: "What KVM's user_mem_abort() writes at stage 2 for one guest fault, by kernel version.",
  usage:
    'memattr kvm-stage2 --kernel 6.9 --pfn-is-memory=false --vma-flags VM_IO,VM_PFNMAP,VM_ALLOW_ANY_UNCACHED --vma-mem-type MT_DEVICE_nGnRnE --fault write [--fwb] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    {
      flag: 'pfn-is-memory',
      field: 'pfnIsMemory',
      kind: { type: 'bool' },
      help: 'pfn_is_map_memory() holds for the pfn (required: --pfn-is-memory or --pfn-is-memory=false)',
    },
    { flag: 'vma-flags', field: 'vmaFlags', kind: { type: 'list', values: VMA_FLAGS }, help: 'comma-separated VMA flags (required)' },
    { flag: 'vma-mem-type', field: 'vmaMemType', kind: { type: 'enum', values: MT_NAMES }, help: "the VMA's stage-1 MT_* (required)" },
    { flag: 'fault', field: 'fault', kind: { type: 'enum', values: FAULT_KINDS }, help: 'read, write or exec (required)' },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'the CPU has FEAT_S2FWB (default false)' },
    { flag: 'dic', field: 'dic', kind: { type: 'bool' }, help: 'the CPU has CTR_EL0.DIC (default true; --dic=false)' },
    { flag: 'logging', field: 'logging', kind: { type: 'bool' }, help: 'dirty logging is on for the memslot (default false)' },
  ],
  notes: [KERNEL_NOTE],
  run: kvmStage2,
  render: (r) =>
    r.errno !== null
      ? [`errno   -${r.errno}`, `why     ${r.reason}`].join('\n')
      : [
          `prot    ${r.prot}`,
          `MemAttr ${hex(r.memAttr ?? 0, 1)}${r.memAttrName ? ` (${r.memAttrName})` : ''}`,
          `exec    ${r.executable ? 'yes' : 'no'}`,
          `why     ${r.reason}`,
        ].join('\n'),
};

function renderTable(t: ScenarioTable): string {
  const header = ['kernel', 'driver', 'guest', 'FWB', 'QEMU', 'flag', 'stage 2', 'guest S1', 'effective'];
  const rows = t.rows.map((r) => [
    r.kernel,
    r.vfioDriver,
    r.guestMapping,
    r.fwb ? 'on' : 'off',
    r.hostUserspace ?? '-',
    r.allowAnyUncached === null ? '-' : r.allowAnyUncached ? 'yes' : 'no',
    r.stage2Prot === null ? '-' : `${r.stage2Prot} ${hex(r.stage2MemAttr ?? 0, 1)}`,
    r.guestStage1 ?? '-',
    r.effective ?? `(${r.note ?? r.status})`,
  ]);
  return columns([header, ...rows]);
}

export const scenarioCommand: Command<ScenarioResult | ScenarioTable> = {
  name: 'scenario',
  summary: 'End to end: QEMU maps a VFIO BAR, KVM builds stage 2, the guest maps it -> the effective type.',
  usage:
    'memattr scenario --kernel 6.9 --vfio vfio-pci --guest ioremap_wc [--fwb] [--gpu grace-blackwell] [--mte] [--json]   |   memattr scenario --table [--kernels 6.9,7.0] [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    {
      flag: 'vfio',
      field: 'vfioDriver',
      kind: { type: 'enum', values: VFIO_DRIVERS },
      help: 'the VFIO driver that owns the BAR (required)',
    },
    {
      flag: 'guest',
      field: 'guestMapping',
      kind: { type: 'enum', values: GUEST_MAPPINGS },
      help: "the guest driver's mapping call (required)",
    },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'the CPU has FEAT_S2FWB (default false)' },
    { flag: 'dic', field: 'dic', kind: { type: 'bool' }, help: 'the CPU has CTR_EL0.DIC (default true)' },
    { flag: 'fault', field: 'fault', kind: { type: 'enum', values: FAULT_KINDS }, help: "the guest's first access (default write)" },
    {
      flag: 'guest-kernel',
      field: 'guestKernel',
      kind: KERNEL_FLAG,
      help: "the guest's kernel version (default: --kernel)",
    },
    {
      flag: 'gpu',
      field: 'gpu',
      kind: { type: 'enum', values: NVGRACE_GPUS },
      help: 'the GPU behind an nvgrace-gpu region (default grace-hopper; nvgrace-gpu drivers only)',
    },
    { flag: 'mte', field: 'mte', kind: { type: 'bool' }, help: 'the VM enabled KVM_CAP_ARM_MTE (default false; 5.14+)' },
    {
      flag: 'kernels',
      field: 'kernels',
      kind: KERNEL_LIST_FLAG,
      help: 'with --table: the kernel versions to list, comma-separated (default: every covered version)',
    },
  ],
  switches: [{ name: 'table', help: 'every driver x guest mapping x FWB x kernel version (takes --kernels, --dic and --fault only)' }],
  notes: [KERNEL_NOTE],
  run: (input: Record<string, unknown>, switches) => {
    if (!switches.has('table')) {
      if ('kernels' in input) return badInput('kernels', '--kernels chooses the rows of --table; for one scenario give --kernel');
      return scenario(input as never);
    }
    const single = ['kernel', 'vfioDriver', 'guestMapping', 'fwb', 'guestKernel', 'gpu', 'mte'].find((field) => field in input);
    if (single)
      return badInput(single, `--table lists every kernel, driver, guest mapping and FWB setting; ${single} cannot be chosen with it`);
    return scenarioTable(input);
  },
  render: (r) => ('rows' in r ? renderTable(r) : `${r.reason}\n\neffective: ${r.effectiveType ?? 'none'}`),
};

export const claimsCommand: Command<ClaimsResult> = {
  name: 'claims',
  summary: "The seed message's claims, each with the verdict the model computes and its evidence.",
  usage: 'memattr claims [--json]',
  flags: [],
  run: () => claims(),
  render: (r) => r.claims.map((c) => `[${c.verdict}] ${c.id} (${c.speaker})\n  ${c.claim}\n  evidence: ${c.evidence}`).join('\n\n'),
};

export const userspaceCommand: Command<UserspaceMapping> = {
  name: 'userspace',
  summary: 'What a userspace driver (DPDK) gets when it maps a vfio-pci BAR itself: today, or through the unmerged dma-buf proposal.',
  usage: 'memattr userspace --kernel 6.17 --path vfio-pci-mmap|dmabuf-proposal-uc|dmabuf-proposal-wc [--json]',
  flags: [
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: 'host kernel version (required)' },
    { flag: 'path', field: 'path', kind: { type: 'enum', values: USERSPACE_PATHS }, help: 'how the driver maps the BAR (required)' },
  ],
  notes: [KERNEL_NOTE],
  run: userspaceDriver,
  render: (r) => `${r.memoryType} (${r.memType}, MAIR ${hex(r.mair, 2)}), ${r.status}\n${r.explanation}`,
};
