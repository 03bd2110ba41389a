import { describe, expect, it } from 'vitest';
import type { X86EffectiveType as EffectiveType, PatType } from '../../../src/model/x86/api';
import { EPT_ENCODING, EPT_TYPES, eptCombine, eptLeafTypeBits, PAT_ENCODING, PAT_TYPES } from '../../../src/model/x86/api';
import { expectOk } from '../../support/expect-ok';

/**
 * Intel SDM Vol. 3 (253668-032US), Table 11-7 "Effective Page-Level Memory Types for Pentium III and
 * More Recent Processor Families", pages 11-22/11-23, transcribed row by row: MTRR (here EPT) type,
 * then the effective type for PAT UC, UC-, WC, WT, WB, WP, with the cell's footnote numbers.
 */
const SDM_ROWS = `
UC: UC1   UC1   WC  UC1   UC1 UC1
WC: UC2   WC    WC  UC2,3 WC  UC2,3
WT: UC2   UC2   WC  WT    WT  WP3
WB: UC2   UC2   WC  WT    WB  WP
WP: UC2   WC3   WC  WT3   WP  WP
`;
const PAT_COLUMNS = ['UC', 'UC-', 'WC', 'WT', 'WB', 'WP'] as const satisfies readonly PatType[];

const sdmCells = SDM_ROWS.trim()
  .split('\n')
  .flatMap((line) => {
    const [row, rest] = line.split(':');
    const cells = (rest ?? '').trim().split(/\s+/);
    return cells.map((cell, i) => {
      const m = /^(UC|WC|WT|WB|WP)([\d,]*)$/.exec(cell);
      if (m === null) throw new Error(`bad cell ${cell}`);
      return {
        ept: row as (typeof EPT_TYPES)[number],
        pat: PAT_COLUMNS[i] as PatType,
        type: m[1] as EffectiveType,
        notes: m[2] === '' ? [] : (m[2] ?? '').split(',').map(Number),
      };
    });
  });

describe('SDM Table 11-7 with the EPT type in the MTRR column (SDM "Memory Type Used for Translated Guest-Physical Addresses", ignore-PAT clear)', () => {
  it('the transcription covers all 5 x 6 cells', () => {
    expect(sdmCells).toHaveLength(30);
  });
  for (const c of sdmCells) {
    it(`EPT ${c.ept} x PAT ${c.pat} -> ${c.type}${c.notes.length ? ` (note ${c.notes.join(',')})` : ''}`, () => {
      const r = expectOk(eptCombine({ eptMemType: EPT_ENCODING[c.ept], guestPat: PAT_ENCODING[c.pat] }));
      expect(r.effective).toBe(c.type);
      expect(r.rule).toBe('ept-x-pat');
      expect(r.notes.map((n) => n.note)).toEqual(c.notes);
    });
  }
});

describe('SDM "Memory Type Used for Translated Guest-Physical Addresses": ignore-PAT and CR0.CD', () => {
  it('ignore-PAT set: the EPT type, whatever the guest PAT', () => {
    for (const ept of EPT_TYPES) {
      for (const pat of PAT_TYPES) {
        const r = expectOk(eptCombine({ eptMemType: EPT_ENCODING[ept], ipat: true, guestPat: PAT_ENCODING[pat] }));
        expect(r.effective).toBe(ept);
        expect(r.rule).toBe('ipat');
      }
    }
  });
  it('CR0.CD = 1: UC, even with ignore-PAT and EPT WB', () => {
    const r = expectOk(eptCombine({ eptMemType: 6, ipat: true, guestPat: 6, cr0Cd: true }));
    expect(r).toMatchObject({ effective: 'UC', rule: 'cr0-cd' });
  });
});

describe('encodings (SDM "Format of an EPT Page-Table Entry", "Memory Types That Can Be Encoded With PAT")', () => {
  it('EPT 0/1/4/5/6 and PAT 0/1/4/5/6/7 decode to UC/WC/WT/WP/WB(/UC-)', () => {
    expect(EPT_ENCODING).toEqual({ UC: 0, WC: 1, WT: 4, WP: 5, WB: 6 });
    expect(PAT_ENCODING).toEqual({ UC: 0, WC: 1, WT: 4, WP: 5, WB: 6, 'UC-': 7 });
  });
  it('EPT leaf bits: type in 5:3, ignore-PAT in bit 6', () => {
    expect(eptLeafTypeBits('UC', false)).toBe(0);
    expect(eptLeafTypeBits('WB', false)).toBe(0x30);
    expect(eptLeafTypeBits('WB', true)).toBe(0x70);
  });
  it('reserved EPT types 2, 3, 7 are RESERVED (EPT misconfiguration), naming eptMemType', () => {
    for (const v of [2, 3, 7]) {
      const r = eptCombine({ eptMemType: v, guestPat: 0 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'RESERVED', field: 'eptMemType' });
        expect(r.error.message).toContain('EPT misconfiguration');
      }
    }
  });
  it('reserved PAT types 2 and 3 are RESERVED, naming guestPat', () => {
    for (const v of [2, 3]) {
      const r = eptCombine({ eptMemType: 0, guestPat: v });
      expect(r).toMatchObject({ ok: false, error: { code: 'RESERVED', field: 'guestPat' } });
    }
  });
});

describe('bad input names the field', () => {
  it('out of range, wrong type, missing, unknown', () => {
    expect(eptCombine({ eptMemType: 8, guestPat: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'eptMemType' } });
    expect(eptCombine({ eptMemType: 0, guestPat: '1' as unknown as number })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'guestPat' },
    });
    expect(eptCombine({ eptMemType: 0 } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'guestPat' } });
    expect(eptCombine({ eptMemType: 0, guestPat: 0, pat: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'pat' },
    });
    expect(eptCombine({ eptMemType: 0, guestPat: 0, ipat: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'ipat' },
    });
  });
});
