/**
 * A second, independent reading of the Arm pseudocode for the differential test in
 * combine-exhaustive.test.ts. It follows the ASL's shape (S1DecodeMemAttrs, S2DecodeMemAttrs,
 * S2CombineS1MemAttrs, AArch64.S2ApplyFWBMemAttrs) over raw bit fields and numeric codes, unlike the
 * model's typed values, so a slip in one is unlikely to be repeated in the other.
 */

// Device codes as in the encoding (dd): 0 nGnRnE, 1 nGnRE, 2 nGRE, 3 GRE. Cacheability codes: 1 NC, 2 WT, 3 WB.
type Side = { attrs: 1 | 2 | 3; hints: number; transient: boolean };
export type OracleAttrs =
  | { memtype: 'D'; dd: number; xs: number }
  | { memtype: 'N'; inner: Side; outer: Side; xs: number; tagged: boolean };

const DEVICE = ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE'];
const CACHE = ['', 'NC', 'WT', 'WB'];
const HINTS = ['No', 'WA', 'RA', 'RWA'];
const SH = ['NSH', 'ISH', 'OSH'];

function ldf(n: number): Side {
  if ((n & 4) === 0) return { attrs: 2, hints: n & 3, transient: (n & 8) === 0 && (n & 3) !== 0 };
  if (n === 4) return { attrs: 1, hints: 0, transient: false };
  return { attrs: 3, hints: n & 3, transient: (n & 8) === 0 && (n & 3) !== 0 };
}

export function s1Decode(attr: number, xsImpl: boolean, mte2: boolean): OracleAttrs | null {
  const hi = attr >> 4;
  const lo = attr & 15;
  if (hi === 0) {
    if ((attr & 3) === 1) return xsImpl ? { memtype: 'D', dd: (attr >> 2) & 3, xs: 0 } : null;
    if ((attr & 3) !== 0) return null;
    return { memtype: 'D', dd: (attr >> 2) & 3, xs: 1 };
  }
  if (lo === 0) {
    if (attr === 0x40 && xsImpl) return { memtype: 'N', inner: ldf(4), outer: ldf(4), xs: 0, tagged: false };
    if (attr === 0xa0 && xsImpl) return { memtype: 'N', inner: ldf(0b1010), outer: ldf(0b1010), xs: 0, tagged: false };
    if (attr === 0xf0 && mte2) return { memtype: 'N', inner: ldf(15), outer: ldf(15), xs: 0, tagged: true };
    return null;
  }
  const inner = ldf(lo);
  const outer = ldf(hi);
  return { memtype: 'N', inner, outer, xs: inner.attrs === 3 && outer.attrs === 3 ? 0 : 1, tagged: false };
}

function hintsCombine(s1: Side, s2attrs: number): Side {
  // NC (1) beats WT (2) beats WB (3): the smaller code wins.
  const attrs = Math.min(s1.attrs, s2attrs) as 1 | 2 | 3;
  return attrs === 1 ? { attrs, hints: 0, transient: false } : { attrs, hints: s1.hints, transient: s1.transient };
}

function effSh(m: OracleAttrs, sh: number): number {
  if (m.memtype === 'D') return 2;
  return m.inner.attrs === 1 && m.outer.attrs === 1 ? 2 : sh;
}

function tagged(s1: OracleAttrs, m: OracleAttrs): boolean {
  if (s1.memtype !== 'N' || !s1.tagged || m.memtype !== 'N') return false;
  const ok = (s: Side) => s.attrs === 3 && s.hints === 3 && !s.transient;
  return ok(m.inner) && ok(m.outer);
}

/** Returns null for a reserved stage-2 value. */
export function oracleCombine(
  s1: OracleAttrs,
  s2: number,
  fwb: boolean,
  s1sh: number,
  s2sh: number,
  fnxs: boolean,
  s1EffSh: boolean,
): { m: OracleAttrs; sh: number } | null {
  let m: OracleAttrs;
  if (!fwb) {
    if ((s2 & 12) !== 0 && (s2 & 3) === 0) return null;
    const s2xs = fnxs ? 0 : 1;
    if ((s2 & 12) === 0) {
      const dd = s2 & 3;
      m = s1.memtype === 'D' ? { memtype: 'D', dd: Math.min(s1.dd, dd), xs: 1 } : { memtype: 'D', dd, xs: 1 };
    } else if (s1.memtype === 'D') {
      m = { ...s1 };
    } else {
      m = { memtype: 'N', inner: hintsCombine(s1.inner, s2 & 3), outer: hintsCombine(s1.outer, (s2 >> 2) & 3), xs: 1, tagged: false };
    }
    const wbwb = m.memtype === 'N' && m.inner.attrs === 3 && m.outer.attrs === 3;
    m = { ...m, xs: wbwb ? 0 : s1.xs & s2xs };
  } else {
    if (s2 & 8 || s2 === 4) return null;
    if ((s2 & 4) === 0) {
      m = { memtype: 'D', dd: s1.memtype === 'D' ? Math.min(s1.dd, s2 & 3) : s2 & 3, xs: s1.xs };
    } else if ((s2 & 3) === 3) {
      m = { ...s1 };
    } else if ((s2 & 3) === 2) {
      const side = (s: Side | undefined): Side =>
        s && s.attrs !== 1 ? { attrs: 3, hints: s.hints, transient: s.transient } : { attrs: 3, hints: 3, transient: false };
      m = {
        memtype: 'N',
        inner: side(s1.memtype === 'N' ? s1.inner : undefined),
        outer: side(s1.memtype === 'N' ? s1.outer : undefined),
        xs: 0,
        tagged: false,
      };
    } else {
      m = s1.memtype === 'D' ? { ...s1 } : { memtype: 'N', inner: ldf(4), outer: ldf(4), xs: s1.xs, tagged: false };
    }
    if (fnxs) m = { ...m, xs: 0 };
  }
  if (m.memtype === 'N') m = { ...m, tagged: tagged(s1, m) };
  const s1shIn = s1EffSh ? effSh(s1, s1sh) : s1sh;
  return { m, sh: effSh(m, Math.max(s1shIn, s2sh)) };
}

/** The oracle's answer in the contract's flat shape (the fields the model must agree on). */
export function oracleFlat(r: { m: OracleAttrs; sh: number }) {
  const { m, sh } = r;
  if (m.memtype === 'D') {
    return {
      memoryType: DEVICE[m.dd],
      inner: null,
      outer: null,
      innerAlloc: null,
      outerAlloc: null,
      innerTransient: null,
      outerTransient: null,
      shareability: SH[sh],
      xs: m.xs,
      tagged: false,
    };
  }
  const side = (s: Side) => (s.attrs === 1 ? [null, null] : [HINTS[s.hints], s.transient]);
  const [innerAlloc, innerTransient] = side(m.inner);
  const [outerAlloc, outerTransient] = side(m.outer);
  return {
    memoryType: 'Normal',
    inner: CACHE[m.inner.attrs],
    outer: CACHE[m.outer.attrs],
    innerAlloc,
    outerAlloc,
    innerTransient,
    outerTransient,
    shareability: SH[sh],
    xs: m.xs,
    tagged: m.tagged,
  };
}
