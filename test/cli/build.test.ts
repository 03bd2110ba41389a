/**
 * The compiled CLI never answers from stale code: dist/cli.mjs is what the sources build to now, the
 * staleness rule sees an edited, deleted or newer input, and the bin rebuilds before answering after
 * an edit under src/ (scripts/build-cli.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOptions, cliPaths, ensureCli, isStale } from '../../scripts/build-cli.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'memattr-build-'));
  scratch.push(dir);
  return dir;
}

describe('dist/cli.mjs', () => {
  it('is, once the bin has checked it, exactly what esbuild builds from the sources now', async () => {
    const bundle = await ensureCli(ROOT);
    const esbuild = await import('esbuild');
    const fresh = await esbuild.build(buildOptions(ROOT));
    expect(readFileSync(bundle, 'utf8')).toBe(fresh.outputFiles?.[0]?.text);
    expect(isStale(ROOT)).toBe(false);
  });
});

describe('isStale', () => {
  /** A fake project: the bundle, its input list and two inputs, with chosen modification times. */
  function fakeProject(times: { bundle?: number; a: number; b: number; script: number }): string {
    const root = tempDir();
    const { bundle, meta } = cliPaths(root);
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'scripts'));
    const files: [string, number | undefined][] = [
      [join(root, 'src/a.ts'), times.a],
      [join(root, 'src/b.ts'), times.b],
      [join(root, 'scripts/build-cli.mjs'), times.script],
      [bundle, times.bundle],
    ];
    for (const [file, t] of files) {
      if (t === undefined) continue;
      writeFileSync(file, '');
      utimesSync(file, t, t);
    }
    writeFileSync(meta, JSON.stringify({ inputs: ['src/a.ts', 'src/b.ts'] }));
    return root;
  }
  const T = 1_700_000_000;

  it('is false when every input and the build script are older than the bundle', () => {
    expect(isStale(fakeProject({ bundle: T, a: T - 10, b: T - 5, script: T - 20 }))).toBe(false);
  });

  it('is true when an input or the build script is as new as the bundle or newer', () => {
    expect(isStale(fakeProject({ bundle: T, a: T - 10, b: T + 1, script: T - 20 }))).toBe(true);
    expect(isStale(fakeProject({ bundle: T, a: T, b: T - 5, script: T - 20 }))).toBe(true);
    expect(isStale(fakeProject({ bundle: T, a: T - 10, b: T - 5, script: T + 60 }))).toBe(true);
  });

  it('is true when the bundle, its input list or an input is missing', () => {
    expect(isStale(fakeProject({ a: T - 10, b: T - 5, script: T - 20 }))).toBe(true);
    const noMeta = fakeProject({ bundle: T, a: T - 10, b: T - 5, script: T - 20 });
    rmSync(cliPaths(noMeta).meta);
    expect(isStale(noMeta)).toBe(true);
    const noInput = fakeProject({ bundle: T, a: T - 10, b: T - 5, script: T - 20 });
    rmSync(join(noInput, 'src/b.ts'));
    expect(isStale(noInput)).toBe(true);
  });
});

describe('bin/memattr.mjs in a copy of the project', () => {
  const root = tempDir();
  for (const path of ['bin', 'scripts/build-cli.mjs', 'src/cli', 'src/model', 'package.json']) {
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  }
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/memattr.mjs'), ...args], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('without esbuild and without a bundle, exits 1 saying the rebuild failed (never runs stale code)', () => {
    const r = run('decode-s2', '5');
    expect(r).toMatchObject({ status: 1, stdout: '' });
    expect(r.stderr).toMatch(/^memattr: dist\/cli.mjs is missing or older than src\/, and rebuilding it failed: .*esbuild/);
  });

  it('builds the bundle on first use, and rebuilds it before answering after a source is edited', () => {
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const first = run('decode-s2', '5');
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(/^MemAttr 0x5 \(FWB off\) {2}Normal-NC/);
    expect(isStale(root)).toBe(false);

    const arm64 = join(root, 'src/cli/commands/arm64.ts');
    const source = readFileSync(arm64, 'utf8');
    const render = 'render: (r) => `MemAttr ';
    expect(source).toContain(render);
    writeFileSync(arm64, source.replace(render, 'render: (r) => `Stage-2 MemAttr '));
    const second = run('decode-s2', '5');
    expect(second).toMatchObject({ status: 0, stderr: '' });
    expect(second.stdout).toMatch(/^Stage-2 MemAttr 0x5 \(FWB off\)/);
  });
});
