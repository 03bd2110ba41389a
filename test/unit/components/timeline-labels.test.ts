import { describe, expect, it } from 'vitest';
import { accessInput, accessorOption, callName, copySizes, writesHeadline } from '../../../src/components/Timeline/labels';
import type { AccessInput } from '../../../src/model';
import {
  ACCESSOR_INFO,
  ACCESSORS,
  access,
  accessMemoryTypes,
  BUS_MEMORY_TYPES,
  MEMORY_TYPE_NAMES,
  NEWEST_KERNEL,
} from '../../../src/model';

/** The st64b controls at their defaults: a host that offers FEAT_LS64, a location that supports it. */
const SUPPORTED = { hostKernel: NEWEST_KERNEL, locationSupportsLs64: true } as const;

function result(input: AccessInput) {
  const a = access(input);
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('timeline headline', () => {
  it('names what it counts: one call on its own, best and worst case, repeats not counted', () => {
    // One writel() on Device-nGnRE is one write in every outcome, and Device never repeats a write.
    expect(writesHeadline(result({ accessor: 'writel', memoryType: 'Device-nGnRE', kernel: '6.10' }))).toBe(
      'Writes reaching the device for one writel() on its own: 1 write in every outcome (not counting repeats).',
    );
  });

  it('says that a Normal-NC write may reach the device again, which the lanes show as a repeat', () => {
    const text = writesHeadline(result({ accessor: 'writel', memoryType: 'Normal-NC', kernel: '6.10' }));
    expect(text).toBe(
      'Writes reaching the device for one writel() on its own: 1 write in every outcome (not counting repeats; on Normal-NC, a write reaches the device more than once in some outcomes).',
    );
  });

  it('a 64-byte copy on Normal-NC: 1 write when the buffer gathers it all, 8 when it gathers nothing', () => {
    const text = writesHeadline(result({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 64 }));
    expect(text).toMatch(
      /^Writes reaching the device for one __iowrite64_copy\(\) of 64 bytes on its own: best case 1 write, worst case 8 writes/,
    );
  });

  it('a read has no write headline', () => {
    expect(writesHeadline(result({ accessor: 'readl', memoryType: 'Device-nGnRE', kernel: '6.10' }))).toBeNull();
  });
});

describe('copy sizes', () => {
  it('are whole numbers of elements for every element size', () => {
    expect(copySizes(1)).toEqual([8, 16, 32, 64, 128]);
    expect(copySizes(8)).toEqual([8, 16, 32, 64, 128]);
    expect(copySizes(64)).toEqual([64, 128, 256, 512, 1024]);
    for (const element of [1, 2, 4, 8, 16, 64]) for (const size of copySizes(element)) expect(size % element).toBe(0);
  });
});

describe('the question the controls ask', () => {
  it('every accessor the model lists (a new one included) gets a question access() answers', () => {
    for (const accessor of ACCESSORS) {
      for (const memoryType of accessMemoryTypes(accessor)) {
        const input = accessInput(accessor, memoryType, NEWEST_KERNEL, 64, SUPPORTED);
        expect(input.bytes !== undefined, accessor).toBe(ACCESSOR_INFO[accessor].copy);
        expect(input.memoryType).toBe(memoryType);
        const a = access(input);
        expect(a.ok ? 'ok' : a.error.message, `${accessor} on ${memoryType}`).toBe('ok');
      }
    }
  }, 120_000);

  it('a size the accessor cannot copy is replaced by one it can', () => {
    expect(accessInput('__iowrite64_copy', 'Device-nGnRE', NEWEST_KERNEL, 8, SUPPORTED).bytes).toBe(8);
    expect(accessInput('__iowrite64_copy', 'Device-nGnRE', NEWEST_KERNEL, 12, SUPPORTED).bytes).toBe(64);
    expect(accessInput('writel', 'Device-nGnRE', NEWEST_KERNEL, 64, SUPPORTED).bytes).toBeUndefined();
  });

  it('st64b takes the host kernel and the location, the other accessors neither', () => {
    const controls = { hostKernel: '6.19', locationSupportsLs64: false };
    expect(accessInput('st64b', 'Normal-NC', '7.0', 64, controls)).toEqual({
      accessor: 'st64b',
      memoryType: 'Normal-NC',
      kernel: '7.0',
      hostKernel: '6.19',
      locationSupportsLs64: false,
    });
    expect(accessInput('writel', 'Normal-NC', '7.0', 64, controls)).toEqual({ accessor: 'writel', memoryType: 'Normal-NC', kernel: '7.0' });
  });

  it('a cacheable type is offered for st64b only; another accessor falls back to the first type it takes', () => {
    expect(accessInput('st64b', 'Normal-WB', NEWEST_KERNEL, 64, SUPPORTED).memoryType).toBe('Normal-WB');
    expect(accessInput('writel', 'Normal-WB', NEWEST_KERNEL, 64, SUPPORTED).memoryType).toBe(BUS_MEMORY_TYPES[0]);
  });
});

describe('names of the accessors', () => {
  it('a kernel function is written as a call, st64b (an instruction) with the feature it needs', () => {
    expect(callName('writel')).toBe('writel()');
    expect(accessorOption('__iowrite64_copy')).toBe('__iowrite64_copy()');
    expect(callName('st64b')).toBe('st64b');
    expect(accessorOption('st64b')).toBe('st64b (FEAT_LS64)');
  });

  it('the st64b headline counts one store, on every type it takes, cacheable ones included', () => {
    expect(accessMemoryTypes('st64b')).toEqual(MEMORY_TYPE_NAMES);
    expect(writesHeadline(result({ accessor: 'st64b', memoryType: 'Normal-NC', kernel: '7.0' }))).toBe(
      'Writes reaching the device for one st64b on its own: 1 write in every outcome (not counting repeats; on Normal-NC, a write reaches the device more than once in some outcomes).',
    );
    expect(writesHeadline(result({ accessor: 'st64b', memoryType: 'Normal-WB', kernel: '7.0' }))).toBe(
      'Writes reaching the device for one st64b on its own: 0 writes in every outcome (not counting repeats).',
    );
  });
});
