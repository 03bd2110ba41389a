import { describe, expect, it } from 'vitest';
import { releases } from '../../../src/model/compare/history-api';
import { RELEASES } from '../../../src/model/linux/releases';
import { expectOk } from '../../support/expect-ok';

const r = expectOk(releases());
const byVersion = (v: string) => r.releases.find((e) => e.version === v);

describe('releases(): release by release, 5.10 to the newest', () => {
  it('lists every covered release in order, naming the range and the newest', () => {
    expect(r.range).toBe('5.10 to 7.2');
    expect(r.newest).toBe('7.2');
    expect(r.releases.map((e) => e.version)).toEqual(RELEASES.map((row) => row.version));
    expect(r.readEachRelease.length).toBeGreaterThanOrEqual(8);
  });
  it('gives each release its date, release commit, what was read, and either changes or "no change"', () => {
    for (const e of r.releases) {
      expect(e.date).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(e.releaseCommit).toMatch(/^[0-9a-f]{12}$/);
      expect(e.read.length, e.version).toBeGreaterThan(0);
      expect(e.changes.length > 0 !== (e.noChange !== null), e.version).toBe(true);
    }
  });
  it('7.2: no change, with what was read', () => {
    const e = byVersion('7.2');
    expect(e?.changes).toEqual([]);
    expect(e?.noChange).toMatch(/^No change found: the kvmarm-7.2 branches/);
    expect(e?.date).toBe('2026-08-16');
  });
  it('7.1: the fault-path split, no functional change, from commit titles, with commit links', () => {
    const e = byVersion('7.1');
    expect(e?.changes.map((c) => c.id)).toEqual(['kvm-fault-path-split']);
    expect(e?.changes[0]).toMatchObject({ effect: 'none', confidence: 'titles-only', area: 'kvm-arm64' });
    expect(e?.changes[0]?.links[0]).toEqual({ label: 'commit 66fcf492008d', url: 'https://git.kernel.org/torvalds/c/66fcf492008d' });
    expect(e?.changes[0]?.from).toBe("linux/changes KERNEL_CHANGES['kvm-fault-path-split']");
  });
  it('6.18 to 7.0: the changes the notes found, each with its release', () => {
    expect(byVersion('6.18')?.changes.map((c) => c.id)).toEqual([
      'kvm-gmem-abort',
      'kvm-user-mem-abort-refactor',
      'kvm-ptdump-stage2-exec',
      'ioremap-wc-nc',
      'kvm-pfnmap-on-fault',
      'nvgrace-gpu-gb300',
    ]);
    expect(byVersion('6.19')?.changes.map((c) => c.id)).toEqual([
      'vma-flag-by-bit',
      'vfio-dmabuf-export',
      'nvgrace-gpu-huge-pfnmap',
      'kvm-sea-to-user',
    ]);
    expect(byVersion('7.0')?.changes.map((c) => c.id)).toEqual(['kvm-ls64', 'mt-s2-as-s1']);
  });
  it('adds the MMIO accessor changes of linux/accessors (6.10 __iowrite*_copy, 6.13 memcpy_toio)', () => {
    expect(byVersion('6.13')?.changes).toEqual([
      expect.objectContaining({
        id: 'accessor-memcpy_toio',
        area: 'arm64',
        effect: 'answer',
        confidence: 'read-at-source',
        links: [
          { label: 'commit 0110feaaf6d0', url: 'https://git.kernel.org/torvalds/c/0110feaaf6d0' },
          { label: expect.stringContaining('arm64: Use new fallback IO memcpy/memset'), url: null },
        ],
      }),
    ]);
    expect(byVersion('6.10')?.changes.map((c) => c.id)).toEqual([
      'arm64-uffd-wp',
      'accessor-__iowrite64_copy',
      'accessor-__iowrite32_copy',
    ]);
  });
  it("reports the weakest confidence of each change's evidence", () => {
    const c = (v: string, id: string) => byVersion(v)?.changes.find((x) => x.id === id)?.confidence;
    expect(c('5.14', 'kvm-mte')).toBe('inferred');
    expect(c('5.16', 'kvm-riscv')).toBe('unverified');
    expect(c('6.17', 'cacheable-pfnmap')).toBe('read-at-source');
    expect(c('7.0', 'mt-s2-as-s1')).toBe('titles-only');
  });
  it('6.12: the per-VM stage-2 dump arrives, without MemAttr', () => {
    expect(byVersion('6.12')?.changes.map((c) => c.id)).toEqual(['x86-honor-guest-pat-revert', 'kvm-ptdump-stage2']);
    expect(byVersion('6.12')?.changes[1]?.bearing).toContain('but never its MemAttr');
  });
  it('refuses input fields', () => {
    expect(releases({ kernel: '7.2' } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'kernel' } });
  });
});
