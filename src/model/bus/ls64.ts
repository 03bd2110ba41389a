/**
 * A driver's ST64B (FEAT_LS64) in a KVM guest: which outcomes the architecture allows for the memory type
 * and the location, and what the host's KVM adds.
 *
 * Arm ARM (DDI 0487) C3.2.8 "Single-copy atomic 64-byte load/store" and the instruction page "ST64B"
 * (Single-copy Atomic 64-byte Store without Return); cited by title, since the section number moves
 * between releases of the manual:
 * - Without FEAT_LS64WB, LD64B and ST64B may target only Normal Inner and Outer Non-cacheable memory and
 *   the four Device types; any other type generates a Data Abort with DFSC 0b110101 (0x35, "unsupported
 *   Exclusive or atomic access"). Which translation stage reports it is IMPLEMENTATION DEFINED (checked at
 *   each stage, or on the combined type and reported at the final stage or at the first stage that gave a
 *   wrong type), so in a guest it is taken to EL1 (stage 1) or to EL2 (stage 2).
 * - Which locations support ST64B is IMPLEMENTATION DEFINED (the ST64B page). At a location that does
 *   not, one of two things happens (CONSTRAINED UNPREDICTABLE): a stage 1 Data Abort with DFSC 0x35, or the
 *   store is performed but is not single-copy atomic above the byte level.
 * - The location must be 64-byte aligned, else an Alignment fault (on every memory type).
 * - The access an ST64B makes is not merged with accesses of stores after it in program order.
 * - Where supported, the store is one 64-byte single-copy-atomic write. That the write leaves the root
 *   port as one 64-byte PCIe TLP is not an architectural rule: it is mlx5's statement about its platforms
 *   (commit fd8c8216648c, "net/mlx5: Improve write-combining test reliability for ARM64 Grace CPUs").
 * FEAT_LS64WB (ST64B on Write-Back Conventional memory) is not modelled: the cacheable types abort.
 */
import type { MemoryTypeName } from '../arm64/types';
import type { CpuProgram, Instr } from '../linux/accessors';
import { type ExclAtomicResult, kvmExclAtomicAbortOf } from '../linux/kvm-abort';
import { type KvmLs64Trap, kvmLs64Trap } from '../linux/kvm-ls64';
import type { KernelVersion } from '../linux/versions';
import type { Summary } from './enumerate';
import { type BusMemoryType, TYPE_RULES } from './rules';
import type { Hazard, Transaction, Unit } from './types';
import { HAZARDS } from './types';

/** C3.2.8: the memory types LD64B/ST64B may target without FEAT_LS64WB ("Normal-NC" is inner and outer NC). */
export const LS64_TARGET_TYPES = [
  'Device-nGnRnE',
  'Device-nGnRE',
  'Device-nGRE',
  'Device-GRE',
  'Normal-NC',
] as const satisfies readonly BusMemoryType[];
export type Ls64TargetType = (typeof LS64_TARGET_TYPES)[number];

export function isLs64TargetType(type: MemoryTypeName): type is Ls64TargetType {
  return (LS64_TARGET_TYPES as readonly string[]).includes(type);
}

/** The fault status code of the abort: "unsupported Exclusive or atomic access". */
export const DFSC_EXCL_ATOMIC = 0x35;

export const EXCEPTION_LEVELS = ['EL1', 'EL2'] as const;
export type ExceptionLevel = (typeof EXCEPTION_LEVELS)[number];

export interface Ls64DataAbort {
  readonly kind: 'data-abort';
  readonly dfsc: typeof DFSC_EXCL_ATOMIC;
  readonly fault: 'unsupported Exclusive or atomic access';
  /** `memory-type`: the architecture requires it; `location`: one of two CONSTRAINED UNPREDICTABLE outcomes. */
  readonly cause: 'memory-type' | 'location';
  /** Translation stages that may report it (both: IMPLEMENTATION DEFINED). */
  readonly stages: readonly (1 | 2)[];
  /** Where the guest's access traps: EL1 (a stage 1 fault, the guest's own handler) or EL2 (stage 2, KVM). */
  readonly takenTo: readonly ExceptionLevel[];
  /** What KVM does when it is taken to EL2 (kvmExclAtomicAbortOf()); null when it cannot be. */
  readonly hostOutcome: ExclAtomicResult | null;
  readonly rule: string;
}

export interface Ls64Undefined {
  readonly kind: 'undefined-instruction';
  /** KVM injects it into the guest's EL1. */
  readonly takenTo: readonly ExceptionLevel[];
  readonly host: KvmLs64Trap;
  readonly rule: string;
}

export type Ls64Exception = Ls64DataAbort | Ls64Undefined;

export const ST64B_OUTCOME_KINDS = ['atomic-write', 'non-atomic-write', 'data-abort', 'undefined-instruction'] as const;
export type St64bOutcomeKind = (typeof ST64B_OUTCOME_KINDS)[number];

/** One kind of allowed outcome: the store reaches the device (atomically or not), or an exception is taken. */
export type St64bOutcome =
  | {
      readonly kind: 'atomic-write' | 'non-atomic-write';
      readonly memoryType: Ls64TargetType;
      readonly exception: null;
      readonly rule: string;
    }
  | { readonly kind: 'data-abort'; readonly exception: Ls64DataAbort; readonly rule: string }
  | { readonly kind: 'undefined-instruction'; readonly exception: Ls64Undefined; readonly rule: string };

/** The rule that decides, in the order the instruction meets them. */
export const ST64B_RULES = ['host-traps', 'memory-type', 'location', 'supported'] as const;
export type St64bRule = (typeof ST64B_RULES)[number];

export interface St64bCase {
  readonly rule: St64bRule;
  /** The rule in words, with its source. */
  readonly text: string;
  readonly outcomes: readonly St64bOutcome[];
  readonly trap: KvmLs64Trap;
}

const C328 = 'Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store"';

/**
 * The allowed outcomes of a guest's aligned ST64B to a location of `memoryType`, on a host running
 * `host`. In the order of the instruction's pseudocode: the EL2 trap (CheckLDST64BEnabled()), then the
 * memory type, then the location (MemStore64B()).
 */
export function st64bOutcomes(memoryType: MemoryTypeName, locationSupportsLs64: boolean, host: KernelVersion): St64bCase {
  const trap = kvmLs64Trap(host);
  if (!trap.offered) {
    return {
      rule: 'host-traps',
      text: trap.reason,
      trap,
      outcomes: [
        {
          kind: 'undefined-instruction',
          exception: { kind: 'undefined-instruction', takenTo: ['EL1'], host: trap, rule: trap.reason },
          rule: trap.reason,
        },
      ],
    };
  }
  if (!isLs64TargetType(memoryType)) {
    const rule = `${C328}: without FEAT_LS64WB, ST64B may target only Normal Non-cacheable and Device memory; ${memoryType} generates a Data Abort with DFSC 0x35, reported at stage 1 or stage 2 (IMPLEMENTATION DEFINED)`;
    return {
      rule: 'memory-type',
      text: rule,
      trap,
      outcomes: [
        {
          kind: 'data-abort',
          exception: {
            kind: 'data-abort',
            dfsc: DFSC_EXCL_ATOMIC,
            fault: 'unsupported Exclusive or atomic access',
            cause: 'memory-type',
            stages: [1, 2],
            takenTo: ['EL1', 'EL2'],
            hostOutcome: kvmExclAtomicAbortOf({ kernel: host, inMemslot: true, access: 'ls64', routedTo: 'el2' }),
            rule,
          },
          rule,
        },
      ],
    };
  }
  if (!locationSupportsLs64) {
    const rule = `${C328}: at a location that does not support ST64B (which locations do is IMPLEMENTATION DEFINED), either a stage 1 Data Abort with DFSC 0x35 or the store performed without single-copy atomicity above the byte level (CONSTRAINED UNPREDICTABLE)`;
    return {
      rule: 'location',
      text: rule,
      trap,
      outcomes: [
        { kind: 'non-atomic-write', memoryType, exception: null, rule },
        {
          kind: 'data-abort',
          exception: {
            kind: 'data-abort',
            dfsc: DFSC_EXCL_ATOMIC,
            fault: 'unsupported Exclusive or atomic access',
            cause: 'location',
            stages: [1],
            takenTo: ['EL1'],
            hostOutcome: null,
            rule,
          },
          rule,
        },
      ],
    };
  }
  const rule = `${C328}: ${memoryType} at a location that supports ST64B: one 64-byte single-copy-atomic write`;
  return { rule: 'supported', text: rule, trap, outcomes: [{ kind: 'atomic-write', memoryType, exception: null, rule }] };
}

/**
 * An ST64B performed without single-copy atomicity above the byte level, as the bus sees it: 64 one-byte
 * accesses of one instruction (no program order between them), which a gathering type may put back
 * together in any contiguous groups and a non-gathering type delivers one by one. Derived from the type's
 * rules directly: the partitions of 64 gatherable bytes are too many to enumerate.
 */
export function nonAtomicSummary(program: CpuProgram, memoryType: BusMemoryType): Summary {
  const rules = TYPE_RULES[memoryType];
  const store = program.instrs.find((i): i is Extract<Instr, { op: 'store' }> => i.op === 'store');
  if (store === undefined) throw new Error(`${program.name} has no store`);
  const instr = program.instrs.indexOf(store);
  const units: Unit[] = Array.from({ length: store.size }, (_, i) => ({
    id: i,
    instr,
    kind: 'write' as const,
    offset: store.offset + i,
    size: 1,
    label: store.label,
  }));
  const tx = (members: readonly Unit[]): Transaction => ({
    kind: 'write',
    offset: (members[0] as Unit).offset,
    size: members.length,
    units: members.map((u) => u.id),
    instrs: [instr],
    repeat: false,
    speculative: false,
  });
  const bytes = units.map((u) => tx([u]));
  const found = new Set<Hazard>(['split']);
  if (rules.earlyAck) found.add('early-ack');
  if (rules.repeatedWrites) found.add('repeat');
  return {
    memoryType,
    units,
    fault: null,
    writeTransactions: { min: rules.gathering ? 1 : units.length, max: units.length },
    hazards: HAZARDS.filter((h) => found.has(h)),
    blocks: [{ offset: store.offset, canArriveWhole: rules.gathering, alwaysWhole: false }],
    representative: { leastGathered: bytes, mostGathered: rules.gathering ? [tx(units)] : bytes },
  };
}
