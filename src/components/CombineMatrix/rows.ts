/**
 * The data behind CombineMatrix: which MAIR bytes and stage-2 values are defined (asked of the
 * decoders), and every cell's answer from `combine()`. Pure, so it is unit tested and the browser
 * test can compute the same expected cells.
 */
import type { Answer, CombineResult, DecodeMairResult, DecodeS2Result, KvmStage2Input } from '../../model';
import { combine, decodeMair, decodeS2, kvmStage2 } from '../../model';
import type { MemoryClass } from '../shared/format';
import { attrsName, hexByte, hexNibble, memoryClassOf, shortName } from '../shared/format';

/** The MAIR bytes arm64 Linux has programmed (MAIR_ATTR_*) plus Device-nGRE, the one Device type it never used. */
export const USUAL_MAIR_BYTES = [0x00, 0x04, 0x08, 0x0c, 0x44, 0xbb, 0xff] as const;

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

export interface MatrixGroup {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly MatrixRow[];
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

/** One stage-1 row heading, or null when the byte is reserved or UNPREDICTABLE with default features. */
export function rowHead(mair: number): MatrixRowHead | null {
  const d = decodeMair({ mair });
  if (!d.ok) return null;
  return { mair, label: hexByte(mair), name: attrsName(d.result), decoded: d.result };
}

/** Every MAIR byte that decodes with the default features (FEAT_XS and FEAT_MTE2 present). */
export function definedMair(): number[] {
  const bytes: number[] = [];
  for (let b = 0; b < 256; b++) if (decodeMair({ mair: b }).ok) bytes.push(b);
  return bytes;
}

export function cellOf(s1: number, s2: number, fwb: boolean): MatrixCell {
  const a: Answer<CombineResult> = combine({ s1Mair: s1, s2MemAttr: s2, fwb });
  if (!a.ok) return { ok: false, s1, s2, message: a.error.message };
  const r = a.result;
  return { ok: true, s1, s2, result: r, cls: memoryClassOf(r), short: shortName(r), name: attrsName(r) };
}

export function matrixRow(mair: number, columns: readonly MatrixColumn[], fwb: boolean): MatrixRow | null {
  const head = rowHead(mair);
  if (head === null) return null;
  return { ...head, cells: columns.map((c) => cellOf(mair, c.memAttr, fwb)) };
}

/** Rows for the given MAIR bytes (undefined ones are skipped). */
export function matrixRows(bytes: readonly number[], columns: readonly MatrixColumn[], fwb: boolean): MatrixRow[] {
  return bytes.flatMap((b) => {
    const row = matrixRow(b, columns, fwb);
    return row === null ? [] : [row];
  });
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

/** Rows grouped by what stage 1 asks for, in encoding order within a group. */
export function groupedRows(bytes: readonly number[], columns: readonly MatrixColumn[], fwb: boolean): MatrixGroup[] {
  const rows = matrixRows(bytes, columns, fwb);
  return GROUP_ORDER.map((id) => ({ id, label: GROUP_LABEL[id], rows: rows.filter((r) => groupOf(r.decoded) === id) })).filter(
    (g) => g.rows.length > 0,
  );
}

/** A stage-2 value KVM writes: the kernel's constant and the prot that selects it. */
export interface KvmValue {
  readonly constant: string;
  readonly prot: string;
}

/**
 * The stage-2 values KVM itself writes, asked of `kvmStage2()` (user_mem_abort()) with one fault of
 * each kind: a device BAR without and with VM_ALLOW_ANY_UNCACHED, and ordinary memory. Keyed by
 * MemAttr.
 */
export function kvmColumns(fwb: boolean): ReadonlyMap<number, KvmValue> {
  const base = { kernel: '6.9', fwb, fault: 'write' } as const;
  const faults: KvmStage2Input[] = [
    { ...base, pfnIsMemory: false, vmaFlags: ['VM_IO', 'VM_PFNMAP'], vmaMemType: 'MT_DEVICE_nGnRE' },
    { ...base, pfnIsMemory: false, vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_ALLOW_ANY_UNCACHED'], vmaMemType: 'MT_DEVICE_nGnRE' },
    { ...base, pfnIsMemory: true, vmaFlags: [], vmaMemType: 'MT_NORMAL' },
  ];
  const out = new Map<number, KvmValue>();
  for (const input of faults) {
    const a = kvmStage2(input);
    if (!a.ok || a.result.memAttr === null || a.result.prot === null) continue;
    out.set(a.result.memAttr, { constant: a.result.memAttrName ?? a.result.prot, prot: a.result.prot });
  }
  return out;
}
