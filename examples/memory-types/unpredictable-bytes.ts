import { decodeMair } from 'memattr';

// Not every byte means something. The decoder says why, and names a missing feature.
for (const [mair, features] of [
  [0x02, {}],
  [0x30, {}],
  [0x40, {}],
  [0x40, { featXS: false }],
  [0xa0, {}],
] as const) {
  const d = decodeMair({ mair, ...features });
  const label = `0x${mair.toString(16).padStart(2, '0')}${'featXS' in features ? ' without FEAT_XS' : ''}`;
  console.log(`${label}: ${d.ok ? `${d.result.summary} (XS=${d.result.xs})` : d.error.code}`);
}

// Output:
// 0x02: RESERVED
// 0x30: RESERVED
// 0x40: Normal-NC (XS=0)
// 0x40 without FEAT_XS: RESERVED
// 0xa0: Normal-WT (XS=0)
