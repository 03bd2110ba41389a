/**
 * The enumerator: the distinct transaction sequences a device may observe for a small program under a
 * memory type, like a litmus test. Every outcome is built from the relations in program.ts:
 *
 * - a step emits a group of units as one transaction once everything ordered before them is emitted
 *   (a group of more than one unit is gathering: same kind, no barrier between, contiguous, in one
 *   aligned 64-byte block);
 * - a program read with a buffered write covering it may instead be served from that write
 *   (forwarding; G types only);
 * - on Normal memory a write transaction may be repeated (device-io.rst) and a location the program
 *   reads may be read speculatively before the program's read.
 *
 * Limits (documented in LIMITS below): at most 8 accesses, 4,000 distinct outcomes and 400,000 search
 * steps; beyond them the answer is a typed failure, never a partial list or a hang. Repeats and
 * speculative reads are bounded to one each per outcome. Larger programs (whole copies) go through
 * `summarize()`, which derives the same facts from the set of transaction shapes without orderings.
 */
import type { CpuProgram } from '../linux/accessors';
import { type AlignmentFault, type Relations, relationsOf, spanOf, unitsOf, validGroup } from './program';
import {
  type BusMemoryType,
  GATHER_BLOCK_BYTES,
  MAX_REPEATS_PER_OUTCOME,
  MAX_SPECULATIVE_READS_PER_OUTCOME,
  TYPE_RULES,
  type TypeRules,
} from './rules';
import type { Hazard, Outcome, Transaction, Unit } from './types';
import { HAZARDS } from './types';

export const LIMITS = {
  /** Sequence enumeration: accesses (units) in the program. */
  maxUnits: 8,
  maxOutcomes: 4000,
  maxSteps: 400_000,
  /** Shape summary: accesses in the program and search steps per independent component. */
  summaryMaxUnits: 1024,
  summaryMaxSteps: 200_000,
} as const;

export type EnumerationFailure =
  | { readonly kind: 'too-many-accesses'; readonly units: number; readonly limit: number; readonly message: string }
  | { readonly kind: 'too-many-outcomes'; readonly limit: number; readonly message: string }
  | { readonly kind: 'too-many-steps'; readonly limit: number; readonly message: string };

export interface EnumerateOptions {
  /** Allow a write to reach the device twice on Normal-NC (Linux device-io.rst WC contract). Default true. */
  readonly repeats?: boolean;
  /** Allow speculative reads of locations the program reads on Normal-NC. Default true. */
  readonly speculation?: boolean;
}

export interface Enumeration {
  readonly memoryType: BusMemoryType;
  readonly units: readonly Unit[];
  /** Set when the program faults before reaching the device (unaligned access to Device memory). */
  readonly fault: AlignmentFault | null;
  /** Distinct outcomes, the in-order outcome first, then by number of hazards and a stable key. */
  readonly outcomes: readonly Outcome[];
  /** Hazards that occur in at least one outcome. */
  readonly hazards: readonly Hazard[];
}

class Limit extends Error {
  constructor(readonly failure: EnumerationFailure) {
    super(failure.message);
  }
}

function txKey(t: Transaction): string {
  return `${t.kind[0]}${t.offset}+${t.size}[${t.units.join(',')}]${t.repeat ? 'R' : ''}${t.speculative ? 'S' : ''}`;
}

function transactionOf(
  rel: Relations,
  kind: 'write' | 'read',
  ids: readonly number[],
  flags: { repeat: boolean; speculative: boolean },
): Transaction {
  const span = spanOf(rel, ids);
  const units = [...ids].sort((a, b) => a - b);
  const instrs = [...new Set(units.map((id) => (rel.units[id] as Unit).instr))].sort((a, b) => a - b);
  return { kind, offset: span.offset, size: span.size, units, instrs, repeat: flags.repeat, speculative: flags.speculative };
}

/** The hazards an outcome shows, judged against the program. */
export function hazardsOf(rules: TypeRules, transactions: readonly Transaction[], forwarded: readonly number[]): Hazard[] {
  const found = new Set<Hazard>();
  const position = new Map<number, number>();
  const carriers = new Map<number, number>();
  for (const [i, t] of transactions.entries()) {
    if (t.repeat) found.add('repeat');
    if (t.speculative) {
      found.add('speculative-read');
      continue;
    }
    if (t.repeat) continue;
    if (t.instrs.length > 1) found.add('merge');
    if (t.kind === 'write' && rules.earlyAck) found.add('early-ack');
    for (const ins of t.instrs) {
      if (!position.has(ins)) position.set(ins, i);
      carriers.set(ins, (carriers.get(ins) ?? 0) + 1);
    }
  }
  if (forwarded.length > 0) found.add('forwarded-read');
  for (const count of carriers.values()) if (count > 1) found.add('split');
  const placed = [...position.entries()].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < placed.length && !found.has('reorder'); i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if ((placed[i] as [number, number])[1] > (placed[j] as [number, number])[1]) {
        found.add('reorder');
        break;
      }
    }
  }
  return HAZARDS.filter((h) => found.has(h));
}

function* subsetsOf<T>(items: readonly T[]): Generator<T[]> {
  const n = items.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const out: T[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) out.push(items[i] as T);
    yield out;
  }
}

/**
 * Enumerate the outcomes of `program` under `memoryType`. A failure says which limit was hit.
 */
export function enumerateOutcomes(
  program: CpuProgram,
  memoryType: BusMemoryType,
  options: EnumerateOptions = {},
): { ok: true; value: Enumeration } | { ok: false; failure: EnumerationFailure } {
  const rules = TYPE_RULES[memoryType];
  const built = unitsOf(program, rules);
  if ('fault' in built) return { ok: true, value: { memoryType, units: [], fault: built.fault, outcomes: [], hazards: [] } };
  const units = built.units;
  if (units.length > LIMITS.maxUnits) {
    return {
      ok: false,
      failure: {
        kind: 'too-many-accesses',
        units: units.length,
        limit: LIMITS.maxUnits,
        message: `the program makes ${units.length} accesses; the sequence enumerator takes at most ${LIMITS.maxUnits} (use summarize() for larger programs)`,
      },
    };
  }
  const rel = relationsOf(program, units, rules);
  const repeats = rules.repeatedWrites && options.repeats !== false;
  const speculation = rules.speculativeReads && options.speculation !== false;
  const reads = units.filter((u) => u.kind === 'read');
  const forwardable = reads.filter((r) => rel.forwardSource(r.id) !== null);
  const found = new Map<string, Outcome>();
  let steps = 0;

  try {
    for (const forwardSet of [[], ...subsetsOf(forwardable)]) {
      const forwarded = new Set(forwardSet.map((u) => u.id));
      const active = units.filter((u) => !forwarded.has(u.id)).map((u) => u.id);
      const pred = new Map<number, number[]>();
      for (const b of active)
        pred.set(
          b,
          active.filter((a) => a < b && rel.ordered(a, b)),
        );
      // Every group the type allows, as sets; which are ready depends on the state.
      const groups: number[][] = [];
      for (const g of subsetsOf(active)) {
        const kinds = new Set(g.map((id) => (units[id] as Unit).kind));
        if (kinds.size === 1 && validGroup(rel, g)) groups.push(g);
      }
      const seq: Transaction[] = [];
      const emitted = new Set<number>();
      const visit = (repeatsUsed: number, specUsed: number) => {
        if (++steps > LIMITS.maxSteps) {
          throw new Limit({
            kind: 'too-many-steps',
            limit: LIMITS.maxSteps,
            message: `enumeration needed more than ${LIMITS.maxSteps} steps`,
          });
        }
        if (emitted.size === active.length) {
          const outcomeForwarded = [...forwarded].sort((a, b) => a - b);
          const key = `${seq.map(txKey).join(' ')}|f${outcomeForwarded.join(',')}`;
          if (!found.has(key)) {
            found.set(key, { transactions: [...seq], forwarded: outcomeForwarded, hazards: hazardsOf(rules, seq, outcomeForwarded) });
            if (found.size > LIMITS.maxOutcomes) {
              throw new Limit({
                kind: 'too-many-outcomes',
                limit: LIMITS.maxOutcomes,
                message: `the program has more than ${LIMITS.maxOutcomes} distinct outcomes`,
              });
            }
          }
          return;
        }
        // A speculative read of a location the program reads, before that read is performed.
        if (speculation && specUsed < MAX_SPECULATIVE_READS_PER_OUTCOME) {
          for (const r of reads) {
            if (emitted.has(r.id)) continue;
            seq.push(transactionOf(rel, 'read', [r.id], { repeat: false, speculative: true }));
            visit(repeatsUsed, specUsed + 1);
            seq.pop();
          }
        }
        for (const g of groups) {
          if (g.some((id) => emitted.has(id))) continue;
          if (!g.every((id) => (pred.get(id) ?? []).every((p) => emitted.has(p) || g.includes(p)))) continue;
          const kind = (units[g[0] as number] as Unit).kind;
          const t = transactionOf(rel, kind, g, { repeat: false, speculative: false });
          for (const id of g) emitted.add(id);
          seq.push(t);
          visit(repeatsUsed, specUsed);
          if (repeats && kind === 'write' && repeatsUsed < MAX_REPEATS_PER_OUTCOME) {
            seq.push({ ...t, repeat: true });
            visit(repeatsUsed + 1, specUsed);
            seq.pop();
          }
          seq.pop();
          for (const id of g) emitted.delete(id);
        }
      };
      visit(0, 0);
    }
  } catch (e) {
    if (e instanceof Limit) return { ok: false, failure: e.failure };
    throw e;
  }

  const keyed = [...found.entries()].sort((a, b) => a[1].hazards.length - b[1].hazards.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const outcomes = keyed.map(([, o]) => o);
  const hazards = HAZARDS.filter((h) => outcomes.some((o) => o.hazards.includes(h)));
  return { ok: true, value: { memoryType, units, fault: null, outcomes, hazards } };
}

// ---------------------------------------------------------------------------------------------
// Summary for large programs

export interface BlockShape {
  /** Offset of the aligned 64-byte block. */
  readonly offset: number;
  /** Whether, in some allowed outcome, all of the block's writes arrive as one transaction. */
  readonly canArriveWhole: boolean;
  /** Whether they arrive as one transaction in every allowed outcome. */
  readonly alwaysWhole: boolean;
}

export interface Summary {
  readonly memoryType: BusMemoryType;
  readonly units: readonly Unit[];
  readonly fault: AlignmentFault | null;
  /** Write transactions reaching the device, not counting repeats. */
  readonly writeTransactions: { readonly min: number; readonly max: number };
  readonly hazards: readonly Hazard[];
  readonly blocks: readonly BlockShape[];
  /** Two allowed outcomes to draw: nothing gathered, in program order; and the fewest transactions. */
  readonly representative: { readonly leastGathered: readonly Transaction[]; readonly mostGathered: readonly Transaction[] };
}

/**
 * Summarize what the device may see for a program of any size up to LIMITS.summaryMaxUnits, without
 * listing orderings: the sets of transactions (partitions of the accesses into valid groups whose
 * order constraints admit a sequence), factored into independent components (units linked by possible
 * gathering or by an order constraint), the hazards, and per 64-byte block whether its writes can
 * arrive whole.
 */
export function summarize(
  program: CpuProgram,
  memoryType: BusMemoryType,
  options: EnumerateOptions = {},
): { ok: true; value: Summary } | { ok: false; failure: EnumerationFailure } {
  const rules = TYPE_RULES[memoryType];
  const built = unitsOf(program, rules);
  const empty = { leastGathered: [], mostGathered: [] };
  if ('fault' in built)
    return {
      ok: true,
      value: {
        memoryType,
        units: [],
        fault: built.fault,
        writeTransactions: { min: 0, max: 0 },
        hazards: [],
        blocks: [],
        representative: empty,
      },
    };
  const units = built.units;
  const n = units.length;
  if (n > LIMITS.summaryMaxUnits) {
    return {
      ok: false,
      failure: {
        kind: 'too-many-accesses',
        units: n,
        limit: LIMITS.summaryMaxUnits,
        message: `the program makes ${n} accesses; the summary takes at most ${LIMITS.summaryMaxUnits}`,
      },
    };
  }
  const rel = relationsOf(program, units, rules);
  const hazards = new Set<Hazard>();
  const writes = units.filter((u) => u.kind === 'write');
  if (writes.length > 0 && rules.earlyAck) hazards.add('early-ack');
  if (writes.length > 0 && rules.repeatedWrites && options.repeats !== false) hazards.add('repeat');
  if (units.some((u) => u.kind === 'read') && rules.speculativeReads && options.speculation !== false) hazards.add('speculative-read');
  if (units.some((u) => rel.forwardSource(u.id) !== null)) hazards.add('forwarded-read');

  // Transitive order, as bitsets, for reorder detection and acyclicity.
  const words = Math.ceil(n / 32);
  const reach = Array.from({ length: n }, () => new Uint32Array(words));
  const set = (row: Uint32Array, j: number) => {
    row[j >> 5] = (row[j >> 5] ?? 0) | (1 << (j & 31));
  };
  const has = (row: Uint32Array, j: number) => ((row[j >> 5] ?? 0) & (1 << (j & 31))) !== 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rel.ordered(a, b)) set(reach[a] as Uint32Array, b);
  for (let k = 0; k < n; k++) {
    const rk = reach[k] as Uint32Array;
    for (let i = 0; i < k; i++) {
      const ri = reach[i] as Uint32Array;
      if (has(ri, k)) for (let w = 0; w < words; w++) ri[w] = (ri[w] ?? 0) | (rk[w] ?? 0);
    }
  }
  // Two accesses of different instructions with no order between them can reach the device either way
  // round (unless they always travel together, which no rule forces).
  outer: for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if ((units[a] as Unit).instr !== (units[b] as Unit).instr && !has(reach[a] as Uint32Array, b)) {
        hazards.add('reorder');
        break outer;
      }
    }
  }

  // Components: units linked by possible gathering, or by order when gathering is possible at all.
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  if (rules.gathering) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) if (rel.canMerge(a, b) || rel.ordered(a, b)) parent[find(a)] = find(b);
    }
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = components.get(root) ?? [];
    list.push(i);
    components.set(root, list);
  }

  const blockWrites = new Map<number, number[]>();
  for (const w of writes) {
    const b = Math.floor(w.offset / GATHER_BLOCK_BYTES);
    blockWrites.set(b, [...(blockWrites.get(b) ?? []), w.id]);
  }
  const seenWhole = new Set<number>();
  const seenNotWhole = new Set<number>();
  let min = 0;
  let max = 0;
  const mostGroups: number[][] = [];
  // Components with the same structure (relative layout, kinds, instructions and relations) have the
  // same shapes; a copy is many identical 64-byte blocks, so each structure is enumerated once.
  const cache = new Map<string, ComponentShapes>();
  for (const members of components.values()) {
    const first = units[members[0] as number] as Unit;
    const base = Math.floor(Math.min(...members.map((id) => (units[id] as Unit).offset)) / GATHER_BLOCK_BYTES) * GATHER_BLOCK_BYTES;
    const parts: string[] = [];
    for (const [i, a] of members.entries()) {
      const u = units[a] as Unit;
      let bits = '';
      for (const b of members.slice(i + 1)) bits += `${rel.ordered(a, b) ? 1 : 0}${rel.canMerge(a, b) ? 1 : 0}`;
      parts.push(`${u.kind[0]}${u.offset - base}+${u.size}i${u.instr - first.instr}:${bits}`);
    }
    const signature = parts.join(';');
    let shapes = cache.get(signature);
    if (shapes === undefined) {
      const found = componentShapes(rel, members, base);
      if (!found.ok) return { ok: false, failure: found.failure };
      shapes = found.value;
      cache.set(signature, shapes);
    }
    min += shapes.min;
    max += shapes.max;
    if (shapes.merge) hazards.add('merge');
    for (const rb of shapes.whole) seenWhole.add(base / GATHER_BLOCK_BYTES + rb);
    for (const rb of shapes.notWhole) seenNotWhole.add(base / GATHER_BLOCK_BYTES + rb);
    mostGroups.push(...shapes.best.map((g) => g.map((k) => members[k] as number)));
  }
  // Some instruction whose accesses can travel apart (STP halves, pieces of an unaligned access).
  const perInstr = new Map<number, number>();
  for (const u of units) perInstr.set(u.instr, (perInstr.get(u.instr) ?? 0) + 1);
  if ([...perInstr.values()].some((c) => c > 1)) hazards.add('split');

  const byFirst = (a: readonly number[], b: readonly number[]) => (a[0] as number) - (b[0] as number);
  const toTx = (g: readonly number[]) => transactionOf(rel, (units[g[0] as number] as Unit).kind, g, { repeat: false, speculative: false });
  // A block whose writes fall in different components can never arrive as one transaction.
  for (const [b, ids] of blockWrites) {
    if (new Set(ids.map(find)).size > 1) {
      seenWhole.delete(b);
      seenNotWhole.add(b);
    }
  }
  const blocks: BlockShape[] = [...blockWrites.keys()]
    .sort((a, b) => a - b)
    .map((b) => ({ offset: b * GATHER_BLOCK_BYTES, canArriveWhole: seenWhole.has(b), alwaysWhole: !seenNotWhole.has(b) }));
  return {
    ok: true,
    value: {
      memoryType,
      units,
      fault: null,
      writeTransactions: { min, max },
      hazards: HAZARDS.filter((h) => hazards.has(h)),
      blocks,
      representative: { leastGathered: units.map((u) => toTx([u.id])), mostGathered: mostGroups.sort(byFirst).map(toTx) },
    },
  };
}

interface ComponentShapes {
  /** Fewest and most write transactions. */
  readonly min: number;
  readonly max: number;
  /** Some shape gathers accesses of different instructions. */
  readonly merge: boolean;
  /** Blocks (relative to the component's base block) whose writes arrive whole in some / not in some shape. */
  readonly whole: readonly number[];
  readonly notWhole: readonly number[];
  /** A shape with the fewest write transactions, as indices into the member list. */
  readonly best: readonly (readonly number[])[];
}

/**
 * All partitions of one component into valid groups whose order constraints admit a sequence (the
 * quotient order is acyclic). The first unassigned unit's group grows by touching, gatherable units.
 */
function componentShapes(
  rel: Relations,
  members: readonly number[],
  base: number,
): { ok: true; value: ComponentShapes } | { ok: false; failure: EnumerationFailure } {
  const units = rel.units;
  let steps = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let merge = false;
  let best: number[][] = [];
  const whole = new Set<number>();
  const notWhole = new Set<number>();
  const blockWrites = new Map<number, number[]>();
  for (const id of members) {
    const u = units[id] as Unit;
    if (u.kind !== 'write') continue;
    const rb = Math.floor((u.offset - base) / GATHER_BLOCK_BYTES);
    blockWrites.set(rb, [...(blockWrites.get(rb) ?? []), id]);
  }
  const orderedPairs: Array<[number, number]> = [];
  for (const a of members) for (const b of members) if (a < b && rel.ordered(a, b)) orderedPairs.push([a, b]);
  const assigned = new Set<number>();
  const groups: number[][] = [];
  const acyclic = (): boolean => {
    if (orderedPairs.length === 0) return true;
    const groupOf = new Map<number, number>();
    for (const [gi, g] of groups.entries()) for (const id of g) groupOf.set(id, gi);
    const edges = groups.map(() => new Set<number>());
    for (const [a, b] of orderedPairs) {
      const ga = groupOf.get(a) as number;
      const gb = groupOf.get(b) as number;
      if (ga !== gb) (edges[ga] as Set<number>).add(gb);
    }
    const state = groups.map(() => 0);
    const dfs = (g: number): boolean => {
      state[g] = 1;
      for (const h of edges[g] as Set<number>) {
        if (state[h] === 1) return false;
        if (state[h] === 0 && !dfs(h)) return false;
      }
      state[g] = 2;
      return true;
    };
    return groups.every((_, g) => state[g] !== 0 || dfs(g));
  };
  const record = () => {
    const writeGroups = groups.filter((g) => (units[g[0] as number] as Unit).kind === 'write').length;
    if (writeGroups < min) {
      min = writeGroups;
      best = groups.map((g) => g.map((id) => members.indexOf(id)));
    }
    max = Math.max(max, writeGroups);
    if (!merge && groups.some((g) => new Set(g.map((id) => (units[id] as Unit).instr)).size > 1)) merge = true;
    for (const [rb, ids] of blockWrites) {
      const isWhole = groups.some((g) => ids.every((id) => g.includes(id)));
      (isWhole ? whole : notWhole).add(rb);
    }
  };
  const groupsWith = (u: number): number[][] => {
    const out: number[][] = [[u]];
    const seen = new Set<string>([String(u)]);
    for (let i = 0; i < out.length; i++) {
      const g = out[i] as number[];
      for (const v of members) {
        if (assigned.has(v) || g.includes(v) || !rel.canMerge(u, v)) continue;
        const next = [...g, v].sort((a, b) => a - b);
        const key = next.join(',');
        if (seen.has(key) || !validGroup(rel, next)) continue;
        seen.add(key);
        out.push(next);
      }
    }
    return out;
  };
  const partition = () => {
    if (++steps > LIMITS.summaryMaxSteps) {
      throw new Limit({
        kind: 'too-many-steps',
        limit: LIMITS.summaryMaxSteps,
        message: `the summary needed more than ${LIMITS.summaryMaxSteps} steps for one component (too many ways to gather)`,
      });
    }
    const u = members.find((id) => !assigned.has(id));
    if (u === undefined) {
      if (acyclic()) record();
      return;
    }
    for (const g of groupsWith(u)) {
      for (const id of g) assigned.add(id);
      groups.push(g);
      partition();
      groups.pop();
      for (const id of g) assigned.delete(id);
    }
  };
  try {
    partition();
  } catch (e) {
    if (e instanceof Limit) return { ok: false, failure: e.failure };
    throw e;
  }
  return {
    ok: true,
    value: { min: min === Number.POSITIVE_INFINITY ? 0 : min, max, merge, whole: [...whole], notWhole: [...notWhole], best },
  };
}
