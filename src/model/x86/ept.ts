/**
 * How an access through EPT gets its memory type.
 *
 * Intel SDM Vol. 3, "Memory Type Used for Translated Guest-Physical Addresses" (§24.2.5.2 in the 2008
 * edition of Vol. 3B; "EPT and Memory Typing", §28.2.6 in later ones):
 * - CR0.CD = 1: the effective type is UC.
 * - CR0.CD = 0 and the leaf's ignore-PAT bit (bit 6) = 1: the EPT type alone.
 * - CR0.CD = 0 and ignore-PAT = 0: the EPT type and the guest PAT type combined by the MTRR x PAT
 *   table, with the EPT type in the MTRR column.
 * - The MTRRs have no effect on accesses to guest-physical addresses.
 *
 * The table is "Effective Page-Level Memory Types for Pentium III and More Recent Processor Families"
 * (Table 11-7 in 253668-032US, §11.5.2.2, pages 11-22 and 11-23, including its footnotes), checked
 * cell by cell against that edition and the 2008 edition of Vol. 3A (Table 10-7).
 */
import type { EffectiveType, EptType, PatType } from './types';

/**
 * The table's footnotes:
 * 1 — the UC comes from the MTRR (here: the EPT type); caches need not be snooped.
 * 2 — the UC comes from the page tables; caches must be checked because of possible aliasing.
 * 3 — "undefined" in older editions; every processor with PAT and MTRRs gives the value shown.
 */
export const TABLE_FOOTNOTES = {
  1: 'UC comes from the MTRR (EPT) type; the processor need not snoop its caches, the data could never have been cached',
  2: 'UC comes from the page tables; the processor must check its caches, the data may be cached through an alias',
  3: 'listed as undefined in older SDM editions; all processors that support both PAT and MTRRs give this value',
} as const;
export type Footnote = keyof typeof TABLE_FOOTNOTES;

export interface TableCell {
  readonly type: EffectiveType;
  readonly notes: readonly Footnote[];
}

const c = (type: EffectiveType, ...notes: Footnote[]): TableCell => ({ type, notes });

/** SDM Table 11-7, rows by MTRR (here EPT) type, columns by PAT type. */
export const SDM_TABLE_11_7 = {
  UC: { UC: c('UC', 1), 'UC-': c('UC', 1), WC: c('WC'), WT: c('UC', 1), WB: c('UC', 1), WP: c('UC', 1) },
  WC: { UC: c('UC', 2), 'UC-': c('WC'), WC: c('WC'), WT: c('UC', 2, 3), WB: c('WC'), WP: c('UC', 2, 3) },
  WT: { UC: c('UC', 2), 'UC-': c('UC', 2), WC: c('WC'), WT: c('WT'), WB: c('WT'), WP: c('WP', 3) },
  WB: { UC: c('UC', 2), 'UC-': c('UC', 2), WC: c('WC'), WT: c('WT'), WB: c('WB'), WP: c('WP') },
  WP: { UC: c('UC', 2), 'UC-': c('WC', 3), WC: c('WC'), WT: c('WT', 3), WB: c('WP'), WP: c('WP') },
} as const satisfies Record<EptType, Record<PatType, TableCell>>;

export const EPT_RULES = ['cr0-cd', 'ipat', 'ept-x-pat'] as const;
export type EptRule = (typeof EPT_RULES)[number];

export interface EptEffective {
  readonly effective: EffectiveType;
  readonly rule: EptRule;
  /** The table's footnotes for the cell used (rule `ept-x-pat` only). */
  readonly notes: readonly Footnote[];
  readonly explanation: string;
}

/** Intel SDM "Memory Type Used for Translated Guest-Physical Addresses". */
export function eptEffectiveType(ept: EptType, ipat: boolean, guestPat: PatType, cr0Cd: boolean): EptEffective {
  if (cr0Cd) {
    return { effective: 'UC', rule: 'cr0-cd', notes: [], explanation: 'CR0.CD = 1: every access is UC, whatever EPT and PAT say.' };
  }
  if (ipat) {
    return {
      effective: ept,
      rule: 'ipat',
      notes: [],
      explanation: `The EPT leaf has ignore-PAT set: the EPT type ${ept} is used and the guest's PAT type ${guestPat} is ignored.`,
    };
  }
  const cell: TableCell = SDM_TABLE_11_7[ept][guestPat];
  const noted = cell.notes.length > 0 ? ` (SDM Table 11-7 note ${cell.notes.join(', ')})` : '';
  return {
    effective: cell.type,
    rule: 'ept-x-pat',
    notes: cell.notes,
    explanation: `Ignore-PAT clear: EPT type ${ept} takes the MTRR column of SDM Table 11-7; with guest PAT ${guestPat} the effective type is ${cell.type}${noted}.`,
  };
}
