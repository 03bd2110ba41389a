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
import { decodeMair, decodeS2, KERNEL_VERSIONS, linuxMair } from '../../../src/model';

function okCell(s1: number, s2: number, fwb: boolean) {
  const c = cellOf(s1, s2, fwb);
  if (!c.ok) throw new Error(`cell ${s1}/${s2} is reserved: ${c.message}`);
  return c;
}

describe('CombineMatrix rows', () => {
  it('columns are exactly the stage-2 values the decoder accepts: 13 with FWB off, 7 with FWB on', () => {
    const off = definedS2(false).map((c) => c.memAttr);
    const on = definedS2(true).map((c) => c.memAttr);
    expect(off).toEqual([...Array(16).keys()].filter((v) => decodeS2({ memAttr: v, fwb: false }).ok));
    expect(off).toHaveLength(13);
    expect(on).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });

  it('the default rows: every byte Linux programmed in any covered release, and every Device type', () => {
    expect(USUAL_MAIR_BYTES).toEqual([0x00, 0x04, 0x08, 0x0c, 0x44, 0xbb, 0xf0, 0xff]);
    for (const kernel of KERNEL_VERSIONS) {
      for (const mte of [false, true]) {
        const a = linuxMair({ kernel, mte });
        if (!a.ok) throw new Error(a.error.message);
        for (const slot of a.result.slots) expect(USUAL_MAIR_BYTES, `${kernel} ${slot.attr}`).toContain(slot.byte);
      }
    }
  });

  it('the "all" rows are the 236 MAIR bytes that decode with the default features', () => {
    const all = definedMair();
    expect(all).toHaveLength(236);
    expect(all.every((b) => decodeMair({ mair: b }).ok)).toBe(true);
  });

  it('each cell sits under its own column: a row reads across the stage-2 values in order', () => {
    const columns = definedS2(false);
    const [row] = matrixRows([0xff], columns, false);
    if (!row) throw new Error('no row for 0xFF');
    expect(row.cells.map((c) => c.s2)).toEqual(columns.map((c) => c.memAttr));
    // Guest Normal-WB under each stage-2 value (Arm ARM: the stricter side wins, Device beats Normal).
    const byS2 = new Map(row.cells.map((c) => [c.s2, c.ok ? c.short : 'reserved']));
    expect(byS2.get(0x0)).toBe('nGnRnE');
    expect(byS2.get(0x1)).toBe('nGnRE');
    expect(byS2.get(0x5)).toBe('NC');
    expect(byS2.get(0x7)).toBe('iWB/oNC');
    expect(byS2.get(0xf)).toBe('WB');
  });

  it('cells carry the rule, the class and the name of the combined type', () => {
    const nc = okCell(0x44, 0x5, false);
    expect([nc.result.rule, nc.cls, nc.name]).toEqual(['normal-stricter-per-side', 'non-cacheable', 'Normal-NC']);
    const gre = okCell(0x0c, 0x5, false);
    expect([gre.cls, gre.short]).toEqual(['device', 'GRE']);
  });

  it('FWB changes guest Device-nGnRE with stage 2 0x6 from Device to forced Normal-WB', () => {
    expect(okCell(0x04, 0x6, false).cls).toBe('device');
    const on = okCell(0x04, 0x6, true);
    expect(on.name).toBe('Normal-WB');
    expect(on.result.rule).toBe('fwb-force-wb');
  });

  it('a stage-2 value reserved in the mode gives a cell that carries the reason', () => {
    const cell = cellOf(0x44, 0xf, true);
    expect(cell.ok).toBe(false);
    if (!cell.ok) expect(cell.message).toMatch(/bit 3/);
  });

  it('groups partition the rows, Device first, in encoding order within a group', () => {
    const groups = groupedRows(definedMair());
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(236);
    expect(groups.map((g) => g.id)).toEqual(['device', 'Normal-NC', 'Normal-WT', 'Normal-WB', 'mixed']);
    expect(groups[0]?.rows.map((r) => r.mair)).toEqual([0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x0c, 0x0d]);
    // 0x40 is Normal-NC with XS=0, which FEAT_XS makes defined.
    expect(groups[1]?.rows.map((r) => r.mair)).toEqual([0x40, 0x44]);
  });

  it("KVM's own stage-2 values in the newest release: 0x1, 0x5, 0xF without FWB and 0x1, 0x5, 0x6 with it", () => {
    expect([...kvmColumns(false).keys()]).toEqual([0x1, 0x5, 0xf]);
    expect([...kvmColumns(true).keys()]).toEqual([0x1, 0x5, 0x6]);
    expect(kvmColumns(false).get(0x5)).toMatchObject({ constant: 'MT_S2_NORMAL_NC', prot: 'NORMAL_NC' });
    expect(kvmColumns(false).get(0x5)?.usedFor).toContain('vfio-pci');
    expect(kvmColumns(false).get(0x1)?.usedFor).toContain('vfio-platform');
    expect(kvmColumns(false).get(0xf)?.usedFor).toEqual(['guest RAM']);
    expect(kvmColumns(true).get(0x6)).toMatchObject({ constant: 'MT_S2_FWB_NORMAL', prot: 'NORMAL' });
  });
});
