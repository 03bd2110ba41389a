import { describe, expect, it } from 'vitest';
import { combine, decodeMair, decodeS2, MEMORY_TYPE_NAMES } from '../../../src/model';
import { memoryClass, memoryClassOfName, s2MemoryClass } from '../../../src/model/arm64/memory-class';
import { expectOk as ok } from '../../support/expect-ok';

describe('memoryClass: one classifier for every place a type appears', () => {
  it('Device types are device; Normal is non-cacheable only when both sides are NC', () => {
    expect(memoryClass({ memoryType: 'Device-GRE', inner: null, outer: null })).toBe('device');
    expect(memoryClass({ memoryType: 'Normal', inner: 'NC', outer: 'NC' })).toBe('non-cacheable');
    expect(memoryClass({ memoryType: 'Normal', inner: 'NC', outer: 'WB' })).toBe('cacheable');
    expect(memoryClass({ memoryType: 'Normal', inner: 'WT', outer: 'NC' })).toBe('cacheable');
  });

  it('summary names are classed as the attributes they stand for', () => {
    expect(MEMORY_TYPE_NAMES.map(memoryClassOfName)).toEqual([
      'device',
      'device',
      'device',
      'device',
      'non-cacheable',
      'cacheable',
      'cacheable',
    ]);
  });

  it('a decoded MAIR byte (0x4F: inner WB, outer NC) is cacheable although it has no summary name', () => {
    const d = ok(decodeMair({ mair: 0x4f }));
    expect(d.summary).toBeNull();
    expect(memoryClass(d)).toBe('cacheable');
  });

  it('combined results: NC under stage-2 Normal-NC, Device under stage-2 Device', () => {
    expect(memoryClass(ok(combine({ s1Mair: 0xff, s2MemAttr: 0x5 })))).toBe('non-cacheable');
    expect(memoryClass(ok(combine({ s1Mair: 0xff, s2MemAttr: 0x1 })))).toBe('device');
  });

  it('stage-2 values: FWB 0b101 is non-cacheable, 0b110 cacheable, 0b111 names no type', () => {
    const s2 = (memAttr: number, fwb: boolean) => s2MemoryClass(ok(decodeS2({ memAttr, fwb })));
    expect(s2(0x1, false)).toBe('device');
    expect(s2(0x5, false)).toBe('non-cacheable');
    expect(s2(0xf, false)).toBe('cacheable');
    expect(s2(0x7, false)).toBe('cacheable'); // outer NC, inner WB
    expect(s2(0x5, true)).toBe('non-cacheable');
    expect(s2(0x6, true)).toBe('cacheable');
    expect(s2(0x7, true)).toBeNull();
  });

  it('every stage-2 Device value is device, with or without FWB', () => {
    const s2 = (memAttr: number, fwb: boolean) => s2MemoryClass(ok(decodeS2({ memAttr, fwb })));
    expect([0, 1, 2, 3].flatMap((v) => [s2(v, false), s2(v, true)])).toEqual(Array(8).fill('device'));
  });
});
