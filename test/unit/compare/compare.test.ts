import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../src/model/compare/api';
import { compare } from '../../../src/model/compare/api';
import { GUEST_IOREMAPS } from '../../../src/model/cross-arch';
import { NEWEST_KERNEL } from '../../../src/model/linux/versions';
import { scenario } from '../../../src/model/scenario/api';
import { expectOk } from '../../support/expect-ok';

const effectiveBy = (r: CompareResult) => Object.fromEntries(r.rows.map((row) => [row.arch, row.effective]));

describe('compare: guest ioremap_wc() on a VFIO passthrough BAR', () => {
  it('6.8: arm64 Device-nGnRE (stage 2 caps it), x86 WC (guest PAT over EPT UC), RISC-V IO', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_wc', kernel: '6.8' }));
    expect(effectiveBy(r)).toEqual({ arm64: 'Device-nGnRE', x86: 'WC', riscv: 'IO' });
    expect(r.rows.map((x) => x.decidedBy)).toEqual(['hypervisor', 'guest', 'both']);
  });
  it('6.9: arm64 Normal-NC (the merged series), x86 WC, RISC-V IO (ioremap_wc() is ioremap() there)', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_wc', kernel: '6.9' }));
    expect(effectiveBy(r)).toEqual({ arm64: 'Normal-NC', x86: 'WC', riscv: 'IO' });
    expect(r.rows[0]).toMatchObject({ hypervisorType: 'Normal-NC', guestType: 'Normal-NC' });
    expect(r.rows[1]).toMatchObject({ hypervisorType: 'UC', guestType: 'PAT WC' });
    expect(r.rows[2]).toMatchObject({ hypervisorType: 'PBMT IO', guestType: 'PBMT IO' });
  });
  it('RISC-V past the modelled range (6.18): the guest gets NC', () => {
    expect(expectOk(compare({ guestMapping: 'ioremap_wc' })).riscvAfter).toMatchObject({
      kernel: '6.18',
      effective: 'NC',
      decidedBy: 'guest',
    });
  });
});

describe("compare: the arm64 row is the scenario layer's answer", () => {
  for (const guestMapping of GUEST_IOREMAPS) {
    for (const kernel of ['6.8', '6.9', '6.17'] as const) {
      it(`${guestMapping} on ${kernel}`, () => {
        const r = expectOk(compare({ guestMapping, kernel }));
        const s = expectOk(scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping }));
        expect(r.rows[0]?.effective).toBe(s.effectiveType);
        expect(r.arm64?.effectiveType).toBe(s.effectiveType);
      });
    }
  }
});

describe('compare: other mappings', () => {
  it('ioremap_np(): arm64 Device-nGnRnE; x86 and RISC-V have no ioremap_np(), so nothing is mapped', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_np', kernel: '6.9' }));
    expect(effectiveBy(r)).toEqual({ arm64: 'Device-nGnRnE', x86: null, riscv: null });
  });
  it('ioremap_cache(): capped by the hypervisor on arm64 6.9 (Normal-NC) and x86 (UC)', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_cache', kernel: '6.9' }));
    expect(effectiveBy(r)).toEqual({ arm64: 'Normal-NC', x86: 'UC', riscv: 'IO' });
    expect(r.rows.slice(0, 2).map((x) => x.decidedBy)).toEqual(['hypervisor', 'hypervisor']);
  });
  it('before KVM RISC-V (5.15): no RISC-V answer, the others still answer', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_wc', kernel: '5.15' }));
    expect(effectiveBy(r)).toEqual({ arm64: 'Device-nGnRE', x86: 'WC', riscv: null });
  });
});

describe('compare: shape', () => {
  it('defaults to the newest modelled kernel and lists arm64, x86, RISC-V in that order', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap' }));
    expect(r.kernel).toBe(NEWEST_KERNEL);
    expect(r.rows.map((x) => x.arch)).toEqual(['arm64', 'x86', 'riscv']);
  });
  it('every row cites sources, each with an https link or null; what is not modelled is listed', () => {
    const r = expectOk(compare({ guestMapping: 'ioremap_wc' }));
    for (const row of r.rows) {
      expect(row.sources.length).toBeGreaterThan(0);
      for (const s of row.sources) expect(s.url === null || s.url.startsWith('https://')).toBe(true);
      expect(row.reason.length).toBeGreaterThan(0);
    }
    expect(r.notModelled.some((n) => n.startsWith('AMD NPT'))).toBe(true);
  });
});

describe('compare: bad input names the field', () => {
  it('missing or unknown guestMapping', () => {
    expect(compare({} as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'guestMapping' } });
    expect(compare({ guestMapping: 'pci_iomap_wc' as never })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'guestMapping' },
    });
  });
  it('kernel out of range or malformed', () => {
    expect(compare({ guestMapping: 'ioremap', kernel: '7.3' })).toMatchObject({ ok: false, error: { field: 'kernel' } });
    expect(compare({ guestMapping: 'ioremap', kernel: 6.9 as never })).toMatchObject({ ok: false, error: { field: 'kernel' } });
  });
  it('ioremap_np() before 5.13 names the version it arrived in', () => {
    const r = compare({ guestMapping: 'ioremap_np', kernel: '5.10' });
    expect(r).toMatchObject({ ok: false, error: { field: 'guestMapping' } });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('5.13') } });
  });
  it('unknown fields and non-objects are refused, never thrown', () => {
    expect(compare({ guestMapping: 'ioremap', arch: 'x86' } as never)).toMatchObject({ ok: false, error: { field: 'arch' } });
    expect(compare(null as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(compare('ioremap_wc' as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
