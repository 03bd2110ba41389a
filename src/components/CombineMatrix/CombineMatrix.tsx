/**
 * Guest stage 1 x stage 2 -> effective memory type, every cell computed by `combine()` (the static
 * HTML holds the default rows) and explained on click or Enter after hydration. The table scrolls in
 * its own box with the column headings and row headings kept in view, the explanation right under the
 * box; with every defined MAIR byte shown, only the rows in view are mounted.
 */
import clsx from 'clsx';
import type { KeyboardEvent, ReactNode } from 'react';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { MEMORY_CLASSES, NEWEST_KERNEL } from '../../model';
import controls from '../shared/controls.module.css';
import { describeCombined, hexByte, hexNibble, MEMORY_CLASS_LABEL } from '../shared/format';
import ScrollBox from '../shared/ScrollBox';
import tones from '../shared/tones.module.css';
import type { KvmValue, MatrixColumn, MatrixGroup, MatrixRow, MatrixRowHead } from './rows';
import { cellOf, definedMair, definedS2, groupedRows, kvmColumns, matrixRow, rowHead, rowHeads, USUAL_MAIR_BYTES } from './rows';
import styles from './styles.module.css';
import type { RowMetrics } from './window';
import { ESTIMATED_METRICS, rowTop, spacerHeight, visibleSlices, WINDOW_AFTER_ROWS } from './window';

export interface CombineMatrixProps {
  /** Start with FEAT_S2FWB on (HCR_EL2.FWB = 1). */
  readonly initialFwb?: boolean;
  /** The guest MAIR bytes shown as rows (default: the bytes Linux programs, and every Device type). */
  readonly rows?: readonly number[];
  /** Offer the control that shows every defined MAIR byte, grouped (default true). */
  readonly allowAll?: boolean;
  /** The cell explained before the reader picks one. */
  readonly initial?: { readonly s1: number; readonly s2: number };
  readonly caption?: ReactNode;
}

interface Pos {
  readonly s1: number;
  readonly s2: number;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The part of the scroll box in view, in table pixels (0 = the table's top edge). */
interface View {
  readonly top: number;
  readonly height: number;
}

/** The cell's button, if its row is drawn. */
function cellButton(table: HTMLTableElement | null, p: Pos): HTMLButtonElement | null {
  return table?.querySelector<HTMLButtonElement>(`button[data-s1="${p.s1}"][data-s2="${p.s2}"]`) ?? null;
}

export default function CombineMatrix({
  initialFwb = false,
  rows = USUAL_MAIR_BYTES,
  allowAll = true,
  initial = { s1: 0x44, s2: 0x5 },
  caption,
}: CombineMatrixProps): ReactNode {
  const [fwb, setFwb] = useState(initialFwb);
  const [showAll, setShowAll] = useState(false);
  const [selected, setSelected] = useState<Pos>(initial);
  const [focus, setFocus] = useState<Pos>(initial);
  const [metrics, setMetrics] = useState<RowMetrics>(ESTIMATED_METRICS);
  const [view, setView] = useState<View>({ top: 0, height: 600 });
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  /** Set by a click or Enter: bring the explanation into view once it is drawn. */
  const reveal = useRef(false);
  /** A cell an arrow key moved to before its row was drawn: focused once the row is. */
  const pendingFocus = useRef<Pos | null>(null);
  const id = useId();

  const columns = useMemo(() => definedS2(fwb), [fwb]);
  const kvm = useMemo(() => kvmColumns(fwb), [fwb]);
  const allBytes = useMemo(() => definedMair(), []);
  const groups: MatrixGroup[] = useMemo(
    () => (showAll ? groupedRows(allBytes) : [{ id: 'usual', label: 'usual bytes', rows: rowHeads(rows) }]),
    [showAll, allBytes, rows],
  );
  const flatRows = useMemo(() => groups.flatMap((g) => g.rows.map((r) => r.mair)), [groups]);
  const windowed = flatRows.length > WINDOW_AFTER_ROWS;

  // Cells are computed for a row when it is first drawn, once per FWB mode.
  const rowCache = useRef(new Map<string, MatrixRow>());
  const rowOf = (head: MatrixRowHead): MatrixRow => {
    const key = `${fwb}:${head.mair}`;
    let row = rowCache.current.get(key);
    if (!row) {
      row = matrixRow(head, columns, fwb);
      rowCache.current.set(key, row);
    }
    return row;
  };

  const slices = windowed
    ? visibleSlices(
        groups.map((g) => g.rows.length),
        showAll,
        metrics,
        view,
      )
    : groups.map((g) => ({ start: 0, end: g.rows.length }));
  const mounted = new Set(groups.flatMap((g, i) => g.rows.slice(slices[i]?.start, slices[i]?.end).map((r) => r.mair)));

  // The roving tab stop must sit on a cell that is drawn; fall back to the first one.
  const firstMounted = flatRows.find((b) => mounted.has(b)) ?? flatRows[0] ?? 0;
  const tabStop: Pos =
    mounted.has(focus.s1) && columns.some((c) => c.memAttr === focus.s2) ? focus : { s1: firstMounted, s2: columns[0]?.memAttr ?? 0 };

  const readView = useCallback(() => {
    const el = scrollerRef.current;
    if (!el) return;
    // Quantized, so scrolling re-renders only every few rows (the overscan covers the difference).
    const step = 4 * ESTIMATED_METRICS.rowPitch;
    const next = { top: Math.floor(el.scrollTop / step) * step, height: Math.ceil(el.clientHeight / step + 1) * step };
    setView((v) => (v.top === next.top && v.height === next.height ? v : next));
  }, []);

  // Measure the real row sizes once rows are drawn in a windowed table, and again when the columns
  // or the box's size change (not on every scroll: measuring forces a layout).
  // biome-ignore lint/correctness/useExhaustiveDependencies: fwb and view.height stand for the table's shape, read from the DOM
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!windowed || !table) return;
    const head = table.tHead?.getBoundingClientRect().height ?? ESTIMATED_METRICS.head;
    // Two neighbouring data rows (not split by a group heading or a spacer) give the pitch.
    const first = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]')].find((r) =>
      r.nextElementSibling?.hasAttribute('data-row'),
    );
    const a = first?.getBoundingClientRect();
    const b = first?.nextElementSibling?.getBoundingClientRect();
    const groupRow = table.querySelector<HTMLTableRowElement>('tbody tr[data-group]');
    const afterGroup = groupRow?.nextElementSibling?.getBoundingClientRect();
    if (!a || !b || b.top - a.top <= 0) return;
    const rowPitch = b.top - a.top;
    const spacing = rowPitch - a.height;
    const groupPitch = groupRow && afterGroup ? afterGroup.top - groupRow.getBoundingClientRect().top : rowPitch;
    const next = { head, rowPitch, groupPitch, spacing };
    setMetrics((m) =>
      Math.abs(m.head - next.head) < 0.5 &&
      Math.abs(m.rowPitch - next.rowPitch) < 0.5 &&
      Math.abs(m.groupPitch - next.groupPitch) < 0.5 &&
      Math.abs(m.spacing - next.spacing) < 0.5
        ? m
        : next,
    );
  }, [windowed, fwb, view.height]);

  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    readView();
    const observer = new ResizeObserver(readView);
    observer.observe(el);
    return () => observer.disconnect();
  }, [readView]);

  // On load, scroll the box sideways so the cell explained first is in view (on a phone it starts
  // off-screen, right of the row headings).
  useEffect(() => {
    const el = scrollerRef.current;
    const cell = el?.querySelector<HTMLElement>(`button[aria-pressed="true"]`);
    if (!el || !cell) return;
    const box = el.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const sticky = el.querySelector<HTMLElement>('[data-sticky-left]')?.getBoundingClientRect().width ?? 0;
    if (c.right > box.right || c.left < box.left + sticky) el.scrollLeft += c.left - (box.left + sticky) - 8;
  }, []);

  // After a click or Enter, make sure the explanation is on screen (the box is at most about half
  // the screen high, so the cell stays in view above it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the selection changes, reading the DOM it drew
  useEffect(() => {
    if (!reveal.current) return;
    reveal.current = false;
    const detail = detailRef.current;
    if (!detail) return;
    const r = detail.getBoundingClientRect();
    if (r.top + Math.min(r.height, 96) > window.innerHeight || r.bottom < 0) detail.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const select = useCallback((s1: number, s2: number) => {
    reveal.current = true;
    setSelected({ s1, s2 });
  }, []);
  const focusCell = useCallback((s1: number, s2: number) => setFocus({ s1, s2 }), []);

  // After every render: a cell a key moved to, past the rows drawn, gets the focus once drawn.
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    const cell = p && cellButton(tableRef.current, p);
    if (!cell) return;
    pendingFocus.current = null;
    cell.focus();
  });

  /** Scrolls the box so that row `index` of the whole table is in view below the sticky headings. */
  function scrollToRow(index: number): void {
    const el = scrollerRef.current;
    if (!el) return;
    let group = 0;
    let row = index;
    while (group < groups.length - 1 && row >= (groups[group]?.rows.length ?? 0)) row -= groups[group++]?.rows.length ?? 0;
    const sizes = groups.map((g) => g.rows.length);
    const top = rowTop(sizes, showAll, metrics, group, row);
    if (top < el.scrollTop + metrics.head) el.scrollTop = top - metrics.head;
    else if (top + metrics.rowPitch > el.scrollTop + el.clientHeight) el.scrollTop = top + metrics.rowPitch - el.clientHeight;
    readView();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>): void {
    const target = e.target as HTMLElement;
    if (target.dataset.s1 === undefined || target.dataset.s2 === undefined) return;
    // Keys pressed faster than rows are drawn (a held arrow key) go on from the cell still waiting.
    const from = pendingFocus.current ?? { s1: Number(target.dataset.s1), s2: Number(target.dataset.s2) };
    let r = flatRows.indexOf(from.s1);
    let c = columns.findIndex((col) => col.memAttr === from.s2);
    const move = MOVES[e.key];
    if (move) {
      r = Math.min(flatRows.length - 1, Math.max(0, r + move[0]));
      c = Math.min(columns.length - 1, Math.max(0, c + move[1]));
    } else if (e.key === 'Home') c = 0;
    else if (e.key === 'End') c = columns.length - 1;
    else return;
    e.preventDefault();
    const to = { s1: flatRows[r] ?? from.s1, s2: columns[c]?.memAttr ?? from.s2 };
    const next = cellButton(tableRef.current, to);
    if (next) {
      pendingFocus.current = null;
      next.focus();
      return;
    }
    // A windowed table has not drawn that row: scroll to it; the effect above focuses the cell.
    pendingFocus.current = to;
    setFocus(to);
    scrollToRow(r);
  }

  const detailId = `${id}-detail`;
  const captionText = (
    <>
      {caption ?? 'Effective memory type of a data access: guest stage-1 MAIR byte (rows) combined with the stage-2 MemAttr (columns)'}, FWB{' '}
      {fwb ? 'on' : 'off'}. Arrow keys move between cells; Enter explains one.
    </>
  );
  const s1Head = rowHead(selected.s1);
  const chosen = cellOf(selected.s1, selected.s2, fwb);
  const s2Decoded = columns.find((c) => c.memAttr === selected.s2);
  const colSpan = columns.length + 1;
  // aria-rowindex of each group's first row: the heading row is 1.
  const groupStart: number[] = [];
  let nextIndex = 2;
  for (const g of groups) {
    groupStart.push(nextIndex);
    nextIndex += g.rows.length + (showAll ? 1 : 0);
  }

  return (
    <figure className={styles.figure}>
      <fieldset className={styles.controls}>
        <legend className={controls.srOnly}>Matrix options</legend>
        <label>
          <input type="checkbox" checked={fwb} onChange={(e) => setFwb(e.currentTarget.checked)} /> FEAT_S2FWB on (HCR_EL2.FWB = 1)
        </label>
        {allowAll && (
          <label>
            <input
              type="checkbox"
              checked={showAll}
              onChange={(e) => {
                setShowAll(e.currentTarget.checked);
                if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
              }}
            />{' '}
            Show all {allBytes.length} defined MAIR bytes, grouped
          </label>
        )}
      </fieldset>
      {/* The caption is repeated outside the scrolling box so it wraps to the page, not to the table. */}
      <p className={styles.caption} aria-hidden="true">
        {captionText}
      </p>
      <ScrollBox
        className={clsx(styles.scroller, windowed && styles.windowed)}
        scrollerRef={scrollerRef}
        onScroll={windowed ? readView : undefined}
      >
        <table
          ref={tableRef}
          className={styles.table}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            // Focus moved to something else: a cell still waiting for its row must not take it back.
            // (No new target means the focused cell left the DOM as the rows re-windowed: keep waiting.)
            if (e.relatedTarget !== null && !e.currentTarget.contains(e.relatedTarget as Node)) pendingFocus.current = null;
          }}
          aria-describedby={detailId}
          aria-rowcount={nextIndex - 1}
          data-fwb={fwb ? 'on' : 'off'}
          data-rows={flatRows.length}
        >
          <caption className={controls.srOnly}>{captionText}</caption>
          <thead data-sticky-top="">
            <tr aria-rowindex={1}>
              <th scope="col" className={styles.corner} data-sticky-left="">
                <span>Stage 1 ↓</span> <span>Stage 2 →</span>
              </th>
              {columns.map((c) => (
                <ColumnHead key={c.memAttr} column={c} kvm={kvm.get(c.memAttr)} />
              ))}
            </tr>
          </thead>
          {groups.map((g, gi) => {
            const slice = slices[gi] ?? { start: 0, end: g.rows.length };
            const first = (groupStart[gi] ?? 2) + (showAll ? 1 : 0);
            return (
              <tbody key={g.id}>
                {showAll && (
                  <tr data-group="" aria-rowindex={groupStart[gi]}>
                    <th scope="rowgroup" colSpan={colSpan} className={styles.group}>
                      <span className={styles.groupLabel}>
                        {g.label} ({g.rows.length})
                      </span>
                    </th>
                  </tr>
                )}
                {slice.start > 0 && <Spacer rows={slice.start} metrics={metrics} colSpan={colSpan} />}
                {g.rows.slice(slice.start, slice.end).map((head, i) => (
                  <MatrixRowView
                    key={head.mair}
                    row={rowOf(head)}
                    columns={columns}
                    kvm={kvm}
                    rowIndex={first + slice.start + i}
                    selectedS2={head.mair === selected.s1 ? selected.s2 : null}
                    tabStopS2={head.mair === tabStop.s1 ? tabStop.s2 : null}
                    onSelect={select}
                    onFocusCell={focusCell}
                  />
                ))}
                {slice.end < g.rows.length && <Spacer rows={g.rows.length - slice.end} metrics={metrics} colSpan={colSpan} />}
              </tbody>
            );
          })}
        </table>
      </ScrollBox>
      <div ref={detailRef} id={detailId} className={styles.detail} role="status" aria-live="polite" data-testid="combine-detail">
        <p className={styles.detailHead}>
          <strong>
            Stage 1 <code>{hexByte(selected.s1)}</code> ({s1Head?.name ?? 'undefined'}) with stage 2 <code>{hexNibble(selected.s2)}</code> (
            {s2Decoded ? s2Decoded.name : 'not defined in this mode'}), FWB {fwb ? 'on' : 'off'}:{' '}
            {chosen.ok ? chosen.name : 'no single result'}
          </strong>
        </p>
        {chosen.ok ? (
          <>
            <p>
              Rule <code data-testid="combine-rule">{chosen.result.rule}</code>: {chosen.result.explanation}
            </p>
            <p className={styles.full}>Full result: {describeCombined(chosen.result)}.</p>
          </>
        ) : (
          <p>{chosen.message}</p>
        )}
      </div>
      <Legend kvm={kvm} />
    </figure>
  );
}

/** Stands for `rows` rows that are not drawn, so the scroll box keeps its full height. */
function Spacer({ rows, metrics, colSpan }: { rows: number; metrics: RowMetrics; colSpan: number }): ReactNode {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty row, not focusable; it only holds the place of rows not drawn
    <tr aria-hidden="true" className={styles.spacer} style={{ height: spacerHeight(rows, metrics) }}>
      <td colSpan={colSpan} />
    </tr>
  );
}

interface RowViewProps {
  readonly row: MatrixRow;
  readonly columns: readonly MatrixColumn[];
  readonly kvm: ReadonlyMap<number, KvmValue>;
  readonly rowIndex: number;
  /** The selected cell's column when it is in this row. */
  readonly selectedS2: number | null;
  /** The roving tab stop's column when it is in this row. */
  readonly tabStopS2: number | null;
  readonly onSelect: (s1: number, s2: number) => void;
  readonly onFocusCell: (s1: number, s2: number) => void;
}

/** One row; memoised, so picking a cell redraws only the rows that gain or lose the selection. */
const MatrixRowView = memo(function MatrixRowView({
  row,
  columns,
  kvm,
  rowIndex,
  selectedS2,
  tabStopS2,
  onSelect,
  onFocusCell,
}: RowViewProps): ReactNode {
  return (
    <tr data-row="" aria-rowindex={rowIndex}>
      <th scope="row" className={styles.rowHead}>
        <span className={styles.hex}>{row.label}</span> <span className={styles.headName}>{row.name}</span>
      </th>
      {row.cells.map((cell, i) => {
        const isSelected = cell.s2 === selectedS2;
        return (
          <td
            key={cell.s2}
            className={clsx(
              styles.cell,
              tones.tone,
              cell.ok ? tones[cell.cls] : tones.error,
              kvm.has(cell.s2) && styles.kvmCell,
              isSelected && styles.selected,
            )}
            data-class={cell.ok ? cell.cls : 'reserved'}
          >
            <button
              type="button"
              className={styles.cellButton}
              data-s1={cell.s1}
              data-s2={cell.s2}
              tabIndex={cell.s2 === tabStopS2 ? 0 : -1}
              aria-pressed={isSelected}
              aria-label={`${cell.ok ? `${cell.short}: ${cell.name}` : '— reserved'}, for stage 1 ${row.label} ${row.name} with stage 2 ${hexNibble(cell.s2)} ${columns[i]?.name ?? ''}`}
              onFocus={() => onFocusCell(cell.s1, cell.s2)}
              onClick={() => onSelect(cell.s1, cell.s2)}
            >
              {cell.ok ? cell.short : '—'}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

function ColumnHead({ column, kvm }: { column: MatrixColumn; kvm: KvmValue | undefined }): ReactNode {
  return (
    <th scope="col" className={clsx(styles.colHead, kvm && styles.kvmHead)}>
      <span className={styles.hex}>{column.label}</span>
      <span className={styles.headName}>{column.name}</span>
      {kvm && (
        <span className={styles.kvmBadge}>
          KVM <span className={styles.kvmProt}>{kvm.prot.replaceAll('_', '_\u200b')}</span>
        </span>
      )}
    </th>
  );
}

function Legend({ kvm }: { kvm: ReadonlyMap<number, KvmValue> }): ReactNode {
  const values = [...kvm].map(([v, k]) => `${k.constant} = ${hexNibble(v)} (${k.usedFor.join(', ')})`);
  return (
    <figcaption className={styles.legend}>
      {MEMORY_CLASSES.map((cls) => (
        <span key={cls} className={styles.legendItem}>
          <span className={clsx(styles.swatch, tones.tone, tones[cls])} aria-hidden="true" data-swatch={cls} />
          {MEMORY_CLASS_LABEL[cls]}
        </span>
      ))}
      <span className={styles.legendItem}>
        <span className={clsx(styles.swatch, styles.kvmSwatch)} aria-hidden="true" data-swatch="kvm" />
        <span>
          Outlined columns: what KVM writes at stage 2 in Linux {NEWEST_KERNEL}: {values.join('; ')}
        </span>
      </span>
    </figcaption>
  );
}
