/** `compare`: the same passthrough-BAR question on arm64, x86 and RISC-V. */
import type { CompareResult } from '../../model/index';
import { compare, GUEST_MAPPINGS, KERNEL_RANGE, NEWEST_KERNEL } from '../../model/index';
import type { Command } from '../command';
import { KERNEL_FLAG } from '../flags';
import { columns } from '../format';

export const compareCommand: Command<CompareResult> = {
  name: 'compare',
  summary: 'A guest driver maps a passthrough PCI BAR: what arm64, x86 (Intel EPT) and RISC-V (Svpbmt) KVM give it.',
  usage: `memattr compare --guest ioremap_wc [--kernel ${NEWEST_KERNEL}] [--json]`,
  flags: [
    {
      flag: 'guest',
      field: 'guestMapping',
      kind: { type: 'enum', values: GUEST_MAPPINGS },
      help: "the guest driver's mapping call (required)",
    },
    {
      flag: 'kernel',
      field: 'kernel',
      kind: KERNEL_FLAG,
      help: `host and guest kernel version (default ${NEWEST_KERNEL})`,
    },
  ],
  notes: [`Kernel versions: "MAJOR.MINOR" from ${KERNEL_RANGE}.`],
  run: compare,
  render: (r) =>
    [
      `guest ${r.guestMapping}() on a passthrough BAR, Linux ${r.kernel}`,
      '',
      columns([
        ['architecture', 'hypervisor maps', 'guest asks', 'CPU uses', 'decided by'],
        ...r.rows.map((row) => [row.label, row.hypervisorType ?? '-', row.guestType ?? '-', row.effective ?? '-', row.decidedBy ?? '-']),
      ]),
      ...(r.notModelled.length > 0 ? ['', 'Not modelled:', ...r.notModelled.map((n) => `- ${n}`)] : []),
    ].join('\n'),
};
