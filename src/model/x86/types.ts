/**
 * x86 memory types as typed values, decoded once at the edge from the raw encodings.
 *
 * Sources (Intel SDM Vol. 3, read in the 253668-032US edition and the 2008 edition of Vol. 3B; the
 * chapter numbers move between editions, the table and section titles do not):
 * - "Memory Types That Can Be Encoded With PAT" (Table 11-10): 0 UC, 1 WC, 4 WT, 5 WP, 6 WB, 7 UC-;
 *   2, 3 and 8-FFh reserved (#GP).
 * - "Memory Types That Can Be Encoded in MTRRs" (Table 11-8): the same values without UC- (7 reserved).
 * - "Format of an EPT Page-Table Entry": bits 5:3 the EPT memory type, bit 6 "ignore PAT memory type".
 * - "Memory Type Used for Translated Guest-Physical Addresses": EPT types 0 UC, 1 WC, 4 WT, 5 WP,
 *   6 WB; other values are reserved and cause an EPT misconfiguration.
 */

/** Page-level types a PAT entry can name (UC- is "UC unless the MTRR type is WC"). */
export const PAT_TYPES = ['UC', 'UC-', 'WC', 'WT', 'WP', 'WB'] as const;
export type PatType = (typeof PAT_TYPES)[number];

/** Types an EPT leaf can name: the MTRR set, no UC-. */
export const EPT_TYPES = ['UC', 'WC', 'WT', 'WP', 'WB'] as const;
export type EptType = (typeof EPT_TYPES)[number];

/** Effective types of an access (UC- never survives combination). */
export const EFFECTIVE_TYPES = ['UC', 'WC', 'WT', 'WP', 'WB'] as const;
export type EffectiveType = (typeof EFFECTIVE_TYPES)[number];

export const PAT_ENCODING = { UC: 0, WC: 1, WT: 4, WP: 5, WB: 6, 'UC-': 7 } as const satisfies Record<PatType, number>;
export const EPT_ENCODING = { UC: 0, WC: 1, WT: 4, WP: 5, WB: 6 } as const satisfies Record<EptType, number>;

/** Bit positions in an EPT leaf (PTE, or a PDE/PDPTE that maps a page). */
export const EPT_MT_SHIFT = 3;
export const EPT_IPAT_BIT = 1 << 6;

export type DecodedEptType = { readonly ok: true; readonly type: EptType } | { readonly ok: false; readonly why: string };

/** EPT memory type field (bits 5:3) -> type, or why the value is reserved. */
export function decodeEptType(value: number): DecodedEptType {
  for (const t of EPT_TYPES) if (EPT_ENCODING[t] === value) return { ok: true, type: t };
  return {
    ok: false,
    why: `EPT memory type ${value} is reserved: only 0 (UC), 1 (WC), 4 (WT), 5 (WP) and 6 (WB) are defined; a reserved value in a leaf causes an EPT misconfiguration VM exit (Intel SDM "Memory Type Used for Translated Guest-Physical Addresses")`,
  };
}

export type DecodedPatType = { readonly ok: true; readonly type: PatType } | { readonly ok: false; readonly why: string };

/** IA32_PAT entry value -> type, or why it is reserved. */
export function decodePatType(value: number): DecodedPatType {
  for (const t of PAT_TYPES) if (PAT_ENCODING[t] === value) return { ok: true, type: t };
  return {
    ok: false,
    why: `PAT memory type ${value} is reserved: only 0 (UC), 1 (WC), 4 (WT), 5 (WP), 6 (WB) and 7 (UC-) are defined; writing a reserved value to IA32_PAT raises #GP (Intel SDM "Memory Types That Can Be Encoded With PAT")`,
  };
}

/** The low bits of an EPT leaf that carry the memory type: (type << 3) | (ipat << 6). */
export function eptLeafTypeBits(type: EptType, ipat: boolean): number {
  return (EPT_ENCODING[type] << EPT_MT_SHIFT) | (ipat ? EPT_IPAT_BIT : 0);
}
