/**
 * The RISC-V layer's public operations: the Svpbmt two-stage rule on raw PBMT values, and the
 * passthrough-BAR answer for a guest driver mapping.
 */
import type { GuestIoremap } from '../cross-arch';
import { GUEST_IOREMAPS } from '../cross-arch';
import { booleanField, enumField, fieldsOf, integerField } from '../input';
import { ioremapField } from '../linux/api';
import type { KernelVersion } from '../linux/versions';
import { kernelField, NEWEST_KERNEL } from '../linux/versions';
import type { Answer } from '../result';
import { fail, guarded, InputError, ok } from '../result';
import type { RiscvPassthrough } from './kvm';
import { RISCV_FACTS, riscvPassthroughAt } from './kvm';
import type { PbmtMode, PmaClass, SvpbmtAttrs, SvpbmtRule } from './svpbmt';
import { decodePbmt, PMA_CLASSES, svpbmtName, svpbmtOrdering, svpbmtTwoStage } from './svpbmt';

export type { GstageChoice, RiscvFact, RiscvFactId, RiscvGuestMapping, RiscvPassthrough } from './kvm';
export {
  kvmRiscvGstage,
  RISCV_FACTS,
  RISCV_KVM_SOURCES,
  RISCV_UNVERIFIED,
  riscvGuestMapping,
  riscvHas,
  riscvPassthroughAt,
} from './kvm';
export type { DecodedPbmt, PbmtMode, PmaClass, SvpbmtAttrs, SvpbmtResult, SvpbmtRule, SvpbmtStages } from './svpbmt';
export {
  decodePbmt,
  PBMT_ATTRIBUTES,
  PBMT_ENCODING,
  PBMT_MODES,
  PMA_CLASSES,
  SVPBMT_RULES,
  SVPBMT_SOURCES,
  svpbmtName,
  svpbmtOrdering,
  svpbmtTwoStage,
} from './svpbmt';

export interface SvpbmtCombineInput {
  /** The region's PMA class (a PCI BAR is `io`). */
  readonly pma: PmaClass;
  /** G-stage leaf PBMT, 0-3 (default 0). */
  readonly gPbmt?: number;
  /** VS-stage leaf PBMT, 0-3 (default 0). */
  readonly vsPbmt?: number;
  /** hgatp.MODE is Bare: no G-stage translation (default false). */
  readonly hgatpBare?: boolean;
  /** vsatp.MODE is Bare: no VS-stage translation (default false). */
  readonly vsatpBare?: boolean;
  /** henvcfg.PBMTE as written by the hypervisor (default true). */
  readonly henvcfgPbmte?: boolean;
  /** menvcfg.PBMTE as written by M-mode (default true). */
  readonly menvcfgPbmte?: boolean;
}

export interface SvpbmtCombineResult {
  readonly pma: PmaClass;
  readonly gStage: PbmtMode | null;
  readonly vsStage: PbmtMode | null;
  /** henvcfg.PBMTE as the hart sees it (read-only zero when menvcfg.PBMTE is zero). */
  readonly henvcfgPbmte: boolean;
  readonly intermediate: SvpbmtAttrs;
  readonly final: SvpbmtAttrs;
  readonly effective: string;
  readonly ordering: string;
  readonly rule: SvpbmtRule;
  readonly explanation: string;
}

function stagePbmt(value: unknown, field: string, bare: boolean, enabled: boolean, disabledWhy: string): PbmtMode | null {
  const raw = integerField({ [field]: value }, field, 0, 3, 0);
  if (bare) {
    if (raw !== 0)
      throw new InputError(field, `${field} must be 0 or absent: with the stage's *atp.MODE Bare there is no leaf PTE to hold it`);
    return null;
  }
  const d = decodePbmt(raw);
  if (!d.ok) throw new ReservedError(field, d.why);
  if (!enabled && raw !== 0) {
    throw new ReservedError(
      field,
      `${field} ${raw}: ${disabledWhy}, so bits 62-61 of the leaf are reserved and a non-zero value raises a page fault (riscv-isa-manual, norm:Sv39_pte_svpbmt_rsv)`,
    );
  }
  return d.mode;
}

class ReservedError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReservedError';
  }
}

/** Svpbmt with the H extension: G-stage PBMT over the PMAs, then VS-stage PBMT over that. */
export function svpbmtCombine(input: SvpbmtCombineInput): Answer<SvpbmtCombineResult> {
  return guarded(() => {
    try {
      const f = fieldsOf(input, ['pma', 'gPbmt', 'vsPbmt', 'hgatpBare', 'vsatpBare', 'henvcfgPbmte', 'menvcfgPbmte']);
      const pma = enumField(f, 'pma', PMA_CLASSES);
      const menv = booleanField(f, 'menvcfgPbmte', true);
      const henvWritten = booleanField(f, 'henvcfgPbmte', true);
      const henv = henvWritten && menv;
      const g = stagePbmt(
        f.gPbmt,
        'gPbmt',
        booleanField(f, 'hgatpBare', false),
        menv,
        'menvcfg.PBMTE is 0 (Svpbmt off for G-stage translation)',
      );
      const vs = stagePbmt(
        f.vsPbmt,
        'vsPbmt',
        booleanField(f, 'vsatpBare', false),
        henv,
        menv ? 'henvcfg.PBMTE is 0 (Svpbmt off for VS-stage translation)' : 'menvcfg.PBMTE is 0, which makes henvcfg.PBMTE read-only zero',
      );
      const r = svpbmtTwoStage({ pma, g, vs });
      return ok({
        pma,
        gStage: g,
        vsStage: vs,
        henvcfgPbmte: henv,
        intermediate: r.intermediate,
        final: r.final,
        effective: svpbmtName(r.final),
        ordering: svpbmtOrdering(r.final),
        rule: r.rule,
        explanation: r.explanation,
      });
    } catch (e) {
      if (e instanceof ReservedError) return fail({ code: 'RESERVED', field: e.field, message: e.message });
      throw e;
    }
  });
}

export interface RiscvPassthroughInput {
  readonly guestMapping: GuestIoremap;
  /** Host and guest kernel version (default: the newest modelled). */
  readonly kernel?: string;
}

export interface RiscvPassthroughResult extends RiscvPassthrough {
  readonly arch: 'riscv-h-svpbmt';
  readonly kernel: KernelVersion;
  /** The same question on the release in which the RISC-V answer's parts last changed (RISCV_CHANGED_IN). */
  readonly after: RiscvPassthrough;
}

/** The release in which both RISC-V inputs changed: the guest's ioremap_wc() and KVM's G-stage for a BAR. */
export const RISCV_CHANGED_IN = RISCV_FACTS['ioremap-wc-nc'].since;

/** The passthrough-BAR answer on RISC-V (H extension, Svpbmt) for one guest driver mapping. */
export function riscvPassthrough(input: RiscvPassthroughInput): Answer<RiscvPassthroughResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['guestMapping', 'kernel']);
    const kernel = kernelField(f, 'kernel', NEWEST_KERNEL);
    const guestMapping = ioremapField(f, 'guestMapping', kernel, GUEST_IOREMAPS);
    return ok({
      ...riscvPassthroughAt(kernel, guestMapping),
      arch: 'riscv-h-svpbmt',
      kernel,
      after: riscvPassthroughAt(RISCV_CHANGED_IN, guestMapping),
    });
  });
}
