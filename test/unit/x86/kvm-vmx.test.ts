import { describe, expect, it } from 'vitest';
import { KERNEL_VERSIONS } from '../../../src/model/linux/versions';
import { IGNORE_GUEST_PAT_QUIRK_SINCE, kvmEptType, VMX_MT_AFTER_QUIRK, x86Passthrough } from '../../../src/model/x86/api';
import { expectOk } from '../../support/expect-ok';

describe('vmx_get_mt_mask() (arch/x86/kvm/vmx/vmx.c): host MMIO', () => {
  it('EPT UC with ignore-PAT clear (bits 6:3 = 0) in every covered version', () => {
    for (const kernel of KERNEL_VERSIONS) {
      const r = expectOk(kvmEptType({ kernel, isMmio: true }));
      expect(r).toMatchObject({ branch: 'mmio-uc', eptType: 'UC', ipat: false, bits: 0, guestPatApplies: true });
    }
  });
  it('non-coherent DMA and the quirk do not change MMIO', () => {
    expect(expectOk(kvmEptType({ kernel: '6.17', isMmio: true, noncoherentDma: true, ignoreGuestPatQuirk: false }))).toMatchObject({
      eptType: 'UC',
      ipat: false,
    });
  });
});

describe('vmx_get_mt_mask(): RAM, by version', () => {
  it('up to 6.10: WB + ignore-PAT without non-coherent DMA; with it, the guest MTRR emulation (not modelled)', () => {
    expect(expectOk(kvmEptType({ kernel: '6.10', isMmio: false }))).toMatchObject({
      branch: 'ram-wb-ipat',
      eptType: 'WB',
      ipat: true,
      bits: 0x70,
    });
    expect(expectOk(kvmEptType({ kernel: '6.10', isMmio: false, noncoherentDma: true }))).toMatchObject({
      branch: 'ram-guest-mtrr',
      eptType: null,
      ipat: null,
      bits: null,
    });
  });
  it('6.11 (377b2f359d1f): self-snoop CPUs honor guest PAT; without self-snoop WB + ignore-PAT', () => {
    expect(expectOk(kvmEptType({ kernel: '6.11', isMmio: false }))).toMatchObject({ branch: 'ram-wb', ipat: false });
    expect(expectOk(kvmEptType({ kernel: '6.11', isMmio: false, selfSnoop: false }))).toMatchObject({ branch: 'ram-wb-ipat', ipat: true });
    expect(expectOk(kvmEptType({ kernel: '6.11', isMmio: false, selfSnoop: false, noncoherentDma: true }))).toMatchObject({
      branch: 'ram-wb',
      ipat: false,
    });
  });
  it('6.12-6.15 (revert 9d70f3fec144): WB + ignore-PAT unless non-coherent DMA', () => {
    for (const kernel of ['6.12', '6.15'] as const) {
      expect(expectOk(kvmEptType({ kernel, isMmio: false }))).toMatchObject({ era: '6.12-6.15', ipat: true });
      expect(expectOk(kvmEptType({ kernel, isMmio: false, noncoherentDma: true }))).toMatchObject({ ipat: false });
    }
  });
  it('6.16+ (c9c1e20b4c7d): the quirk, on by default, ignores guest PAT; disabling it honors guest PAT', () => {
    expect(expectOk(kvmEptType({ kernel: '6.16', isMmio: false }))).toMatchObject({ era: '6.16+', branch: 'ram-wb-ipat' });
    expect(expectOk(kvmEptType({ kernel: '6.17', isMmio: false, ignoreGuestPatQuirk: false }))).toMatchObject({
      branch: 'ram-wb',
      ipat: false,
    });
    expect(expectOk(kvmEptType({ kernel: '6.17', isMmio: false, noncoherentDma: true }))).toMatchObject({ branch: 'ram-wb', ipat: false });
  });
});

describe('kvmEptType: bad input names the field', () => {
  it('the quirk before 6.16 names the version it arrived in', () => {
    const r = kvmEptType({ kernel: '6.15', isMmio: false, ignoreGuestPatQuirk: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'ignoreGuestPatQuirk' } });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('6.16') } });
  });
  it('the quirk cannot be disabled without self-snoop', () => {
    expect(kvmEptType({ kernel: '6.17', isMmio: false, selfSnoop: false, ignoreGuestPatQuirk: false })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'ignoreGuestPatQuirk' },
    });
  });
  it('isMmio is required; kernel must be in range; unknown fields refused', () => {
    expect(kvmEptType({ kernel: '6.9' } as never)).toMatchObject({ ok: false, error: { field: 'isMmio' } });
    expect(kvmEptType({ kernel: '4.19', isMmio: true })).toMatchObject({ ok: false, error: { field: 'kernel' } });
    expect(kvmEptType({ kernel: '6.9', isMmio: true, mmio: true } as never)).toMatchObject({ ok: false, error: { field: 'mmio' } });
  });
});

describe('x86Passthrough: a VFIO BAR, EPT UC (no ignore-PAT), the guest driver picks the PAT type', () => {
  it('guest ioremap_wc() (PAT WC) gives WC: the guest decided (SDM Table 11-7, row UC, column WC)', () => {
    const r = expectOk(x86Passthrough({ guestMapping: 'ioremap_wc', kernel: '6.8' }));
    expect(r).toMatchObject({ guestPat: 'WC', effective: 'WC', rule: 'ept-x-pat', decidedBy: 'guest' });
    expect(r.kvm).toMatchObject({ eptType: 'UC', ipat: false });
  });
  it('ioremap() (PAT UC-) gives UC; ioremap_cache() (PAT WB) gives UC, capped by EPT UC', () => {
    expect(expectOk(x86Passthrough({ guestMapping: 'ioremap' }))).toMatchObject({ guestPat: 'UC-', effective: 'UC', decidedBy: 'both' });
    expect(expectOk(x86Passthrough({ guestMapping: 'ioremap_cache' }))).toMatchObject({
      guestPat: 'WB',
      effective: 'UC',
      decidedBy: 'hypervisor',
    });
  });
  it('ioremap_np() does not exist on x86 (asm-generic returns NULL): no mapping, no effective type', () => {
    expect(expectOk(x86Passthrough({ guestMapping: 'ioremap_np' }))).toMatchObject({ guestPat: null, effective: null, decidedBy: null });
  });
  it('the answer is the same in every covered version (ioremap_wc -> WC)', () => {
    for (const kernel of KERNEL_VERSIONS) expect(expectOk(x86Passthrough({ guestMapping: 'ioremap_wc', kernel })).effective).toBe('WC');
  });
  it('AMD NPT is explicitly not modelled', () => {
    expect(expectOk(x86Passthrough({ guestMapping: 'ioremap_wc' })).amd.modelled).toBe(false);
  });
  it('bad input names the field', () => {
    expect(x86Passthrough({ guestMapping: 'ioremap_uc' as never })).toMatchObject({ ok: false, error: { field: 'guestMapping' } });
    expect(x86Passthrough({ guestMapping: 'ioremap_np', kernel: '5.10' })).toMatchObject({ ok: false, error: { field: 'guestMapping' } });
  });
});

describe('vmx_get_mt_mask() after the quirk: no change found, inferred', () => {
  it('marks 6.17 and later results inferred, 6.16 and earlier read at the source', () => {
    expect(VMX_MT_AFTER_QUIRK).toEqual({ from: '6.17', through: '7.2', changeFound: false, confidence: 'inferred' });
    for (const [kernel, confidence] of [
      ['6.16', 'read-at-source'],
      ['6.17', 'inferred'],
      ['7.2', 'inferred'],
      ['5.10', 'read-at-source'],
    ] as const) {
      expect(expectOk(kvmEptType({ kernel, isMmio: true })).confidence, kernel).toBe(confidence);
    }
  });
  it('takes its eras from the change table', () => {
    expect(IGNORE_GUEST_PAT_QUIRK_SINCE).toBe('6.16');
    expect(expectOk(kvmEptType({ kernel: '6.10', isMmio: false })).era).toBe('5.10-6.10');
    expect(expectOk(kvmEptType({ kernel: '6.11', isMmio: false })).era).toBe('6.11');
    expect(expectOk(kvmEptType({ kernel: '6.15', isMmio: false })).era).toBe('6.12-6.15');
    expect(expectOk(kvmEptType({ kernel: '7.2', isMmio: false })).era).toBe('6.16+');
  });
});
