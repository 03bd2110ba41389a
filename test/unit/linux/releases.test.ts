import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESSOR_CHANGES } from '../../../src/model/linux/accessors';
import { kvmMemslot } from '../../../src/model/linux/api';
import { CHANGE_AREAS, CHANGE_EFFECTS, KERNEL_CHANGES } from '../../../src/model/linux/changes';
import { CONFIDENCES, READ_EACH_RELEASE, RELEASES } from '../../../src/model/linux/releases';
import {
  FEATURES,
  KERNEL_RANGE,
  KERNEL_VERSIONS,
  KVM_ERA_LABEL,
  kvmEra,
  NEWEST_KERNEL,
  OLDEST_KERNEL,
} from '../../../src/model/linux/versions';

const HASH = /^[0-9a-f]{12,40}$/;

function parse(v: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (m === null) throw new Error(`not MAJOR.MINOR: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

describe('RELEASES: one row per covered release', () => {
  it('starts at 5.10 and has a row for every mainline release up to the newest (no gap)', () => {
    expect(RELEASES[0]?.version).toBe('5.10');
    for (let i = 1; i < RELEASES.length; i++) {
      const [pm, pn] = parse(RELEASES[i - 1]?.version ?? '');
      const [m, n] = parse(RELEASES[i]?.version ?? '');
      const next = (m === pm && n === pn + 1) || (m === pm + 1 && n === 0);
      expect(next, `${RELEASES[i - 1]?.version} -> ${RELEASES[i]?.version}`).toBe(true);
    }
  });
  it('covers 5.10 to 7.2: 5.10-5.19, 6.0-6.19 and 7.0-7.2', () => {
    expect(RELEASES).toHaveLength(10 + 20 + 3);
    expect(RELEASES.map((r) => r.version).slice(-6)).toEqual(['6.17', '6.18', '6.19', '7.0', '7.1', '7.2']);
  });
  it('dates every release, in order, with the release commit and where the date was seen', () => {
    for (const [i, r] of RELEASES.entries()) {
      expect(r.date, r.version).toMatch(/^20\d\d-\d\d-\d\d$/);
      if (i > 0) expect(r.date > (RELEASES[i - 1]?.date ?? ''), r.version).toBe(true);
      expect(r.release.commit, r.version).toMatch(HASH);
      expect(r.release.seen, r.version).toMatch(/\bid \d+/);
    }
  });
  it('dates 6.17 to 7.2 as the notes found them', () => {
    const dates = Object.fromEntries(RELEASES.map((r) => [r.version, r.date]));
    expect(dates).toMatchObject({
      '6.17': '2025-09-28',
      '6.18': '2025-11-30',
      '6.19': '2026-02-08',
      '7.0': '2026-04-12',
      '7.1': '2026-06-14',
      '7.2': '2026-08-16',
    });
  });
  it('says for every release what was read, with a reference and a confidence', () => {
    for (const r of RELEASES) {
      expect(r.read.length, r.version).toBeGreaterThan(0);
      for (const e of r.read) {
        expect(e.read.length, r.version).toBeGreaterThan(10);
        expect(e.ref.length, r.version).toBeGreaterThan(3);
        expect(CONFIDENCES).toContain(e.confidence);
      }
    }
  });
  it('has a change or an explicit "no change" for every release, never both', () => {
    for (const r of RELEASES) {
      const changes = [
        ...Object.values(KERNEL_CHANGES).filter((c) => c.release === r.version),
        ...ACCESSOR_CHANGES.filter((c) => c.since === r.version),
      ];
      const noChange = 'noChange' in r ? r.noChange : undefined;
      if (changes.length === 0) expect(noChange?.length ?? 0, `${r.version} has no change and no "no change"`).toBeGreaterThan(20);
      else expect(noChange, `${r.version} has changes and a "no change"`).toBeUndefined();
    }
  });
  it('7.2 changed nothing and says what was read', () => {
    const r = RELEASES.find((x) => x.version === '7.2');
    expect(r && 'noChange' in r ? r.noChange : '').toMatch(/^No change found/);
    expect(Object.values(KERNEL_CHANGES).some((c) => (c.release as string) === '7.2')).toBe(false);
  });
  it('lists the files to read at each release', () => {
    expect(READ_EACH_RELEASE.length).toBeGreaterThanOrEqual(8);
    expect(READ_EACH_RELEASE.join('\n')).toContain('arch/arm64/kvm/mmu.c');
  });
});

describe('the range derives from RELEASES', () => {
  it('KERNEL_VERSIONS, OLDEST_KERNEL, NEWEST_KERNEL and KERNEL_RANGE', () => {
    expect(KERNEL_VERSIONS).toEqual(RELEASES.map((r) => r.version));
    expect(OLDEST_KERNEL).toBe('5.10');
    expect(NEWEST_KERNEL).toBe('7.2');
    expect(KERNEL_RANGE).toBe('5.10 to 7.2');
  });
  it('no file in src/ but the releases table (its dates and its readings) names the newest release as a quoted version', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|mts)$/.test(name)) files.push(p);
      }
    };
    walk('src');
    const quoted = new RegExp(`['"\`]${NEWEST_KERNEL.replace('.', '\\.')}['"\`]`);
    const table = [join('linux', 'release-dates.ts'), join('linux', 'releases.ts')];
    const offenders = files.filter((f) => !table.some((t) => f.endsWith(t)) && quoted.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('KERNEL_CHANGES: each change once, with its evidence', () => {
  it('names commits, file and function, what changed, its bearing and evidence', () => {
    for (const [id, c] of Object.entries(KERNEL_CHANGES)) {
      expect(KERNEL_VERSIONS, id).toContain(c.release);
      expect(CHANGE_AREAS, id).toContain(c.area);
      expect(CHANGE_EFFECTS, id).toContain(c.effect);
      expect(c.commits.length, id).toBeGreaterThan(0);
      for (const h of c.commits) expect(h, id).toMatch(HASH);
      expect(c.where.length, id).toBeGreaterThan(5);
      expect(c.what.length, id).toBeGreaterThan(10);
      expect(c.bearing.length, id).toBeGreaterThan(10);
      expect(c.source.length, id).toBeGreaterThan(10);
      expect(c.evidence.length, id).toBeGreaterThan(0);
      for (const e of c.evidence) {
        expect(e.read.length, id).toBeGreaterThan(10);
        expect(e.ref.length, id).toBeGreaterThan(3);
        expect(CONFIDENCES, id).toContain(e.confidence);
      }
    }
  });
  it('FEATURES is the change table seen by release', () => {
    expect(Object.keys(FEATURES).sort()).toEqual(Object.keys(KERNEL_CHANGES).sort());
    for (const [id, c] of Object.entries(KERNEL_CHANGES)) {
      expect(FEATURES[id as keyof typeof FEATURES]).toEqual({ since: c.release, what: c.what, source: c.source });
    }
  });
  it('records the changes of 6.17 to 7.1 in their releases', () => {
    const release = (id: keyof typeof KERNEL_CHANGES) => KERNEL_CHANGES[id].release;
    expect(release('cacheable-pfnmap-cap')).toBe('6.17');
    expect(release('kvm-gmem-abort')).toBe('6.18');
    expect(release('kvm-user-mem-abort-refactor')).toBe('6.18');
    expect(release('ioremap-wc-nc')).toBe('6.18');
    expect(release('kvm-pfnmap-on-fault')).toBe('6.18');
    expect(release('vma-flag-by-bit')).toBe('6.19');
    expect(release('vfio-dmabuf-export')).toBe('6.19');
    expect(release('nvgrace-gpu-huge-pfnmap')).toBe('6.19');
    expect(release('kvm-sea-to-user')).toBe('6.19');
    expect(release('kvm-ls64')).toBe('7.0');
    expect(release('mt-s2-as-s1')).toBe('7.0');
    expect(release('kvm-fault-path-split')).toBe('7.1');
    expect(KERNEL_CHANGES['kvm-user-mem-abort-refactor'].effect).toBe('none');
    expect(KERNEL_CHANGES['kvm-fault-path-split'].effect).toBe('none');
  });
});

describe('kernelField: BAD_INPUT naming the range', () => {
  const kernelOf = (kernel: unknown) => kvmMemslot({ kernel, vmaFlags: [], vmaMemType: 'MT_NORMAL' } as never);
  it('says why: outside the range, not MAJOR.MINOR, not a string, missing', () => {
    expect(kernelOf('7.3')).toMatchObject({
      ok: false,
      error: {
        field: 'kernel',
        message: 'kernel "7.3" is outside the modelled range; the model covers 5.10 to 7.2 (checked at the source up to 7.2)',
      },
    });
    expect(kernelOf('v6.9')).toMatchObject({
      error: { message: 'kernel "v6.9" is not of the form "MAJOR.MINOR"; the model covers 5.10 to 7.2 (checked at the source up to 7.2)' },
    });
    expect(kernelOf('6.9.1')).toMatchObject({ error: { message: expect.stringContaining('is not of the form "MAJOR.MINOR"') } });
    expect(kernelOf('x6.9')).toMatchObject({ error: { message: expect.stringContaining('is not of the form "MAJOR.MINOR"') } });
    for (const outside of ['10.1', '6.20', '4.19']) {
      expect(kernelOf(outside)).toMatchObject({
        error: { message: expect.stringContaining(`kernel "${outside}" is outside the modelled range;`) },
      });
    }
    expect(kernelOf('6.200000000000000000')).toMatchObject({
      error: { message: expect.stringContaining('kernel "6.200000000000000000" is outside') },
    });
    expect(kernelOf('7.3'.padEnd(30, '0'))).toMatchObject({
      error: { message: expect.stringContaining('kernel "7.300000000000000000…" is') },
    });
    expect(kernelOf(6.9)).toMatchObject({ error: { message: 'kernel must be a string "MAJOR.MINOR" from 5.10 to 7.2, got 6.9' } });
    expect(kernelOf(true)).toMatchObject({ error: { message: 'kernel must be a string "MAJOR.MINOR" from 5.10 to 7.2, got boolean' } });
    expect(kernelOf(undefined)).toMatchObject({
      error: { message: 'kernel is required: a kernel version "MAJOR.MINOR" from 5.10 to 7.2' },
    });
  });
  it('era labels and eras by release', () => {
    expect(KVM_ERA_LABEL['6.17+']).toBe('v6.17+ (checked up to v7.2)');
    expect(['5.10', '6.8', '6.9', '6.16', '6.17', '7.2'].map((k) => kvmEra(k as never))).toEqual([
      '5.10-6.8',
      '5.10-6.8',
      '6.9-6.16',
      '6.9-6.16',
      '6.17+',
      '6.17+',
    ]);
  });
});
