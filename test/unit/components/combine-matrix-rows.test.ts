import { describe, expect, it } from 'vitest';
import {
  cellOf,
  definedMair,
  definedS2,
  groupedRows,
  kvmColumns,
  matrixRows,
  USUAL_MAIR_BYTES,
} from '../../../src/components/CombineMatrix/rows';
import { combine, decodeMair, decodeS2 } from '../../../src/model';

describe('CombineMatrix rows', () => {
  it('columns are exactly the stage-2 values the decoder accepts: 13 with FWB off, 7 with FWB on', () => {
    const off = definedS2(false).map((c) => c.memAttr);
    const on = definedS2(true).map((c) => c.memAttr);
    expect(off).toEqual([...Array(16).keys()].filter((v) => decodeS2({ memAttr: v, fwb: false }).ok));
    expect(off).toHaveLength(13);
    expect(on).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });

  it('the "all" rows are the 236 MAIR bytes that decode with the default features', () => {
    const all = definedMair();
    expect(all).toHaveLength(236);
    expect(all.every((b) => decodeMair({ mair: b }).ok)).toBe(true);
  });

  it('every cell is combine() for its row and column', () => {
    for (const fwb of [false, true]) {
      const columns = definedS2(fwb);
      for (const row of matrixRows(USUAL_MAIR_BYTES, columns, fwb)) {
        row.cells.forEach((cell, i) => {
          const a = combine({ s1Mair: row.mair, s2MemAttr: columns[i]?.memAttr ?? -1, fwb });
          expect(a.ok).toBe(true);
          if (a.ok && cell.ok) expect(cell.result).toEqual(a.result);
        });
      }
    }
  });

  it('FWB changes guest Device-nGnRE with stage 2 0x6 from Device to forced Normal-WB', () => {
    const off = cellOf(0x04, 0x6, false);
    const on = cellOf(0x04, 0x6, true);
    expect(off.ok && off.cls).toBe('device');
    expect(on.ok && on.name).toBe('Normal-WB');
    expect(on.ok && on.result.rule).toBe('fwb-force-wb');
  });

  it('a stage-2 value reserved in the mode gives a cell that carries the reason', () => {
    const cell = cellOf(0x44, 0xf, true);
    expect(cell.ok).toBe(false);
    if (!cell.ok) expect(cell.message).toMatch(/bit 3/);
  });

  it('groups partition the rows', () => {
    const columns = definedS2(false);
    const groups = groupedRows(definedMair(), columns, false);
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(236);
    expect(groups[0]?.id).toBe('device');
  });

  it("KVM's own stage-2 values come from kvmStage2(): 0x1, 0x5, 0xF without FWB and 0x1, 0x5, 0x6 with it", () => {
    expect([...kvmColumns(false).keys()].sort((a, b) => a - b)).toEqual([0x1, 0x5, 0xf]);
    expect([...kvmColumns(true).keys()].sort((a, b) => a - b)).toEqual([0x1, 0x5, 0x6]);
    expect(kvmColumns(false).get(0x5)).toEqual({ constant: 'MT_S2_NORMAL_NC', prot: 'NORMAL_NC' });
    expect(kvmColumns(true).get(0x6)).toEqual({ constant: 'MT_S2_FWB_NORMAL', prot: 'NORMAL' });
  });
});
