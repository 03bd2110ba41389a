/**
 * Text for the timeline's chips, from `access()` timeline data. Pure: it spells what the model
 * returned and decides nothing.
 */
import type { AccessInput, Accessor, AccessorField, AccessResult, MemoryTypeName, TimelineTransaction } from '../../model';
import { ACCESSOR_INFO, accessMemoryTypes, HAZARD_MEANING, NEWEST_KERNEL } from '../../model';

/** How a call is written: `writel()` for a kernel function, the bare name for an instruction a driver issues itself (st64b). */
export function callName(accessor: Accessor): string {
  return ACCESSOR_INFO[accessor].feature === null ? `${accessor}()` : accessor;
}

/** An accessor as the timeline offers it: its call, and the CPU feature it needs, if any. */
export function accessorOption(accessor: Accessor): string {
  const { feature } = ACCESSOR_INFO[accessor];
  return feature === null ? callName(accessor) : `${callName(accessor)} (${feature})`;
}

/** `W 0x0 +4` style: direction, offset, size in bytes. */
export function transactionLabel(t: TimelineTransaction): string {
  return `${t.kind === 'write' ? 'W' : 'R'} 0x${t.offset.toString(16)} +${t.size}`;
}

/** What a screen reader hears for a transaction. */
export function transactionDescription(t: TimelineTransaction): string {
  const flags = [t.repeat ? 'a repeat' : '', t.speculative ? 'speculative' : ''].filter(Boolean);
  const from = t.from.length > 0 ? ` carrying ${t.from.join(', ')}` : '';
  return `${t.kind} of ${t.size} byte${t.size === 1 ? '' : 's'} at offset 0x${t.offset.toString(16)}${from}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
}

/**
 * Copy sizes offered for a copy accessor of `element`-byte elements: 1 to 16 times a base of 8 bytes
 * (one 64-bit store) or the element, whichever is larger, so every size is a whole number of elements.
 */
export function copySizes(element: number): number[] {
  const base = Math.max(8, element);
  return [1, 2, 4, 8, 16].map((k) => k * base);
}

/** The controls that apply to some accessors only (ACCESSOR_INFO[accessor].fields). */
export interface AccessorControls {
  /** The host kernel whose KVM runs the guest. */
  readonly hostKernel: string;
  /** Whether the target location supports 64-byte single-copy-atomic accesses. */
  readonly locationSupportsLs64: boolean;
}

/** The timeline's first choice, as its props give it (each one optional). */
export interface TimelineChoice {
  readonly accessor?: Accessor;
  readonly memoryType?: MemoryTypeName;
  readonly kernel?: string;
  /** Bytes for the copy accessors. */
  readonly bytes?: number;
  /** st64b: the host kernel (default: the guest kernel). */
  readonly hostKernel?: string;
  /** st64b: whether the location supports 64-byte accesses (default true). */
  readonly locationSupportsLs64?: boolean;
}

/**
 * The first choice with the defaults filled in (writel() on Normal-NC at the newest kernel, 64 bytes,
 * the guest's kernel as the host's, a location that takes 64-byte accesses): what the component
 * starts with and what src/remark/build-data.ts answers at build time.
 */
export function firstChoice(c: TimelineChoice): Required<TimelineChoice> {
  const kernel = c.kernel ?? NEWEST_KERNEL;
  return {
    accessor: c.accessor ?? 'writel',
    memoryType: c.memoryType ?? 'Normal-NC',
    kernel,
    bytes: c.bytes ?? 64,
    hostKernel: c.hostKernel ?? kernel,
    locationSupportsLs64: c.locationSupportsLs64 ?? true,
  };
}

/**
 * The question the timeline's controls ask: a memory type the accessor takes (the chosen one, else
 * the first it takes), `bytes` only for a copy accessor (ACCESSOR_INFO), and then a size it can copy
 * (the chosen one if it is offered for this accessor, else the fourth), and the accessor's own inputs.
 */
export function accessInput(
  accessor: Accessor,
  memoryType: MemoryTypeName,
  kernel: string,
  bytes: number,
  extra: AccessorControls,
): AccessInput {
  const info = ACCESSOR_INFO[accessor];
  const types = accessMemoryTypes(accessor);
  const base = { accessor, memoryType: types.includes(memoryType) ? memoryType : (types[0] ?? memoryType), kernel };
  const takes = (f: AccessorField) => (info.fields as readonly AccessorField[]).includes(f);
  const fields = {
    ...(takes('hostKernel') ? { hostKernel: extra.hostKernel } : {}),
    ...(takes('locationSupportsLs64') ? { locationSupportsLs64: extra.locationSupportsLs64 } : {}),
  };
  if (!info.copy) return { ...base, ...fields };
  const sizes = copySizes(info.element);
  return { ...base, bytes: sizes.includes(bytes) ? bytes : (sizes[3] ?? info.element), ...fields };
}

/**
 * The timeline's headline: how many write transactions one call, on its own, puts on the bus, as the
 * model counts them (`transactions`, repeats not counted), best and worst case. Null for a read.
 */
export function writesHeadline(r: AccessResult): string | null {
  if (ACCESSOR_INFO[r.accessor].direction !== 'write') return null;
  const call = `one ${callName(r.accessor)}${ACCESSOR_INFO[r.accessor].copy ? ` of ${r.bytes} bytes` : ''} on its own`;
  const { min, max } = r.transactions;
  const writes = (n: number) => `${n} write${n === 1 ? '' : 's'}`;
  const count = min === max ? `${writes(min)} in every outcome` : `best case ${writes(min)}, worst case ${writes(max)}`;
  const repeats = r.hazards.includes('repeat') ? `; on ${r.memoryType}, ${HAZARD_MEANING.repeat} in some outcomes` : '';
  return `Writes reaching the device for ${call}: ${count} (not counting repeats${repeats}).`;
}

/** The outcomes shown before the reader asks for more. */
export const FIRST_OUTCOMES = 4;
