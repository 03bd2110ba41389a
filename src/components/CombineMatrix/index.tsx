/**
 * Guest stage 1 x stage 2 -> effective memory type, every cell computed by `combine()` at build time
 * (the static HTML holds the whole table) and explained on click or Enter after hydration.
 */
import clsx from 'clsx';
import type { KeyboardEvent, ReactNode } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import controls from '../shared/controls.module.css';
import { describeCombined, hexByte, hexNibble, MEMORY_CLASS_LABEL } from '../shared/format';
import tones from '../shared/tones.module.css';
import type { KvmValue, MatrixColumn, MatrixGroup } from './rows';
import { cellOf, definedMair, definedS2, groupedRows, kvmColumns, matrixRows, rowHead, USUAL_MAIR_BYTES } from './rows';
import styles from './styles.module.css';

export interface CombineMatrixProps {
  /** Start with FEAT_S2FWB on (HCR_EL2.FWB = 1). */
  readonly initialFwb?: boolean;
  /** The guest MAIR bytes shown as rows (default: the kernel's usual bytes). */
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
  const tableRef = useRef<HTMLTableElement>(null);
  const id = useId();

  const columns = useMemo(() => definedS2(fwb), [fwb]);
  const kvm = useMemo(() => kvmColumns(fwb), [fwb]);
  const allBytes = useMemo(() => definedMair(), []);
  const groups: MatrixGroup[] = useMemo(
    () => (showAll ? groupedRows(allBytes, columns, fwb) : [{ id: 'usual', label: 'usual bytes', rows: matrixRows(rows, columns, fwb) }]),
    [showAll, allBytes, columns, fwb, rows],
  );
  const flatRows = useMemo(() => groups.flatMap((g) => g.rows.map((r) => r.mair)), [groups]);

  // The roving tab stop must sit on a cell that is shown; fall back to the first one.
  const tabStop: Pos =
    flatRows.includes(focus.s1) && columns.some((c) => c.memAttr === focus.s2)
      ? focus
      : { s1: flatRows[0] ?? 0, s2: columns[0]?.memAttr ?? 0 };

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>): void {
    const target = e.target as HTMLElement;
    if (target.dataset.s1 === undefined || target.dataset.s2 === undefined) return;
    let r = flatRows.indexOf(Number(target.dataset.s1));
    let c = columns.findIndex((col) => col.memAttr === Number(target.dataset.s2));
    const move = MOVES[e.key];
    if (move) {
      r = Math.min(flatRows.length - 1, Math.max(0, r + move[0]));
      c = Math.min(columns.length - 1, Math.max(0, c + move[1]));
    } else if (e.key === 'Home') c = 0;
    else if (e.key === 'End') c = columns.length - 1;
    else return;
    e.preventDefault();
    const next = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-s1="${flatRows[r]}"][data-s2="${columns[c]?.memAttr}"]`);
    next?.focus();
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

  return (
    <figure className={styles.figure}>
      <fieldset className={styles.controls}>
        <legend className={controls.srOnly}>Matrix options</legend>
        <label>
          <input type="checkbox" checked={fwb} onChange={(e) => setFwb(e.currentTarget.checked)} /> FEAT_S2FWB on (HCR_EL2.FWB = 1)
        </label>
        {allowAll && (
          <label>
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} /> Show all {allBytes.length}{' '}
            defined MAIR bytes, grouped
          </label>
        )}
      </fieldset>
      {/* The caption is repeated outside the scrolling box so it wraps to the page, not to the table. */}
      <p className={styles.caption} aria-hidden="true">
        {captionText}
      </p>
      <div className={styles.scroller}>
        <table ref={tableRef} className={styles.table} onKeyDown={onKeyDown} aria-describedby={detailId} data-fwb={fwb ? 'on' : 'off'}>
          <caption className={controls.srOnly}>{captionText}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                <span>Stage 1 ↓</span> <span>Stage 2 →</span>
              </th>
              {columns.map((c) => (
                <ColumnHead key={c.memAttr} column={c} kvm={kvm.get(c.memAttr)} />
              ))}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.id}>
              {showAll && (
                <tr>
                  <th scope="rowgroup" colSpan={columns.length + 1} className={styles.group}>
                    {g.label} ({g.rows.length})
                  </th>
                </tr>
              )}
              {g.rows.map((row) => (
                <tr key={row.mair}>
                  <th scope="row" className={styles.rowHead}>
                    <span className={styles.hex}>{row.label}</span> <span className={styles.headName}>{row.name}</span>
                  </th>
                  {row.cells.map((cell) => {
                    const isSelected = cell.s1 === selected.s1 && cell.s2 === selected.s2;
                    const isTabStop = cell.s1 === tabStop.s1 && cell.s2 === tabStop.s2;
                    const col = columns.find((c) => c.memAttr === cell.s2);
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
                          tabIndex={isTabStop ? 0 : -1}
                          aria-pressed={isSelected}
                          aria-label={`${cell.ok ? `${cell.short}: ${cell.name}` : '— reserved'}, for stage 1 ${row.label} ${row.name} with stage 2 ${hexNibble(cell.s2)} ${col?.name ?? ''}`}
                          onFocus={() => setFocus({ s1: cell.s1, s2: cell.s2 })}
                          onClick={() => setSelected({ s1: cell.s1, s2: cell.s2 })}
                        >
                          {cell.ok ? cell.short : '—'}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <div id={detailId} className={styles.detail} role="status" aria-live="polite" data-testid="combine-detail">
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
      <Legend kvmNames={[...kvm.entries()].map(([v, k]) => `${k.constant} = ${hexNibble(v)}`)} />
    </figure>
  );
}

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

function Legend({ kvmNames }: { kvmNames: string[] }): ReactNode {
  return (
    <figcaption className={styles.legend}>
      {(['device', 'nc', 'cacheable'] as const).map((cls) => (
        <span key={cls} className={styles.legendItem}>
          <span className={clsx(styles.swatch, tones.tone, tones[cls])} aria-hidden="true" />
          {MEMORY_CLASS_LABEL[cls]}
        </span>
      ))}
      <span className={styles.legendItem}>
        <span className={clsx(styles.swatch, styles.kvmSwatch)} aria-hidden="true" />
        Outlined columns: the values KVM writes at stage 2 ({kvmNames.join(', ')})
      </span>
    </figcaption>
  );
}
