/**
 * Memory-type semantics as rules over device programs: which relaxations each type allows between the
 * CPU's accesses and what the endpoint observes.
 *
 * Arm ARM (DDI 0487) B2 "Memory types and attributes": "Device memory" (Gathering, Reordering, Early
 * Write Acknowledgement), "Normal memory"; arch/arm64/include/asm/pgtable.h (Normal-NC "permits
 * speculation, unaligned accesses and merging of writes"); Documentation/driver-api/device-io.rst,
 * ioremap_wc(): speculative reads, reordering, writes to one location repeated, writes combined.
 */
import type { TypeSemantics } from '../arm64/semantics';
import { TYPE_SEMANTICS } from '../arm64/semantics';
import type { MemoryTypeName } from '../arm64/types';
import { MEMORY_TYPE_NAMES } from '../arm64/types';
import type { Accessor, BarrierKind } from '../linux/accessors';

/** The memory types the bus model covers: the uncached ones a BAR can be mapped with. */
export const BUS_MEMORY_TYPES = [
  'Device-nGnRnE',
  'Device-nGnRE',
  'Device-nGRE',
  'Device-GRE',
  'Normal-NC',
] as const satisfies readonly MemoryTypeName[];
export type BusMemoryType = (typeof BUS_MEMORY_TYPES)[number];

export function isBusMemoryType(type: MemoryTypeName): type is BusMemoryType {
  return (BUS_MEMORY_TYPES as readonly string[]).includes(type);
}

/** st64b takes every memory type (a cacheable one takes the DFSC 0x35 abort, ls64.ts st64bOutcomes()). */
export function takesEveryType(accessor: Accessor): boolean {
  return accessor === 'st64b';
}

/**
 * The memory types `access` answers for an accessor: every type for st64b, the uncached types a BAR
 * is mapped with for the others. Here rather than in api.ts, so that a page offering the choices
 * does not carry the enumeration behind the answers.
 */
export function accessMemoryTypes(accessor: Accessor): readonly MemoryTypeName[] {
  return takesEveryType(accessor) ? MEMORY_TYPE_NAMES : BUS_MEMORY_TYPES;
}

export interface TypeRules extends TypeSemantics {
  /** A write may reach the device more than once (device-io.rst, ioremap_wc(); Linux's WC contract). */
  readonly repeatedWrites: boolean;
  readonly source: string;
}

const DEVICE = 'Arm ARM B2 "Device memory"';
const NC = 'Arm ARM B2 "Normal memory"; Documentation/driver-api/device-io.rst ioremap_wc()';

export const TYPE_RULES = {
  'Device-nGnRnE': { ...TYPE_SEMANTICS['Device-nGnRnE'], repeatedWrites: false, source: DEVICE },
  'Device-nGnRE': { ...TYPE_SEMANTICS['Device-nGnRE'], repeatedWrites: false, source: DEVICE },
  'Device-nGRE': { ...TYPE_SEMANTICS['Device-nGRE'], repeatedWrites: false, source: DEVICE },
  'Device-GRE': { ...TYPE_SEMANTICS['Device-GRE'], repeatedWrites: false, source: DEVICE },
  'Normal-NC': { ...TYPE_SEMANTICS['Normal-NC'], repeatedWrites: true, source: NC },
} as const satisfies Record<BusMemoryType, TypeRules>;

/** What a barrier orders: earlier kind -> later kind (w = write, r = read). */
export interface BarrierOrder {
  readonly ww: boolean;
  readonly wr: boolean;
  readonly rw: boolean;
  readonly rr: boolean;
}

/**
 * Arm ARM "Data Memory Barrier": DMB ST orders stores before it with stores after it; DMB LD orders loads
 * before it with loads and stores after it; DMB (full) orders everything. DGH ("Data Gathering Hint") is
 * a performance hint that may be a NOP, so it constrains no outcome.
 */
export const BARRIER_ORDERS = {
  'dmb-oshst': { ww: true, wr: false, rw: false, rr: false },
  'dmb-oshld': { ww: false, wr: false, rw: true, rr: true },
  'dmb-osh': { ww: true, wr: true, rw: true, rr: true },
  dgh: { ww: false, wr: false, rw: false, rr: false },
} as const satisfies Record<BarrierKind, BarrierOrder>;

/**
 * The model's bound on gathering: a merged transaction stays inside one naturally aligned 64-byte block
 * and covers a contiguous byte range. The architecture sets no size for gathering; 64 bytes is the largest
 * MemWr TLP the thread's drivers expect from write combining (commit ead79118dae6: "16/32/64 byte MemWr
 * TLPs"; fd8c8216648c: ST64B "guaranteed to generate a 64 byte TLP") and the cache-line size of current
 * Arm cores. Contiguity: a PCIe MemWr carries one address and a contiguous payload (byte enables only in
 * the first and last DW), so writes with a hole between them cannot travel as one TLP.
 */
export const GATHER_BLOCK_BYTES = 64;

/** Bound on writes the enumerator repeats per outcome (device-io.rst allows any number). */
export const MAX_REPEATS_PER_OUTCOME = 1;
/** Bound on extra speculative reads per outcome, each of a location the program itself reads. */
export const MAX_SPECULATIVE_READS_PER_OUTCOME = 1;
