/**
 * The arm64 operations of the public API (CONTRACT.md `combine`, plus the decoders the CLI exposes),
 * the JSON-facing wrappers around the Arm rules (mair.ts, stage2.ts, combine.ts): check the input,
 * decode raw encodings at the edge, and flatten typed results into the contract's JSON shape.
 */
import type { Fields } from '../input';
import { booleanField, enumField, fieldsOf, integerField } from '../input';
import type { Answer } from '../result';
import { fail, guarded, InputError, ok } from '../result';
import type { CombineOptions, CombineRule } from './combine';
import { s2TranslateMemAttrs } from './combine';
import type { MairFault } from './mair';
import { mairByteHex, s1DecodeMemAttrs } from './mair';
import { describeS2, s2DecodeMemAttrs } from './stage2';
import type { AllocHint, Cacheability, CacheSide, DeviceType, MemAttrs, MemoryTypeName, S1Attrs, S2Attrs, Shareability } from './types';
import { memoryTypeNameOf, SHAREABILITIES } from './types';

/** Memory attributes flattened as the contract names them. */
export interface FlatAttrs {
  readonly memoryType: DeviceType | 'Normal';
  readonly inner: Cacheability | null;
  readonly outer: Cacheability | null;
  readonly innerAlloc: AllocHint | null;
  readonly outerAlloc: AllocHint | null;
  readonly innerTransient: boolean | null;
  readonly outerTransient: boolean | null;
  readonly xs: 0 | 1;
  readonly tagged: boolean;
  /** The contract's summary name when inner and outer agree (extra key). */
  readonly summary: MemoryTypeName | null;
}

export interface CombineResult extends FlatAttrs {
  readonly shareability: Shareability;
  readonly rule: CombineRule;
  readonly explanation: string;
}

export interface CombineInput {
  readonly s1Mair: number;
  readonly s2MemAttr: number;
  readonly fwb?: boolean;
  readonly s1Sh?: Shareability;
  readonly s2Sh?: Shareability;
  readonly featXS?: boolean;
  readonly featMTE2?: boolean;
  readonly s2FnXS?: boolean;
  readonly s1EffectiveSh?: boolean;
}

/**
 * One attribute byte (`mair`), or MAIR_EL1 as the register is read (`mairAttrs`, the eight Attr<n>
 * bytes with Attr0 first, and the descriptor's `attrIndx`): exactly one of the two forms.
 */
export type DecodeMairInput =
  | { readonly mair: number; readonly featXS?: boolean; readonly featMTE2?: boolean }
  | { readonly mairAttrs: readonly number[]; readonly attrIndx: number; readonly featXS?: boolean; readonly featMTE2?: boolean };

export interface DecodeMairResult extends FlatAttrs {
  /** The attribute byte decoded (with `mairAttrs`, the one `attrIndx` selects). */
  readonly mair: number;
  /** The slot selected, when the input was `mairAttrs` with `attrIndx`. */
  readonly attrIndx?: number;
  readonly explanation: string;
}

export interface DecodeS2Input {
  readonly memAttr: number;
  readonly fwb?: boolean;
}

export interface DecodeS2Result {
  readonly memAttr: number;
  readonly fwb: boolean;
  /** Device type, a Normal type, or the FWB instruction. */
  readonly kind: 'Device' | 'Normal' | 'NormalNC' | 'ForceWB' | 'AsStage1';
  readonly device: DeviceType | null;
  readonly inner: Cacheability | null;
  readonly outer: Cacheability | null;
  readonly explanation: string;
}

function flatten(attrs: MemAttrs): FlatAttrs {
  if (attrs.kind === 'Device') {
    return {
      memoryType: attrs.device,
      inner: null,
      outer: null,
      innerAlloc: null,
      outerAlloc: null,
      innerTransient: null,
      outerTransient: null,
      xs: attrs.xs,
      tagged: false,
      summary: attrs.device,
    };
  }
  const { inner, outer } = attrs;
  return {
    memoryType: 'Normal',
    inner: inner.cacheability,
    outer: outer.cacheability,
    innerAlloc: inner.cacheability === 'NC' ? null : inner.alloc,
    outerAlloc: outer.cacheability === 'NC' ? null : outer.alloc,
    innerTransient: inner.cacheability === 'NC' ? null : inner.transient,
    outerTransient: outer.cacheability === 'NC' ? null : outer.transient,
    xs: attrs.xs,
    tagged: attrs.tagged,
    summary: memoryTypeNameOf(attrs),
  };
}

function mairFaultAnswer<T>(byte: number, fault: MairFault, field: string): Answer<T> {
  const what = fault.kind === 'needs-feature' ? `needs ${fault.feature}` : 'UNPREDICTABLE';
  return fail({ code: 'RESERVED', field, message: `MAIR byte ${mairByteHex(byte)} ${what}: ${fault.why}` });
}

/**
 * The core of `combine` over decoded attributes (s1DecodeMemAttrs, s2DecodeMemAttrs), in the
 * contract's result shape. No input checks: for callers inside the model that hold decoded values.
 */
export function combineDecoded(s1: S1Attrs, s2: S2Attrs, options?: CombineOptions): CombineResult {
  const c = s2TranslateMemAttrs(s1, s2, options);
  // Object.assign rather than a spread with more keys after it: on Node 20 that spread is ~20x slower,
  // and batch mode calls this for every line. Same keys, same order.
  return Object.assign(flatten(c.attrs), { shareability: c.shareability, rule: c.rule, explanation: c.explanation });
}

const COMBINE_FIELDS = ['s1Mair', 's2MemAttr', 'fwb', 's1Sh', 's2Sh', 'featXS', 'featMTE2', 's2FnXS', 's1EffectiveSh'] as const;

/** CONTRACT.md `combine`: guest stage 1 x stage 2 -> effective attributes of a data access. */
export function combine(input: CombineInput): Answer<CombineResult> {
  return guarded(() => {
    const f = fieldsOf(input, COMBINE_FIELDS);
    const s1Mair = integerField(f, 's1Mair', 0, 255);
    const s2MemAttr = integerField(f, 's2MemAttr', 0, 15);
    const fwb = booleanField(f, 'fwb', false);
    const options = {
      s1Sh: enumField(f, 's1Sh', SHAREABILITIES, 'ISH'),
      s2Sh: enumField(f, 's2Sh', SHAREABILITIES, 'ISH'),
      s2FnXS: booleanField(f, 's2FnXS', false),
      s1EffectiveSh: booleanField(f, 's1EffectiveSh', false),
    };
    const features = { featXS: booleanField(f, 'featXS', true), featMTE2: booleanField(f, 'featMTE2', true) };
    if (options.s2FnXS && !features.featXS) {
      return fail({
        code: 'BAD_INPUT',
        field: 's2FnXS',
        message: 's2FnXS (descriptor bit 11) exists only with FEAT_XS; it cannot be set when featXS is false',
      });
    }
    const s1 = s1DecodeMemAttrs(s1Mair, features);
    if (!s1.ok) return mairFaultAnswer(s1Mair, s1.fault, 's1Mair');
    const s2 = s2DecodeMemAttrs(s2MemAttr, fwb);
    const result = (s2attrs: S2Attrs): CombineResult => combineDecoded(s1.attrs, s2attrs, options);
    if (!s2.ok) {
      const { why, permitted } = s2.reserved;
      if (permitted === undefined) return fail({ code: 'RESERVED', field: 's2MemAttr', message: `stage-2 ${why}` });
      const values = permitted.map((p) => `0x${p.memAttr.toString(16).toUpperCase()}`).join(', ');
      return fail({
        code: 'RESERVED',
        field: 's2MemAttr',
        message: `stage-2 ${why}; the permitted outcomes behave as MemAttr ${values}`,
        permitted: distinctOutcomes(permitted, result),
      });
    }
    return ok(result(s2.attrs));
  });
}

/** Every attribute of a combined result: all its keys but the rule and the explanation. */
const OUTCOME_KEYS = [
  'memoryType',
  'inner',
  'outer',
  'innerAlloc',
  'outerAlloc',
  'innerTransient',
  'outerTransient',
  'xs',
  'tagged',
  'summary',
  'shareability',
] as const satisfies readonly Exclude<keyof CombineResult, 'rule' | 'explanation'>[];

/**
 * The distinct outcomes of a CONSTRAINED UNPREDICTABLE stage-2 value: each permitted MemAttr is
 * combined, and outcomes that agree in every attribute are listed once with the values giving them.
 */
function distinctOutcomes(permitted: readonly { memAttr: number; attrs: S2Attrs }[], result: (s2: S2Attrs) => CombineResult) {
  const byKey = new Map<string, CombineResult & { asMemAttr: number[] }>();
  for (const { memAttr, attrs: s2 } of permitted) {
    const r = result(s2);
    // Outcomes agree when every attribute does (the rule and its explanation may differ).
    const key = JSON.stringify(OUTCOME_KEYS.map((k) => r[k]));
    const seen = byKey.get(key);
    if (seen) seen.asMemAttr.push(memAttr);
    else byKey.set(key, Object.assign(r, { asMemAttr: [memAttr] }));
  }
  return [...byKey.values()];
}

/** The eight attribute bytes of `mairAttrs`, each checked and named by its slot. */
function mairAttrsField(register: unknown): readonly number[] {
  if (!Array.isArray(register) || register.length !== 8) {
    const got = Array.isArray(register) ? `${register.length} entries` : typeof register;
    throw new InputError('mairAttrs', `mairAttrs must be an array of the 8 MAIR_EL1 attribute bytes, Attr0 first; got ${got}`);
  }
  return register.map((value: unknown, i) => integerField({ [`mairAttrs[${i}]`]: value }, `mairAttrs[${i}]`, 0, 255));
}

/**
 * The byte to decode and the field that holds it, from either input form of `decodeMair`. Each field
 * given is checked first, so a bad value is reported on its own field; then the combination.
 */
function selectedMairAttr(f: Fields): { byte: number; field: string; attrIndx?: number } {
  const mair = f.mair === undefined ? undefined : integerField(f, 'mair', 0, 255);
  const register = f.mairAttrs === undefined ? undefined : mairAttrsField(f.mairAttrs);
  const attrIndx = f.attrIndx === undefined ? undefined : integerField(f, 'attrIndx', 0, 7);
  if (register === undefined) {
    if (attrIndx !== undefined)
      throw new InputError('attrIndx', 'attrIndx selects one of mairAttrs: give mairAttrs with it, or mair alone');
    if (mair === undefined) {
      throw new InputError(
        'mair',
        'mair is required (an attribute byte, 0-255), or else mairAttrs (the 8 MAIR_EL1 attribute bytes, Attr0 first) with attrIndx (0-7)',
      );
    }
    return { byte: mair, field: 'mair' };
  }
  if (mair !== undefined) {
    throw new InputError('mairAttrs', 'give either mair (one attribute byte) or mairAttrs with attrIndx (the whole MAIR_EL1), not both');
  }
  if (attrIndx === undefined)
    throw new InputError('attrIndx', 'attrIndx is required with mairAttrs (an integer from 0 to 7, the slot to decode)');
  return { byte: register[attrIndx] as number, field: `mairAttrs[${attrIndx}]`, attrIndx };
}

/**
 * Decode one MAIR attribute byte (the `decode-mair` command): given as `mair`, or selected from the
 * whole MAIR_EL1 by `attrIndx` (S1DecodeMemAttrs of MAIR_EL1.Attr<AttrIndx>).
 */
export function decodeMair(input: DecodeMairInput): Answer<DecodeMairResult> {
  return guarded(() => {
    const f = fieldsOf(input, ['mair', 'mairAttrs', 'attrIndx', 'featXS', 'featMTE2']);
    const { byte, field, attrIndx } = selectedMairAttr(f);
    const features = { featXS: booleanField(f, 'featXS', true), featMTE2: booleanField(f, 'featMTE2', true) };
    const d = s1DecodeMemAttrs(byte, features);
    if (!d.ok) return mairFaultAnswer(byte, d.fault, field);
    const flat = flatten(d.attrs);
    if (attrIndx === undefined) return ok({ mair: byte, ...flat, explanation: explainS1(d.attrs) });
    return ok({ mair: byte, attrIndx, ...flat, explanation: `MAIR_EL1.Attr${attrIndx} = ${mairByteHex(byte)}: ${explainS1(d.attrs)}` });
  });
}

function explainSide(label: string, side: CacheSide): string {
  if (side.cacheability === 'NC') return `${label} Non-cacheable`;
  const kind = side.cacheability === 'WT' ? 'Write-Through' : 'Write-Back';
  return `${label} ${kind} ${side.transient ? 'Transient' : 'Non-transient'}, allocate ${side.alloc}`;
}

function explainS1(attrs: MemAttrs): string {
  if (attrs.kind === 'Device') return `${attrs.device}, XS=${attrs.xs}.`;
  const tag = attrs.tagged ? ' MTE Allocation Tagged.' : '';
  return `Normal: ${explainSide('outer', attrs.outer)}; ${explainSide('inner', attrs.inner)}; XS=${attrs.xs}.${tag}`;
}

/** Decode one stage-2 MemAttr nibble (the `decode-s2` command). */
export function decodeS2(input: DecodeS2Input): Answer<DecodeS2Result> {
  return guarded(() => {
    const f = fieldsOf(input, ['memAttr', 'fwb']);
    const memAttr = integerField(f, 'memAttr', 0, 15);
    const fwb = booleanField(f, 'fwb', false);
    const d = s2DecodeMemAttrs(memAttr, fwb);
    if (!d.ok) {
      const { why, permitted } = d.reserved;
      if (permitted === undefined) return fail({ code: 'RESERVED', field: 'memAttr', message: why });
      return fail({ code: 'RESERVED', field: 'memAttr', message: why, permitted: permitted.map((p) => flattenS2(p.memAttr, p.attrs)) });
    }
    return ok(flattenS2(memAttr, d.attrs));
  });
}

function flattenS2(memAttr: number, attrs: S2Attrs): DecodeS2Result {
  const base = { memAttr, fwb: attrs.fwb, explanation: describeS2(attrs) };
  if (attrs.kind === 'Device') return { ...base, kind: 'Device', device: attrs.device, inner: null, outer: null };
  if (attrs.kind === 'Normal') return { ...base, kind: 'Normal', device: null, inner: attrs.inner, outer: attrs.outer };
  return { ...base, kind: attrs.kind, device: null, inner: null, outer: null };
}
