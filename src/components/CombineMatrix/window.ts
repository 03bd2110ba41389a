/**
 * Which matrix rows to mount: with every defined MAIR byte shown (236 rows of up to 13 cells), only
 * the rows in the scrolling box's view, plus a margin, are in the DOM, and spacer rows of the same
 * height stand for the rest. Pure geometry, so it is unit tested; the component measures the sizes.
 */

/** Sizes measured in the rendered table (px); estimates until then. */
export interface RowMetrics {
  /** Height of the column headings (the sticky header row). */
  readonly head: number;
  /** Distance from one data row's top to the next one's (row height plus border spacing). */
  readonly rowPitch: number;
  /** Distance from a group heading's top to its first row's top. */
  readonly groupPitch: number;
  /** Vertical border spacing between rows (a spacer row is one row, so it leaves this out once). */
  readonly spacing: number;
}

export const ESTIMATED_METRICS: RowMetrics = { head: 80, rowPitch: 36, groupPitch: 38, spacing: 2 };

/** Tables with more rows than this are windowed; smaller ones (the usual eight bytes) are mounted whole. */
export const WINDOW_AFTER_ROWS = 40;

/** Rows mounted beyond each edge of the view, so arrow keys and short scrolls never reach an empty row. */
const OVERSCAN_ROWS = 6;

/** Half-open range of row indices mounted in one group. */
export interface Slice {
  readonly start: number;
  readonly end: number;
}

/**
 * For each group (given by its row count), the rows that intersect the view [top, top + height) of
 * the scroll box, widened by `overscan` rows on each side. `groupHeads` says whether each group has a
 * heading row.
 */
export function visibleSlices(
  groupSizes: readonly number[],
  groupHeads: boolean,
  metrics: RowMetrics,
  view: { readonly top: number; readonly height: number },
  overscan = OVERSCAN_ROWS,
): Slice[] {
  const from = view.top - overscan * metrics.rowPitch;
  const to = view.top + view.height + overscan * metrics.rowPitch;
  let y = metrics.head;
  return groupSizes.map((n) => {
    if (groupHeads) y += metrics.groupPitch;
    const first = Math.floor((from - y) / metrics.rowPitch);
    const last = Math.ceil((to - y) / metrics.rowPitch);
    y += n * metrics.rowPitch;
    const start = Math.min(n, Math.max(0, first));
    const end = Math.max(start, Math.min(n, last));
    return { start, end };
  });
}

/** Height of a spacer row standing for `rows` rows. */
export function spacerHeight(rows: number, metrics: RowMetrics): number {
  return rows * metrics.rowPitch - metrics.spacing;
}

/**
 * Top of row `row` of group `group` (px from the table's top), laid out as `visibleSlices` lays the
 * rows out: what the box scrolls to when a key moves to a row that is not drawn yet.
 */
export function rowTop(groupSizes: readonly number[], groupHeads: boolean, metrics: RowMetrics, group: number, row: number): number {
  const heading = groupHeads ? metrics.groupPitch : 0;
  let y = metrics.head;
  for (const n of groupSizes.slice(0, group)) y += heading + n * metrics.rowPitch;
  return y + heading + row * metrics.rowPitch;
}
