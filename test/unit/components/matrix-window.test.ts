import { describe, expect, it } from 'vitest';
import type { RowMetrics } from '../../../src/components/CombineMatrix/window';
import { rowTop, spacerHeight, visibleSlices } from '../../../src/components/CombineMatrix/window';

const m: RowMetrics = { head: 100, rowPitch: 40, groupPitch: 30, spacing: 2 };

describe('matrix row window', () => {
  it('mounts the rows in view plus the overscan, and no more', () => {
    // One group of 236 rows without a heading; view 400 px from the top of the table.
    const [s] = visibleSlices([236], false, m, { top: 0, height: 400 }, 2);
    // Rows start at y = 100; the view reaches y = 400 + 2 * 40 = 480: rows 0..9 (ceil(380 / 40) = 10).
    expect(s).toEqual({ start: 0, end: 10 });
    const [t] = visibleSlices([236], false, m, { top: 4000, height: 400 }, 2);
    // From y = 4000 - 80 = 3920 -> row floor(3820 / 40) = 95; to y = 4480 -> ceil(4380 / 40) = 110.
    expect(t).toEqual({ start: 95, end: 110 });
  });

  it('clamps to each group and skips groups out of view', () => {
    const slices = visibleSlices([5, 100, 5], true, m, { top: 0, height: 300 }, 0);
    // Group 0: heading at 100, rows 130..330 (all in view); group 1 heading at 330, rows from 360.
    expect(slices[0]).toEqual({ start: 0, end: 5 });
    expect(slices[1]).toEqual({ start: 0, end: 0 });
    expect(slices[2]).toEqual({ start: 0, end: 0 });
  });

  it('at the end of the table the last rows are mounted', () => {
    const total = 100 + 236 * 40;
    const [s] = visibleSlices([236], false, m, { top: total - 400, height: 400 }, 1);
    expect(s?.end).toBe(236);
    expect(s?.start).toBeGreaterThan(220);
  });

  it('a spacer for k rows plus its own border spacing takes the room of k rows', () => {
    expect(spacerHeight(1, m) + m.spacing).toBe(m.rowPitch);
    expect(spacerHeight(10, m) + m.spacing).toBe(10 * m.rowPitch);
  });

  it('rowTop places a row where the window mounts it: a one-row view at its top mounts that row alone', () => {
    const sizes = [5, 100, 7];
    for (const heads of [true, false]) {
      sizes.forEach((n, group) => {
        for (const row of [0, 1, n - 1]) {
          const top = rowTop(sizes, heads, m, group, row);
          const slices = visibleSlices(sizes, heads, m, { top, height: m.rowPitch - m.spacing }, 0);
          expect(
            slices.map((sl) => sl.end - sl.start),
            `group ${group} row ${row}`,
          ).toEqual(sizes.map((_, g) => (g === group ? 1 : 0)));
          expect(slices[group]).toEqual({ start: row, end: row + 1 });
        }
      });
    }
    // The first row sits under the column headings, after its group's heading when there is one.
    expect(rowTop(sizes, true, m, 0, 0)).toBe(m.head + m.groupPitch);
    expect(rowTop(sizes, false, m, 1, 0)).toBe(m.head + 5 * m.rowPitch);
  });
});
