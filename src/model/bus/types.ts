/**
 * What the device observes: transactions, outcomes and hazards (CONTRACT.md `access`).
 */

/**
 * CONTRACT.md `access` hazards (a set). `abort` and `undef` are additions for st64b: outcomes in which the
 * instruction makes no access and the driver takes an exception instead.
 */
export const HAZARDS = [
  'merge',
  'split',
  'reorder',
  'repeat',
  'speculative-read',
  'forwarded-read',
  'early-ack',
  'abort',
  'undef',
] as const;
export type Hazard = (typeof HAZARDS)[number];

export const HAZARD_MEANING = {
  merge: 'accesses from more than one instruction reach the device as one transaction',
  split: 'one instruction reaches the device as more than one transaction',
  reorder: 'two accesses reach the device in the opposite of program order',
  repeat: 'a write reaches the device more than once',
  'speculative-read': 'the device sees a read the program did not execute',
  'forwarded-read': "a read is served from the CPU's buffered write and never reaches the device",
  'early-ack': 'a write is acknowledged before it reaches the device (the CPU goes on while it is posted)',
  abort: 'the store is not performed: the CPU takes a Data Abort (for ST64B, DFSC 0x35 "unsupported Exclusive or atomic access")',
  undef:
    'the instruction is not performed: the CPU takes an Undefined Instruction exception (ST64B in a guest the host does not offer FEAT_LS64)',
} as const satisfies Record<Hazard, string>;

/** One access the CPU makes to the device: an instruction's single-copy-atomic access or a piece of it. */
export interface Unit {
  readonly id: number;
  /** Index of the instruction in the program. */
  readonly instr: number;
  readonly kind: 'write' | 'read';
  readonly offset: number;
  readonly size: number;
  readonly label: string;
}

/** One transaction at the endpoint. */
export interface Transaction {
  readonly kind: 'write' | 'read';
  readonly offset: number;
  readonly size: number;
  /** Units it carries (for a speculative read: the program read whose location it reads). */
  readonly units: readonly number[];
  /** Instructions it carries, in program order. */
  readonly instrs: readonly number[];
  readonly repeat: boolean;
  readonly speculative: boolean;
}

/** One sequence the device may observe, with the CPU-side facts that do not show on the bus. */
export interface Outcome {
  readonly transactions: readonly Transaction[];
  /** Program reads served from a buffered write (no transaction). */
  readonly forwarded: readonly number[];
  readonly hazards: readonly Hazard[];
}
