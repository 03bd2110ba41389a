/**
 * CONTRACT.md `access`: what a device may observe when a driver uses an accessor on a memory type.
 * Each accessor is judged in the usage programs drivers rely on; every verdict comes from enumerating the
 * outcomes the memory type allows (enumerate.ts) and asking a device model (devices.ts) about each.
 */
import { TYPE_SEMANTICS } from '../arm64/semantics';
import type { MemoryTypeName } from '../arm64/types';
import { MEMORY_TYPE_NAMES } from '../arm64/types';
import { booleanField, enumField, fieldsOf, integerField } from '../input';
import {
  ACCESSOR_FIELDS,
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
import type { KvmLs64Trap } from '../linux/kvm-ls64';
import { type KernelVersion, kernelField } from '../linux/versions';
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
import { type EnumerateOptions, enumerateOutcomes, hazardsOf, summarize } from './enumerate';
import {
  type Ls64DataAbort,
  type Ls64Exception,
  nonAtomicSummary,
  ST64B_OUTCOME_KINDS,
  type St64bOutcomeKind,
  type St64bRule,
  st64bOutcomes,
} from './ls64';
import { BUS_MEMORY_TYPES, type BusMemoryType, isBusMemoryType, TYPE_RULES, takesEveryType } from './rules';
import type { Hazard, Outcome, Transaction, Unit } from './types';
import { HAZARD_MEANING, HAZARDS } from './types';

export interface AccessInput {
  readonly accessor: Accessor;
  readonly memoryType: MemoryTypeName;
  readonly kernel: string;
  readonly bytes?: number;
  /** st64b only: the host kernel whose KVM runs the guest (default: `kernel`). */
  readonly hostKernel?: string;
  /** st64b only: whether the target location supports 64-byte single-copy-atomic accesses (default true). */
  readonly locationSupportsLs64?: boolean;
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
  /** The exception the driver takes instead of the access (st64b), or null when the access is made. */
  readonly exception: Ls64Exception | null;
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

/** What the st64b answer rests on (extra key). */
export interface Ls64Facts {
  readonly hostKernel: KernelVersion;
  readonly locationSupportsLs64: boolean;
  /** The rule that decided: the host's trap, the memory type, the location, or supported. */
  readonly rule: St64bRule;
  /** The kinds of allowed outcome, in ST64B_OUTCOME_KINDS order. */
  readonly outcomes: readonly St64bOutcomeKind[];
  /** Whether the guest may execute ST64B on this host, and why. */
  readonly trap: KvmLs64Trap;
}

export interface AccessResult {
  readonly accessor: Accessor;
  /** One of BUS_MEMORY_TYPES; st64b also takes the cacheable types (where it aborts). */
  readonly memoryType: MemoryTypeName;
  readonly kernel: AccessorKernel;
  readonly bytes: number;
  readonly programs: readonly ProgramJudgement[];
  readonly correct: boolean;
  readonly hazards: readonly Hazard[];
  readonly transactions: { readonly min: number; readonly max: number };
  /**
   * PCIe cost of the fewest and most write transactions for the copy or single write (extra key); null
   * for a read, and for an st64b that never writes.
   */
  readonly cost: CostRange | null;
  /** st64b: the DFSC 0x35 Data Abort when an allowed outcome takes it, else null (extra key). */
  readonly abort: Ls64DataAbort | null;
  /** st64b: the host, the location and the rule behind the answer; null for the other accessors (extra key). */
  readonly ls64: Ls64Facts | null;
  readonly explanation: string;
}

const SHOWN_OUTCOMES = 24;
const FIELDS = ['accessor', 'memoryType', 'kernel', 'bytes', ...ACCESSOR_FIELDS] as const;

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
    case 'memcpy_toio':
    case 'st64b':
      return [{ program: wcBufferProgram(accessor, kernel, bytes), device: 'wc-buffer' }];
  }
}

/** A copy or an ST64B into a write-combining buffer: the program the wc-buffer device judges. */
function wcBufferProgram(accessor: Accessor, kernel: AccessorKernel, bytes: number): CpuProgram {
  const p = accessorProgram(accessor, kernel, bytes);
  return { ...p, name: `${accessor}-wc-buffer`, description: `${p.description} into a write-combining buffer` };
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
      ? e.value.outcomes.slice(0, SHOWN_OUTCOMES).map((o) => ({
          transactions: o.transactions.map((t) => timelineTx(s.units, t)),
          forwarded: [],
          hazards: o.hazards,
          ok: true,
          exception: null,
        }))
      : [s.representative.leastGathered, s.representative.mostGathered].map((txs) => ({
          transactions: txs.map((t) => timelineTx(s.units, t)),
          forwarded: [],
          hazards: txs.length < s.units.length ? (['merge'] as Hazard[]) : [],
          ok: true,
          exception: null,
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
    exception: null,
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

function describeProgram(p: ProgramJudgement): string {
  const v = p.verdicts[0] as DeviceVerdict;
  const fast = v.fastPath === undefined ? '' : ` Fast path: ${v.fastPath}.`;
  const count =
    p.outcomeCount === null
      ? 'more outcomes than the enumerator lists (summarized)'
      : `${p.outcomeCount} allowed outcome${p.outcomeCount === 1 ? '' : 's'}`;
  return `- ${p.description}: ${count}; ${v.ok ? 'every one works' : `${v.broken} break${v.broken === 1 ? 's' : ''} it`}${v.reasons.length > 0 ? ` (${v.reasons.join('; ')})` : ''}.${fast}`;
}

/** The hazards of the programs, plus speculative-read wherever the type allows speculation. */
function hazardSet(programs: readonly ProgramJudgement[], memoryType: MemoryTypeName): Hazard[] {
  // The enumeration places speculative reads only at locations a program reads. A type that allows
  // speculation (Arm ARM B2 "Normal memory") may read any location, even in a program that only
  // writes, so the set names the hazard whenever the type allows it.
  const typeSpeculates = TYPE_SEMANTICS[memoryType].speculativeReads;
  return HAZARDS.filter((h) => programs.some((p) => p.hazards.includes(h)) || (h === 'speculative-read' && typeSpeculates));
}

interface Performed {
  readonly writeTransactions: { readonly min: number; readonly max: number };
  readonly fewest: readonly Transaction[];
  readonly most: readonly Transaction[];
}

const lane = (units: readonly Unit[], txs: readonly Transaction[], hazards: readonly Hazard[]): TimelineOutcome => ({
  transactions: txs.map((t) => timelineTx(units, t)),
  forwarded: [],
  hazards,
  ok: true,
  exception: null,
});

/**
 * st64b in a guest, once the input is valid: the outcomes st64bOutcomes() allows, each as the bus sees it
 * (enumerated for the atomic write, summarized for the non-atomic one, no transaction for an exception),
 * judged by the write-combining buffer the copies are judged by. At most one outcome kind writes.
 */
function st64bAccess(
  memoryType: MemoryTypeName,
  kernel: AccessorKernel,
  hostKernel: KernelVersion,
  locationSupportsLs64: boolean,
): AccessResult {
  const p = wcBufferProgram('st64b', kernel, 64);
  const c = st64bOutcomes(memoryType, locationSupportsLs64, hostKernel);
  const lanes: TimelineOutcome[] = [];
  const reasons: string[] = [];
  const hazards = new Set<Hazard>();
  let performed: Performed | null = null;
  let complete = true;
  let abort: Ls64DataAbort | null = null;
  for (const o of c.outcomes) {
    switch (o.kind) {
      case 'atomic-write': {
        const judged = judgeProgram(p, 'wc-buffer', o.memoryType);
        // Stryker disable next-line ConditionalExpression: unreachable, one ST64B is one access
        if ('error' in judged) throw new Error(`model limit for st64b: ${judged.error}`);
        lanes.push(...judged.judgement.outcomes);
        for (const h of judged.judgement.hazards) hazards.add(h);
        performed = { writeTransactions: judged.writeTransactions, fewest: judged.extremes.fewest, most: judged.extremes.most };
        break;
      }
      case 'non-atomic-write': {
        const s = nonAtomicSummary(p, o.memoryType);
        const rules = TYPE_RULES[o.memoryType];
        const { leastGathered: least, mostGathered: most } = s.representative;
        lanes.push(lane(s.units, most, hazardsOf(rules, most, [])));
        if (rules.gathering) lanes.push(lane(s.units, least, hazardsOf(rules, least, [])));
        for (const h of s.hazards) hazards.add(h);
        complete = false;
        reasons.push(
          rules.gathering
            ? 'performed without single-copy atomicity, the 64 bytes may arrive as one write or in pieces (fast path possible, not guaranteed)'
            : 'performed without single-copy atomicity, the 64 bytes arrive as separate byte writes (the type does not gather)',
        );
        performed = { writeTransactions: s.writeTransactions, fewest: most, most: least };
        break;
      }
      case 'data-abort':
        abort = o.exception;
        lanes.push({ transactions: [], forwarded: [], hazards: ['abort'], ok: false, exception: o.exception });
        hazards.add('abort');
        reasons.push(`the store takes a Data Abort with DFSC 0x35 (${o.exception.fault}) and nothing reaches the device`);
        break;
      case 'undefined-instruction':
        lanes.push({ transactions: [], forwarded: [], hazards: ['undef'], ok: false, exception: o.exception });
        hazards.add('undef');
        reasons.push('the instruction takes an Undefined Instruction exception and nothing reaches the device');
        break;
    }
  }
  const broken = lanes.filter((l) => !l.ok);
  const fastPath = c.rule === 'supported' ? 'always' : performed?.writeTransactions.min === 1 ? 'sometimes' : 'never';
  const verdict: DeviceVerdict = {
    device: 'wc-buffer',
    ok: broken.length === 0,
    outcomes: lanes.length,
    broken: broken.length,
    brokenBy: broken.flatMap((l) => l.hazards),
    reasons,
    fastPath,
  };
  const judgement: ProgramJudgement = {
    name: p.name,
    description: p.description,
    device: 'wc-buffer',
    verdicts: [verdict],
    ok: verdict.ok,
    hazards: HAZARDS.filter((h) => hazards.has(h)),
    cpu: p.instrs.map((i) => ({ op: i.op, label: i.label })),
    outcomes: lanes,
    complete,
    outcomeCount: complete ? lanes.length : null,
    source: p.source,
  };
  const programs = [judgement];
  const transactions = {
    // Stryker disable next-line ConditionalExpression: equivalent, performed is null only when every outcome is an exception, so broken.length > 0 decides
    min: broken.length > 0 || performed === null ? 0 : performed.writeTransactions.min,
    max: performed === null ? 0 : performed.writeTransactions.max,
  };
  const cost = performed === null ? null : costRange(performed.fewest, performed.most);
  const correct = judgement.ok;
  const allHazards = hazardSet(programs, memoryType);

  const lines: string[] = [];
  lines.push(
    `st64b on ${memoryType} (guest Linux ${kernel}, host Linux ${hostKernel}${locationSupportsLs64 ? '' : ', a location without 64-byte support'}): ${correct ? 'correct' : 'not correct'}.`,
  );
  lines.push(`- ${c.text}.`);
  lines.push(describeProgram(judgement));
  if (c.rule === 'supported') {
    lines.push(
      "The device sees the 64 bytes as one write, which __iowrite64_copy()'s blocks of STR (ead79118dae6) only make likely. That the write is one 64-byte PCIe TLP is not an architectural rule: it is what mlx5 observed on its platforms (commit fd8c8216648c).",
    );
  }
  if (abort?.hostOutcome) lines.push(`Taken to EL2: ${abort.hostOutcome.reason.replace(/\.$/, '')}.`);
  lines.push(`Writes reaching the device: ${describeTransactions(transactions)} (not counting repeats).`);
  if (allHazards.length > 0) lines.push(`Hazards: ${allHazards.map((h) => `${h} (${HAZARD_MEANING[h]})`).join('; ')}.`);
  return {
    accessor: 'st64b',
    memoryType,
    kernel,
    bytes: 64,
    programs,
    correct,
    hazards: allHazards,
    transactions,
    cost,
    abort,
    ls64: {
      hostKernel,
      locationSupportsLs64,
      rule: c.rule,
      outcomes: ST64B_OUTCOME_KINDS.filter((k) => c.outcomes.some((o) => o.kind === k)),
      trap: c.trap,
    },
    explanation: lines.join('\n'),
  };
}

/** A memory type the bus model covers, else BAD_INPUT naming memoryType. */
function busMemoryType(memoryType: MemoryTypeName): BusMemoryType {
  if (isBusMemoryType(memoryType)) return memoryType;
  throw new InputError(
    'memoryType',
    `memoryType ${memoryType} is cacheable; the bus model covers the uncached types a BAR is mapped with: ${BUS_MEMORY_TYPES.join(', ')} (st64b also takes the cacheable types, where it aborts)`,
  );
}

/** CONTRACT.md `access`. Never throws. */
export function access(input: unknown): Answer<AccessResult> {
  return guarded(() => {
    const fields = fieldsOf(input, FIELDS);
    const accessor = enumField(fields, 'accessor', ACCESSORS);
    const info = ACCESSOR_INFO[accessor];
    for (const f of ACCESSOR_FIELDS) {
      if (fields[f] !== undefined && !(info.fields as readonly string[]).includes(f)) {
        const takers = ACCESSORS.filter((a) => (ACCESSOR_INFO[a].fields as readonly string[]).includes(f));
        throw new InputError(f, `${f} applies only to ${takers.join(', ')}, not to ${accessor}`);
      }
    }
    const memoryType = enumField(fields, 'memoryType', MEMORY_TYPE_NAMES);
    // st64b takes every type (the cacheable ones abort); the other accessors only the uncached ones.
    const busType = takesEveryType(accessor) ? null : busMemoryType(memoryType);
    const kernel = kernelField(fields, 'kernel');
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
    if (busType === null) {
      const hostKernel = kernelField(fields, 'hostKernel', kernel);
      return ok(st64bAccess(memoryType, kernel, hostKernel, booleanField(fields, 'locationSupportsLs64', true)));
    }

    const programs: ProgramJudgement[] = [];
    for (const { program: p, device } of usagePrograms(accessor, kernel, bytes)) {
      const judged = judgeProgram(p, device, busType);
      // Stryker disable next-line ConditionalExpression: unreachable, the usage programs stay within the enumerator's limits (a test runs them all)
      if ('error' in judged) throw new Error(`model limit for ${p.name}: ${judged.error}`);
      programs.push(judged.judgement);
    }
    // Transactions and cost: the copy, or the single write on its own.
    const single = summarize(accessorProgram(accessor, kernel, bytes), busType);
    // Stryker disable next-line ConditionalExpression: unreachable, a valid input is at most 4096 bytes, 512 accesses, within the summary's limits
    if (!single.ok) throw new Error(`model limit: ${single.failure.message}`);
    const transactions = single.value.writeTransactions;
    const { mostGathered, leastGathered } = single.value.representative;
    const cost = info.direction === 'write' ? costRange(mostGathered, leastGathered) : null;
    const hazards = hazardSet(programs, memoryType);
    const correct = programs.every((p) => p.ok);

    const lines: string[] = [];
    lines.push(`${accessor} on ${memoryType} (Linux ${kernel}): ${correct ? 'correct' : 'not correct'} for the programs drivers rely on.`);
    for (const p of programs) lines.push(describeProgram(p));
    if (info.direction === 'write') lines.push(`Writes reaching the device: ${describeTransactions(transactions)} (not counting repeats).`);
    if (hazards.length > 0) lines.push(`Hazards: ${hazards.map((h) => `${h} (${HAZARD_MEANING[h]})`).join('; ')}.`);
    return ok({
      accessor,
      memoryType: busType,
      kernel,
      bytes,
      programs,
      correct,
      hazards,
      transactions,
      cost,
      abort: null,
      ls64: null,
      explanation: lines.join('\n'),
    });
  });
}

export { ACCESSOR_KERNELS, ACCESSORS, BUS_MEMORY_TYPES };
