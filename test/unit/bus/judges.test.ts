/**
 * The device models judged on outcomes written by hand, so each rule is seen on its own: what a doorbell,
 * a read-back flush, a side-effecting status read and a write-combining buffer accept.
 */
import { describe, expect, it } from 'vitest';
import { costOf, costRange, DEFAULT_COST } from '../../../src/model/bus/cost';
import { judgeDoorbell, judgeReadBack, judgeReadSideEffect, judgeWcBuffer, verdictOver } from '../../../src/model/bus/devices';
import type { Summary } from '../../../src/model/bus/enumerate';
import type { Hazard, Outcome, Transaction, Unit } from '../../../src/model/bus/types';

const w = (id: number, offset: number, size = 4): Unit => ({ id, instr: id, kind: 'write', offset, size, label: `w${offset}` });
const r = (id: number, offset: number, size = 4): Unit => ({ id, instr: id, kind: 'read', offset, size, label: `r${offset}` });
function t(units: readonly Unit[], ids: number[], flags: { repeat?: boolean; speculative?: boolean } = {}): Transaction {
  const first = units[ids[0] as number] as Unit;
  return {
    kind: first.kind,
    offset: first.offset,
    size: ids.reduce((n, id) => n + (units[id] as Unit).size, 0),
    units: ids,
    instrs: ids.map((id) => (units[id] as Unit).instr),
    repeat: flags.repeat ?? false,
    speculative: flags.speculative ?? false,
  };
}
const outcome = (transactions: Transaction[], forwarded: number[] = [], hazards: Hazard[] = []): Outcome => ({
  transactions,
  forwarded,
  hazards,
});

describe('doorbell: each write once, alone, in program order', () => {
  const units = [w(0, 0), w(1, 4)];
  it('accepts the program as written', () => {
    expect(judgeDoorbell(units, outcome([t(units, [0]), t(units, [1])]))).toEqual({ ok: true, reasons: [] });
  });
  it('names a merge, a repeat, a reorder and a lost write', () => {
    expect(judgeDoorbell(units, outcome([t(units, [0, 1])])).reasons).toEqual([
      'writes 0x0 and 0x4 arrive as one 8-byte write: the device sees one access where the driver made 2',
    ]);
    expect(judgeDoorbell(units, outcome([t(units, [0]), t(units, [1]), t(units, [0], { repeat: true })])).reasons).toEqual([
      'the write to 0x0 arrives twice: the doorbell rings twice',
    ]);
    expect(judgeDoorbell(units, outcome([t(units, [1]), t(units, [0])])).reasons).toEqual([
      'the write to 0x4 arrives before the earlier write to 0x0',
    ]);
    expect(judgeDoorbell(units, outcome([t(units, [0])])).reasons).toEqual(['a write never reaches the device']);
  });
  it('ignores reads: a program read is neither a write to ring nor a write lost', () => {
    const mixed = [w(0, 0), r(1, 8)];
    expect(judgeDoorbell(mixed, outcome([t(mixed, [1], { speculative: true }), t(mixed, [0])]))).toEqual({ ok: true, reasons: [] });
    expect(judgeDoorbell(mixed, outcome([t(mixed, [0])]))).toEqual({ ok: true, reasons: [] });
  });
});

describe('read-back flush: the read reaches the device, after the write', () => {
  const units = [w(0, 0), r(1, 0)];
  it('accepts write then read, whatever speculative reads come first', () => {
    expect(judgeReadBack(units, outcome([t(units, [0]), t(units, [1])]))).toEqual({ ok: true, reasons: [] });
    expect(judgeReadBack(units, outcome([t(units, [1], { speculative: true }), t(units, [0]), t(units, [1])]))).toEqual({
      ok: true,
      reasons: [],
    });
  });
  it('refuses a read served from the buffered write, and a read that overtakes the write', () => {
    expect(judgeReadBack(units, outcome([t(units, [0])], [1])).reasons).toEqual([
      "the read is served from the CPU's buffered write and never reaches the device: it proves nothing about the write",
    ]);
    expect(judgeReadBack(units, outcome([t(units, [1]), t(units, [0])])).reasons).toEqual([
      'the read reaches the device before the write: it does not flush it',
    ]);
  });
  it('finds the write and the read by kind, wherever they are in the program', () => {
    const readFirst = [r(0, 0), w(1, 0)];
    expect(judgeReadBack(readFirst, outcome([t(readFirst, [0]), t(readFirst, [1])])).ok).toBe(false);
    expect(judgeReadBack(readFirst, outcome([t(readFirst, [1]), t(readFirst, [0])])).ok).toBe(true);
  });
  it('follows the first write of the program, not any write', () => {
    const two = [w(0, 0), r(1, 0), w(2, 8)];
    expect(judgeReadBack(two, outcome([t(two, [2]), t(two, [1]), t(two, [0])])).ok).toBe(false);
    expect(judgeReadBack(two, outcome([t(two, [0]), t(two, [1]), t(two, [2])])).ok).toBe(true);
  });
  it('has nothing to judge without both a write and a read', () => {
    const writes = [w(0, 0)];
    expect(judgeReadBack(writes, outcome([t(writes, [0])]))).toEqual({ ok: true, reasons: [] });
    const reads = [r(0, 0)];
    expect(judgeReadBack(reads, outcome([t(reads, [0])]))).toEqual({ ok: true, reasons: [] });
  });
});

describe('read with a side effect: each program read reaches the device exactly once', () => {
  const units = [r(0, 0), r(1, 4)];
  it('accepts one read of each register', () => {
    expect(judgeReadSideEffect(units, outcome([t(units, [0]), t(units, [1])]))).toEqual({ ok: true, reasons: [] });
  });
  it('counts a speculative read of the same register, and a register never read', () => {
    expect(judgeReadSideEffect(units, outcome([t(units, [0], { speculative: true }), t(units, [0]), t(units, [1])])).reasons).toEqual([
      'the register at 0x0 is read 2 times (a speculative read): its side effect happens 2 times',
    ]);
    expect(judgeReadSideEffect(units, outcome([t(units, [0])])).reasons).toEqual(['the register at 0x4 is never read by the device']);
  });
  it('does not count writes as reads', () => {
    const mixed = [w(0, 0), r(1, 0)];
    expect(judgeReadSideEffect(mixed, outcome([t(mixed, [0]), t(mixed, [1])]))).toEqual({ ok: true, reasons: [] });
  });
});

describe('verdictOver: one verdict from all allowed outcomes', () => {
  it('counts the broken outcomes, collects their hazards but early-ack, and lists each reason once', () => {
    const outcomes = [outcome([], [], ['early-ack']), outcome([], [], ['merge', 'early-ack']), outcome([], [], ['repeat'])];
    const judge = (o: Outcome) =>
      o.hazards.includes('early-ack') && o.hazards.length === 1 ? { ok: true, reasons: [] } : { ok: false, reasons: ['bad', 'worse'] };
    expect(verdictOver('doorbell', outcomes, judge)).toEqual({
      device: 'doorbell',
      ok: false,
      outcomes: 3,
      broken: 2,
      brokenBy: ['merge', 'repeat'],
      reasons: ['bad', 'worse'],
    });
    expect(verdictOver('doorbell', outcomes.slice(0, 1), judge)).toEqual({
      device: 'doorbell',
      ok: true,
      outcomes: 1,
      broken: 0,
      brokenBy: [],
      reasons: [],
    });
  });
});

describe('write-combining buffer: always correct; the fast path needs each 64-byte block whole', () => {
  const summary = (blocks: Summary['blocks']): Summary => ({
    memoryType: 'Normal-NC',
    units: [],
    fault: null,
    writeTransactions: { min: 1, max: 1 },
    hazards: [],
    blocks,
    representative: { leastGathered: [], mostGathered: [] },
  });
  const whole = { offset: 0, canArriveWhole: true, alwaysWhole: true };
  const maybe = { offset: 64, canArriveWhole: true, alwaysWhole: false };
  const never = { offset: 128, canArriveWhole: false, alwaysWhole: false };
  const base = { device: 'wc-buffer', ok: true, outcomes: 0, broken: 0, brokenBy: [] };
  it('always only when every block always arrives whole', () => {
    expect(judgeWcBuffer(summary([whole, { ...whole, offset: 64 }]))).toEqual({ ...base, reasons: [], fastPath: 'always' });
  });
  it('sometimes when every block can arrive whole', () => {
    expect(judgeWcBuffer(summary([whole, maybe]))).toEqual({
      ...base,
      reasons: ["whether a block arrives as one transaction is up to the CPU's write combining: fast path possible, not guaranteed"],
      fastPath: 'sometimes',
    });
  });
  it('never when a block cannot, or when nothing is written', () => {
    const slow = {
      ...base,
      reasons: ['no allowed outcome delivers a 64-byte block as one transaction: the device takes its slow path (correct, slower)'],
      fastPath: 'never',
    };
    expect(judgeWcBuffer(summary([whole, never]))).toEqual(slow);
    expect(judgeWcBuffer(summary([]))).toEqual(slow);
  });
});

describe('cost of an outcome', () => {
  const write = (offset: number, size: number, flags: { repeat?: boolean; speculative?: boolean; kind?: 'read' | 'write' } = {}) => ({
    kind: flags.kind ?? ('write' as const),
    offset,
    size,
    repeat: flags.repeat ?? false,
    speculative: flags.speculative ?? false,
  });
  it('counts the program writes only: not reads, repeats or speculative reads', () => {
    const c = costOf([
      write(0, 8),
      write(8, 8, { repeat: true }),
      write(0, 8, { kind: 'read' }),
      write(0, 8, { kind: 'read', speculative: true }),
    ]);
    expect(c).toEqual({ transactions: 1, payloadBytes: 8, wireBytes: 34, efficiency: 8 / 34, timeNs: 34 });
  });
  it('time is the per-transaction time plus the wire bytes over the link rate', () => {
    expect(costOf([write(0, 64)], { ...DEFAULT_COST, bytesPerNs: 2, perTransactionNs: 10 }).timeNs).toBe(10 + 90 / 2);
  });
  it('nothing written costs nothing, and is no slower than itself', () => {
    expect(costOf([])).toEqual({ transactions: 0, payloadBytes: 0, wireBytes: 0, efficiency: 0, timeNs: 0 });
    expect(costRange([], [write(0, 8)]).relativeTime).toBe(1);
    expect(costRange([write(0, 64)], [write(0, 8), write(8, 8)]).relativeTime).toBeCloseTo(68 / 90, 6);
  });
});
