import { describe, expect, it } from 'vitest';
import { accessInput, copySizes, writesHeadline } from '../../../src/components/Timeline/labels';
import type { AccessInput } from '../../../src/model';
import { ACCESSOR_INFO, ACCESSORS, access, BUS_MEMORY_TYPES, NEWEST_KERNEL } from '../../../src/model';

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
      for (const memoryType of BUS_MEMORY_TYPES) {
        const input = accessInput(accessor, memoryType, NEWEST_KERNEL, 64);
        expect(input.bytes !== undefined, accessor).toBe(ACCESSOR_INFO[accessor].copy);
        const a = access(input);
        expect(a.ok ? 'ok' : a.error.message, `${accessor} on ${memoryType}`).toBe('ok');
      }
    }
  }, 120_000);

  it('a size the accessor cannot copy is replaced by one it can', () => {
    expect(accessInput('__iowrite64_copy', 'Device-nGnRE', NEWEST_KERNEL, 8).bytes).toBe(8);
    expect(accessInput('__iowrite64_copy', 'Device-nGnRE', NEWEST_KERNEL, 12).bytes).toBe(64);
    expect(accessInput('writel', 'Device-nGnRE', NEWEST_KERNEL, 64).bytes).toBeUndefined();
  });
});
