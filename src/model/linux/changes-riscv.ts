/**
 * The details of the RISC-V changes of KERNEL_CHANGES (linux/changes.ts spreads them into
 * CHANGE_DETAILS), apart so that the RISC-V model (riscv/kvm.ts) cites them without carrying the
 * details of every other change into the pages that compare architectures.
 */
import type { ChangeDetails } from './change-types';

export const RISCV_CHANGE_DETAILS = {
  'kvm-riscv': {
    area: 'riscv',
    commits: ['9d05c1fee837'],
    where: 'arch/riscv/kvm/mmu.c',
    bearing: 'A RISC-V guest can be given a VFIO BAR.',
    effect: 'answer',
    evidence: [
      { read: 'not re-read: the release is from memory of the merge windows', ref: 'reference cross-arch.md §2', confidence: 'unverified' },
    ],
  },
  'linux-svpbmt': {
    area: 'riscv',
    commits: ['ff689fd21cb1'],
    where: 'arch/riscv/include/asm/pgtable-64.h',
    bearing: 'RISC-V page tables start naming memory types; before, the PMAs alone decide.',
    effect: 'answer',
    evidence: [
      {
        read: 'the commit id from a later Fixes: tag and a RISC-V pull listing the commit; the release is not re-read at the tag',
        ref: 'ids 41471409598, 34615023387',
        confidence: 'inferred',
      },
    ],
  },
  'ioremap-wc-nc': {
    area: 'riscv',
    commits: ['3a8ee3a9f4f6'],
    where: 'arch/riscv/include/asm/io.h ioremap_wc(); asm/pgtable.h _PAGE_KERNEL_NC',
    bearing: "A RISC-V guest's ioremap_wc() now asks for NC, and its non-zero PBMT overrides the G-stage.",
    effect: 'answer',
    evidence: [
      {
        read: 'the patch, the v6.18-rc1 RISC-V pull and its merge',
        ref: 'ids 25193031883, 38703032943, 38364030723',
        confidence: 'read-at-source',
      },
    ],
  },
  'kvm-pfnmap-on-fault': {
    area: 'riscv',
    commits: ['8c5fa3764facaad6d38336e90f406c2c11d69733'],
    where: 'arch/riscv/kvm/mmu.c kvm_arch_prepare_memory_region(); arch/riscv/kvm/gstage.c kvm_riscv_gstage_map_page()',
    bearing: "The G-stage no longer names IO for a BAR, so the BAR's I/O PMAs apply unless the guest's PBMT overrides them.",
    effect: 'answer',
    evidence: [
      {
        read: 'Anup Patel\'s "queued as fix for 6.18", the KVM fixes pull, gstage.c before and after',
        ref: 'ids 45132749456, 40537796421, 52099091247, 471152725',
        confidence: 'read-at-source',
      },
    ],
  },
} as const satisfies Record<'kvm-riscv' | 'linux-svpbmt' | 'ioremap-wc-nc' | 'kvm-pfnmap-on-fault', ChangeDetails>;
