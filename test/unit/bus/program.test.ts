import { describe, expect, it } from 'vitest';
import { type Summary, summarize } from '../../../src/model/bus/enumerate';
import { alignedPieces, relationsOf, unitsOf, validGroup } from '../../../src/model/bus/program';
import { type BusMemoryType, TYPE_RULES } from '../../../src/model/bus/rules';
import type { BarrierKind, CpuProgram, Instr } from '../../../src/model/linux/accessors';

const prog = (instrs: Instr[]): CpuProgram => ({ name: 't', description: 't', instrs, source: 'test' });
const st = (offset: number, size = 8): Instr => ({ op: 'store', mnemonic: 'STR', offset, size, element: size, label: `w${offset}` });
const ld = (offset: number, size = 8): Instr => ({ op: 'load', mnemonic: 'LDR', offset, size, label: `r${offset}` });
const bar = (barrier: BarrierKind): Instr => ({ op: 'barrier', barrier, label: barrier });
const ST64B: Instr = { op: 'store', mnemonic: 'ST64B', offset: 0, size: 64, element: 64, label: 'ST64B' };

function relations(instrs: Instr[], type: BusMemoryType) {
  const p = prog(instrs);
  const built = unitsOf(p, TYPE_RULES[type]);
  if ('fault' in built) expect.fail(built.fault.reason);
  return relationsOf(p, built.units, TYPE_RULES[type]);
}
function summaryOf(instrs: Instr[], type: BusMemoryType): Summary {
  const r = summarize(prog(instrs), type);
  if (!r.ok) expect.fail(r.failure.message);
  return r.value;
}

describe('alignedPieces: an unaligned access as its largest naturally aligned pieces', () => {
  it('splits at alignment boundaries and never past the end', () => {
    const pieces = (offset: number, size: number) => alignedPieces(offset, size).map((p) => `${p.offset}/${p.size}`);
    expect(pieces(0, 64)).toEqual(['0/64']);
    expect(pieces(2, 4)).toEqual(['2/2', '4/2']);
    expect(pieces(1, 8)).toEqual(['1/1', '2/2', '4/4', '8/1']);
    expect(pieces(6, 3)).toEqual(['6/2', '8/1']);
    expect(pieces(60, 8)).toEqual(['60/4', '64/4']);
    expect(pieces(3, 1)).toEqual(['3/1']);
  });
});

describe('barriers between accesses', () => {
  it('a barrier orders what is before it with what is after it, however far apart', () => {
    // Device-nGRE reorders; DMB OSHST orders the write at 0 before both later writes.
    const rel = relations([st(0), bar('dmb-oshst'), st(8), st(16)], 'Device-nGRE');
    expect([rel.ordered(0, 1), rel.ordered(0, 2), rel.ordered(1, 2)]).toEqual([true, true, false]);
  });
  it('a barrier before both accesses orders neither', () => {
    const rel = relations([bar('dmb-osh'), st(0), st(8)], 'Device-nGRE');
    expect(rel.ordered(0, 1)).toBe(false);
    expect(summaryOf([bar('dmb-osh'), st(0), st(8)], 'Device-nGRE').hazards).toContain('reorder');
  });
  it('DMB OSHLD orders an earlier read before later reads and writes, past other accesses', () => {
    const rw = relations([ld(0), st(16), bar('dmb-oshld'), st(8)], 'Device-nGRE');
    expect([rw.ordered(0, 2), rw.ordered(1, 2)]).toEqual([true, false]);
    const rr = relations([ld(0), ld(16), bar('dmb-oshld'), ld(8)], 'Device-nGRE');
    expect([rr.ordered(0, 2), rr.ordered(1, 2)]).toEqual([true, true]);
  });
  it('without a barrier, only accesses to the same bytes stay in order on a reordering type', () => {
    const rel = relations([st(8), st(0), st(4, 4)], 'Device-nGRE');
    expect([rel.ordered(0, 1), rel.ordered(1, 2), rel.ordered(0, 2)]).toEqual([false, true, false]);
    expect(summaryOf([st(8), st(0)], 'Device-nGRE').hazards).toContain('reorder');
  });
  it('orders only the kinds it names: DMB OSHST does not order a write before a later read', () => {
    expect(relations([st(0), bar('dmb-oshst'), ld(8)], 'Device-nGRE').ordered(0, 1)).toBe(false);
    expect(relations([st(0), bar('dmb-osh'), ld(8)], 'Device-nGRE').ordered(0, 1)).toBe(true);
  });
});

describe('gathering', () => {
  it('never across a 64-byte block, even for contiguous writes', () => {
    const rel = relations([st(56), st(64)], 'Normal-NC');
    expect(rel.canMerge(0, 1)).toBe(false);
    expect(summaryOf([st(56), st(64)], 'Normal-NC').writeTransactions).toEqual({ min: 2, max: 2 });
    expect(relations([st(48), st(56)], 'Normal-NC').canMerge(0, 1)).toBe(true);
  });
  it('is symmetric in its arguments: program order decides, not argument order', () => {
    const rel = relations([st(0), bar('dmb-oshst'), st(8)], 'Normal-NC');
    expect([rel.canMerge(0, 1), rel.canMerge(1, 0)]).toEqual([false, false]);
    const after = relations([ST64B, st(0)], 'Normal-NC');
    expect([after.canMerge(0, 1), after.canMerge(1, 0)]).toEqual([false, false]);
    const before = relations([st(0), ST64B], 'Normal-NC');
    expect([before.canMerge(0, 1), before.canMerge(1, 0)]).toEqual([true, true]);
  });
  it('a group must cover contiguous bytes, whatever the program order of its members', () => {
    const rel = relations([st(0), st(16), st(8)], 'Normal-NC');
    expect(validGroup(rel, [0, 1, 2])).toBe(true);
    expect(validGroup(rel, [0, 1])).toBe(false);
    expect(validGroup(rel, [1, 2])).toBe(true);
    expect(validGroup(rel, [1])).toBe(true);
    expect(summaryOf([st(0), st(16), st(8)], 'Normal-NC').writeTransactions).toEqual({ min: 1, max: 3 });
  });
});

describe('forwarding a read from a buffered write', () => {
  it('only from an earlier write that covers the whole read, with no barrier ordering the two', () => {
    expect(relations([st(0), ld(0)], 'Normal-NC').forwardSource(1)).toBe(0);
    expect(relations([st(0), st(0), ld(0)], 'Normal-NC').forwardSource(2)).toBe(1);
    expect(relations([ld(0), st(0)], 'Normal-NC').forwardSource(0)).toBeNull();
    expect(relations([ld(0), ld(0)], 'Normal-NC').forwardSource(1)).toBeNull();
    expect(relations([st(0, 4), ld(0, 8)], 'Normal-NC').forwardSource(1)).toBeNull();
    expect(relations([st(4, 4), ld(0, 8)], 'Normal-NC').forwardSource(1)).toBeNull();
    expect(relations([st(8), ld(0, 16)], 'Normal-NC').forwardSource(1)).toBeNull();
    expect(relations([st(0, 16), ld(8, 8)], 'Normal-NC').forwardSource(1)).toBe(0);
    expect(relations([st(0), bar('dmb-osh'), ld(0)], 'Normal-NC').forwardSource(1)).toBeNull();
    expect(relations([st(0), bar('dmb-oshst'), ld(0)], 'Normal-NC').forwardSource(1)).toBe(0);
  });
  it('never on a non-gathering type, and never for a write', () => {
    expect(relations([st(0), ld(0)], 'Device-nGnRE').forwardSource(1)).toBeNull();
    expect(relations([st(0), ld(0)], 'Device-GRE').forwardSource(1)).toBe(0);
    expect(relations([st(0), st(0)], 'Normal-NC').forwardSource(1)).toBeNull();
  });
});
