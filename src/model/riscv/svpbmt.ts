/**
 * RISC-V page-based memory types (Svpbmt) and how the two stages of the H extension apply them.
 *
 * Sources (riscv/riscv-isa-manual, read at the source for this model):
 * - src/priv/svpbmt.adoc, table "Encodings for PBMT field in Sv39, Sv48, and Sv57 PTEs": bits 62-61 of a
 *   leaf PTE; 0 PMA (no override), 1 NC, 2 IO, 3 reserved — a leaf with 3 raises a page fault
 *   (norm:Svpbmt_leaf_pte_pbmt_reserved_3_fault). PMA I/O + PBMT NC obeys RVWMO but counts as both I/O
 *   and main memory for FENCE, .aq and .rl; PMA main memory + PBMT IO obeys strong channel-0 I/O ordering,
 *   and counts as both too.
 * - svpbmt.adoc, two stages (norm:Svpbmt_hgatp_stage_override_rule, norm:Svpbmt_vsatp_stage_override_rule):
 *   with hgatp.MODE != Bare, non-zero G-stage PBMT overrides the PMAs giving the intermediate attributes
 *   (else the PMAs are); with vsatp.MODE != Bare, non-zero VS-stage PBMT overrides the intermediate
 *   attributes giving the final ones (else the intermediate ones are). Override, not "strictest wins".
 * - hypervisor.adoc henvcfg (norm:henvcfg_pbmte_op): PBMTE=0 makes the hart behave as though it had no Svpbmt
 *   for VS-stage translation; the Sv39 PTE format (norm:Sv39_pte_svpbmt_rsv) then makes
 *   bits 62-61 reserved: a non-zero value raises a page fault. menvcfg.PBMTE=0 makes henvcfg.PBMTE
 *   read-only zero and turns Svpbmt off for G-stage translation too (machine-level envcfg).
 */
import type { Citation } from '../cross-arch';
import { cite } from '../cross-arch';

export const PBMT_MODES = ['PMA', 'NC', 'IO'] as const;
export type PbmtMode = (typeof PBMT_MODES)[number];

export const PBMT_ENCODING = { PMA: 0, NC: 1, IO: 2 } as const satisfies Record<PbmtMode, number>;

/** The spec table's "Requested Memory Attributes" column, in our words. */
export const PBMT_ATTRIBUTES = {
  PMA: 'none: the physical memory attributes (PMAs) of the region apply',
  NC: 'non-cacheable, idempotent, weakly ordered (RVWMO), main memory',
  IO: 'non-cacheable, non-idempotent, strongly ordered (I/O ordering), I/O',
} as const satisfies Record<PbmtMode, string>;

/** The class of the region's PMAs; a PCI BAR is an I/O region. */
export const PMA_CLASSES = ['main-memory', 'io'] as const;
export type PmaClass = (typeof PMA_CLASSES)[number];

export type DecodedPbmt = { readonly ok: true; readonly mode: PbmtMode } | { readonly ok: false; readonly why: string };

/** PBMT field value (0-3) of a leaf PTE. */
export function decodePbmt(value: number): DecodedPbmt {
  for (const m of PBMT_MODES) if (PBMT_ENCODING[m] === value) return { ok: true, mode: m };
  return {
    ok: false,
    why: `PBMT ${value} is reserved for future standard use; a leaf PTE with it raises a page fault (riscv-isa-manual svpbmt.adoc, norm:Svpbmt_leaf_pte_pbmt_reserved_3_fault)`,
  };
}

/** Attributes after a stage: the PMAs, or a PBMT override and which stage wrote it. */
export type SvpbmtAttrs =
  | { readonly source: 'pma'; readonly pma: PmaClass }
  | { readonly source: 'pbmt'; readonly mode: 'NC' | 'IO'; readonly stage: 'G' | 'VS'; readonly pma: PmaClass };

/** A short name: NC, IO, or PMA (I/O) / PMA (main memory). */
export function svpbmtName(a: SvpbmtAttrs): string {
  if (a.source === 'pbmt') return a.mode;
  return a.pma === 'io' ? 'PMA (I/O)' : 'PMA (main memory)';
}

/** The memory-ordering consequence of the final attributes (svpbmt.adoc, overriding PMAs). */
export function svpbmtOrdering(a: SvpbmtAttrs): string {
  if (a.source === 'pma') return a.pma === 'io' ? "I/O ordering as the region's PMAs define it" : 'RVWMO (main memory)';
  if (a.mode === 'NC') {
    return a.pma === 'io'
      ? 'RVWMO; the accesses count as both I/O and main memory for FENCE, .aq and .rl (PMA I/O overridden to NC)'
      : 'RVWMO';
  }
  return a.pma === 'main-memory'
    ? 'strong channel-0 I/O ordering; the accesses count as both I/O and main memory for FENCE, .aq and .rl'
    : 'strong I/O ordering';
}

export interface SvpbmtStages {
  readonly pma: PmaClass;
  /** G-stage leaf PBMT, or null when hgatp.MODE is Bare (no G-stage translation). */
  readonly g: PbmtMode | null;
  /** VS-stage leaf PBMT, or null when vsatp.MODE is Bare. */
  readonly vs: PbmtMode | null;
}

export const SVPBMT_RULES = ['vs-overrides', 'g-overrides-pma', 'pma'] as const;
export type SvpbmtRule = (typeof SVPBMT_RULES)[number];

export interface SvpbmtResult {
  readonly intermediate: SvpbmtAttrs;
  readonly final: SvpbmtAttrs;
  readonly rule: SvpbmtRule;
  readonly explanation: string;
}

/** svpbmt.adoc two-stage rule: G-stage over the PMAs, then VS-stage over that. */
export function svpbmtTwoStage(s: SvpbmtStages): SvpbmtResult {
  const intermediate: SvpbmtAttrs =
    s.g !== null && s.g !== 'PMA' ? { source: 'pbmt', mode: s.g, stage: 'G', pma: s.pma } : { source: 'pma', pma: s.pma };
  const pmaText = s.pma === 'io' ? 'I/O' : 'main memory';
  const interText =
    intermediate.source === 'pbmt'
      ? `G-stage PBMT ${s.g} overrides the ${pmaText} PMAs`
      : s.g === null
        ? `hgatp is Bare, so the ${pmaText} PMAs are the intermediate attributes`
        : `G-stage PBMT is 0 (PMA), so the ${pmaText} PMAs are the intermediate attributes`;
  if (s.vs !== null && s.vs !== 'PMA') {
    const final: SvpbmtAttrs = { source: 'pbmt', mode: s.vs, stage: 'VS', pma: s.pma };
    return {
      intermediate,
      final,
      rule: 'vs-overrides',
      explanation: `${interText}; the non-zero VS-stage PBMT ${s.vs} overrides that: the final attributes are ${s.vs} (${PBMT_ATTRIBUTES[s.vs]}).`,
    };
  }
  const vsText = s.vs === null ? 'vsatp is Bare' : 'the VS-stage PBMT is 0';
  return {
    intermediate,
    final: intermediate,
    rule: intermediate.source === 'pbmt' ? 'g-overrides-pma' : 'pma',
    explanation: `${interText}; ${vsText}, so the intermediate attributes are final: ${svpbmtName(intermediate)}.`,
  };
}

export const SVPBMT_SOURCES = {
  svpbmt: cite(
    'RISC-V Privileged ISA, Svpbmt ("Extension for Page-Based Memory Types"): PBMT encodings and the two-stage rule',
    'https://github.com/riscv/riscv-isa-manual/blob/main/src/priv/svpbmt.adoc',
  ),
  henvcfg: cite(
    'RISC-V Privileged ISA, H extension, henvcfg.PBMTE (norm:henvcfg_pbmte_op)',
    'https://github.com/riscv/riscv-isa-manual/blob/main/src/priv/hypervisor.adoc',
  ),
  sv39: cite('RISC-V Privileged ISA, Sv39 PTE format: bits 62-61 reserved without Svpbmt (norm:Sv39_pte_svpbmt_rsv)'),
} as const satisfies Record<string, Citation>;
