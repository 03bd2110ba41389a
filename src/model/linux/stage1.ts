/**
 * arm64 Linux stage-1 memory types: the MT_* AttrIndx values (arch/arm64/include/asm/memory.h), the
 * MAIR_ATTR_* bytes (asm/sysreg.h), the MAIR_EL1 value the kernel programs (MAIR_EL1_SET, then
 * __cpu_setup / cpu_enable_mte() for MTE), the pgprot helpers (asm/pgtable.h) and the ioremap family
 * (asm/io.h). Values are per kernel version: the MT_* layout changed in 5.14.
 */
import { s1DecodeMemAttrs } from '../arm64/mair';
import type { MemoryTypeName } from '../arm64/types';
import { memoryTypeNameOf } from '../arm64/types';
import type { KernelVersion } from './versions';
import { FEATURES, hasFeature } from './versions';

/** Every MT_* name that exists in some covered version. */
export const MT_NAMES = [
  'MT_NORMAL',
  'MT_NORMAL_TAGGED',
  'MT_NORMAL_NC',
  'MT_NORMAL_WT',
  'MT_DEVICE_nGnRnE',
  'MT_DEVICE_nGnRE',
  'MT_DEVICE_GRE',
] as const;
export type MtName = (typeof MT_NAMES)[number];

/** MAIR_ATTR_* bytes (asm/sysreg.h). DEVICE_GRE and NORMAL_WT exist only before 5.14. */
export const MAIR_ATTR = {
  MAIR_ATTR_DEVICE_nGnRnE: 0x00,
  MAIR_ATTR_DEVICE_nGnRE: 0x04,
  MAIR_ATTR_DEVICE_GRE: 0x0c,
  MAIR_ATTR_NORMAL_NC: 0x44,
  MAIR_ATTR_NORMAL_WT: 0xbb,
  MAIR_ATTR_NORMAL_TAGGED: 0xf0,
  MAIR_ATTR_NORMAL: 0xff,
} as const satisfies Record<string, number>;
export type MairAttrName = keyof typeof MAIR_ATTR;

/**
 * AttrIndx per MT_* name. v5.10 (MTE, "MT_NORMAL must be index 0") to v5.13: seven slots; v5.14
 * dropped Normal-WT and Device-GRE (21cfe6edbadb, 58cc6b72a212) and renumbered the Device slots.
 */
const LAYOUT_5_10 = {
  MT_NORMAL: 0,
  MT_NORMAL_TAGGED: 1,
  MT_NORMAL_NC: 2,
  MT_NORMAL_WT: 3,
  MT_DEVICE_nGnRnE: 4,
  MT_DEVICE_nGnRE: 5,
  MT_DEVICE_GRE: 6,
} as const satisfies Record<MtName, number>;

const LAYOUT_5_14 = {
  MT_NORMAL: 0,
  MT_NORMAL_TAGGED: 1,
  MT_NORMAL_NC: 2,
  MT_DEVICE_nGnRnE: 3,
  MT_DEVICE_nGnRE: 4,
} as const satisfies Partial<Record<MtName, number>>;

/** Which MAIR_ATTR byte MAIR_EL1_SET puts in each slot; MT_NORMAL_TAGGED becomes 0xF0 only with MTE. */
const SLOT_ATTR = {
  MT_NORMAL: 'MAIR_ATTR_NORMAL',
  MT_NORMAL_TAGGED: 'MAIR_ATTR_NORMAL',
  MT_NORMAL_NC: 'MAIR_ATTR_NORMAL_NC',
  MT_NORMAL_WT: 'MAIR_ATTR_NORMAL_WT',
  MT_DEVICE_nGnRnE: 'MAIR_ATTR_DEVICE_nGnRnE',
  MT_DEVICE_nGnRE: 'MAIR_ATTR_DEVICE_nGnRE',
  MT_DEVICE_GRE: 'MAIR_ATTR_DEVICE_GRE',
} as const satisfies Record<MtName, MairAttrName>;

/** The MT_* names every layout has (the 5.14 layout's): the slots IOREMAP_MT may select. */
type LastingMtName = keyof typeof LAYOUT_5_14;

/** A kernel version's layout, typed as it is, so a LastingMtName's index is a number. */
function layoutOf(kernel: KernelVersion): typeof LAYOUT_5_10 | typeof LAYOUT_5_14 {
  return hasFeature(kernel, 'mt-layout-5.14') ? LAYOUT_5_14 : LAYOUT_5_10;
}

/** The MT_* indices of one kernel version (only the names that exist in it). */
export function mtLayout(kernel: KernelVersion): Readonly<Partial<Record<MtName, number>>> {
  return layoutOf(kernel);
}

export function mtExists(kernel: KernelVersion, mt: MtName): boolean {
  return mtLayout(kernel)[mt] !== undefined;
}

/** Why an MT_* name is absent from a version (only the two removed in 5.14 can be). */
export function mtAbsentReason(kernel: KernelVersion, mt: MtName): string {
  return `${mt} does not exist in ${kernel}: it was removed in ${FEATURES['mt-layout-5.14'].since} (${FEATURES['mt-layout-5.14'].source})`;
}

/** The MAIR_ATTR byte the kernel programs for an MT_* slot. */
export function mairAttrOf(mt: MtName, mte: boolean): { readonly name: MairAttrName; readonly byte: number } {
  const name: MairAttrName = mt === 'MT_NORMAL_TAGGED' && mte ? 'MAIR_ATTR_NORMAL_TAGGED' : SLOT_ATTR[mt];
  return { name, byte: MAIR_ATTR[name] };
}

export interface MairEl1 {
  readonly kernel: KernelVersion;
  readonly mte: boolean;
  /** The 64-bit register as a hex string (it does not fit a JSON integer exactly in general). */
  readonly value: string;
  /** Attr<n> byte per slot index 0-7 (unused slots are 0x00). */
  readonly attrs: readonly number[];
  readonly slots: readonly { readonly index: number; readonly memType: MtName; readonly attr: MairAttrName; readonly byte: number }[];
}

/** MAIR_EL1 as programmed by a kernel version, with or without MTE (cpu_enable_mte() rewrites slot 1). */
export function mairEl1(kernel: KernelVersion, mte: boolean): MairEl1 {
  const layout = mtLayout(kernel);
  const attrs = [0, 0, 0, 0, 0, 0, 0, 0];
  const slots: MairEl1['slots'][number][] = [];
  for (const mt of MT_NAMES) {
    const index = layout[mt];
    if (index === undefined) continue;
    const attr = mairAttrOf(mt, mte);
    attrs[index] = attr.byte;
    // MT_NAMES lists the slots in index order in both layouts, so `slots` comes out sorted.
    slots.push({ index, memType: mt, attr: attr.name, byte: attr.byte });
  }
  let value = 0n;
  for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(attrs[i] ?? 0);
  return { kernel, mte, value: `0x${value.toString(16).toUpperCase().padStart(16, '0')}`, attrs, slots };
}

/** The MAIR byte the kernel programs for an MT_* slot without MTE (what a mapping's AttrIndx selects). */
export function mairByteOf(mt: MtName): number {
  return MAIR_ATTR[SLOT_ATTR[mt]];
}

/** The contract's summary name of the memory type an MT_* slot selects (no MTE). */
export function memoryTypeOfMt(mt: MtName): MemoryTypeName {
  const byte = mairByteOf(mt);
  const d = s1DecodeMemAttrs(byte);
  // Stryker disable next-line ConditionalExpression: equivalent, every kernel MAIR byte decodes (test/unit/linux/stage1-vfio.test.ts checks each slot)
  if (!d.ok) throw new Error(`kernel MAIR byte 0x${byte.toString(16)} does not decode`);
  const name = memoryTypeNameOf(d.attrs);
  // Stryker disable next-line ConditionalExpression: equivalent, every kernel MAIR byte is a summary type (same test)
  if (name === null) throw new Error(`kernel MAIR byte 0x${byte.toString(16)} is not a summary type`);
  return name;
}

/** arm64 pgprot helpers (asm/pgtable.h): each replaces AttrIndx and sets PXN/UXN. */
export const PGPROT_HELPERS = {
  pgprot_noncached: 'MT_DEVICE_nGnRnE',
  pgprot_writecombine: 'MT_NORMAL_NC',
  pgprot_device: 'MT_DEVICE_nGnRE',
} as const satisfies Record<string, MtName>;
export type PgprotHelper = keyof typeof PGPROT_HELPERS;

/** Kernel mapping APIs a driver uses on a BAR. */
export const IOREMAP_APIS = ['ioremap', 'ioremap_wc', 'ioremap_np', 'ioremap_cache', 'pci_iomap_wc'] as const;
export type IoremapApi = (typeof IOREMAP_APIS)[number];

/**
 * asm/io.h: ioremap() uses PROT_DEVICE_nGnRE (_PAGE_IOREMAP); ioremap_wc() PROT_NORMAL_NC;
 * ioremap_np() PROT_DEVICE_nGnRnE (from 5.13); ioremap_cache() returns the linear map for RAM and
 * otherwise maps PROT_NORMAL, so for a BAR it is MT_NORMAL. pci_iomap_wc() (lib/pci_iomap.c) calls
 * ioremap_wc() for a memory BAR.
 */
export const IOREMAP_MT = {
  ioremap: 'MT_DEVICE_nGnRE',
  ioremap_wc: 'MT_NORMAL_NC',
  ioremap_np: 'MT_DEVICE_nGnRnE',
  ioremap_cache: 'MT_NORMAL',
  pci_iomap_wc: 'MT_NORMAL_NC',
} as const satisfies Record<IoremapApi, LastingMtName>;

export interface KernelMapping {
  readonly api: IoremapApi;
  readonly kernel: KernelVersion;
  readonly memType: MtName;
  /** AttrIndx in this kernel version. */
  readonly attrIndx: number;
  /** The MAIR attribute byte Attr<AttrIndx> the mapping selects. */
  readonly mair: number;
  readonly memoryType: MemoryTypeName;
}

/** What a kernel mapping API gives on arm64 in a version; null when the API does not exist there. */
export function kernelMapping(kernel: KernelVersion, api: IoremapApi): KernelMapping | null {
  if (api === 'ioremap_np' && !hasFeature(kernel, 'ioremap_np')) return null;
  const memType = IOREMAP_MT[api];
  // LastingMtName: every slot IOREMAP_MT selects exists in both layouts.
  const attrIndx = layoutOf(kernel)[memType];
  return { api, kernel, memType, attrIndx, mair: mairByteOf(memType), memoryType: memoryTypeOfMt(memType) };
}
