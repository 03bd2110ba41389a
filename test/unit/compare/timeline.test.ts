import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/model/compare/api';
import { ACCESSOR_CHANGES } from '../../../src/model/linux/accessors';
import { FEATURES } from '../../../src/model/linux/versions';
import { DMABUF_MEMATTR_PROPOSAL } from '../../../src/model/linux/vfio';
import { versionKey } from '../../../src/model/riscv/api';

function must<T>(a: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

const entries = must(timeline()).entries;
const byId = (id: string) => entries.find((e) => e.id === id);

describe("timeline: computed from the model's version data", () => {
  it('the 6.9 merge, arm64 uffd-wp and cacheable PFNMAP come from linux/versions FEATURES', () => {
    expect(byId('VM_ALLOW_ANY_UNCACHED')?.kernel).toBe(FEATURES.VM_ALLOW_ANY_UNCACHED.since);
    expect(byId('VM_ALLOW_ANY_UNCACHED')?.kernel).toBe('6.9');
    expect(byId('arm64-uffd-wp')?.kernel).toBe('6.10');
    expect(byId('cacheable-pfnmap')?.kernel).toBe('6.17');
  });
  it('the __iowrite64_copy() rework comes from linux/accessors ACCESSOR_CHANGES (6.10)', () => {
    const change = ACCESSOR_CHANGES.find((c) => c.accessor === '__iowrite64_copy');
    expect(byId('iowrite64-copy-wc')?.kernel).toBe(change?.since);
    expect(byId('iowrite64-copy-wc')?.links.some((l) => l.url?.includes('ead79118dae6'))).toBe(true);
  });
  it('the DMABUF mmap-attribute proposal comes from linux/vfio, unmerged, linked to its latest posting', () => {
    const e = byId('vfio-dmabuf-mmap-memattr');
    expect(e).toMatchObject({ status: DMABUF_MEMATTR_PROPOSAL.status, kernel: null, date: DMABUF_MEMATTR_PROPOSAL.latestPosting.date });
    expect(e?.links[0]?.url).toBe('https://lore.kernel.org/r/20260701171245.90111-1-matt@ozlabs.org');
  });
});

describe('timeline: order and links', () => {
  it('merged changes first, by release; then proposals by date, none with a release', () => {
    const firstProposal = entries.findIndex((e) => e.status !== 'merged');
    const merged = entries.slice(0, firstProposal);
    const proposals = entries.slice(firstProposal);
    expect(merged.every((e) => e.status === 'merged' && e.kernel !== null)).toBe(true);
    expect(merged.map((e) => versionKey(e.kernel ?? ''))).toEqual([...merged.map((e) => versionKey(e.kernel ?? ''))].sort((a, b) => a - b));
    expect(proposals.every((e) => e.status !== 'merged' && e.kernel === null && e.date !== null)).toBe(true);
    expect(proposals.map((e) => e.date)).toEqual([...proposals.map((e) => e.date)].sort());
  });
  it('every entry has at least one https link and names where its data lives', () => {
    for (const e of entries) {
      expect(e.links.some((l) => l.url?.startsWith('https://'))).toBe(true);
      expect(e.from.length).toBeGreaterThan(0);
    }
  });
  it('refuses input fields', () => {
    expect(timeline({ kernel: '6.9' } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'kernel' } });
  });
});
