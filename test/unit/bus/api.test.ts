import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMORY_TYPE_NAMES } from '../../../src/model/arm64/types';
import { access, judgeProgram } from '../../../src/model/bus/api';
import { BUS_MEMORY_TYPES } from '../../../src/model/bus/rules';
import { ACCESSOR_INFO, ACCESSOR_KERNELS, ACCESSORS, accessorProgram, type Instr } from '../../../src/model/linux/accessors';
import { atLeast } from '../../../src/model/linux/versions';
import { expectOk } from '../../support/expect-ok';

function result(input: Record<string, unknown>) {
  const r = access(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}
function field(input: unknown) {
  const r = access(input);
  return r.ok ? null : r.error.field;
}

describe('access() validation', () => {
  it('requires bytes for copies: a positive multiple of the element, at most 4096', () => {
    expect(field({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10' })).toBe('bytes');
    expect(field({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 12 })).toBe('bytes');
    expect(field({ accessor: '__iowrite32_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 0 })).toBe('bytes');
    expect(field({ accessor: 'memcpy_toio', memoryType: 'Normal-NC', kernel: '6.10', bytes: 4097 })).toBe('bytes');
    expect(field({ accessor: 'memcpy_toio', memoryType: 'Normal-NC', kernel: '6.10', bytes: '64' })).toBe('bytes');
    expect(field({ accessor: 'memcpy_toio', memoryType: 'Normal-NC', kernel: '6.10', bytes: 7 })).toBeNull();
  });
  it('single accessors: bytes optional, and must equal the width', () => {
    expect(field({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.8', bytes: 8 })).toBe('bytes');
    expect(field({ accessor: 'writeq', memoryType: 'Device-nGnRE', kernel: '6.8', bytes: 8 })).toBeNull();
    expect(field({ accessor: 'readl', memoryType: 'Device-nGnRE', kernel: '6.8' })).toBeNull();
  });
  it('names the field for bad accessor, memory type, kernel and unknown fields', () => {
    expect(field({ accessor: 'iowrite32', memoryType: 'Device-nGnRE', kernel: '6.8' })).toBe('accessor');
    expect(field({ accessor: 'writel', memoryType: 'Normal-WB', kernel: '6.8' })).toBe('memoryType');
    expect(field({ accessor: 'writel', memoryType: 'Device', kernel: '6.8' })).toBe('memoryType');
    for (const kernel of ['5.9', '6.20', '6.10.1', 6.1, 'latest'])
      expect(field({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel })).toBe('kernel');
    expect(field({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.8', fwb: true })).toBe('fwb');
  });
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = access(input);
        return r.ok || r.error.code === 'BAD_INPUT';
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('access() results', () => {
  it('writel: correct on Device-nGnRE; on Normal-NC the read-back may be forwarded', () => {
    const dev = result({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.8' });
    expect(dev.correct).toBe(true);
    expect(dev.programs.map((p) => p.name)).toEqual(['two-writel', 'writel-readl']);
    expect(dev.hazards).toEqual(['early-ack']);
    const nc = result({ accessor: 'writel', memoryType: 'Normal-NC', kernel: '6.8' });
    expect(nc.correct).toBe(false);
    expect(nc.hazards).toContain('forwarded-read');
    expect(nc.hazards).not.toContain('reorder'); // each writel() starts with DMB OSHST
    expect(nc.hazards).not.toContain('merge');
    expect(nc.transactions).toEqual({ min: 1, max: 1 });
  });
  it('Device-nGnRnE has no early acknowledgement', () => {
    expect(result({ accessor: 'writel', memoryType: 'Device-nGnRnE', kernel: '6.8' }).hazards).toEqual([]);
  });
  it('__iowrite64_copy of 64 bytes: 8 writes on Device, 1 to 8 on Normal-NC, correct on both (seed: "functionally correct but slower")', () => {
    const dev = result({ accessor: '__iowrite64_copy', memoryType: 'Device-nGnRE', kernel: '6.10', bytes: 64 });
    const nc = result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 64 });
    expect([dev.correct, dev.transactions]).toEqual([true, { min: 8, max: 8 }]);
    expect([nc.correct, nc.transactions]).toEqual([true, { min: 1, max: 8 }]);
    expect(nc.hazards).toEqual(expect.arrayContaining(['merge', 'reorder']));
    expect(nc.programs[0]?.verdicts[0]?.fastPath).toBe('sometimes');
    expect(dev.programs[0]?.verdicts[0]?.fastPath).toBe('never');
    expect(nc.cost?.relativeTime).toBeGreaterThan(1);
  });
  it('copies of 4096 bytes are summarized per 64-byte block', () => {
    const nc = result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.17', bytes: 4096 });
    expect(nc.transactions).toEqual({ min: 64, max: 512 });
    expect(nc.programs[0]?.complete).toBe(false);
    expect(nc.programs[0]?.outcomes).toHaveLength(2);
    const m = result({ accessor: 'memcpy_toio', memoryType: 'Device-nGnRE', kernel: '5.10', bytes: 13 });
    expect(m.transactions).toEqual({ min: 6, max: 6 });
  });
  it('readl: one read on Device; a speculative second read is allowed on Normal-NC', () => {
    expect(result({ accessor: 'readl', memoryType: 'Device-nGnRE', kernel: '6.8' }).correct).toBe(true);
    const nc = result({ accessor: 'readl', memoryType: 'Normal-NC', kernel: '6.8' });
    expect([nc.correct, nc.hazards]).toEqual([false, ['speculative-read']]);
  });
  it('the timeline has a CPU lane and per-outcome device lanes', () => {
    const r = result({ accessor: 'writel_relaxed', memoryType: 'Normal-NC', kernel: '6.8' });
    const p = r.programs[0];
    expect(p?.cpu.map((c) => c.op)).toEqual(['store', 'store']);
    expect(p?.complete).toBe(true);
    expect(p?.outcomes.length).toBe(p?.outcomeCount);
    expect(p?.outcomes.some((o) => o.transactions.length === 1 && o.transactions[0]?.size === 8)).toBe(true);
  });
});

describe('access(): speculation is a property of the type, not only of the program', () => {
  it('names speculative-read on Normal-NC even for programs that only write, and never on Device', () => {
    for (const accessor of ['writeq', 'writel_relaxed'] as const) {
      const nc = expectOk(access({ accessor, memoryType: 'Normal-NC', kernel: '6.10' }));
      const dev = expectOk(access({ accessor, memoryType: 'Device-GRE', kernel: '6.10' }));
      expect(nc.hazards).toContain('speculative-read');
      expect(dev.hazards).not.toContain('speculative-read');
    }
  });
});

describe('access(): st64b input', () => {
  const base = { accessor: 'st64b', memoryType: 'Normal-NC', kernel: '6.10' } as const;
  it('takes every memory type, the cacheable ones included (they abort); the other accessors still refuse those', () => {
    for (const memoryType of MEMORY_TYPE_NAMES) expect(field({ ...base, memoryType })).toBeNull();
    expect(field({ accessor: 'writel', memoryType: 'Normal-WT', kernel: '6.10' })).toBe('memoryType');
  });
  it('bytes is optional and must be 64', () => {
    expect(expectOk(access(base)).bytes).toBe(64);
    expect(field({ ...base, bytes: 64 })).toBeNull();
    for (const bytes of [8, 32, 128, '64']) expect(field({ ...base, bytes })).toBe('bytes');
  });
  it('hostKernel is a covered release and locationSupportsLs64 a boolean; each error names its field', () => {
    for (const hostKernel of ['5.9', '9.9', '6.10.1', 6.1, null, '']) expect(field({ ...base, hostKernel })).toBe('hostKernel');
    for (const locationSupportsLs64 of ['yes', 1, 0, null, []])
      expect(field({ ...base, locationSupportsLs64 })).toBe('locationSupportsLs64');
    expect(field({ ...base, hostKernel: '6.17', locationSupportsLs64: false })).toBeNull();
  });
  it('hostKernel and locationSupportsLs64 belong to st64b only', () => {
    for (const accessor of ACCESSORS.filter((a) => a !== 'st64b')) {
      const r = access({ accessor, memoryType: 'Normal-NC', kernel: '6.10', bytes: 64, hostKernel: '6.10' });
      if (r.ok) expect.fail(`${accessor} accepted hostKernel`);
      expect([r.error.field, r.error.message]).toEqual(['hostKernel', `hostKernel applies only to st64b, not to ${accessor}`]);
      expect(field({ accessor, memoryType: 'Normal-NC', kernel: '6.10', bytes: 64, locationSupportsLs64: true })).toBe(
        'locationSupportsLs64',
      );
    }
  });
  it('answers any mix of st64b fields, valid or junk, with a result or a BAD_INPUT naming an st64b field', () => {
    const value = fc.oneof(fc.constantFrom(...MEMORY_TYPE_NAMES, ...ACCESSOR_KERNELS, true, false, 64, '7.0', null), fc.anything());
    fc.assert(
      fc.property(
        fc.record({ memoryType: value, kernel: value, bytes: value, hostKernel: value, locationSupportsLs64: value }, { requiredKeys: [] }),
        (fields) => {
          const r = access({ accessor: 'st64b', ...fields });
          if (r.ok) return r.result.accessor === 'st64b' && r.result.ls64 !== null;
          return (
            r.error.code === 'BAD_INPUT' &&
            ['memoryType', 'kernel', 'bytes', 'hostKernel', 'locationSupportsLs64'].includes(r.error.field ?? '')
          );
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

/** access() for st64b on a guest kernel 6.17 under `hostKernel`. */
function st64b(memoryType: string, hostKernel: string, locationSupportsLs64: boolean) {
  return expectOk(access({ accessor: 'st64b', memoryType, kernel: '6.17', hostKernel, locationSupportsLs64 }));
}

describe('access(): st64b in a guest', () => {
  it('defaults the host to the guest kernel; no host before 7.0 offers FEAT_LS64, so the guest takes an UNDEF', () => {
    for (const kernel of ACCESSOR_KERNELS) {
      const r = expectOk(access({ accessor: 'st64b', memoryType: 'Device-nGnRE', kernel }));
      expect(r.ls64?.hostKernel).toBe(kernel);
      expect(r.correct, kernel).toBe(atLeast(kernel, '7.0'));
    }
    const r = expectOk(access({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '6.17', locationSupportsLs64: false }));
    expect([r.correct, r.ls64?.rule, r.ls64?.outcomes, r.hazards]).toEqual([
      false,
      'host-traps',
      ['undefined-instruction'],
      ['speculative-read', 'undef'],
    ]);
    expect([r.transactions, r.cost, r.abort]).toEqual([{ min: 0, max: 0 }, null, null]);
    const lane = r.programs[0]?.outcomes[0];
    expect([lane?.transactions, lane?.ok, lane?.exception?.kind]).toEqual([[], false, 'undefined-instruction']);
    expect(r.programs[0]?.verdicts[0]?.reasons).toEqual([
      'the instruction takes an Undefined Instruction exception and nothing reaches the device',
    ]);
    expect(r.explanation).toContain('does not offer FEAT_LS64 to guests (it does from 7.0)');
  });
  it('on a 7.0 host, Device and Normal-NC at a supporting location: one 64-byte write, the fast path always', () => {
    for (const t of BUS_MEMORY_TYPES) {
      const r = st64b(t, '7.0', true);
      expect([r.correct, r.transactions, r.abort, r.ls64?.outcomes], t).toEqual([true, { min: 1, max: 1 }, null, ['atomic-write']]);
      const p = r.programs[0];
      expect(p?.verdicts[0]?.fastPath).toBe('always');
      expect(p?.complete).toBe(true);
      expect(p?.outcomes.every((o) => o.exception === null && o.transactions.filter((x) => !x.repeat).length === 1)).toBe(true);
      expect([r.cost?.fewest.transactions, r.cost?.most.transactions]).toEqual([1, 1]);
      expect(r.explanation).toContain('not an architectural rule: it is what mlx5 observed on its platforms (commit fd8c8216648c)');
    }
    expect(st64b('Device-nGnRE', '7.0', true).hazards).toEqual(['early-ack']);
    expect(st64b('Device-nGnRnE', '7.0', true).hazards).toEqual([]);
    expect(st64b('Normal-NC', '7.0', true).hazards).toEqual(['repeat', 'speculative-read', 'early-ack']);
  });
  it('gives the single 64-byte write that __iowrite64_copy() only makes likely on Normal-NC', () => {
    const copy = expectOk(access({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.17', bytes: 64 }));
    const st = st64b('Normal-NC', '7.0', true);
    expect([copy.transactions, copy.programs[0]?.verdicts[0]?.fastPath]).toEqual([{ min: 1, max: 8 }, 'sometimes']);
    expect([st.transactions, st.programs[0]?.verdicts[0]?.fastPath]).toEqual([{ min: 1, max: 1 }, 'always']);
  });
  it('a cacheable type on a 7.0 host: the required DFSC 0x35 abort, to EL1 or EL2, and KVM injects the EL2 one', () => {
    const r = st64b('Normal-WB', '7.0', true);
    expect([r.correct, r.transactions, r.cost, r.hazards]).toEqual([false, { min: 0, max: 0 }, null, ['speculative-read', 'abort']]);
    expect([r.abort?.dfsc, r.abort?.cause, r.abort?.takenTo, r.abort?.hostOutcome?.outcome]).toEqual([
      0x35,
      'memory-type',
      ['EL1', 'EL2'],
      'inject-dabt-0x35',
    ]);
    expect(r.programs[0]?.outcomes.map((o) => [o.transactions.length, o.hazards, o.ok, o.exception?.kind])).toEqual([
      [0, ['abort'], false, 'data-abort'],
    ]);
    expect(r.programs[0]?.verdicts[0]).toMatchObject({ ok: false, broken: 1, brokenBy: ['abort'], fastPath: 'never' });
    expect(r.explanation).toContain(
      'Taken to EL2: user_mem_abort() (arch/arm64/kvm/mmu.c) in 7.0: the abort for an LD64B/ST64B has DFSC 0x35 and the memslot is valid, so after the -EFAULT and -ENOEXEC checks KVM injects a data abort with DFSC 0x35 into the guest (kvm_inject_dabt_excl_atomic(), 2937aeec9dc5) and maps nothing.\n',
    );
  });
  it('an unsupported location: either the stage 1 abort or the store without 64-byte atomicity, so not correct', () => {
    const nc = st64b('Normal-NC', '7.0', false);
    expect([nc.correct, nc.transactions, nc.ls64?.outcomes]).toEqual([false, { min: 0, max: 64 }, ['non-atomic-write', 'data-abort']]);
    expect([nc.abort?.cause, nc.abort?.takenTo, nc.abort?.hostOutcome]).toEqual(['location', ['EL1'], null]);
    expect(nc.hazards).toEqual(['split', 'repeat', 'speculative-read', 'early-ack', 'abort']);
    const p = nc.programs[0];
    expect([p?.complete, p?.outcomeCount, p?.verdicts[0]?.fastPath]).toEqual([false, null, 'sometimes']);
    expect(p?.outcomes.map((o) => [o.transactions.length, o.ok, o.exception?.kind ?? null])).toEqual([
      [1, true, null],
      [64, true, null],
      [0, false, 'data-abort'],
    ]);
    expect([nc.cost?.fewest.transactions, nc.cost?.most.transactions]).toEqual([1, 64]);
    const dev = st64b('Device-nGnRE', '7.0', false);
    expect([dev.transactions, dev.programs[0]?.verdicts[0]?.fastPath]).toEqual([{ min: 0, max: 64 }, 'never']);
    expect(dev.programs[0]?.outcomes.map((o) => o.transactions.length)).toEqual([64, 0]);
    expect(dev.programs[0]?.verdicts[0]?.reasons).toContain(
      'performed without single-copy atomicity, the 64 bytes arrive as separate byte writes (the type does not gather)',
    );
  });
  it('explains the case it computed', () => {
    expect(st64b('Device-GRE', '7.1', false).explanation.split('\n').slice(0, 2)).toEqual([
      'st64b on Device-GRE (guest Linux 6.17, host Linux 7.1, a location without 64-byte support): not correct.',
      '- Arm ARM C3.2.8 "Single-copy atomic 64-byte load/store": at a location that does not support ST64B (which locations do is IMPLEMENTATION DEFINED), either a stage 1 Data Abort with DFSC 0x35 or the store performed without single-copy atomicity above the byte level (CONSTRAINED UNPREDICTABLE).',
    ]);
  });
  it('the other accessors carry no st64b facts', () => {
    const r = expectOk(access({ accessor: 'writel', memoryType: 'Normal-NC', kernel: '6.10' }));
    expect([r.abort, r.ls64]).toEqual([null, null]);
    expect(r.programs.every((p) => p.outcomes.every((o) => o.exception === null))).toBe(true);
  });
});

describe('access(): the timeline a component draws', () => {
  const result = (input: Record<string, unknown>) => expectOk(access(input));
  const tx = (offset: number, size: number, from: string[], flags: { repeat?: boolean; speculative?: boolean } = {}) => ({
    kind: 'write',
    offset,
    size,
    from,
    repeat: flags.repeat ?? false,
    speculative: flags.speculative ?? false,
  });
  it('writel and writeq: the programs, their CPU lanes and the one outcome on Device', () => {
    const w = result({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.10' });
    expect(w.programs.map((p) => [p.name, p.device, p.complete, p.outcomeCount])).toEqual([
      ['two-writel', 'doorbell', true, 1],
      ['writel-readl', 'read-back-flush', true, 1],
    ]);
    expect(w.programs[0]?.cpu).toEqual([
      { op: 'barrier', label: 'dma_wmb(): DMB OSHST' },
      { op: 'store', label: 'writel A @0x0: STR (32-bit)' },
      { op: 'barrier', label: 'dma_wmb(): DMB OSHST' },
      { op: 'store', label: 'writel B @0x4: STR (32-bit)' },
    ]);
    expect(w.programs[0]?.outcomes).toEqual([
      {
        transactions: [tx(0, 4, ['writel A @0x0: STR (32-bit)']), tx(4, 4, ['writel B @0x4: STR (32-bit)'])],
        forwarded: [],
        hazards: ['early-ack'],
        ok: true,
        exception: null,
      },
    ]);
    const q = result({ accessor: 'writeq', memoryType: 'Device-nGnRnE', kernel: '6.10' });
    expect(q.programs.map((p) => [p.name, p.cpu.map((c) => c.label)])).toEqual([
      ['two-writeq', ['dma_wmb(): DMB OSHST', 'writeq A @0x0: STR (64-bit)', 'dma_wmb(): DMB OSHST', 'writeq B @0x8: STR (64-bit)']],
    ]);
    expect(q.programs[0]?.outcomes[0]?.transactions.map((t) => [t.offset, t.size])).toEqual([
      [0, 8],
      [8, 8],
    ]);
  });
  it('one program breaking is enough: writel on Device-GRE, whose read-back may be served from the buffered write', () => {
    const r = result({ accessor: 'writel', memoryType: 'Device-GRE', kernel: '6.10' });
    expect([r.correct, r.programs.map((p) => p.ok)]).toEqual([false, [true, false]]);
    const forwarded = r.programs[1]?.outcomes.find((o) => o.forwarded.length > 0);
    expect(forwarded).toEqual({
      transactions: [tx(0, 4, ['writel @0x0: STR (32-bit)'])],
      forwarded: ['readl @0x0: LDR (32-bit)'],
      hazards: ['forwarded-read', 'early-ack'],
      ok: false,
      exception: null,
    });
  });
  it('a merged transaction names every instruction it carries', () => {
    const r = result({ accessor: 'writel_relaxed', memoryType: 'Normal-NC', kernel: '6.10' });
    const merged = r.programs[0]?.outcomes.find((o) => o.hazards.includes('merge'));
    expect(merged?.transactions).toEqual([tx(0, 8, ['writel_relaxed A @0x0: STR (32-bit)', 'writel_relaxed B @0x4: STR (32-bit)'])]);
  });
  it('copies: all outcomes when there are few, the first 24 when more, two representatives when too many to list', () => {
    const few = result({ accessor: '__iowrite64_copy', memoryType: 'Device-GRE', kernel: '6.10', bytes: 24 }).programs[0];
    expect([few?.complete, few?.outcomeCount, few?.outcomes.length]).toEqual([true, 11, 11]);
    expect(few?.outcomes.every((o) => o.ok && o.forwarded.length === 0 && o.exception === null)).toBe(true);
    const more = result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 24 }).programs[0];
    expect([more?.complete, more?.outcomeCount, more?.outcomes.length]).toEqual([false, 38, 24]);
    const lanes = (memoryType: string) =>
      result({ accessor: '__iowrite64_copy', memoryType, kernel: '6.10', bytes: 4096 }).programs[0]?.outcomes.map((o) => [
        o.transactions.length,
        o.transactions[0]?.from.length,
        o.hazards,
        o.ok,
        o.forwarded,
        o.exception,
      ]);
    expect(lanes('Normal-NC')).toEqual([
      [512, 1, [], true, [], null],
      [64, 8, ['merge'], true, [], null],
    ]);
    expect(lanes('Device-nGnRE')).toEqual([
      [512, 1, [], true, [], null],
      [512, 1, [], true, [], null],
    ]);
    expect(
      result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 4096 }).programs[0]?.outcomeCount,
    ).toBeNull();
  });
  it('cost for what writes, none for a read', () => {
    expect(result({ accessor: 'readl', memoryType: 'Device-nGnRE', kernel: '6.10' }).cost).toBeNull();
    const w = result({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.10' }).cost;
    expect([w?.fewest.transactions, w?.most.transactions, w?.relativeTime]).toEqual([1, 1, 1]);
    const c = result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 64 }).cost;
    expect([c?.fewest.transactions, c?.most.transactions]).toEqual([1, 8]);
  });
  it('st64b lanes: the atomic write, the non-atomic pieces and the exception, each as drawn', () => {
    const label = 'ST64B @0x0 (64 bytes, single-copy atomic)';
    const ok = result({ accessor: 'st64b', memoryType: 'Device-nGnRnE', kernel: '7.0' }).programs[0];
    expect([ok?.name, ok?.cpu, ok?.complete, ok?.outcomeCount]).toEqual(['st64b-wc-buffer', [{ op: 'store', label }], true, 1]);
    expect(ok?.outcomes).toEqual([{ transactions: [tx(0, 64, [label])], forwarded: [], hazards: [], ok: true, exception: null }]);
    const loc = result({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '7.0', locationSupportsLs64: false }).programs[0];
    expect(loc?.outcomes.slice(0, 2)).toEqual([
      { transactions: [tx(0, 64, [label])], forwarded: [], hazards: ['early-ack'], ok: true, exception: null },
      {
        transactions: Array.from({ length: 64 }, (_, i) => tx(i, 1, [label])),
        forwarded: [],
        hazards: ['split', 'early-ack'],
        ok: true,
        exception: null,
      },
    ]);
    expect(loc?.outcomes[2]).toMatchObject({ transactions: [], forwarded: [], hazards: ['abort'], ok: false });
    expect(loc?.outcomes[2]?.exception).toMatchObject({ kind: 'data-abort', dfsc: 0x35, cause: 'location', takenTo: ['EL1'] });
    expect(loc?.verdicts[0]).toMatchObject({ ok: false, outcomes: 3, broken: 1, brokenBy: ['abort'] });
    const undef = result({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '6.17' }).programs[0]?.outcomes;
    expect(undef).toEqual([
      {
        transactions: [],
        forwarded: [],
        hazards: ['undef'],
        ok: false,
        exception: {
          kind: 'undefined-instruction',
          takenTo: ['EL1'],
          host: {
            offered: false,
            guest: 'undefined-instruction',
            function: 'handle_other()',
            reason: expect.stringContaining('handle_other() injects it'),
          },
          rule: expect.stringContaining('KVM in 6.17 does not offer FEAT_LS64'),
        },
      },
    ]);
  });
  it('every usage program of every accessor is answered on every uncached type, at the smallest and largest sizes', () => {
    for (const accessor of ACCESSORS) {
      const sizes = ACCESSOR_INFO[accessor].copy ? [ACCESSOR_INFO[accessor].element, 4096] : [undefined];
      for (const memoryType of BUS_MEMORY_TYPES) {
        for (const bytes of sizes)
          expect(access({ accessor, memoryType, kernel: '6.10', bytes }).ok, `${accessor} ${memoryType} ${bytes}`).toBe(true);
      }
    }
  });
  it('says why bytes is required for a copy', () => {
    const r = access({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10' });
    if (r.ok) expect.fail('accepted a copy without bytes');
    expect(r.error.message).toBe('bytes is required for __iowrite64_copy (a positive multiple of 8, at most 4096)');
  });
});

describe('judgeProgram', () => {
  const prog = (instrs: Instr[]) => ({ name: 'p', description: 'a program', instrs, source: 'test' });
  it('an unaligned store on Device: an alignment fault, no outcome, no write', () => {
    expect(
      judgeProgram(prog([{ op: 'store', mnemonic: 'STR', offset: 2, size: 4, element: 4, label: 'u' }]), 'doorbell', 'Device-nGnRE'),
    ).toEqual({
      judgement: {
        name: 'p',
        description: 'a program',
        device: 'doorbell',
        cpu: [{ op: 'store', label: 'u' }],
        source: 'test',
        verdicts: [
          {
            device: 'doorbell',
            ok: false,
            outcomes: 0,
            broken: 0,
            brokenBy: [],
            reasons: [
              'Alignment fault: 4-byte access at offset 0x2 is unaligned, and Device memory requires alignment (Arm ARM "Alignment of data accesses")',
            ],
          },
        ],
        ok: false,
        hazards: [],
        outcomes: [],
        complete: true,
        outcomeCount: 0,
      },
      writeTransactions: { min: 0, max: 0 },
      extremes: { fewest: [], most: [] },
    });
  });
  it('lists every outcome up to 24, and says so; past 24 it lists the first 24 and the count', () => {
    const st = (offset: number): Instr => ({ op: 'store', mnemonic: 'STR', offset, size: 4, element: 4, label: `w${offset}` });
    for (const device of ['doorbell', 'wc-buffer'] as const) {
      const exactly = judgeProgram(prog([st(0), st(8), st(16)]), device, 'Normal-NC');
      if ('error' in exactly) expect.fail(exactly.error);
      expect([exactly.judgement.complete, exactly.judgement.outcomeCount, exactly.judgement.outcomes.length], device).toEqual([
        true,
        24,
        24,
      ]);
      const more = judgeProgram(prog([st(0), st(4), st(8)]), device, 'Normal-NC');
      if ('error' in more) expect.fail(more.error);
      expect([more.judgement.complete, more.judgement.outcomeCount, more.judgement.outcomes.length], device).toEqual([false, 38, 24]);
    }
  });
  it('a program past the limits is a typed error, not a verdict', () => {
    const bytes = Array.from(
      { length: 24 },
      (_, i): Instr => ({ op: 'store', mnemonic: 'STRB', offset: i, size: 1, element: 1, label: 'b' }),
    );
    expect(judgeProgram(prog(bytes), 'wc-buffer', 'Normal-NC')).toEqual({
      error: 'the summary needed more than 200000 steps for one component (too many ways to gather)',
    });
    expect(judgeProgram(accessorProgram('__iowrite64_copy', '6.10', 72), 'doorbell', 'Device-nGnRE')).toEqual({
      error: 'the program makes 9 accesses; the sequence enumerator takes at most 8 (use summarize() for larger programs)',
    });
  });
});
