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
  it('guest-driver-should-choose: David\'s point (">>" in the kvm@vger copy), Jason answered "Yes"; holds on 6.9 only', () => {
    const c = byId('guest-driver-should-choose');
    expect(c.speaker).toBe('David Hildenbrand');
    expect(c.claim).toMatch(/^Inside a VM the device driver should make the decision/);
    expect(c.verdict).toBe('holds');
    expect(c.judgement).toBe('holds');
    expect(c.evidence).toContain('ioremap_wc() gives Normal-NC');
  });
  it('userspace-drivers-out-of-scope: holds, userspace stays Device-nGnRnE', () => {
    const c = byId('userspace-drivers-out-of-scope');
    expect(c.verdict).toBe('holds');
    expect(c.evidence).toContain('Device-nGnRnE in every version');
  });
  it('userspace-wc-via-vfio-uapi: holds with nuance, the attribute feature proposed (v2 to v4) and never merged', () => {
    const c = byId('userspace-wc-via-vfio-uapi');
    expect(c.verdict).toBe('holds-with-nuance');
    expect(c.judgement).toBe('holds, with a nuance');
    expect(c.evidence).toBe(
      'Such a uAPI was later proposed: "vfio/pci: Add mmap() for DMABUFs" added VFIO_DEVICE_FEATURE_DMA_BUF_MEMATTR in v2 (2026-05-27), whose WC attribute maps with pgprot_writecombine -> Normal-NC; it was last seen in v4 (2026-07-01), and the latest posting (2026-10-06) appears to have dropped it. Nothing is merged through 7.2, so a userspace driver still gets Device-nGnRnE from vfio-pci.',
    );
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
    expect(c.evidence).toContain(
      'a synchronous external abort on a guest access that APEI does not claim is inject-serror (a virtual SError for the guest) in 6.18 and exit-arm-sea (an exit to the VMM) from 6.19 when the VMM enables KVM_CAP_ARM_SEA_TO_USER; asynchronous SErrors, the uncontained case the flag guards against, are unchanged.',
    );
  });
  it('flag-says-wrong-type-is-safe: holds', () => {
    expect(byId('flag-says-wrong-type-is-safe').verdict).toBe('holds');
  });
  it('kvm-puts-nc-in-userspace-stage1: does not hold, the change is at stage 2', () => {
    const c = byId('kvm-puts-nc-in-userspace-stage1');
    expect(c.verdict).toBe('does-not-hold');
    expect(c.evidence).toContain('MT_DEVICE_nGnRnE');
  });
  it('flag-meaning-inverted: does not hold as worded, a slip; one judgement for every page', () => {
    const c = byId('flag-meaning-inverted');
    expect(c.verdict).toBe('does-not-hold');
    expect(c.judgement).toBe('does not hold as worded: a slip (the flag marks the VMAs that are safe)');
    expect(c.evidence).toBe(
      'As written, the converse inverts the flag: by its definition in include/linux/mm.h the VMAs assumed able to bring the host down are those without VM_ALLOW_ANY_UNCACHED, and KVM keeps DEVICE for them while it relaxes to NORMAL_NC only for VMAs with the flag. Jason\'s "but yes" agrees with David\'s reading, so this is a slip of wording, not a disagreement.',
    );
  });
  it('gives every other claim the plain wording of its verdict', () => {
    for (const c of all().filter((x) => x.id !== 'flag-meaning-inverted')) {
      expect(c.judgement, c.id).toBe(
        {
          holds: 'holds',
          'holds-with-nuance': 'holds, with a nuance',
          'does-not-hold': 'does not hold',
          'not-yet-modelled': 'not yet modelled',
        }[c.verdict],
      );
    }
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
