import { describe, expect, it } from 'vitest';
import type { PbmtMode, PmaClass } from '../../../src/model/riscv/api';
import { decodePbmt, PBMT_ENCODING, svpbmtCombine } from '../../../src/model/riscv/api';
import { expectOk } from '../../support/expect-ok';

describe('svpbmt.adoc table "Encodings for PBMT field in Sv39, Sv48, and Sv57 PTEs"', () => {
  it('0 PMA, 1 NC, 2 IO', () => {
    expect(PBMT_ENCODING).toEqual({ PMA: 0, NC: 1, IO: 2 });
    expect([0, 1, 2].map((v) => decodePbmt(v))).toEqual([
      { ok: true, mode: 'PMA' },
      { ok: true, mode: 'NC' },
      { ok: true, mode: 'IO' },
    ]);
  });
  it('3 is reserved: a leaf with it page-faults (RESERVED, naming the stage field)', () => {
    expect(decodePbmt(3).ok).toBe(false);
    expect(svpbmtCombine({ pma: 'io', vsPbmt: 3 })).toMatchObject({ ok: false, error: { code: 'RESERVED', field: 'vsPbmt' } });
    expect(svpbmtCombine({ pma: 'io', gPbmt: 3 })).toMatchObject({ ok: false, error: { code: 'RESERVED', field: 'gPbmt' } });
  });
});

describe('svpbmt.adoc two-stage rule (norm:Svpbmt_hgatp_stage_override_rule, norm:Svpbmt_vsatp_stage_override_rule)', () => {
  // The rule as the spec states it: non-zero G-stage PBMT overrides the PMAs; then non-zero VS-stage
  // PBMT overrides that. Written out as the expected outcome for every PMA class and stage value.
  const modes: (PbmtMode | 'bare')[] = ['bare', 'PMA', 'NC', 'IO'];
  for (const pma of ['io', 'main-memory'] as PmaClass[]) {
    for (const g of modes) {
      for (const vs of modes) {
        const expected = vs === 'NC' || vs === 'IO' ? vs : g === 'NC' || g === 'IO' ? g : pma === 'io' ? 'PMA (I/O)' : 'PMA (main memory)';
        it(`PMA ${pma}, G-stage ${g}, VS-stage ${vs} -> ${expected}`, () => {
          const r = expectOk(
            svpbmtCombine({
              pma,
              gPbmt: g === 'bare' ? 0 : PBMT_ENCODING[g],
              vsPbmt: vs === 'bare' ? 0 : PBMT_ENCODING[vs],
              hgatpBare: g === 'bare',
              vsatpBare: vs === 'bare',
            }),
          );
          expect(r.effective).toBe(expected);
        });
      }
    }
  }
  it('override, not "strictest wins": the guest relaxes a G-stage IO to NC', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', gPbmt: 2, vsPbmt: 1 }))).toMatchObject({
      effective: 'NC',
      rule: 'vs-overrides',
      final: { stage: 'VS' },
    });
  });
  it('and tightens a G-stage NC to IO', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', gPbmt: 1, vsPbmt: 2 }))).toMatchObject({ effective: 'IO', rule: 'vs-overrides' });
  });
  it('VS-stage PBMT 0 keeps the intermediate attributes', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', gPbmt: 2, vsPbmt: 0 }))).toMatchObject({
      effective: 'IO',
      rule: 'g-overrides-pma',
      intermediate: { stage: 'G' },
    });
    expect(expectOk(svpbmtCombine({ pma: 'io' }))).toMatchObject({ effective: 'PMA (I/O)', rule: 'pma' });
  });
  it('PMA I/O overridden to NC obeys RVWMO but counts as both I/O and memory for FENCE (svpbmt.adoc)', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', vsPbmt: 1 })).ordering).toMatch(/RVWMO.*both I\/O and main memory/);
    expect(expectOk(svpbmtCombine({ pma: 'main-memory', vsPbmt: 2 })).ordering).toMatch(/strong channel-0 I\/O ordering/);
  });
});

describe("the hypervisor's only lever: henvcfg.PBMTE (norm:henvcfg_pbmte_op, norm:Sv39_pte_svpbmt_rsv)", () => {
  it('PBMTE = 0: a non-zero VS-stage PBMT is a reserved-bit page fault', () => {
    const r = svpbmtCombine({ pma: 'io', gPbmt: 2, vsPbmt: 1, henvcfgPbmte: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'RESERVED', field: 'vsPbmt' } });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('henvcfg.PBMTE is 0') } });
  });
  it('PBMTE = 0 with VS-stage PBMT 0: the G-stage (hypervisor) attributes stand', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', gPbmt: 2, henvcfgPbmte: false }))).toMatchObject({ effective: 'IO', henvcfgPbmte: false });
  });
  it('menvcfg.PBMTE = 0 makes henvcfg.PBMTE read-only zero and turns G-stage PBMT off too', () => {
    expect(expectOk(svpbmtCombine({ pma: 'io', menvcfgPbmte: false }))).toMatchObject({ henvcfgPbmte: false });
    expect(svpbmtCombine({ pma: 'io', vsPbmt: 1, menvcfgPbmte: false })).toMatchObject({ ok: false, error: { field: 'vsPbmt' } });
    expect(svpbmtCombine({ pma: 'io', gPbmt: 2, menvcfgPbmte: false })).toMatchObject({ ok: false, error: { field: 'gPbmt' } });
  });
});

describe('svpbmtCombine: bad input names the field', () => {
  it('pma required and checked; PBMT on a Bare stage refused; unknown fields refused', () => {
    expect(svpbmtCombine({} as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'pma' } });
    expect(svpbmtCombine({ pma: 'dram' as never })).toMatchObject({ ok: false, error: { field: 'pma' } });
    expect(svpbmtCombine({ pma: 'io', gPbmt: 2, hgatpBare: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'gPbmt' },
    });
    expect(svpbmtCombine({ pma: 'io', vsPbmt: 4 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'vsPbmt' } });
    expect(svpbmtCombine({ pma: 'io', pbmt: 1 } as never)).toMatchObject({ ok: false, error: { field: 'pbmt' } });
  });
});
