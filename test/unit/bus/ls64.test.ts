import { describe, expect, it } from 'vitest';
import { MEMORY_TYPE_NAMES } from '../../../src/model/arm64/types';
import { type Enumeration, enumerateOutcomes, type Summary, summarize } from '../../../src/model/bus/enumerate';
import { isLs64TargetType, LS64_TARGET_TYPES, nonAtomicSummary, st64bOutcomes } from '../../../src/model/bus/ls64';
import { BUS_MEMORY_TYPES, type BusMemoryType } from '../../../src/model/bus/rules';
import { accessorProgram, type CpuProgram, type Instr } from '../../../src/model/linux/accessors';

const st64b = accessorProgram('st64b', '6.17', 64);
const prog = (instrs: Instr[]): CpuProgram => ({ name: 't', description: 't', instrs, source: 'test' });
function summaryOf(p: CpuProgram, type: BusMemoryType): Summary {
  const r = summarize(p, type);
  if (!r.ok) expect.fail(r.failure.message);
  return r.value;
}
function enumerationOf(p: CpuProgram, type: BusMemoryType): Enumeration {
  const r = enumerateOutcomes(p, type);
  if (!r.ok) expect.fail(r.failure.message);
  return r.value;
}
const kinds = (type: (typeof MEMORY_TYPE_NAMES)[number], supported: boolean, host: '6.17' | '7.0') =>
  st64bOutcomes(type, supported, host).outcomes.map((o) => o.kind);

describe('which memory types ST64B may target (C3.2.8, no FEAT_LS64WB)', () => {
  it('Normal Non-cacheable and the four Device types, Device-GRE included; not the cacheable types', () => {
    expect([...LS64_TARGET_TYPES]).toEqual(['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC']);
    expect(MEMORY_TYPE_NAMES.filter((t) => !isLs64TargetType(t))).toEqual(['Normal-WT', 'Normal-WB']);
  });
});

describe('st64bOutcomes: the allowed outcomes of a guest ST64B', () => {
  it('on a host before 7.0 every case is the UNDEF, whatever the type or location: the trap comes first', () => {
    for (const t of MEMORY_TYPE_NAMES) {
      for (const supported of [true, false]) {
        const c = st64bOutcomes(t, supported, '6.17');
        expect([c.rule, c.outcomes.map((o) => o.kind)]).toEqual(['host-traps', ['undefined-instruction']]);
        const e = c.outcomes[0]?.exception;
        if (e?.kind !== 'undefined-instruction') expect.fail('expected an Undefined Instruction exception');
        expect(e.takenTo).toEqual(['EL1']);
        expect(e.host.offered).toBe(false);
      }
    }
  });
  it('a cacheable type requires the DFSC 0x35 abort, at stage 1 or 2 (IMPLEMENTATION DEFINED), and 7.0 KVM injects the EL2 one', () => {
    for (const t of ['Normal-WT', 'Normal-WB'] as const) {
      for (const supported of [true, false]) {
        const c = st64bOutcomes(t, supported, '7.0');
        expect(c.rule).toBe('memory-type');
        expect(c.outcomes).toHaveLength(1);
        const e = c.outcomes[0]?.exception;
        if (e?.kind !== 'data-abort') expect.fail('expected a data abort');
        expect([e.dfsc, e.cause, e.stages, e.takenTo]).toEqual([0x35, 'memory-type', [1, 2], ['EL1', 'EL2']]);
        expect(e.hostOutcome?.outcome).toBe('inject-dabt-0x35');
        expect(e.rule).toContain('IMPLEMENTATION DEFINED');
      }
    }
  });
  it('an unsupported location allows both CONSTRAINED UNPREDICTABLE outcomes: a stage 1 abort (EL1) or a non-atomic store', () => {
    for (const t of LS64_TARGET_TYPES) {
      const c = st64bOutcomes(t, false, '7.0');
      expect([c.rule, c.outcomes.map((o) => o.kind)]).toEqual(['location', ['non-atomic-write', 'data-abort']]);
      const e = c.outcomes[1]?.exception;
      if (e?.kind !== 'data-abort') expect.fail('expected a data abort');
      expect([e.cause, e.stages, e.takenTo, e.hostOutcome]).toEqual(['location', [1], ['EL1'], null]);
      expect(e.rule).toContain('CONSTRAINED UNPREDICTABLE');
    }
  });
  it('a supported location of a permitted type: one 64-byte single-copy-atomic write', () => {
    for (const t of LS64_TARGET_TYPES) {
      expect(kinds(t, true, '7.0')).toEqual(['atomic-write']);
      expect(st64bOutcomes(t, true, '7.0').rule).toBe('supported');
    }
  });
});

describe('ST64B on the bus', () => {
  it('an aligned ST64B is one access: one 64-byte write on every uncached type', () => {
    for (const t of BUS_MEMORY_TYPES) {
      const e = enumerationOf(st64b, t);
      expect(e.units.map((u) => [u.offset, u.size])).toEqual([[0, 64]]);
      for (const o of e.outcomes) expect(o.transactions.filter((x) => !x.repeat).map((x) => [x.offset, x.size])).toEqual([[0, 64]]);
    }
  });
  it('an unaligned ST64B is an Alignment fault on every type, Normal-NC included (C3.2.8)', () => {
    for (const t of BUS_MEMORY_TYPES) {
      expect(enumerationOf(accessorProgram('st64b', '6.17', 64, 32), t).fault?.reason).toMatch(/^Alignment fault: ST64B at offset 0x20/);
    }
    expect(enumerationOf(accessorProgram('st64b', '6.17', 64, 128), 'Normal-NC').fault).toBeNull();
  });
  it('is not merged with a later store; an earlier store may merge into it (the rule speaks of later stores only)', () => {
    const st = (offset: number): Instr => ({ op: 'store', mnemonic: 'STR', offset, size: 8, element: 8, label: 's' });
    const st64 = accessorProgram('st64b', '6.17', 64).instrs;
    const after = summaryOf(prog([...st64, st(0)]), 'Normal-NC');
    expect(after.writeTransactions).toEqual({ min: 2, max: 2 });
    const before = summaryOf(prog([st(0), ...st64]), 'Normal-NC');
    expect(before.writeTransactions).toEqual({ min: 1, max: 2 });
  });
  it('the accesses of one ST64B may still be gathered with each other', () => {
    const pieces: Instr = { op: 'store', mnemonic: 'ST64B', offset: 0, size: 64, element: 8, label: 'ST64B in 8-byte pieces' };
    expect(summaryOf(prog([pieces]), 'Normal-NC').writeTransactions).toEqual({ min: 1, max: 8 });
  });
});

describe('nonAtomicSummary: an ST64B performed without single-copy atomicity', () => {
  it('is 64 one-byte accesses: 1 to 64 writes where the type gathers, 64 where it does not', () => {
    const expected = {
      'Device-nGnRnE': [{ min: 64, max: 64 }, ['split'], false],
      'Device-nGnRE': [{ min: 64, max: 64 }, ['split', 'early-ack'], false],
      'Device-nGRE': [{ min: 64, max: 64 }, ['split', 'early-ack'], false],
      'Device-GRE': [{ min: 1, max: 64 }, ['split', 'early-ack'], true],
      'Normal-NC': [{ min: 1, max: 64 }, ['split', 'repeat', 'early-ack'], true],
    } as const;
    for (const t of BUS_MEMORY_TYPES) {
      const s = nonAtomicSummary(st64b, t);
      const [n, hazards, whole] = expected[t];
      expect([s.writeTransactions, s.hazards, s.blocks], t).toEqual([
        n,
        hazards,
        [{ offset: 0, canArriveWhole: whole, alwaysWhole: false }],
      ]);
      expect(s.units.every((u) => u.size === 1 && u.instr === 0)).toBe(true);
      expect(s.representative.leastGathered.map((x) => x.size)).toEqual(Array(64).fill(1));
      expect(s.representative.mostGathered.map((x) => [x.offset, x.size])).toEqual(
        whole ? [[0, 64]] : Array.from({ length: 64 }, (_, i) => [i, 1]),
      );
    }
  });
  it('agrees with the general summary where that is small enough to run (the non-gathering types)', () => {
    const bytes: Instr = { op: 'store', mnemonic: 'ST64B', offset: 0, size: 64, element: 1, label: 'ST64B, byte-atomic' };
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE'] as const) {
      const general = summaryOf(prog([bytes]), t);
      const s = nonAtomicSummary(st64b, t);
      expect(s.writeTransactions).toEqual(general.writeTransactions);
      expect(s.hazards).toEqual(general.hazards);
      expect(s.blocks).toEqual(general.blocks);
    }
  });
  it('describes the store wherever it stands in the program', () => {
    const withHint = prog([{ op: 'barrier', barrier: 'dgh', label: 'd' }, ...st64b.instrs]);
    const s = nonAtomicSummary(withHint, 'Normal-NC');
    expect(s.units).toHaveLength(64);
    expect(s.units.every((u) => u.instr === 1 && u.label === st64b.instrs[0]?.label)).toBe(true);
    expect([...s.representative.leastGathered, ...s.representative.mostGathered].every((t) => t.instrs.join() === '1')).toBe(true);
  });
  it('needs a store to describe', () => {
    expect(() => nonAtomicSummary(prog([{ op: 'barrier', barrier: 'dgh', label: 'd' }]), 'Normal-NC')).toThrow(/has no store/);
  });
});
