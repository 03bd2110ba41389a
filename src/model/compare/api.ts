/**
 * The comparison layer's public operation `compare` (the passthrough-BAR question on arm64, x86 and
 * RISC-V). `timeline` and `releases` are in ./history-api.ts.
 */
import type { GuestIoremap } from '../cross-arch';
import { GUEST_IOREMAPS } from '../cross-arch';
import { fieldsOf } from '../input';
import { ioremapField } from '../linux/api';
import { kernelField, NEWEST_KERNEL } from '../linux/versions';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { CompareResult } from './compare';
import { compareOf } from './compare';

export type { CompareArch, CompareResult, CompareRow } from './compare';
export { ARM64_SOURCES, COMPARE_ARCHES, compareOf, NOT_MODELLED } from './compare';

export interface CompareInput {
  readonly guestMapping: GuestIoremap;
  /** Host and guest kernel version, "MAJOR.MINOR" (default: the newest modelled). */
  readonly kernel?: string;
}

/**
 * The same scenario — a VFIO passthrough PCI BAR that a guest driver maps with `guestMapping` — on
 * arm64 (by kernel version), x86 (Intel EPT + PAT) and RISC-V (H extension + Svpbmt).
 */
export function compare(input: CompareInput): Answer<CompareResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['guestMapping', 'kernel']);
    const kernel = kernelField(f, 'kernel', NEWEST_KERNEL);
    const guestMapping = ioremapField(f, 'guestMapping', kernel, GUEST_IOREMAPS);
    return ok(compareOf(kernel, guestMapping));
  });
}
