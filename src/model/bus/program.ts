/**
 * From a CPU program to the accesses the memory system handles, and the relations the memory type puts
 * between them: which pairs must reach the device in program order, and which may travel as one
 * transaction. Everything the enumerator and the summary do is derived from these two relations.
 */
import type { CpuProgram } from '../linux/accessors';
import { BARRIER_ORDERS, GATHER_BLOCK_BYTES, type TypeRules } from './rules';
import type { Unit } from './types';

export interface AlignmentFault {
  readonly instr: number;
  readonly reason: string;
}

/** Largest naturally aligned pieces of [offset, offset + size). */
export function alignedPieces(offset: number, size: number): Array<{ offset: number; size: number }> {
  const out: Array<{ offset: number; size: number }> = [];
  let at = offset;
  const end = offset + size;
  while (at < end) {
    let p = 64;
    while (at % p !== 0 || at + p > end) p /= 2; // stops at 1 at the latest
    out.push({ offset: at, size: p });
    at += p;
  }
  return out;
}

/**
 * The accesses of a program. Each instruction contributes its single-copy-atomic elements; an unaligned
 * element is an Alignment fault on Device memory and, on Normal memory, is treated as its naturally
 * aligned pieces, which gathering may put back together (Arm ARM "Alignment of data accesses"). An
 * unaligned ST64B faults on every memory type (Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store").
 */
export function unitsOf(program: CpuProgram, rules: TypeRules): { units: Unit[] } | { fault: AlignmentFault } {
  const units: Unit[] = [];
  for (const [i, ins] of program.instrs.entries()) {
    // Stryker disable next-line ConditionalExpression: equivalent, a barrier has no size, so the element loop below makes no unit of it either
    if (ins.op === 'barrier') continue;
    if (ins.mnemonic === 'ST64B' && ins.offset % 64 !== 0) {
      return {
        fault: {
          instr: i,
          reason: `Alignment fault: ST64B at offset 0x${ins.offset.toString(16)} is not 64-byte aligned, which it must be on every memory type (Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store")`,
        },
      };
    }
    const element = ins.op === 'store' ? ins.element : ins.size;
    const kind = ins.op === 'store' ? 'write' : 'read';
    for (let e = 0; e < ins.size / element; e++) {
      const offset = ins.offset + e * element;
      if (offset % element === 0) {
        units.push({ id: units.length, instr: i, kind, offset, size: element, label: ins.label });
        continue;
      }
      if (!rules.unaligned) {
        return {
          fault: {
            instr: i,
            reason: `Alignment fault: ${element}-byte access at offset 0x${offset.toString(16)} is unaligned, and Device memory requires alignment (Arm ARM "Alignment of data accesses")`,
          },
        };
      }
      for (const piece of alignedPieces(offset, element)) {
        units.push({ id: units.length, instr: i, kind, offset: piece.offset, size: piece.size, label: ins.label });
      }
    }
  }
  return { units };
}

export interface Relations {
  readonly units: readonly Unit[];
  readonly rules: TypeRules;
  /** a must reach the device before b (a, b unit ids, a < b in program order). */
  ordered(a: number, b: number): boolean;
  /** a and b may be gathered into one transaction (pairwise condition; contiguity is per group). */
  canMerge(a: number, b: number): boolean;
  /** The write a read may be served from (a buffered write covering it), or null. */
  forwardSource(read: number): number | null;
}

const overlaps = (a: Unit, b: Unit) => a.offset < b.offset + b.size && b.offset < a.offset + a.size;
const blockOf = (offset: number) => Math.floor(offset / GATHER_BLOCK_BYTES);

export function relationsOf(program: CpuProgram, units: readonly Unit[], rules: TypeRules): Relations {
  // Prefix counts of each barrier order, so "is there a barrier between instructions i and j that
  // orders kind x before kind y" is O(1).
  const n = program.instrs.length;
  const prefix = { ww: new Int32Array(n + 1), wr: new Int32Array(n + 1), rw: new Int32Array(n + 1), rr: new Int32Array(n + 1) };
  for (const [i, ins] of program.instrs.entries()) {
    for (const key of ['ww', 'wr', 'rw', 'rr'] as const) {
      prefix[key][i + 1] = (prefix[key][i] ?? 0) + (ins.op === 'barrier' && BARRIER_ORDERS[ins.barrier][key] ? 1 : 0);
    }
  }
  const unit = (id: number): Unit => units[id] as Unit;
  // Zero or negative unless a comes before b with an ordering barrier between them (prefix sums never fall).
  const barrierOrders = (a: Unit, b: Unit): boolean => {
    const key = `${a.kind === 'write' ? 'w' : 'r'}${b.kind === 'write' ? 'w' : 'r'}` as 'ww' | 'wr' | 'rw' | 'rr';
    const p = prefix[key];
    return (p[b.instr] ?? 0) - (p[a.instr + 1] ?? 0) > 0;
  };
  const ordered = (a: number, b: number): boolean => {
    const ua = unit(a);
    const ub = unit(b);
    if (ua.instr === ub.instr) return false; // the accesses of one instruction have no program order
    // nR: accesses to one peripheral arrive in program order (the model's programs target one device).
    if (!rules.reordering) return true;
    // Barriers order what they order; accesses to the same bytes stay in order (coherence).
    return barrierOrders(ua, ub) || overlaps(ua, ub);
  };
  // Arm ARM C3.2.8: an ST64B's access is not merged with accesses of stores after it in program order.
  const isSt64b = (u: Unit): boolean => (program.instrs[u.instr] as { readonly mnemonic?: string }).mnemonic === 'ST64B';
  const canMerge = (a: number, b: number): boolean => {
    const ua = unit(a);
    const ub = unit(b);
    if (!rules.gathering || ua.kind !== ub.kind) return false;
    // Units are naturally aligned and at most 64 bytes, so each lies inside one block.
    if (blockOf(ua.offset) !== blockOf(ub.offset)) return false;
    // Stryker disable next-line EqualityOperator: equivalent, for a === b both orders are the same pair
    const [first, second] = a < b ? [ua, ub] : [ub, ua];
    if (isSt64b(first) && first.instr !== second.instr) return false;
    return !barrierOrders(first, second);
  };
  const forwardSource = (read: number): number | null => {
    const r = unit(read);
    if (r.kind !== 'read' || !rules.gathering) return null; // nG: reads are served by the endpoint
    let source: Unit | null = null;
    for (const w of units.slice(0, r.id)) if (w.kind === 'write' && overlaps(w, r)) source = w;
    if (source === null) return null;
    const covers = source.offset <= r.offset && source.offset + source.size >= r.offset + r.size;
    // A barrier that orders the write before the read makes the read perform after the write is seen.
    return covers && !barrierOrders(source, r) ? source.id : null;
  };
  return { units, rules, ordered, canMerge, forwardSource };
}

/** Whether a set of units can be one transaction: same kind, pairwise gatherable, contiguous bytes. */
export function validGroup(rel: Relations, ids: readonly number[]): boolean {
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) if (!rel.canMerge(a, b)) return false;
  }
  const spans = ids.map((id) => rel.units[id] as Unit).sort((a, b) => a.offset - b.offset);
  let end = (spans[0] as Unit).offset;
  for (const s of spans) {
    if (s.offset > end) return false; // a hole
    end = Math.max(end, s.offset + s.size);
  }
  return true;
}

/** The byte span of a group. */
export function spanOf(rel: Relations, ids: readonly number[]): { offset: number; size: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const id of ids) {
    const u = rel.units[id] as Unit;
    lo = Math.min(lo, u.offset);
    hi = Math.max(hi, u.offset + u.size);
  }
  return { offset: lo, size: hi - lo };
}
