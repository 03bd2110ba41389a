import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/model/arm64/api';
import { TYPE_SEMANTICS, TYPE_STRICTNESS } from '../../../src/model/arm64/semantics';
import type { MemoryTypeName } from '../../../src/model/arm64/types';
import { DEVICE_TYPES, MEMORY_TYPE_NAMES } from '../../../src/model/arm64/types';
import { expectOk } from '../../support/expect-ok';

describe('memory-type semantics (Arm ARM B2)', () => {
  it('each Device letter relaxes one guarantee: G gathering, R reordering, E early acknowledgement', () => {
    for (const type of DEVICE_TYPES) {
      const t = TYPE_SEMANTICS[type];
      const letters = type.slice('Device-'.length);
      expect(t.gathering, type).toBe(!letters.includes('nG'));
      expect(t.reordering, type).toBe(!letters.includes('nR'));
      expect(t.earlyAck, type).toBe(!letters.includes('nE'));
      expect(t.speculativeReads, type).toBe(false);
      expect(t.unaligned, type).toBe(false);
    }
  });

  it('Normal memory allows speculation, merging, reordering and unaligned access', () => {
    for (const type of ['Normal-NC', 'Normal-WT', 'Normal-WB'] as const) {
      expect(TYPE_SEMANTICS[type], type).toEqual({
        gathering: true,
        reordering: true,
        earlyAck: true,
        speculativeReads: true,
        unaligned: true,
      });
    }
  });
});

describe('TYPE_STRICTNESS, the summary order', () => {
  // One MAIR byte and one stage-2 MemAttr (FWB off) for each summary type.
  const MAIR = {
    'Device-nGnRnE': 0x00,
    'Device-nGnRE': 0x04,
    'Device-nGRE': 0x08,
    'Device-GRE': 0x0c,
    'Normal-NC': 0x44,
    'Normal-WT': 0xbb,
    'Normal-WB': 0xff,
  } as const satisfies Record<MemoryTypeName, number>;
  const S2 = {
    'Device-nGnRnE': 0x0,
    'Device-nGnRE': 0x1,
    'Device-nGRE': 0x2,
    'Device-GRE': 0x3,
    'Normal-NC': 0x5,
    'Normal-WT': 0xa,
    'Normal-WB': 0xf,
  } as const satisfies Record<MemoryTypeName, number>;

  it('ranks every type apart, the Device types from nGnRnE down, then NC, WT, WB', () => {
    const byStrictness = [...MEMORY_TYPE_NAMES].sort((a, b) => TYPE_STRICTNESS[b] - TYPE_STRICTNESS[a]);
    expect(byStrictness).toEqual(['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-WT', 'Normal-WB']);
    expect(new Set(Object.values(TYPE_STRICTNESS)).size).toBe(MEMORY_TYPE_NAMES.length);
  });

  it('is the order combine() follows: two summary types at FWB off combine to the stricter of the two', () => {
    for (const a of MEMORY_TYPE_NAMES) {
      for (const b of MEMORY_TYPE_NAMES) {
        const stricter = TYPE_STRICTNESS[a] >= TYPE_STRICTNESS[b] ? a : b;
        expect(expectOk(combine({ s1Mair: MAIR[a], s2MemAttr: S2[b] })).summary, `stage 1 ${a}, stage 2 ${b}`).toBe(stricter);
      }
    }
  });
});
