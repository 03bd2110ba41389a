import { describe, expect, it } from 'vitest';
import { TYPE_SEMANTICS, TYPE_STRICTNESS } from '../../../src/model/arm64/semantics';
import { CACHE_STRICTNESS, DEVICE_STRICTNESS, DEVICE_TYPES, MEMORY_TYPE_NAMES } from '../../../src/model/arm64/types';

describe('memory-type semantics (Arm ARM B2)', () => {
  it('each Device letter relaxes one guarantee: G gathering, R reordering, E early acknowledgement', () => {
    for (const type of DEVICE_TYPES) {
      const t = TYPE_SEMANTICS[type];
      const letters = type.slice('Device-'.length);
      expect(t.gathering, type).toBe(!letters.includes('nG'));
      expect(t.reordering, type).toBe(!letters.includes('nR'));
      expect(t.earlyAck, type).toBe(!letters.includes('nE'));
      expect(t.speculativeReads || t.unaligned, type).toBe(false);
    }
  });

  it('Normal memory allows speculation, merging, reordering and unaligned access', () => {
    for (const type of ['Normal-NC', 'Normal-WT', 'Normal-WB'] as const) {
      expect(Object.values(TYPE_SEMANTICS[type]).every(Boolean), type).toBe(true);
    }
  });

  it('the summary strictness order agrees with the Device and cacheability ranks combine() uses', () => {
    const devices = [...DEVICE_TYPES].sort((a, b) => DEVICE_STRICTNESS[b] - DEVICE_STRICTNESS[a]);
    const normals = (['NC', 'WT', 'WB'] as const)
      .slice()
      .sort((a, b) => CACHE_STRICTNESS[b] - CACHE_STRICTNESS[a])
      .map((c) => `Normal-${c}` as const);
    const byStrictness = [...MEMORY_TYPE_NAMES].sort((a, b) => TYPE_STRICTNESS[b] - TYPE_STRICTNESS[a]);
    expect(byStrictness).toEqual([...devices, ...normals]);
  });
});
