/**
 * The layer check of `npm run lint` (.dependency-cruiser.cjs) fails on each kind of violation: the
 * fixture tree under test/fixtures/layers breaks every rule once (`npm run lint` itself checks that the
 * project breaks none).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function run(cwd: string, paths: readonly string[], output: 'json' | 'err') {
  return spawnSync(process.execPath, [BIN, ...paths, '--config', CONFIG, '--output-type', output], { cwd, encoding: 'utf8' });
}

/** The violations, from the JSON report (whose exit status is always 0). */
function cruise(cwd: string, paths: readonly string[]): Violation[] {
  return (JSON.parse(run(cwd, paths, 'json').stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const FIXTURE = resolve(ROOT, 'test/fixtures/layers');

describe('the layer checker', () => {
  const violations = cruise(FIXTURE, ['src']);
  const found = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} -> ${v.to}`);

  it('fails the run on the fixture, as `npm run lint` runs it', () => {
    const r = run(FIXTURE, ['src'], 'err');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('4 dependency violations');
  });

  it('reports the upward import from arm64 to linux', () => {
    expect(found('layer-arm64')).toEqual(['src/model/arm64/decode.ts -> src/model/linux/kernel.ts']);
  });

  it('reports the cycle made of type-only imports', () => {
    expect(found('no-circular').sort()).toEqual(['src/model/claims/a.ts -> src/model/claims/b.ts']);
  });

  it('reports the deep import from outside the model', () => {
    expect(found('model-through-index')).toEqual(['src/cli/main.ts -> src/model/arm64/decode.ts']);
  });

  it('reports the Node built-in imported by the model', () => {
    expect(found('model-is-pure')).toEqual(['src/model/linux/kernel.ts -> os']);
  });
});
