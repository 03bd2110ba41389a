import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { access } from '../../../src/model/bus/api';
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
