/**
 * What each memory type lets the CPU and the interconnect do with accesses: the architectural
 * guarantees that device drivers, MMIO emulation and the bus model reason about.
 * Arm ARM (DDI 0487) B2 "Memory types and attributes": "Device memory" (Gathering, Reordering, Early
 * Write Acknowledgement; no speculative data accesses; unaligned accesses fault) and "Normal memory"
 * (speculative reads, merging and splitting, reordering within the memory model, unaligned accesses).
 */
import type { MemoryTypeName } from './types';

export interface TypeSemantics {
  /** G: same-kind accesses may be merged into one transaction; a read may be served from a buffered write. */
  readonly gathering: boolean;
  /** R: accesses to one peripheral may reach it out of program order (subject to barriers). */
  readonly reordering: boolean;
  /** E: a write may be acknowledged by an intermediate point before it reaches the endpoint. */
  readonly earlyAck: boolean;
  /** Reads the program did not execute may be issued (Normal memory only). */
  readonly speculativeReads: boolean;
  /** Unaligned accesses are permitted (and may be split); on Device they take an Alignment fault. */
  readonly unaligned: boolean;
}

const DEVICE = { speculativeReads: false, unaligned: false } as const;
const NORMAL = { gathering: true, reordering: true, earlyAck: true, speculativeReads: true, unaligned: true } as const;

export const TYPE_SEMANTICS = {
  'Device-nGnRnE': { ...DEVICE, gathering: false, reordering: false, earlyAck: false },
  'Device-nGnRE': { ...DEVICE, gathering: false, reordering: false, earlyAck: true },
  'Device-nGRE': { ...DEVICE, gathering: false, reordering: true, earlyAck: true },
  'Device-GRE': { ...DEVICE, gathering: true, reordering: true, earlyAck: true },
  'Normal-NC': NORMAL,
  'Normal-WT': NORMAL,
  'Normal-WB': NORMAL,
} as const satisfies Record<MemoryTypeName, TypeSemantics>;

/** Strictness over summary types: any Device type above any Normal one; within each, the core's ranks. */
export const TYPE_STRICTNESS = {
  'Device-nGnRnE': 6,
  'Device-nGnRE': 5,
  'Device-nGRE': 4,
  'Device-GRE': 3,
  'Normal-NC': 2,
  'Normal-WT': 1,
  'Normal-WB': 0,
} as const satisfies Record<MemoryTypeName, number>;
