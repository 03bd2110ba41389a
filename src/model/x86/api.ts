/**
 * The x86 layer's public operations: the SDM's EPT x PAT rule on raw encodings, KVM's EPT memory type
 * choice by kernel version, and the passthrough-BAR answer for a guest driver mapping.
 */
import type { Citation, DecidedBy, GuestIoremap } from '../cross-arch';
import { GUEST_IOREMAPS } from '../cross-arch';
import { booleanField, fieldsOf, integerField } from '../input';
import { ioremapField } from '../linux/api';
import type { KernelVersion } from '../linux/versions';
import { atLeast, kernelField, NEWEST_KERNEL } from '../linux/versions';
import type { Answer } from '../result';
import { fail, guarded, InputError, ok } from '../result';
import type { EptRule, Footnote } from './ept';
import { eptEffectiveType, TABLE_FOOTNOTES } from './ept';
import type { VmxMtResult } from './kvm-vmx';
import { AMD_NPT, IGNORE_GUEST_PAT_QUIRK_SINCE, VMX_SOURCES, vmxGetMtMask, X86_GUEST_MAPPINGS } from './kvm-vmx';
import type { EffectiveType, EptType, PatType } from './types';
import { decodeEptType, decodePatType } from './types';

export type { EptEffective, EptRule, Footnote, TableCell } from './ept';
export { EPT_RULES, eptEffectiveType, SDM_TABLE_11_7, TABLE_FOOTNOTES } from './ept';
export type { VmxMtBranch, VmxMtEra, VmxMtRequest, VmxMtResult, X86GuestMapping } from './kvm-vmx';
export {
  AMD_NPT,
  IGNORE_GUEST_PAT_QUIRK_SINCE,
  VMX_MT_AFTER_QUIRK,
  VMX_MT_BRANCHES,
  VMX_MT_ERAS,
  VMX_SOURCES,
  vmxGetMtMask,
  X86_GUEST_MAPPINGS,
} from './kvm-vmx';
export type { EffectiveType as X86EffectiveType, EptType, PatType } from './types';
export {
  decodeEptType,
  decodePatType,
  EFFECTIVE_TYPES as X86_EFFECTIVE_TYPES,
  EPT_ENCODING,
  EPT_IPAT_BIT,
  EPT_MT_SHIFT,
  EPT_TYPES,
  eptLeafTypeBits,
  PAT_ENCODING,
  PAT_TYPES,
} from './types';

export interface EptCombineInput {
  /** EPT leaf bits 5:3 (0-7). */
  readonly eptMemType: number;
  /** EPT leaf bit 6, ignore PAT (default false). */
  readonly ipat?: boolean;
  /** The guest's PAT entry value selected by its PTE (0-7). */
  readonly guestPat: number;
  /** Guest CR0.CD (default false). */
  readonly cr0Cd?: boolean;
}

export interface EptCombineResult {
  readonly eptType: EptType;
  readonly ipat: boolean;
  readonly guestPat: PatType;
  readonly cr0Cd: boolean;
  readonly effective: EffectiveType;
  readonly rule: EptRule;
  /** Footnotes of SDM Table 11-7 for the cell used, with their text. */
  readonly notes: readonly { readonly note: Footnote; readonly text: string }[];
  readonly explanation: string;
}

/** Intel SDM "Memory Type Used for Translated Guest-Physical Addresses", on raw encodings. */
export function eptCombine(input: EptCombineInput): Answer<EptCombineResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['eptMemType', 'ipat', 'guestPat', 'cr0Cd']);
    const eptRaw = integerField(f, 'eptMemType', 0, 7);
    const ipat = booleanField(f, 'ipat', false);
    const patRaw = integerField(f, 'guestPat', 0, 7);
    const cr0Cd = booleanField(f, 'cr0Cd', false);
    const ept = decodeEptType(eptRaw);
    if (!ept.ok) return fail({ code: 'RESERVED', field: 'eptMemType', message: ept.why });
    const pat = decodePatType(patRaw);
    if (!pat.ok) return fail({ code: 'RESERVED', field: 'guestPat', message: pat.why });
    const r = eptEffectiveType(ept.type, ipat, pat.type, cr0Cd);
    return ok({
      eptType: ept.type,
      ipat,
      guestPat: pat.type,
      cr0Cd,
      effective: r.effective,
      rule: r.rule,
      notes: r.notes.map((note) => ({ note, text: TABLE_FOOTNOTES[note] })),
      explanation: r.explanation,
    });
  });
}

export interface KvmEptTypeInput {
  readonly kernel: string;
  /** kvm_is_mmio_pfn() for the pfn (true for a passthrough BAR). */
  readonly isMmio: boolean;
  readonly noncoherentDma?: boolean;
  readonly selfSnoop?: boolean;
  /** KVM_X86_QUIRK_IGNORE_GUEST_PAT (6.16+): default enabled; only a CPU with self-snoop lets userspace disable it. */
  readonly ignoreGuestPatQuirk?: boolean;
}

/** vmx_get_mt_mask(): the EPT memory type and ignore-PAT bit KVM writes, by kernel version. */
export function kvmEptType(input: KvmEptTypeInput): Answer<VmxMtResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernel', 'isMmio', 'noncoherentDma', 'selfSnoop', 'ignoreGuestPatQuirk']);
    const kernel = kernelField(f, 'kernel');
    if (f.isMmio === undefined)
      throw new InputError('isMmio', 'isMmio is required (true or false): whether kvm_is_mmio_pfn() holds for the pfn');
    const isMmio = booleanField(f, 'isMmio', false);
    const noncoherentDma = booleanField(f, 'noncoherentDma', false);
    const selfSnoop = booleanField(f, 'selfSnoop', true);
    const ignoreGuestPatQuirk = quirkField(f.ignoreGuestPatQuirk, kernel, selfSnoop);
    return ok(vmxGetMtMask({ kernel, isMmio, noncoherentDma, selfSnoop, ignoreGuestPatQuirk }));
  });
}

function quirkField(value: unknown, kernel: KernelVersion, selfSnoop: boolean): boolean {
  if (value === undefined) return true;
  const q = booleanField({ ignoreGuestPatQuirk: value }, 'ignoreGuestPatQuirk', true);
  if (!atLeast(kernel, IGNORE_GUEST_PAT_QUIRK_SINCE)) {
    throw new InputError(
      'ignoreGuestPatQuirk',
      `KVM_X86_QUIRK_IGNORE_GUEST_PAT does not exist in ${kernel}: it arrived in ${IGNORE_GUEST_PAT_QUIRK_SINCE} (commit c9c1e20b4c7d)`,
    );
  }
  if (!q && !selfSnoop) {
    throw new InputError(
      'ignoreGuestPatQuirk',
      'KVM_X86_QUIRK_IGNORE_GUEST_PAT cannot be disabled on a CPU without self-snoop: KVM leaves it out of the supported quirks there (commit c9c1e20b4c7d)',
    );
  }
  return q;
}

export interface X86PassthroughInput {
  readonly guestMapping: GuestIoremap;
  /** Host and guest kernel version (default: the newest modelled). */
  readonly kernel?: string;
}

export interface X86PassthroughResult {
  readonly arch: 'x86-intel-ept';
  readonly kernel: KernelVersion;
  readonly guestMapping: GuestIoremap;
  /** The guest's PAT type for the mapping, or null when the mapping does not exist on x86. */
  readonly guestPat: PatType | null;
  readonly kvm: VmxMtResult;
  readonly effective: EffectiveType | null;
  readonly rule: EptRule | null;
  readonly decidedBy: DecidedBy | null;
  readonly reason: string;
  readonly sources: readonly Citation[];
  readonly amd: typeof AMD_NPT;
}

/** UC- combines as UC unless the other side is WC; for "who decided" it counts as a request for UC. */
function requested(pat: PatType): EffectiveType {
  return pat === 'UC-' ? 'UC' : pat;
}

/** A VFIO passthrough BAR on Intel with EPT: KVM's EPT type for MMIO, then the guest's PAT. */
export function x86PassthroughOf(kernel: KernelVersion, guestMapping: GuestIoremap): X86PassthroughResult {
  const kvm = vmxGetMtMask({ kernel, isMmio: true, noncoherentDma: false, selfSnoop: true, ignoreGuestPatQuirk: true });
  const g = X86_GUEST_MAPPINGS[guestMapping];
  const base = { arch: 'x86-intel-ept', kernel, guestMapping, kvm, amd: AMD_NPT } as const;
  const sources = [VMX_SOURCES.sdm, VMX_SOURCES.sdmTable, ...kvm.sources, g.available ? VMX_SOURCES.ioremap : VMX_SOURCES.ioremapNp];
  if (!g.available || kvm.eptType === null || kvm.ipat === null) {
    return { ...base, guestPat: null, effective: null, rule: null, decidedBy: null, reason: `${g.how}. ${kvm.reason}`, sources };
  }
  const r = eptEffectiveType(kvm.eptType, kvm.ipat, g.pat, false);
  const decidedBy: DecidedBy = r.effective === requested(g.pat) ? (r.effective === kvm.eptType ? 'both' : 'guest') : 'hypervisor';
  return {
    ...base,
    guestPat: g.pat,
    effective: r.effective,
    rule: r.rule,
    decidedBy,
    reason: `1. ${kvm.reason} 2. The guest's ${g.how}. 3. ${r.explanation}`,
    sources,
  };
}

/** The passthrough-BAR answer on x86 (Intel EPT) for one guest driver mapping. */
export function x86Passthrough(input: X86PassthroughInput): Answer<X86PassthroughResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['guestMapping', 'kernel']);
    const kernel = kernelField(f, 'kernel', NEWEST_KERNEL);
    const guestMapping = ioremapField(f, 'guestMapping', kernel, GUEST_IOREMAPS);
    return ok(x86PassthroughOf(kernel, guestMapping));
  });
}
