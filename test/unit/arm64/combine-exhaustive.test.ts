import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/model/arm64/api';
import { oracleCombine, oracleFlat, s1Decode } from './pseudocode-oracle';

const SH = ['NSH', 'ISH', 'OSH'] as const;
const FIELDS = [
  'memoryType',
  'inner',
  'outer',
  'innerAlloc',
  'outerAlloc',
  'innerTransient',
  'outerTransient',
  'shareability',
  'xs',
  'tagged',
] as const;

function pick(r: Record<string, unknown>) {
  return Object.fromEntries(FIELDS.map((f) => [f, r[f]]));
}

describe('combine() against an independent reading of the pseudocode, on every encoding pair', () => {
  for (const fwb of [false, true]) {
    for (const features of [
      { featXS: true, featMTE2: true },
      { featXS: false, featMTE2: false },
    ]) {
      it(`FWB ${fwb ? 'on' : 'off'}, FEAT_XS/MTE2 ${features.featXS ? 'on' : 'off'}: 256 x 16 x 9 SH pairs x FnXS x effective-SH choice`, () => {
        let defined = 0;
        let reserved = 0;
        for (let s1 = 0; s1 < 256; s1++) {
          const o1 = s1Decode(s1, features.featXS, features.featMTE2);
          for (let s2 = 0; s2 < 16; s2++) {
            for (const [i1, s1Sh] of SH.entries()) {
              for (const [i2, s2Sh] of SH.entries()) {
                for (const s2FnXS of features.featXS ? [false, true] : [false]) {
                  for (const s1EffectiveSh of [false, true]) {
                    const got = combine({ s1Mair: s1, s2MemAttr: s2, fwb, s1Sh, s2Sh, s2FnXS, s1EffectiveSh, ...features });
                    const want = o1 ? oracleCombine(o1, s2, fwb, i1, i2, s2FnXS, s1EffectiveSh) : null;
                    if (want === null) {
                      reserved++;
                      if (got.ok || got.error.code !== 'RESERVED')
                        expect.fail(
                          `S1 0x${s1.toString(16)} S2 0x${s2.toString(16)} FWB ${fwb}: expected RESERVED, got ${JSON.stringify(got)}`,
                        );
                      continue;
                    }
                    defined++;
                    if (!got.ok)
                      expect.fail(`S1 0x${s1.toString(16)} S2 0x${s2.toString(16)} FWB ${fwb}: unexpected error ${got.error.message}`);
                    const a = pick(got.result as unknown as Record<string, unknown>);
                    const b = oracleFlat(want);
                    if (JSON.stringify(a) !== JSON.stringify(b)) {
                      expect(
                        a,
                        `S1 0x${s1.toString(16)} S2 0x${s2.toString(16)} FWB ${fwb} ${s1Sh}/${s2Sh} FnXS ${s2FnXS} effSh ${s1EffectiveSh}`,
                      ).toEqual(b);
                    }
                  }
                }
              }
            }
          }
        }
        // Defined pairs: 236 (or 229) stage-1 bytes x 13 (FWB off) or 7 (FWB on) stage-2 values.
        const s1Defined = features.featXS ? 236 : 229;
        const s2Defined = fwb ? 7 : 13;
        const variants = 9 * (features.featXS ? 2 : 1) * 2;
        expect(defined).toBe(s1Defined * s2Defined * variants);
        expect(defined + reserved).toBe(256 * 16 * variants);
      });
    }
  }
});
