/** `access`: what a device may observe when a driver uses an MMIO accessor on a memory type. */
import type { AccessResult } from '../../model/index';
import { ACCESSORS, access, KERNEL_RANGE, MEMORY_TYPE_NAMES } from '../../model/index';
import type { Command } from '../command';
import { KERNEL_FLAG } from '../flags';

export const accessCommand: Command<AccessResult> = {
  name: 'access',
  summary: 'What a device may observe when a driver uses an MMIO accessor on a memory type, and whether the driver can rely on it.',
  usage:
    'memattr access --accessor writel --type Normal-NC --kernel 6.10 [--bytes 64] [--host-kernel 7.0] [--location-supports-ls64=false] [--json]',
  flags: [
    { flag: 'accessor', field: 'accessor', kind: { type: 'enum', values: ACCESSORS }, help: 'the accessor (required)' },
    { flag: 'type', field: 'memoryType', kind: { type: 'enum', values: MEMORY_TYPE_NAMES }, help: 'the effective memory type (required)' },
    { flag: 'kernel', field: 'kernel', kind: KERNEL_FLAG, help: "the guest kernel's version (required)" },
    {
      flag: 'bytes',
      field: 'bytes',
      kind: { type: 'int', min: 1, max: 4096 },
      help: 'bytes copied (required for copies; a multiple of the element size)',
    },
    {
      flag: 'host-kernel',
      field: 'hostKernel',
      kind: KERNEL_FLAG,
      help: 'st64b only: the host kernel whose KVM runs the guest (default: --kernel); KVM offers FEAT_LS64 from 7.0',
    },
    {
      flag: 'location-supports-ls64',
      field: 'locationSupportsLs64',
      kind: { type: 'bool' },
      help: 'st64b only: the target location supports 64-byte single-copy-atomic accesses (default true; --location-supports-ls64=false)',
    },
  ],
  notes: [`Kernel versions: "MAJOR.MINOR" from ${KERNEL_RANGE}.`],
  run: access,
  render: (r) =>
    [
      `${r.accessor} on ${r.memoryType} (${r.kernel}, ${r.bytes} bytes): ${r.correct ? 'correct' : 'NOT correct'}`,
      ...r.programs.map(
        (p) =>
          `  ${p.ok ? 'ok    ' : 'BROKEN'} ${p.name}: ${p.description}${
            p.ok
              ? ''
              : ` — ${p.verdicts
                  .flatMap((v) => v.reasons)
                  .slice(0, 2)
                  .join('; ')}`
          }`,
      ),
      `hazards: ${r.hazards.length > 0 ? r.hazards.join(', ') : 'none'}`,
      `writes reaching the device: ${r.transactions.min === r.transactions.max ? r.transactions.min : `${r.transactions.min} to ${r.transactions.max}`}`,
      r.explanation,
    ].join('\n'),
};
