/**
 * Device models: what a device needs to see, judged against each outcome the enumerator allows.
 * Verdicts say which outcomes break the device and why.
 */
import type { Summary } from './enumerate';
import type { Hazard, Outcome, Unit } from './types';

export const DEVICE_MODELS = ['doorbell', 'read-back-flush', 'read-side-effect', 'wc-buffer'] as const;
export type DeviceModel = (typeof DEVICE_MODELS)[number];

export const DEVICE_MODEL_MEANING = {
  doorbell: 'a register that must see each 32-bit write exactly once, as its own write, in program order',
  'read-back-flush': 'a read of the register just written, used to know the posted write reached the device',
  'read-side-effect': 'a status register whose read has a side effect (e.g. clear-on-read): it must be read exactly once',
  'wc-buffer':
    'a write-combining buffer (e.g. a 64-byte send descriptor): any arrival is correct; one transaction per 64-byte block takes the fast path',
} as const satisfies Record<DeviceModel, string>;

export interface OutcomeVerdict {
  readonly ok: boolean;
  /** Why the outcome breaks the device (empty when ok). */
  readonly reasons: readonly string[];
}

export interface DeviceVerdict {
  readonly device: DeviceModel;
  /** True when every allowed outcome is one the device handles. */
  readonly ok: boolean;
  readonly outcomes: number;
  readonly broken: number;
  /** Hazards present in the outcomes that break the device. */
  readonly brokenBy: readonly Hazard[];
  /** Distinct reasons, in the order first met. */
  readonly reasons: readonly string[];
  /** wc-buffer only: whether the fast path is taken in every, some or no allowed outcome. */
  readonly fastPath?: 'always' | 'sometimes' | 'never';
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** Each program write arrives exactly once, alone, with its own size, in program order. */
export function judgeDoorbell(units: readonly Unit[], o: Outcome): OutcomeVerdict {
  const reasons: string[] = [];
  const writes = units.filter((u) => u.kind === 'write');
  const seen: number[] = [];
  for (const t of o.transactions) {
    if (t.kind !== 'write') continue;
    if (t.units.length > 1)
      reasons.push(
        `writes ${t.units.map((id) => hex((units[id] as Unit).offset)).join(' and ')} arrive as one ${t.size}-byte write: the device sees one access where the driver made ${t.units.length}`,
      );
    if (t.repeat) reasons.push(`the write to ${hex(t.offset)} arrives twice: the doorbell rings twice`);
    if (!t.repeat) seen.push(...t.units);
  }
  for (let i = 1; i < seen.length; i++) {
    if ((seen[i] as number) < (seen[i - 1] as number)) {
      reasons.push(
        `the write to ${hex((units[seen[i - 1] as number] as Unit).offset)} arrives before the earlier write to ${hex((units[seen[i] as number] as Unit).offset)}`,
      );
      break;
    }
  }
  // A repeat follows the write it repeats, so the first deliveries are all the deliveries.
  const delivered = new Set(seen);
  if (writes.some((w) => !delivered.has(w.id))) reasons.push('a write never reaches the device');
  return { ok: reasons.length === 0, reasons };
}

/** The program's read reaches the device, after the write to the same register. */
export function judgeReadBack(units: readonly Unit[], o: Outcome): OutcomeVerdict {
  const reasons: string[] = [];
  const read = units.find((u) => u.kind === 'read');
  const write = units.find((u) => u.kind === 'write');
  if (read === undefined || write === undefined) return { ok: true, reasons };
  if (o.forwarded.includes(read.id)) {
    reasons.push("the read is served from the CPU's buffered write and never reaches the device: it proves nothing about the write");
  } else {
    // Where the program's own access arrives (unit ids are unique; a speculative read is not the program's).
    const at = (id: number) => o.transactions.findIndex((t) => !t.speculative && t.units.includes(id));
    if (at(read.id) < at(write.id)) reasons.push('the read reaches the device before the write: it does not flush it');
  }
  return { ok: reasons.length === 0, reasons };
}

/** Exactly one read of the register reaches the device. */
export function judgeReadSideEffect(units: readonly Unit[], o: Outcome): OutcomeVerdict {
  const reasons: string[] = [];
  for (const read of units.filter((u) => u.kind === 'read')) {
    const count = o.transactions.filter((t) => t.kind === 'read' && t.units.includes(read.id)).length;
    if (count > 1)
      reasons.push(
        `the register at ${hex(read.offset)} is read ${count} times (a speculative read): its side effect happens ${count} times`,
      );
    if (count === 0) reasons.push(`the register at ${hex(read.offset)} is never read by the device`);
  }
  return { ok: reasons.length === 0, reasons };
}

/** Fold per-outcome verdicts into a device verdict. */
export function verdictOver(device: DeviceModel, outcomes: readonly Outcome[], judge: (o: Outcome) => OutcomeVerdict): DeviceVerdict {
  let broken = 0;
  const reasons: string[] = [];
  const brokenBy = new Set<Hazard>();
  for (const o of outcomes) {
    const v = judge(o);
    if (v.ok) continue;
    broken++;
    for (const h of o.hazards) if (h !== 'early-ack') brokenBy.add(h);
    for (const r of v.reasons) if (!reasons.includes(r)) reasons.push(r);
  }
  return { device, ok: broken === 0, outcomes: outcomes.length, broken, brokenBy: [...brokenBy], reasons };
}

/**
 * The write-combining buffer, judged from a summary: functionally any arrival is fine (it is memory-like),
 * so `ok` is true; the fast path needs each 64-byte block as one transaction.
 */
export function judgeWcBuffer(summary: Summary): DeviceVerdict {
  const blocks = summary.blocks;
  const always = blocks.length > 0 && blocks.every((b) => b.alwaysWhole);
  const sometimes = blocks.length > 0 && blocks.every((b) => b.canArriveWhole);
  const fastPath = always ? 'always' : sometimes ? 'sometimes' : 'never';
  const reasons =
    fastPath === 'never'
      ? ['no allowed outcome delivers a 64-byte block as one transaction: the device takes its slow path (correct, slower)']
      : fastPath === 'sometimes'
        ? ["whether a block arrives as one transaction is up to the CPU's write combining: fast path possible, not guaranteed"]
        : [];
  return { device: 'wc-buffer', ok: true, outcomes: 0, broken: 0, brokenBy: [], reasons, fastPath };
}
