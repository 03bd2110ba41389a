/**
 * CONTRACT.md `access`: what a device may observe when a driver uses an accessor on a memory type.
 * Each accessor is judged in the usage programs drivers rely on; every verdict comes from enumerating the
 * outcomes the memory type allows (enumerate.ts) and asking a device model (devices.ts) about each.
 */
import type { MemoryTypeName } from '../arm64/types';
import { MEMORY_TYPE_NAMES } from '../arm64/types';
import { enumField, fieldsOf, integerField } from '../input';
import {
  ACCESSOR_INFO,
  ACCESSOR_KERNELS,
  ACCESSORS,
  type Accessor,
  type AccessorKernel,
  accessorProgram,
  type CpuProgram,
  type Instr,
  readInstrs,
  relaxedWriteInstrs,
  writeInstrs,
} from '../linux/accessors';
import { kernelField } from '../linux/versions';
import type { Answer } from '../result';
import { guarded, InputError, ok } from '../result';
import { type CostRange, costRange } from './cost';
import {
  type DeviceModel,
  type DeviceVerdict,
  judgeDoorbell,
  judgeReadBack,
  judgeReadSideEffect,
  judgeWcBuffer,
  verdictOver,
} from './devices';
import { type EnumerateOptions, enumerateOutcomes, summarize } from './enumerate';
import { BUS_MEMORY_TYPES, type BusMemoryType, isBusMemoryType, TYPE_RULES } from './rules';
import type { Hazard, Outcome, Transaction, Unit } from './types';
import { HAZARD_MEANING, HAZARDS } from './types';

export interface AccessInput {
  readonly accessor: Accessor;
  readonly memoryType: MemoryTypeName;
  readonly kernel: string;
  readonly bytes?: number;
}

/** A transaction as the timeline draws it. */
export interface TimelineTransaction {
  readonly kind: 'write' | 'read';
  readonly offset: number;
  readonly size: number;
  /** Labels of the CPU instructions it carries. */
  readonly from: readonly string[];
  readonly repeat: boolean;
  readonly speculative: boolean;
}

export interface TimelineOutcome {
  readonly transactions: readonly TimelineTransaction[];
  /** Labels of program reads served from a buffered write (no transaction). */
  readonly forwarded: readonly string[];
  readonly hazards: readonly Hazard[];
  /** False when this outcome breaks the program's device. */
  readonly ok: boolean;
}

export interface ProgramJudgement {
  readonly name: string;
  readonly description: string;
  readonly device: DeviceModel;
  readonly verdicts: readonly DeviceVerdict[];
  readonly ok: boolean;
  readonly hazards: readonly Hazard[];
  /** The CPU lane: the instructions, in program order. */
  readonly cpu: readonly { readonly op: Instr['op']; readonly label: string }[];
  /** The device lane: allowed outcomes (all of them when `complete`, else two representatives). */
  readonly outcomes: readonly TimelineOutcome[];
  readonly complete: boolean;
  /** Number of distinct outcomes when enumerated, null when only summarized. */
  readonly outcomeCount: number | null;
  readonly source: string;
}

export interface AccessResult {
  readonly accessor: Accessor;
  readonly memoryType: BusMemoryType;
  readonly kernel: AccessorKernel;
  readonly bytes: number;
  readonly programs: readonly ProgramJudgement[];
  readonly correct: boolean;
  readonly hazards: readonly Hazard[];
  readonly transactions: { readonly min: number; readonly max: number };
  /** PCIe cost of the fewest and most write transactions for the copy or single write (extra key). */
  readonly cost: CostRange | null;
  readonly explanation: string;
}

const SHOWN_OUTCOMES = 24;
const FIELDS = ['accessor', 'memoryType', 'kernel', 'bytes'] as const;

function program(name: string, description: string, instrs: Instr[], source: string): CpuProgram {
  return { name, description, instrs, source };
}

/** The usage programs of CONTRACT.md `access`, with the device each one is judged by. */
export function usagePrograms(
  accessor: Accessor,
  kernel: AccessorKernel,
  bytes: number,
): Array<{ program: CpuProgram; device: DeviceModel }> {
  const src = accessorProgram(accessor, kernel, bytes).source;
  switch (accessor) {
    case 'writel':
      return [
        {
          program: program(
            'two-writel',
            'writel() to register A, then writel() to register B',
            [...writeInstrs(4, 0, 'writel A'), ...writeInstrs(4, 4, 'writel B')],
            src,
          ),
          device: 'doorbell',
        },
        {
          program: program(
            'writel-readl',
            'writel() to a register, then readl() of it to flush the posted write',
            [...writeInstrs(4, 0, 'writel'), ...readInstrs(0, 'readl')],
            src,
          ),
          device: 'read-back-flush',
        },
      ];
    case 'writel_relaxed':
      return [
        {
          program: program(
            'two-writel_relaxed',
            'writel_relaxed() to register A, then to register B',
            [...relaxedWriteInstrs(0, 'writel_relaxed A'), ...relaxedWriteInstrs(4, 'writel_relaxed B')],
            src,
          ),
          device: 'doorbell',
        },
      ];
    case 'writeq':
      return [
        {
          program: program(
            'two-writeq',
            'writeq() to register A, then writeq() to register B',
            [...writeInstrs(8, 0, 'writeq A'), ...writeInstrs(8, 8, 'writeq B')],
            src,
          ),
          device: 'doorbell',
        },
      ];
    case 'readl':
      return [
        {
          program: program('readl-side-effect', 'readl() of a status register whose read has a side effect', readInstrs(0, 'readl'), src),
          device: 'read-side-effect',
        },
      ];
    case '__iowrite32_copy':
    case '__iowrite64_copy':
    case 'memcpy_toio': {
      const p = accessorProgram(accessor, kernel, bytes);
      return [
        {
          program: { ...p, name: `${accessor}-wc-buffer`, description: `${p.description} into a write-combining buffer` },
          device: 'wc-buffer',
        },
      ];
    }
  }
}

function timelineTx(units: readonly Unit[], t: Transaction): TimelineTransaction {
  const labels = [...new Set(t.units.map((id) => (units[id] as Unit).label))];
  return { kind: t.kind, offset: t.offset, size: t.size, from: labels, repeat: t.repeat, speculative: t.speculative };
}

const JUDGES = {
  doorbell: judgeDoorbell,
  'read-back-flush': judgeReadBack,
  'read-side-effect': judgeReadSideEffect,
} as const satisfies Record<Exclude<DeviceModel, 'wc-buffer'>, unknown>;

/** Judge one program under a memory type. Null when the program exceeds both enumerators' limits. */
export function judgeProgram(
  p: CpuProgram,
  device: DeviceModel,
  memoryType: BusMemoryType,
  options: EnumerateOptions = {},
):
  | {
      judgement: ProgramJudgement;
      writeTransactions: { min: number; max: number };
      extremes: { fewest: Transaction[]; most: Transaction[] };
    }
  | { error: string } {
  const cpu = p.instrs.map((i) => ({ op: i.op, label: i.label }));
  const summary = summarize(p, memoryType, options);
  if (!summary.ok) return { error: summary.failure.message };
  const s = summary.value;
  const base = { name: p.name, description: p.description, device, cpu, source: p.source };
  if (s.fault !== null) {
    const verdict: DeviceVerdict = { device, ok: false, outcomes: 0, broken: 0, brokenBy: [], reasons: [s.fault.reason] };
    return {
      judgement: { ...base, verdicts: [verdict], ok: false, hazards: [], outcomes: [], complete: true, outcomeCount: 0 },
      writeTransactions: { min: 0, max: 0 },
      extremes: { fewest: [], most: [] },
    };
  }
  const e = enumerateOutcomes(p, memoryType, options);
  const extremes = { fewest: [...s.representative.mostGathered], most: [...s.representative.leastGathered] };
  if (device === 'wc-buffer') {
    const verdict = judgeWcBuffer(s);
    const outcomes: TimelineOutcome[] = e.ok
      ? e.value.outcomes
          .slice(0, SHOWN_OUTCOMES)
          .map((o) => ({ transactions: o.transactions.map((t) => timelineTx(s.units, t)), forwarded: [], hazards: o.hazards, ok: true }))
      : [s.representative.leastGathered, s.representative.mostGathered].map((txs) => ({
          transactions: txs.map((t) => timelineTx(s.units, t)),
          forwarded: [],
          hazards: txs.length < s.units.length ? (['merge'] as Hazard[]) : [],
          ok: true,
        }));
    const complete = e.ok && e.value.outcomes.length <= SHOWN_OUTCOMES;
    return {
      judgement: {
        ...base,
        verdicts: [verdict],
        ok: verdict.ok,
        hazards: e.ok ? e.value.hazards : s.hazards,
        outcomes,
        complete,
        outcomeCount: e.ok ? e.value.outcomes.length : null,
      },
      writeTransactions: s.writeTransactions,
      extremes,
    };
  }
  if (!e.ok) return { error: e.failure.message };
  const judge = JUDGES[device];
  const verdict = verdictOver(device, e.value.outcomes, (o: Outcome) => judge(e.value.units, o));
  const outcomes = e.value.outcomes.slice(0, SHOWN_OUTCOMES).map((o) => ({
    transactions: o.transactions.map((t) => timelineTx(e.value.units, t)),
    forwarded: o.forwarded.map((id) => (e.value.units[id] as Unit).label),
    hazards: o.hazards,
    ok: judge(e.value.units, o).ok,
  }));
  return {
    judgement: {
      ...base,
      verdicts: [verdict],
      ok: verdict.ok,
      hazards: e.value.hazards,
      outcomes,
      complete: e.value.outcomes.length <= SHOWN_OUTCOMES,
      outcomeCount: e.value.outcomes.length,
    },
    writeTransactions: s.writeTransactions,
    extremes,
  };
}

function describeTransactions(n: { min: number; max: number }): string {
  return n.min === n.max ? `${n.min}` : `${n.min} to ${n.max}`;
}

/** CONTRACT.md `access`. Never throws. */
export function access(input: unknown): Answer<AccessResult> {
  return guarded(() => {
    const fields = fieldsOf(input, FIELDS);
    const accessor = enumField(fields, 'accessor', ACCESSORS);
    const memoryType = enumField(fields, 'memoryType', MEMORY_TYPE_NAMES);
    if (!isBusMemoryType(memoryType)) {
      throw new InputError(
        'memoryType',
        `memoryType ${memoryType} is cacheable; the bus model covers the uncached types a BAR is mapped with: ${BUS_MEMORY_TYPES.join(', ')}`,
      );
    }
    const kernel = kernelField(fields, 'kernel');
    const info = ACCESSOR_INFO[accessor];
    let bytes: number;
    if (info.copy) {
      if (fields.bytes === undefined)
        throw new InputError('bytes', `bytes is required for ${accessor} (a positive multiple of ${info.element}, at most 4096)`);
      bytes = integerField(fields, 'bytes', 1, 4096);
      if (bytes % info.element !== 0)
        throw new InputError(
          'bytes',
          `bytes must be a multiple of ${info.element} for ${accessor} (it copies ${info.element}-byte elements), got ${bytes}`,
        );
    } else {
      bytes = fields.bytes === undefined ? info.element : integerField(fields, 'bytes', 1, 4096);
      if (bytes !== info.element)
        throw new InputError('bytes', `${accessor} accesses ${info.element} bytes; bytes must be ${info.element} or omitted, got ${bytes}`);
    }

    const programs: ProgramJudgement[] = [];
    for (const { program: p, device } of usagePrograms(accessor, kernel, bytes)) {
      const judged = judgeProgram(p, device, memoryType);
      if ('error' in judged) throw new Error(`model limit for ${p.name}: ${judged.error}`);
      programs.push(judged.judgement);
    }
    // Transactions and cost: the copy, or the single write on its own.
    const single = judgeProgram(
      accessorProgram(accessor, kernel, bytes),
      info.copy ? 'wc-buffer' : info.direction === 'read' ? 'read-side-effect' : 'doorbell',
      memoryType,
    );
    if ('error' in single) throw new Error(`model limit: ${single.error}`);
    const transactions = single.writeTransactions;
    const cost = info.direction === 'write' ? costRange(single.extremes.fewest, single.extremes.most) : null;
    // The enumeration places speculative reads only at locations a program reads. A type that allows
    // speculation (Arm ARM B2 "Normal memory") may read any location, even in a program that only
    // writes, so the set names the hazard whenever the type allows it.
    const typeSpeculates = TYPE_RULES[memoryType].speculativeReads;
    const hazards = HAZARDS.filter((h) => programs.some((p) => p.hazards.includes(h)) || (h === 'speculative-read' && typeSpeculates));
    const correct = programs.every((p) => p.ok);

    const lines: string[] = [];
    lines.push(`${accessor} on ${memoryType} (Linux ${kernel}): ${correct ? 'correct' : 'not correct'} for the programs drivers rely on.`);
    for (const p of programs) {
      const v = p.verdicts[0] as DeviceVerdict;
      const fast = v.fastPath === undefined ? '' : ` Fast path: ${v.fastPath}.`;
      const count =
        p.outcomeCount === null
          ? 'more outcomes than the enumerator lists (summarized)'
          : `${p.outcomeCount} allowed outcome${p.outcomeCount === 1 ? '' : 's'}`;
      lines.push(
        `- ${p.description}: ${count}; ${v.ok ? 'every one works' : `${v.broken} break${v.broken === 1 ? 's' : ''} it`}${v.reasons.length > 0 ? ` (${v.reasons.join('; ')})` : ''}.${fast}`,
      );
    }
    if (info.direction === 'write') lines.push(`Writes reaching the device: ${describeTransactions(transactions)} (not counting repeats).`);
    if (hazards.length > 0) lines.push(`Hazards: ${hazards.map((h) => `${h} (${HAZARD_MEANING[h]})`).join('; ')}.`);
    return ok({ accessor, memoryType, kernel, bytes, programs, correct, hazards, transactions, cost, explanation: lines.join('\n') });
  });
}

export { ACCESSOR_KERNELS, ACCESSORS, BUS_MEMORY_TYPES };
