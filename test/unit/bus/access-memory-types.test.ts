import { describe, expect, it } from 'vitest';
import { ACCESSOR_INFO, ACCESSORS, access, accessMemoryTypes, BUS_MEMORY_TYPES, MEMORY_TYPE_NAMES } from '../../../src/model';

/** A valid access() input for every accessor: copies take one 64-byte block. */
const inputFor = (accessor: (typeof ACCESSORS)[number], memoryType: string) =>
  ACCESSOR_INFO[accessor].copy ? { accessor, memoryType, kernel: '7.0', bytes: 64 } : { accessor, memoryType, kernel: '7.0' };

describe('accessMemoryTypes', () => {
  it('st64b takes every memory type; the other accessors the uncached types a BAR is mapped with', () => {
    expect(accessMemoryTypes('st64b')).toEqual(MEMORY_TYPE_NAMES);
    for (const accessor of ACCESSORS.filter((a) => a !== 'st64b')) expect(accessMemoryTypes(accessor)).toEqual(BUS_MEMORY_TYPES);
  });

  it('access() answers exactly the types listed and refuses the others, naming memoryType', () => {
    for (const accessor of ACCESSORS) {
      const listed = accessMemoryTypes(accessor);
      for (const memoryType of MEMORY_TYPE_NAMES.filter((t) => t === 'Normal-WB' || t === 'Normal-NC' || t === 'Device-nGnRE')) {
        const a = access(inputFor(accessor, memoryType));
        expect(a.ok ? 'answered' : a.error.field, `${accessor} on ${memoryType}`).toBe(
          listed.includes(memoryType) ? 'answered' : 'memoryType',
        );
      }
    }
  }, 60_000);
});
