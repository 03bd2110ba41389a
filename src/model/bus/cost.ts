/**
 * Cost of an outcome on PCIe: memory-write TLPs, payload and wire bytes, and relative time under stated,
 * configurable per-transaction overheads.
 *
 * Per-TLP overhead (PCIe Base Specification; not re-read at the source for this model): a memory request
 * header of 3 DW (32-bit address) or 4 DW (64-bit address); an optional 1-DW ECRC; the data link layer's
 * 2-byte sequence number and 4-byte LCRC; framing of 2 bytes (STP/END symbols, 8b/10b, Gen1-2) or a 4-byte
 * STP token (128b/130b, Gen3-5). That gives 20 to 26 bytes without ECRC. Vendor figure, Intel "Protocol
 * Overhead" (PCIe IP user guide 683541): "five dwords if the optional ECRC is not included" (20 bytes).
 * DLLPs (ACK, flow control), SKP ordered sets and PCIe 6 FLIT mode are not modelled.
 */
import type { Transaction } from './types';

export interface CostConfig {
  /** TLP header: 12 (3 DW, 32-bit address) or 16 (4 DW, 64-bit address). */
  readonly headerBytes: 12 | 16;
  /** Sequence number + LCRC. */
  readonly linkBytes: number;
  /** 2 (Gen1-2) or 4 (Gen3-5). */
  readonly framingBytes: 2 | 4;
  /** 0, or 4 with ECRC. */
  readonly ecrcBytes: 0 | 4;
  /** Fixed time per transaction (ns), e.g. for the CPU or root port; 0 counts the wire only. */
  readonly perTransactionNs: number;
  /** Link throughput in bytes per ns (e.g. about 31.5 for Gen4 x16); the relative time does not depend on it when perTransactionNs is 0. */
  readonly bytesPerNs: number;
}

/** A 64-bit BAR on a Gen3+ link, no ECRC: 16 + 6 + 4 = 26 bytes per TLP. */
export const DEFAULT_COST: CostConfig = {
  headerBytes: 16,
  linkBytes: 6,
  framingBytes: 4,
  ecrcBytes: 0,
  perTransactionNs: 0,
  bytesPerNs: 1,
};

export function tlpOverhead(cfg: CostConfig): number {
  return cfg.headerBytes + cfg.linkBytes + cfg.framingBytes + cfg.ecrcBytes;
}

/** Payload on the wire: whole DWs covering the bytes (byte enables mark the rest). */
export function payloadOnWire(t: Pick<Transaction, 'offset' | 'size'>): number {
  const first = Math.floor(t.offset / 4);
  const last = Math.floor((t.offset + t.size - 1) / 4);
  return (last - first + 1) * 4;
}

export interface Cost {
  readonly transactions: number;
  readonly payloadBytes: number;
  readonly wireBytes: number;
  /** payloadBytes / wireBytes. */
  readonly efficiency: number;
  readonly timeNs: number;
}

/** Cost of the write transactions of an outcome (reads and repeats are not counted). */
export function costOf(
  transactions: readonly Pick<Transaction, 'kind' | 'offset' | 'size' | 'repeat' | 'speculative'>[],
  cfg: CostConfig = DEFAULT_COST,
): Cost {
  let count = 0;
  let payload = 0;
  let wire = 0;
  for (const t of transactions) {
    if (t.kind !== 'write' || t.repeat || t.speculative) continue;
    count++;
    payload += t.size;
    wire += tlpOverhead(cfg) + payloadOnWire(t);
  }
  const timeNs = count * cfg.perTransactionNs + wire / cfg.bytesPerNs;
  return { transactions: count, payloadBytes: payload, wireBytes: wire, efficiency: wire === 0 ? 0 : payload / wire, timeNs };
}

export interface CostRange {
  readonly fewest: Cost;
  readonly most: Cost;
  /** Time of the outcome with the most transactions over the one with the fewest. */
  readonly relativeTime: number;
  readonly config: CostConfig;
}

export function costRange(
  fewest: Parameters<typeof costOf>[0],
  most: Parameters<typeof costOf>[0],
  cfg: CostConfig = DEFAULT_COST,
): CostRange {
  const a = costOf(fewest, cfg);
  const b = costOf(most, cfg);
  return { fewest: a, most: b, relativeTime: a.timeNs === 0 ? 1 : b.timeNs / a.timeNs, config: cfg };
}
