/**
 * The data behind CombineMatrix: which MAIR bytes and stage-2 values are defined (asked of the
 * decoders), every cell's answer from `combine()`, and the stage-2 values KVM writes (`kvmStage2MemAttrs()`). Pure, so it is
 * unit tested and the browser test can compute the same expected cells.
 */
import type { Answer, CombineResult, DecodeMairResult, DecodeS2Result, KvmStage2MemAttr, MemoryClass } from '../../model';
import {
  combine,
  DEVICE_TYPES,
  decodeMair,
  decodeS2,
  encodeMair,
  kvmStage2MemAttrs,
  MAIR_ATTR,
  memoryClass,
  NEWEST_KERNEL,
} from '../../model';
import { attrsName, hexByte, hexNibble, shortName } from '../shared/format';

/**
 * The rows shown by default: every byte arm64 Linux has programmed in MAIR_EL1 (the model's
 * MAIR_ATTR_* table, all covered releases, MTE's tagged byte included), plus the encoding of every
 * Device type, so the one Linux never used (Device-nGRE) has a row too. In encoding order.
 */
export const USUAL_MAIR_BYTES: readonly number[] = [
  ...new Set([...Object.values(MAIR_ATTR), ...DEVICE_TYPES.flatMap((device) => encodeMair({ kind: 'Device', device, xs: 1 }) ?? [])]),
].sort((a, b) => a - b);

export interface MatrixColumn {
  readonly memAttr: number;
  readonly label: string;
  readonly name: string;
  readonly decoded: DecodeS2Result;
}

export interface MatrixRowHead {
  readonly mair: number;
  readonly label: string;
  readonly name: string;
  readonly decoded: DecodeMairResult;
}

export type MatrixCell =
  | {
      readonly ok: true;
      readonly s1: number;
      readonly s2: number;
      readonly result: CombineResult;
      readonly cls: MemoryClass;
      readonly short: string;
      readonly name: string;
    }
  | { readonly ok: false; readonly s1: number; readonly s2: number; readonly message: string };

export interface MatrixRow extends MatrixRowHead {
  readonly cells: readonly MatrixCell[];
}

/** A run of rows under one heading; the cells are computed only for the rows on screen. */
export interface MatrixGroup {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly MatrixRowHead[];
}

/** Stage-2 MemAttr values that decode without a reservation, in the given FWB mode. */
export function definedS2(fwb: boolean): MatrixColumn[] {
  const columns: MatrixColumn[] = [];
  for (let memAttr = 0; memAttr < 16; memAttr++) {
    const d = decodeS2({ memAttr, fwb });
    if (!d.ok) continue;
    columns.push({ memAttr, label: hexNibble(memAttr), name: s2Name(d.result), decoded: d.result });
  }
  return columns;
}

/** A short name for a decoded stage-2 value (its meaning changes with FWB). */
export function s2Name(d: DecodeS2Result): string {
  switch (d.kind) {
    case 'Device':
      return d.device ?? 'Device';
    case 'Normal':
      return d.inner === d.outer ? `Normal-${d.inner}` : `Normal i${d.inner}/o${d.outer}`;
    case 'NormalNC':
      return 'Normal-NC';
    case 'ForceWB':
      return 'force Normal-WB';
    case 'AsStage1':
      return 'use stage 1';
  }
}

/** Headings by byte: decoding is pure, so each byte is decoded once per page (256 at most). */
const headings = new Map<number, MatrixRowHead | null>();

/** One stage-1 row heading, or null when the byte is reserved or UNPREDICTABLE with default features. */
export function rowHead(mair: number): MatrixRowHead | null {
  let head = headings.get(mair);
  if (head === undefined) {
    const d = decodeMair({ mair });
    head = d.ok ? { mair, label: hexByte(mair), name: attrsName(d.result), decoded: d.result } : null;
    headings.set(mair, head);
  }
  return head;
}

/** Every MAIR byte that decodes with the default features (FEAT_XS and FEAT_MTE2 present). */
export function definedMair(): number[] {
  const bytes: number[] = [];
  for (let b = 0; b < 256; b++) if (rowHead(b) !== null) bytes.push(b);
  return bytes;
}

export function cellOf(s1: number, s2: number, fwb: boolean): MatrixCell {
  const a: Answer<CombineResult> = combine({ s1Mair: s1, s2MemAttr: s2, fwb });
  if (!a.ok) return { ok: false, s1, s2, message: a.error.message };
  const r = a.result;
  return { ok: true, s1, s2, result: r, cls: memoryClass(r), short: shortName(r), name: attrsName(r) };
}

export function matrixRow(head: MatrixRowHead, columns: readonly MatrixColumn[], fwb: boolean): MatrixRow {
  return { ...head, cells: columns.map((c) => cellOf(head.mair, c.memAttr, fwb)) };
}

/** Row headings for the given MAIR bytes (undefined ones are skipped). */
export function rowHeads(bytes: readonly number[]): MatrixRowHead[] {
  return bytes.flatMap((b) => {
    const head = rowHead(b);
    return head === null ? [] : [head];
  });
}

/** Rows for the given MAIR bytes, every cell computed (undefined bytes are skipped). */
export function matrixRows(bytes: readonly number[], columns: readonly MatrixColumn[], fwb: boolean): MatrixRow[] {
  return rowHeads(bytes).map((head) => matrixRow(head, columns, fwb));
}

const GROUP_ORDER = ['device', 'Normal-NC', 'Normal-WT', 'Normal-WB', 'mixed'] as const;
type GroupId = (typeof GROUP_ORDER)[number];
const GROUP_LABEL = {
  device: 'Device (XS=1 and, with FEAT_XS, XS=0 encodings)',
  'Normal-NC': 'Normal Non-cacheable, inner and outer',
  'Normal-WT': 'Normal Write-Through, inner and outer (any hints)',
  'Normal-WB': 'Normal Write-Back, inner and outer (any hints, MTE tagged)',
  mixed: 'Normal with inner and outer different',
} as const satisfies Record<GroupId, string>;

function groupOf(d: DecodeMairResult): GroupId {
  if (d.memoryType !== 'Normal') return 'device';
  if (d.summary === 'Normal-NC' || d.summary === 'Normal-WT' || d.summary === 'Normal-WB') return d.summary;
  return 'mixed';
}

/** Row headings grouped by what stage 1 asks for, in encoding order within a group. */
export function groupedRows(bytes: readonly number[]): MatrixGroup[] {
  const heads = rowHeads(bytes);
  return GROUP_ORDER.map((id) => ({ id, label: GROUP_LABEL[id], rows: heads.filter((r) => groupOf(r.decoded) === id) })).filter(
    (g) => g.rows.length > 0,
  );
}

/** A stage-2 value KVM writes, as the model lists it (kvmStage2MemAttrs()). */
export type KvmValue = KvmStage2MemAttr;

/**
 * The stage-2 values KVM writes for a guest in the newest covered release, as the model lists them
 * (kvmStage2MemAttrs(): guest RAM and each VFIO driver's region), keyed by MemAttr for the columns.
 */
export function kvmColumns(fwb: boolean): ReadonlyMap<number, KvmValue> {
  const values = kvmStage2MemAttrs({ kernel: NEWEST_KERNEL, fwb });
  if (!values.ok) throw new Error(values.error.message);
  return new Map(values.result.map((v) => [v.memAttr, v]));
}
