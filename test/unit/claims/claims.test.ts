import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/model/claims/api';
import { claims, SPEAKERS, VERDICTS } from '../../../src/model/claims/api';
import { CLAIM_IDS, CLAIM_SPECS } from '../../../src/model/claims/claims';

// claims() runs the bus model's enumerations, so compute once for the whole file.
let cached: readonly Claim[] | undefined;
function all(): readonly Claim[] {
  if (cached === undefined) {
    const a = claims();
    if (!a.ok) throw new Error(a.error.message);
    cached = a.result.claims;
  }
  return cached;
}

function byId(id: string): Claim {
  const c = all().find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
}

it('has one check per claim id, and no id without a check', () => {
  expect(CLAIM_SPECS.map((c) => c.id).sort()).toEqual([...CLAIM_IDS].sort());
});

describe('claims() shape', () => {
  it('lists at least 12 claims with unique kebab-case ids, known speakers and verdicts', () => {
    const cs = all();
    expect(cs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(cs.map((c) => c.id)).size).toBe(cs.length);
    for (const c of cs) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SPEAKERS).toContain(c.speaker);
      expect(VERDICTS).toContain(c.verdict);
      expect(c.claim.length).toBeGreaterThan(20);
      expect(c.evidence.length).toBeGreaterThan(20);
      expect(c.examples.length).toBeGreaterThan(0);
    }
  });
  it('gives both speakers claims', () => {
    const speakers = new Set(all().map((c) => c.speaker));
    expect(speakers).toEqual(new Set(SPEAKERS));
  });
  it('refuses any input field', () => {
    const a = claims({ x: 1 } as never);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.field).toBe('x');
  });
});

describe('each claim against the model', () => {
  it('writel-on-nc-malfunctions: holds, the bus model breaks writel programs on Normal-NC only', () => {
    const c = byId('writel-on-nc-malfunctions');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('on Device-nGnRE it is correct');
    expect(c.evidence).toContain('forwarded-read');
  });
  it('iowrite64-copy-on-device-correct-but-slower: holds, correct on Device with more writes than on Normal-NC', () => {
    const c = byId('iowrite64-copy-on-device-correct-but-slower');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('on Device-nGnRE it is correct and reaches the device as 8 writes');
  });
  it('guest-driver-should-choose: holds, ioremap vs ioremap_wc differ on 6.9 only', () => {
    const c = byId('guest-driver-should-choose');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('ioremap_wc() gives Normal-NC');
  });
  it('userspace-drivers-out-of-scope: holds, userspace stays Device-nGnRnE', () => {
    const c = byId('userspace-drivers-out-of-scope');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('Device-nGnRnE in every version');
  });
  it('userspace-wc-via-vfio-uapi: holds with nuance, proposal unmerged as of 2026-07-01', () => {
    const c = byId('userspace-wc-via-vfio-uapi');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('2026-07-01');
    expect(c.evidence).toContain('unmerged');
  });
  it('vm-gets-nc-through-its-stage1: holds from 6.9', () => {
    const c = byId('vm-gets-nc-through-its-stage1');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('6.8 gives Device-nGnRE');
    expect(c.evidence).toContain('6.9 gives Normal-NC');
  });
  it('stage2-wins: holds with nuance, stage 2 is a ceiling', () => {
    const c = byId('stage2-wins');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('6.9 ioremap: stage 2 Normal-NC, result Device-nGnRE');
  });
  it('vfio-keeps-device-when-in-doubt: holds, vfio-platform stays DEVICE', () => {
    expect(byId('vfio-keeps-device-when-in-doubt').verdict).toBe('holds');
  });
  it('only-vfio-pci-allows-nc: holds with nuance, nvgrace-gpu resmem also sets the flag', () => {
    const c = byId('only-vfio-pci-allows-nc');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('nvgrace-gpu-resmem');
  });
  it('flag-says-wrong-type-is-safe: holds', () => {
    expect(byId('flag-says-wrong-type-is-safe').verdict).toBe('holds');
  });
  it('kvm-puts-nc-in-userspace-stage1: does not hold, the change is at stage 2', () => {
    const c = byId('kvm-puts-nc-in-userspace-stage1');
    expect(c.verdict).toBe('does-not-hold');
    expect(c.evidence).toContain('MT_DEVICE_nGnRnE');
  });
  it('flag-meaning-inverted: does not hold as worded', () => {
    expect(byId('flag-meaning-inverted').verdict).toBe('does-not-hold');
  });
  it('arm64-lacks-uffd-wp: holds with nuance, true until 6.10', () => {
    const c = byId('arm64-lacks-uffd-wp');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('6.10');
  });
  it('userspace-needs-no-vma-flag: holds', () => {
    expect(byId('userspace-needs-no-vma-flag').verdict).toBe('holds');
  });
  it('no-nc-mapping-in-qemu: holds with nuance, nvgrace-gpu regions are not Device in QEMU', () => {
    const c = byId('no-nc-mapping-in-qemu');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('nvgrace-gpu-resmem (Normal-NC)');
  });
  it('guest-stage1-sets-the-type: holds with nuance, ioremap_cache is capped at Normal-NC', () => {
    const c = byId('guest-stage1-sets-the-type');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.evidence).toContain('ioremap_cache: stage 1 Normal-WB, result Normal-NC');
  });
  it('device-stage1-over-nc-stage2-is-device: holds with FWB off and on', () => {
    const c = byId('device-stage1-over-nc-stage2-is-device');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('fwb-nc-keeps-s1-device');
  });
  it('hidden-stage2-alias-harmless: holds, including with the guest MMU off (Device-nGnRnE under Normal-NC)', () => {
    const c = byId('hidden-stage2-alias-harmless');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('stage 1 off: Device-nGnRnE -> Device-nGnRnE');
    expect(c.evidence).toContain('ioremap_wc: Normal-NC -> Normal-NC');
  });
  it('nc-in-qemu-risks-speculative-reads: holds', () => {
    expect(byId('nc-in-qemu-risks-speculative-reads').verdict).toBe('holds');
  });
  it('qemu-emulation-needs-device: holds', () => {
    expect(byId('qemu-emulation-needs-device').verdict).toBe('holds');
  });
});
