/**
 * Stage-2 MemAttr: the MT_S2_* constants (arch/arm64/include/asm/memory.h) and the choice
 * stage2_set_prot_attr() (arch/arm64/kvm/hyp/pgtable.c) makes from the prot bits, through
 * PAGE_S2_MEMATTR(attr, has_fwb): the MT_S2_FWB_* encoding when the stage 2 uses FEAT_S2FWB.
 * Read at the source in its 6.9 form (DEVICE or NORMAL_NC, never with X); the 6.19 (FEAT_XNX: how X is
 * encoded) and 7.0 (KVM_PGTABLE_S2_AS_S1 for the pKVM host) versions were known from titles only, and
 * neither changes which MemAttr a guest's prot selects.
 */
import type { Stage2Prot } from './kvm-types';

/**
 * Stage-2 MemAttr values. The two AS_S1 encodings ("use stage 1") arrived in 7.0 with d4236f1ef270 for
 * the pKVM host's own stage 2 (KVM_PGTABLE_S2_AS_S1); a guest's stage 2 never uses them (MT_S2_USE).
 */
export const MT_S2 = {
  MT_S2_NORMAL: 0xf,
  MT_S2_NORMAL_NC: 0x5,
  MT_S2_DEVICE_nGnRE: 0x1,
  MT_S2_FWB_NORMAL: 6,
  MT_S2_FWB_NORMAL_NC: 5,
  MT_S2_FWB_DEVICE_nGnRE: 1,
  MT_S2_AS_S1: 0xf,
  MT_S2_FWB_AS_S1: 7,
} as const satisfies Record<string, number>;
export type MtS2Name = keyof typeof MT_S2;

/**
 * Which stage 2 writes each constant: a guest's (what kvmStage2 answers), or only the pKVM host's own
 * stage 2 (from 7.0: a373930ec940 switches it to KVM_PGTABLE_S2_AS_S1; titles and pull text read).
 */
export const MT_S2_USE = {
  MT_S2_NORMAL: 'guest',
  MT_S2_NORMAL_NC: 'guest',
  MT_S2_DEVICE_nGnRE: 'guest',
  MT_S2_FWB_NORMAL: 'guest',
  MT_S2_FWB_NORMAL_NC: 'guest',
  MT_S2_FWB_DEVICE_nGnRE: 'guest',
  MT_S2_AS_S1: 'pkvm-host',
  MT_S2_FWB_AS_S1: 'pkvm-host',
} as const satisfies Record<MtS2Name, 'guest' | 'pkvm-host'>;

/** PAGE_S2_MEMATTR(attr, has_fwb): which MT_S2_* constant a prot selects. */
export const S2_MEMATTR_NAME = {
  DEVICE: { nofwb: 'MT_S2_DEVICE_nGnRE', fwb: 'MT_S2_FWB_DEVICE_nGnRE' },
  NORMAL_NC: { nofwb: 'MT_S2_NORMAL_NC', fwb: 'MT_S2_FWB_NORMAL_NC' },
  NORMAL: { nofwb: 'MT_S2_NORMAL', fwb: 'MT_S2_FWB_NORMAL' },
} as const satisfies Record<Stage2Prot, { nofwb: MtS2Name; fwb: MtS2Name }>;

/** stage2_set_prot_attr(): the MemAttr a guest's stage-2 leaf gets for a prot. */
export function stage2SetProtAttr(prot: Stage2Prot, fwb: boolean): { readonly name: MtS2Name; readonly value: number } {
  const name = S2_MEMATTR_NAME[prot][fwb ? 'fwb' : 'nofwb'];
  return { name, value: MT_S2[name] };
}
