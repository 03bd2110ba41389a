import { describe, expect, it } from 'vitest';
import { NEWEST_KERNEL } from '../../../src/model/linux/versions';
import { kvmRiscvGstage, RISCV_CHANGED_IN, RISCV_FACTS, riscvGuestMapping, riscvPassthrough } from '../../../src/model/riscv/api';
import { RISCV_KVM_SOURCES, riscvPassthroughAt } from '../../../src/model/riscv/kvm';
import { expectOk } from '../../support/expect-ok';

describe('KVM RISC-V G-stage for a VFIO BAR (arch/riscv/kvm/mmu.c, gstage.c)', () => {
  it('up to 6.17: mapped at memslot creation with pgprot_noncached(): PBMT IO', () => {
    expect(kvmRiscvGstage('6.9').pbmt).toBe('IO');
    expect(kvmRiscvGstage('6.17').pbmt).toBe('IO');
  });
  it('6.18 ("Remove automatic I/O mapping for VM_PFNMAP"): mapped on fault with no PBMT bits: PBMT 0', () => {
    expect(kvmRiscvGstage('6.18').pbmt).toBe('PMA');
  });
  it('no KVM RISC-V before 5.16', () => {
    expect(kvmRiscvGstage('5.15').pbmt).toBe(null);
  });
});

describe('Linux RISC-V guest mappings', () => {
  it('ioremap_wc() falls back to ioremap() (IO) before 6.18, and is NC from 6.18 (3a8ee3a9f4f6)', () => {
    expect(riscvGuestMapping('6.17', 'ioremap_wc').pbmt).toBe('IO');
    expect(riscvGuestMapping('6.18', 'ioremap_wc').pbmt).toBe('NC');
  });
  it('ioremap() is IO; ioremap_np() is not provided on RISC-V (returns NULL)', () => {
    expect(riscvGuestMapping('6.17', 'ioremap').pbmt).toBe('IO');
    expect(riscvGuestMapping('6.17', 'ioremap_np')).toMatchObject({ available: false, pbmt: null });
  });
});

describe('riscvPassthrough', () => {
  it('6.17, guest ioremap_wc(): both stages say IO, so IO — and from 6.18 the guest gets NC', () => {
    const r = expectOk(riscvPassthrough({ guestMapping: 'ioremap_wc', kernel: '6.17' }));
    expect(r).toMatchObject({ effective: 'IO', decidedBy: 'both' });
    expect(r.after).toMatchObject({ kernel: '6.18', effective: 'NC', decidedBy: 'guest' });
    expect(r.after.combined?.rule).toBe('vs-overrides');
  });
  it('defaults to the newest modelled kernel; bad input names the field', () => {
    expect(expectOk(riscvPassthrough({ guestMapping: 'ioremap' })).kernel).toBe(NEWEST_KERNEL);
    expect(riscvPassthrough({ guestMapping: 'ioremap', kernel: '7.3' })).toMatchObject({ ok: false, error: { field: 'kernel' } });
    expect(riscvPassthrough({ guestMapping: 'wc' as never })).toMatchObject({ ok: false, error: { field: 'guestMapping' } });
  });
});

describe('RISC-V facts derive from the change table', () => {
  it('dates ioremap_wc() and the on-fault G-stage mapping at 6.18, verified, with their commits', () => {
    expect(RISCV_FACTS['ioremap-wc-nc']).toMatchObject({
      since: '6.18',
      versionVerified: true,
      source: { url: 'https://git.kernel.org/torvalds/c/3a8ee3a9f4f6' },
    });
    expect(RISCV_FACTS['kvm-pfnmap-on-fault']).toMatchObject({
      since: '6.18',
      versionVerified: true,
      source: { url: 'https://git.kernel.org/torvalds/c/8c5fa3764facaad6d38336e90f406c2c11d69733' },
    });
    expect(RISCV_FACTS['kvm-riscv']).toMatchObject({ since: '5.16', versionVerified: false });
    expect(RISCV_FACTS['linux-svpbmt']).toMatchObject({ since: '5.19', versionVerified: false });
    expect(RISCV_CHANGED_IN).toBe('6.18');
  });
  it('7.2 (the default): guest ioremap_wc() NC over a PBMT-0 G-stage, decided by the guest', () => {
    const r = expectOk(riscvPassthrough({ guestMapping: 'ioremap_wc' }));
    expect(r).toMatchObject({ kernel: '7.2', effective: 'NC', decidedBy: 'guest', gStage: { pbmt: 'PMA' }, guest: { pbmt: 'NC' } });
    expect(expectOk(riscvPassthrough({ guestMapping: 'ioremap', kernel: '6.18' }))).toMatchObject({ effective: 'IO', decidedBy: 'guest' });
    expect(expectOk(riscvPassthrough({ guestMapping: 'ioremap', kernel: '6.17' }))).toMatchObject({ effective: 'IO', decidedBy: 'both' });
  });
});

describe('what each answer cites, and who decides in each era', () => {
  it('cites the code of the era: nothing before KVM RISC-V, the memslot-time mapping up to 6.17, the fault-time mapping and its commit from 6.18', () => {
    expect(kvmRiscvGstage('5.15').sources).toEqual([]);
    expect(kvmRiscvGstage('6.17').sources).toEqual([RISCV_KVM_SOURCES.prepare]);
    expect(kvmRiscvGstage('6.18').sources).toEqual([RISCV_KVM_SOURCES.map, RISCV_FACTS['kvm-pfnmap-on-fault'].source]);
  });
  it('a guest ioremap_np() gets no mapping on RISC-V, in every release, and the passthrough says why', () => {
    for (const kernel of ['5.19', '6.17', '6.18']) {
      expect(riscvGuestMapping(kernel as '6.17', 'ioremap_np')).toMatchObject({
        available: false,
        pbmt: null,
        how: expect.stringContaining('returns NULL'),
      });
      const r = riscvPassthroughAt(kernel as '6.17', 'ioremap_np');
      expect(r).toMatchObject({ combined: null, effective: null, decidedBy: null, henvcfgPbmte: true });
      expect(r.reason).toBe(r.guest.how);
    }
  });
  it("before KVM RISC-V there is nothing to combine, and the reason is the G-stage's", () => {
    const r = riscvPassthroughAt('5.15', 'ioremap');
    expect(r).toMatchObject({ combined: null, effective: null, decidedBy: null });
    expect(r.reason).toBe(kvmRiscvGstage('5.15').how);
  });
  it("5.16 to 5.18, before Linux uses Svpbmt: both stages PBMT 0, so the platform (the BAR's PMAs) decides", () => {
    for (const kernel of ['5.16', '5.18']) {
      const r = riscvPassthroughAt(kernel as '6.17', 'ioremap_wc');
      expect(r).toMatchObject({
        gStage: { pbmt: 'PMA' },
        guest: { pbmt: 'PMA' },
        effective: 'PMA (I/O)',
        decidedBy: 'platform',
        henvcfgPbmte: true,
      });
    }
  });
});
