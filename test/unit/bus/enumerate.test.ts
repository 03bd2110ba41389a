import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EnumerateOptions,
  type Enumeration,
  enumerateOutcomes,
  LIMITS,
  type Summary,
  summarize,
} from '../../../src/model/bus/enumerate';
import { BUS_MEMORY_TYPES, type BusMemoryType } from '../../../src/model/bus/rules';
import type { Outcome } from '../../../src/model/bus/types';
import {
  accessorProgram,
  type CpuProgram,
  contrastProgram,
  type Instr,
  readInstrs,
  relaxedWriteInstrs,
  writeInstrs,
} from '../../../src/model/linux/accessors';

const prog = (instrs: Instr[]): CpuProgram => ({ name: 't', description: 't', instrs, source: 'test' });
function enumerationOf(p: CpuProgram, type: BusMemoryType, options: EnumerateOptions = {}): Enumeration {
  const r = enumerateOutcomes(p, type, options);
  if (!r.ok) expect.fail(`enumeration failed: ${r.failure.message}`);
  return r.value;
}
const outcomes = (instrs: Instr[], type: BusMemoryType): readonly Outcome[] => enumerationOf(prog(instrs), type).outcomes;
function summaryOf(p: CpuProgram, type: BusMemoryType): Summary {
  const r = summarize(p, type);
  if (!r.ok) expect.fail(`summary failed: ${r.failure.message}`);
  return r.value;
}
const writesOf = (o: Outcome) => o.transactions.filter((t) => t.kind === 'write' && !t.repeat);
const twoWritel = [...writeInstrs(4, 0, 'A'), ...writeInstrs(4, 4, 'B')];
const writelReadl = [...writeInstrs(4, 0, 'W'), ...readInstrs(0, 'R')];
const twoRelaxed = [...relaxedWriteInstrs(0, 'A'), ...relaxedWriteInstrs(4, 'B')];

describe('enumerated outcomes', () => {
  it('two writel()s stay ordered and separate on Device-nGnRE and on Normal-NC (DMB OSHST before each store)', () => {
    for (const type of ['Device-nGnRE', 'Normal-NC'] as const) {
      for (const o of outcomes(twoWritel, type)) {
        const w = writesOf(o);
        expect(w.map((t) => t.offset)).toEqual([0, 4]);
        expect(w.every((t) => t.size === 4)).toBe(true);
      }
    }
  });
  it('on Device-nGnRE exactly one outcome: the program itself', () => {
    const os = outcomes(twoWritel, 'Device-nGnRE');
    expect(os).toHaveLength(1);
    expect(os[0]?.transactions.map((t) => `${t.kind}@${t.offset}/${t.size}`)).toEqual(['write@0/4', 'write@4/4']);
  });
  it('writel(); readl(): on Normal-NC some outcome has the read not reach the device after the write; on Device-nGnRE none', () => {
    const readAfterWrite = (o: Outcome) => {
      const w = o.transactions.findIndex((t) => t.kind === 'write');
      const r = o.transactions.findIndex((t) => t.kind === 'read' && !t.speculative);
      return r > w && w >= 0;
    };
    expect(outcomes(writelReadl, 'Device-nGnRE').every(readAfterWrite)).toBe(true);
    const nc = outcomes(writelReadl, 'Normal-NC');
    expect(nc.some((o) => !readAfterWrite(o))).toBe(true);
    expect(nc.some((o) => o.forwarded.length === 1 && o.hazards.includes('forwarded-read'))).toBe(true);
  });
  it('writel() then readl() of another register: Device-nGRE may perform the read first, Device-nGnRE may not', () => {
    const other = [...writeInstrs(4, 0, 'W'), ...readInstrs(8, 'R')];
    const first = (o: Outcome) => o.transactions[0]?.kind === 'read';
    expect(outcomes(other, 'Device-nGRE').some(first)).toBe(true);
    expect(outcomes(other, 'Device-nGnRE').some(first)).toBe(false);
  });
  it('two writel_relaxed() may merge into one 8-byte write on Normal-NC and Device-GRE, never on nG types', () => {
    const merged = (o: Outcome) => writesOf(o).some((t) => t.size === 8 && t.units.length === 2);
    expect(outcomes(twoRelaxed, 'Normal-NC').some(merged)).toBe(true);
    expect(outcomes(twoRelaxed, 'Device-GRE').some(merged)).toBe(true);
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE'] as const) expect(outcomes(twoRelaxed, t).some(merged)).toBe(false);
  });
  it('gathering never crosses a barrier that orders the two writes', () => {
    const withBarrier = [
      ...relaxedWriteInstrs(0, 'A'),
      { op: 'barrier', barrier: 'dmb-oshst', label: 'b' } as Instr,
      ...relaxedWriteInstrs(4, 'B'),
    ];
    expect(outcomes(withBarrier, 'Normal-NC').some((o) => o.hazards.includes('merge'))).toBe(false);
    const withDgh = [...relaxedWriteInstrs(0, 'A'), { op: 'barrier', barrier: 'dgh', label: 'h' } as Instr, ...relaxedWriteInstrs(4, 'B')];
    expect(outcomes(withDgh, 'Normal-NC').some((o) => o.hazards.includes('merge'))).toBe(true); // DGH is only a hint
  });
  it('gathered transactions stay inside one aligned 64-byte block', () => {
    const straddle = [...relaxedWriteInstrs(60, 'A'), ...relaxedWriteInstrs(64, 'B')];
    expect(outcomes(straddle, 'Normal-NC').some((o) => o.hazards.includes('merge'))).toBe(false);
  });
  it('readl() on Normal-NC admits a speculative extra read; on Device never', () => {
    expect(outcomes(readInstrs(0, 'R'), 'Normal-NC').some((o) => o.hazards.includes('speculative-read'))).toBe(true);
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE'] as const) {
      expect(outcomes(readInstrs(0, 'R'), t)).toHaveLength(1);
    }
  });
  it('repeats appear only on Normal-NC, and only when the Linux WC contract is on', () => {
    expect(outcomes(twoWritel, 'Normal-NC').some((o) => o.hazards.includes('repeat'))).toBe(true);
    expect(enumerationOf(prog(twoWritel), 'Normal-NC', { repeats: false }).outcomes).toHaveLength(1);
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE'] as const)
      expect(outcomes(twoWritel, t).some((o) => o.hazards.includes('repeat'))).toBe(false);
  });
  it('early-ack: every write outcome on E types, none on Device-nGnRnE', () => {
    expect(outcomes(twoWritel, 'Device-nGnRnE').some((o) => o.hazards.includes('early-ack'))).toBe(false);
    expect(outcomes(twoWritel, 'Device-nGnRE').every((o) => o.hazards.includes('early-ack'))).toBe(true);
  });
  it('an unaligned store faults on Device and may be split on Normal-NC', () => {
    const unaligned: Instr[] = [{ op: 'store', mnemonic: 'STR', offset: 2, size: 4, element: 4, label: 'u' }];
    expect(enumerationOf(prog(unaligned), 'Device-nGnRE').fault?.reason).toMatch(/Alignment fault/);
    const nc = outcomes(unaligned, 'Normal-NC');
    expect(nc.some((o) => o.hazards.includes('split'))).toBe(true);
    expect(nc.some((o) => writesOf(o).length === 1 && writesOf(o)[0]?.size === 4)).toBe(true);
  });
  it('lists outcomes in the documented order: the in-order outcome first, then by number of hazards', () => {
    // writel() then readl() of the same register on Normal-NC, read by hand: one repeat of the write, one
    // speculative read before the program's read, and the read served from the buffered write.
    const sig = (o: Outcome) =>
      `${o.transactions.map((t) => `${t.kind[0]}${t.offset}/${t.size}${t.repeat ? 'R' : ''}${t.speculative ? 'S' : ''}`).join(' ')}${
        o.forwarded.length > 0 ? ' +fwd' : ''
      }`;
    const listed = outcomes(writelReadl, 'Normal-NC');
    expect(listed.map(sig)).toEqual([
      'w0/4 r0/4',
      'r0/4S w0/4 r0/4',
      'w0/4 r0/4S r0/4',
      'w0/4 w0/4R r0/4',
      'w0/4 +fwd',
      'r0/4S w0/4 w0/4R r0/4',
      'r0/4S w0/4 +fwd',
      'w0/4 w0/4R r0/4S r0/4',
      'w0/4 w0/4R +fwd',
      'r0/4S w0/4 w0/4R +fwd',
    ]);
    const counts = listed.map((o) => o.hazards.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});

describe('__iowrite64_copy of 64 bytes', () => {
  const copy = accessorProgram('__iowrite64_copy', '6.10', 64);
  it('reaches Device-nGnRE as exactly eight 8-byte writes in order', () => {
    const r = enumerateOutcomes(copy, 'Device-nGnRE');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.outcomes).toHaveLength(1);
    expect(r.value.outcomes[0]?.transactions.map((t) => [t.offset, t.size])).toEqual([0, 8, 16, 24, 32, 40, 48, 56].map((o) => [o, 8]));
  });
  it('reaches Normal-NC possibly as one 64-byte write, possibly as eight', () => {
    const s = summarize(copy, 'Normal-NC');
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.writeTransactions).toEqual({ min: 1, max: 8 });
    expect(s.value.representative.mostGathered.map((t) => [t.offset, t.size])).toEqual([[0, 64]]);
    expect(s.value.blocks).toEqual([{ offset: 0, canArriveWhole: true, alwaysWhole: false }]);
  });
  it('DGH changes no allowed outcome: 6.9 and 6.10 summaries agree', () => {
    for (const t of BUS_MEMORY_TYPES) {
      const a = summaryOf(accessorProgram('__iowrite64_copy', '6.9', 256), t);
      const b = summaryOf(accessorProgram('__iowrite64_copy', '6.10', 256), t);
      expect(b.writeTransactions).toEqual(a.writeTransactions);
      expect(b.hazards).toEqual(a.hazards);
      expect(b.blocks).toEqual(a.blocks);
    }
    // And what they agree on: four 64-byte blocks, each gatherable whole only where the type gathers.
    expect(summaryOf(accessorProgram('__iowrite64_copy', '6.9', 256), 'Normal-NC').writeTransactions).toEqual({ min: 4, max: 32 });
    expect(summaryOf(accessorProgram('__iowrite64_copy', '6.9', 256), 'Device-nGRE').writeTransactions).toEqual({ min: 32, max: 32 });
  });
  it('a single ST64B arrives as one 64-byte write on every type', () => {
    for (const t of BUS_MEMORY_TYPES) {
      const s = summaryOf(contrastProgram('st64b'), t);
      expect(s.writeTransactions).toEqual({ min: 1, max: 1 });
      expect(s.representative.mostGathered.map((x) => [x.offset, x.size])).toEqual([[0, 64]]);
    }
  });
  it('four STP reach Device-nGnRE as eight 8-byte writes (each STP is two accesses)', () => {
    const r = enumerationOf(contrastProgram('stp_copy64'), 'Device-nGnRE');
    // The two accesses of one STP have no program order between them: 2^4 orders, the STPs themselves in order.
    expect(r.outcomes).toHaveLength(16);
    for (const o of r.outcomes) {
      expect(o.transactions.map((t) => t.size)).toEqual(Array(8).fill(8));
      expect(o.transactions.map((t) => Math.floor(t.offset / 16))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
      expect(o.hazards).toContain('split');
    }
  });
});

describe('limits', () => {
  it('more accesses than the sequence limit is a typed failure', () => {
    const many = Array.from({ length: LIMITS.maxUnits + 1 }, (_, i) => relaxedWriteInstrs(i * 4, 'w')).flat();
    const r = enumerateOutcomes(prog(many), 'Device-nGnRE');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure.kind).toBe('too-many-accesses');
  });
  it('too many outcomes is a typed failure, not a hang', () => {
    const r = enumerateOutcomes(accessorProgram('__iowrite64_copy', '6.10', 64), 'Normal-NC');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['too-many-outcomes', 'too-many-steps']).toContain(r.failure.kind);
  });
  it('a summary beyond its limit is a typed failure', () => {
    const bytes = Array.from(
      { length: 24 },
      (_, i): Instr => ({ op: 'store', mnemonic: 'STRB', offset: i, size: 1, element: 1, label: 'b' }),
    );
    const r = summarize(prog(bytes), 'Normal-NC');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure.kind).toBe('too-many-steps');
  });
});

describe('summary agrees with the enumeration on small programs', () => {
  const instr = fc.oneof(
    fc.record({ kind: fc.constantFrom('w', 'r'), slot: fc.integer({ min: 0, max: 5 }), size: fc.constantFrom(4, 8) }),
    fc.record({ kind: fc.constant('b'), barrier: fc.constantFrom('dmb-oshst', 'dmb-oshld', 'dmb-osh', 'dgh') }),
  );
  it('min/max write transactions and merge/reorder/forwarded-read match', () => {
    fc.assert(
      fc.property(fc.array(instr, { minLength: 1, maxLength: 5 }), fc.constantFrom(...BUS_MEMORY_TYPES), (spec, type) => {
        const instrs: Instr[] = spec.map((s): Instr => {
          if (s.kind === 'b') return { op: 'barrier', barrier: (s as { barrier: 'dgh' }).barrier, label: 'b' };
          const { slot, size } = s as { slot: number; size: number };
          const offset = slot * 8;
          return s.kind === 'w'
            ? { op: 'store', mnemonic: 'STR', offset, size, element: size, label: 'w' }
            : { op: 'load', mnemonic: 'LDR', offset, size, label: 'r' };
        });
        const e = enumerateOutcomes(prog(instrs), type, { repeats: false, speculation: false });
        const s = summarize(prog(instrs), type, { repeats: false, speculation: false });
        if (!e.ok || !s.ok) return true; // over a limit: nothing to compare
        const counts = e.value.outcomes.map((o) => writesOf(o).length);
        expect(s.value.writeTransactions).toEqual({ min: Math.min(...counts), max: Math.max(...counts) });
        for (const h of ['merge', 'reorder', 'forwarded-read'] as const)
          expect(s.value.hazards.includes(h)).toBe(e.value.hazards.includes(h));
        return true;
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
