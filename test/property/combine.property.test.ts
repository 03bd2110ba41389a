import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CombineResult } from '../../src/model/arm64/api';
import { combine, decodeMair, decodeS2 } from '../../src/model/arm64/api';
import { type MemoryTypeName, SHAREABILITIES } from '../../src/model/arm64/types';
import { expectOk } from '../support/expect-ok';

// The Arm ARM's orders, written here rather than taken from the model: a Device type is stricter
// the more of G, R and E it forbids; a Normal side NC over WT over WB.
const DEVICE_RANK = { 'Device-GRE': 0, 'Device-nGRE': 1, 'Device-nGnRE': 2, 'Device-nGnRnE': 3 } as const;
const CACHE_RANK = { WB: 0, WT: 1, NC: 2 } as const;

const definedMair = fc.integer({ min: 0, max: 255 }).filter((b) => decodeMair({ mair: b }).ok);
const definedS2 = fc.integer({ min: 0, max: 15 }).filter((v) => decodeS2({ memAttr: v }).ok);
const sh = fc.constantFrom(...SHAREABILITIES);

/** Strictness of a type: any Device above any Normal; Device types by G/R/E. */
function typeRank(memoryType: string): number {
  return memoryType === 'Normal' ? 0 : 1 + DEVICE_RANK[memoryType as keyof typeof DEVICE_RANK];
}

/** The stage-2 value's own memory type and cacheability, FWB off. */
function s2Strictness(v: number): { type: number; inner: number; outer: number } {
  const r = expectOk(decodeS2({ memAttr: v }));
  if (r.kind === 'Device') return { type: typeRank(r.device as string), inner: 3, outer: 3 };
  return { type: 0, inner: CACHE_RANK[r.inner ?? 'WB'], outer: CACHE_RANK[r.outer ?? 'WB'] };
}

function s1Strictness(b: number): { type: number; inner: number; outer: number } {
  const r = expectOk(decodeMair({ mair: b }));
  if (r.memoryType !== 'Normal') return { type: typeRank(r.memoryType), inner: 3, outer: 3 };
  return { type: 0, inner: CACHE_RANK[r.inner ?? 'WB'], outer: CACHE_RANK[r.outer ?? 'WB'] };
}

function resultStrictness(r: CombineResult) {
  if (r.memoryType !== 'Normal') return { type: typeRank(r.memoryType), inner: 3, outer: 3 };
  return { type: 0, inner: CACHE_RANK[r.inner ?? 'WB'], outer: CACHE_RANK[r.outer ?? 'WB'] };
}

function run(s1Mair: number, s2MemAttr: number, extra: object = {}): CombineResult {
  return expectOk(combine({ s1Mair, s2MemAttr, ...extra }));
}

function atLeast(a: { type: number; inner: number; outer: number }, b: { type: number; inner: number; outer: number }): boolean {
  if (a.type !== b.type) return a.type > b.type;
  if (a.type > 0) return true;
  return a.inner >= b.inner && a.outer >= b.outer;
}

describe('laws of combining (FWB off)', () => {
  it('the result is never less restrictive than either stage, in type or cacheability', () => {
    fc.assert(
      fc.property(definedMair, definedS2, sh, sh, (s1, s2, s1Sh, s2Sh) => {
        const r = resultStrictness(run(s1, s2, { s1Sh, s2Sh }));
        expect(atLeast(r, s1Strictness(s1))).toBe(true);
        expect(atLeast(r, s2Strictness(s2))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('making either stage stricter never makes the result less restrictive', () => {
    fc.assert(
      fc.property(definedMair, definedMair, definedS2, definedS2, (a1, b1, a2, b2) => {
        // Order each pair so that the first is at least as strict; skip incomparable pairs.
        if (!atLeast(s1Strictness(a1), s1Strictness(b1)) || !atLeast(s2Strictness(a2), s2Strictness(b2))) return;
        expect(atLeast(resultStrictness(run(a1, a2)), resultStrictness(run(b1, b2)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('allocation hints and transience always come from stage 1', () => {
    fc.assert(
      fc.property(definedMair, definedS2, (s1, s2) => {
        const r = run(s1, s2);
        const d = expectOk(decodeMair({ mair: s1 }));
        if (r.memoryType !== 'Normal' || d.memoryType !== 'Normal') return;
        if (r.inner !== 'NC') expect([r.innerAlloc, r.innerTransient]).toEqual([d.innerAlloc, d.innerTransient]);
        if (r.outer !== 'NC') expect([r.outerAlloc, r.outerTransient]).toEqual([d.outerAlloc, d.outerTransient]);
      }),
    );
  });
});

describe('laws of combining (FWB off and on)', () => {
  it('Device and Normal iNC/oNC results are Outer Shareable', () => {
    fc.assert(
      fc.property(
        definedMair,
        fc.integer({ min: 0, max: 15 }),
        fc.boolean(),
        sh,
        sh,
        fc.boolean(),
        (s1, s2, fwb, s1Sh, s2Sh, s1EffectiveSh) => {
          const a = combine({ s1Mair: s1, s2MemAttr: s2, fwb, s1Sh, s2Sh, s1EffectiveSh });
          if (!a.ok) return;
          const r = a.result;
          if (r.memoryType !== 'Normal' || (r.inner === 'NC' && r.outer === 'NC')) expect(r.shareability).toBe('OSH');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('FWB 0b111 keeps stage 1 memory type and cacheability', () => {
    fc.assert(
      fc.property(definedMair, (s1) => {
        const r = run(s1, 0b111, { fwb: true });
        const d = expectOk(decodeMair({ mair: s1 }));
        expect([r.memoryType, r.inner, r.outer, r.innerAlloc, r.outerAlloc]).toEqual([
          d.memoryType,
          d.inner,
          d.outer,
          d.innerAlloc,
          d.outerAlloc,
        ]);
      }),
    );
  });

  it('FWB 0b110 always gives Normal iWB/oWB, and the 0x1 and 0x5 results do not depend on FWB', () => {
    fc.assert(
      fc.property(definedMair, sh, sh, (s1, s1Sh, s2Sh) => {
        expect(run(s1, 0b110, { fwb: true }).summary).toBe<MemoryTypeName>('Normal-WB');
        for (const v of [0x1, 0x5]) {
          const { rule: _a, explanation: _b, ...on } = run(s1, v, { fwb: true, s1Sh, s2Sh });
          const { rule: _c, explanation: _d, ...off } = run(s1, v, { s1Sh, s2Sh });
          expect(on).toEqual(off);
        }
      }),
    );
  });
});
