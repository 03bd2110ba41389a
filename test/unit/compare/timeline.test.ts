import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/model/compare/history-api';
import { ACCESSOR_CHANGES } from '../../../src/model/linux/accessors';
import { FEATURES, KERNEL_VERSIONS } from '../../../src/model/linux/versions';
import { DMABUF_MEMATTR_PROPOSAL } from '../../../src/model/linux/vfio';
import { expectOk } from '../../support/expect-ok';

const entries = expectOk(timeline()).entries;
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
  it('the DMABUF mmap proposal comes from linux/vfio, unmerged, linked to its latest posting and to the last with the attribute', () => {
    const e = byId('vfio-dmabuf-mmap-memattr');
    expect(e).toMatchObject({ status: DMABUF_MEMATTR_PROPOSAL.status, kernel: null, date: '2026-10-06' });
    expect(e?.links.map((l) => l.url)).toEqual([
      'https://lore.kernel.org/r/20261006193643.76330-1-matt@ozlabs.org',
      'https://lore.kernel.org/r/20260701171245.90111-1-matt@ozlabs.org',
    ]);
    expect(e?.title).toBe(
      '"vfio/pci: Add mmap() for DMABUFs" (Matt Evans): BAR slices as DMABUFs a process can mmap(); VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR (v2 to v4) chose UC or WC',
    );
    expect(e?.why).toContain('Not merged through 7.2.');
    expect(e?.why).toContain('known only from a third-party README (opsound/vfio-dmabuf-lab, id 70844844804)');
  });
  it("the thread's series is v9, and every change from 6.9 on is an entry with its commits", () => {
    expect(byId('VM_ALLOW_ANY_UNCACHED')?.why).toMatch(
      /^The thread's series \(v9, posted 2024-02-24, applied to kvmarm\/next 2024-02-26\) merged/,
    );
    for (const id of [
      'cacheable-pfnmap-cap',
      'kvm-gmem-abort',
      'vma-flag-by-bit',
      'vfio-dmabuf-export',
      'kvm-sea-to-user',
      'kvm-ls64',
      'mt-s2-as-s1',
      'kvm-fault-path-split',
    ]) {
      expect(byId(id)?.status, id).toBe('merged');
    }
    expect(byId('riscv-ioremap-wc-nc')).toMatchObject({ area: 'riscv', kernel: '6.18' });
    expect(byId('kvm-fault-path-split')?.links.map((l) => l.url)).toContain('https://git.kernel.org/torvalds/c/e314a4dbdb8b');
    expect(byId('kvm-mte')).toBeUndefined();
    expect(byId('ioremap_np')).toBeUndefined();
  });
});

describe('timeline: order and links', () => {
  it('merged changes first, by release; then proposals by date, none with a release', () => {
    const firstProposal = entries.findIndex((e) => e.status !== 'merged');
    const merged = entries.slice(0, firstProposal);
    const proposals = entries.slice(firstProposal);
    expect(merged.every((e) => e.status === 'merged' && e.kernel !== null)).toBe(true);
    const rank = (k: string | null) => KERNEL_VERSIONS.indexOf(k as (typeof KERNEL_VERSIONS)[number]);
    expect(merged.every((e) => rank(e.kernel) >= 0)).toBe(true);
    expect(merged.map((e) => rank(e.kernel))).toEqual([...merged.map((e) => rank(e.kernel))].sort((a, b) => a - b));
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
