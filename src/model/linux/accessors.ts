/**
 * arm64 MMIO accessors as programs of CPU stores, loads and barriers, by kernel version.
 *
 * Only the accesses to the device and the barriers between them are modelled; loads of the source
 * buffer (Normal memory) that a copy loop interleaves are not part of the device program.
 *
 * Sources (torvalds/linux; read at the source for this model):
 * - arch/arm64/include/asm/io.h: `__raw_write{b,w,l,q}` are one STRB/STRH/STR each; `__raw_read*` one
 *   LDR (LDAR under ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE, not modelled). `writeX()` = `__iowmb()` then the
 *   relaxed store; `readX()` = the relaxed load then `__iormb()`. In 2022 (Sai Prakash Ranjan, "arm64: io:
 *   Use asm-generic high level MMIO accessors") the high-level accessors moved to include/asm-generic/io.h
 *   with `__io_bw()` = `dma_wmb()` and `__io_ar()` = `dma_rmb()` plus a dummy control dependency: the
 *   same instructions in the same order.
 * - arch/arm64/include/asm/barrier.h: `dma_wmb()` = DMB OSHST, `dma_rmb()` = DMB OSHLD.
 * - lib/iomap_copy.c (before 6.10): weak `__iowrite32_copy()` / `__iowrite64_copy()` are loops of
 *   `__raw_writel()` / `__raw_writeq()`, no barrier.
 * - commit ead79118dae6 "arm64/io: Provide a WC friendly __iowriteXX_copy()" (Jason Gunthorpe, Linux 6.10):
 *   arm64 `__iowrite{32,64}_copy()` emit blocks of 8/4/2/1 consecutive STR (inline asm) then one DGH.
 * - `memcpy_toio()`: arch/arm64/kernel/io.c `__memcpy_toio()` (before 6.13), then the generic one in
 *   lib/iomem_copy.c (commit 0110feaaf6d0 "arm64: Use new fallback IO memcpy/memset", 6.13): byte stores
 *   until the destination is 8-byte aligned, 8-byte raw stores, byte stores for the tail. No barrier,
 *   no DGH in either.
 * - `st64b`: one ST64B (Arm ARM "ST64B", FEAT_LS64), which no kernel MMIO accessor emits in any covered
 *   release: a driver issues it itself. Commit fd8c8216648c (net/mlx5) lists it as the option "for future
 *   silicon" and expects `__iowriteXX_copy()` to use it one day; nothing merged does.
 */

import { atLeast, KERNEL_RANGE, KERNEL_VERSIONS, type KernelVersion } from './versions';

/** Barrier instructions that appear in the accessors. DGH is a hint, not a barrier (Arm ARM "DGH"). */
export const BARRIER_KINDS = ['dmb-oshst', 'dmb-oshld', 'dmb-osh', 'dgh'] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

export const STORE_MNEMONICS = ['STRB', 'STRH', 'STR', 'STP', 'ST64B'] as const;
export type StoreMnemonic = (typeof STORE_MNEMONICS)[number];

/** One CPU instruction of a device program. Offsets are bytes from the start of the mapped region. */
export type Instr =
  | {
      readonly op: 'store';
      readonly mnemonic: StoreMnemonic;
      readonly offset: number;
      /** Bytes written by the instruction. */
      readonly size: number;
      /**
       * Size of each single-copy-atomic access the instruction makes: STP of two X registers is two
       * 8-byte accesses (Arm ARM "Single-copy atomicity"; FEAT_LSE2's 16-byte case is not modelled);
       * ST64B is one 64-byte access (FEAT_LS64).
       */
      readonly element: number;
      readonly label: string;
      /** For copies: index of the block of consecutive stores the kernel emits together (6.10+). */
      readonly block?: number;
    }
  | {
      readonly op: 'load';
      readonly mnemonic: 'LDRB' | 'LDRH' | 'LDR';
      readonly offset: number;
      readonly size: number;
      readonly label: string;
    }
  | { readonly op: 'barrier'; readonly barrier: BarrierKind; readonly label: string };

export interface CpuProgram {
  readonly name: string;
  readonly description: string;
  readonly instrs: readonly Instr[];
  /** Where the instruction sequence comes from (file, function, version, commit). */
  readonly source: string;
}

// ---------------------------------------------------------------------------------------------
// Kernel versions

/**
 * Releases the accessor model covers: the project's release table (RELEASES in linux/releases.ts, through
 * versions.ts), whatever its newest release is. After 6.13 nothing the accessors emit changed in any release read: arch/arm64/include/asm/io.h
 * keeps the 6.10 `__iowrite{32,64}_copy()` (STR blocks and DGH) and arm64 keeps the generic memcpy_toio()
 * through the 7.x releases. The one proposal that would change them, NVIDIA's Olympus erratum workaround
 * ("arm64: io: apply the device store-release workaround once per block write", Shanker Donthineni, v4
 * posted 2026-06-25: STLR for `__raw_write*` and DMB OSH in place of DGH on affected CPUs), was not merged:
 * no v5, no "Applied" mail and no ARM64_WORKAROUND_DEVICE_STORE_RELEASE in a mainline push. So
 * ACCESSOR_CHANGES has no entry after 6.13.
 */
export const ACCESSOR_KERNELS = KERNEL_VERSIONS;
export type AccessorKernel = KernelVersion;
export const ACCESSOR_KERNEL_RANGE = KERNEL_RANGE;

// ---------------------------------------------------------------------------------------------
// Accessors

/** The accessors of CONTRACT.md `access`. */
export const ACCESSORS = [
  'writel',
  'writel_relaxed',
  'readl',
  'writeq',
  '__iowrite32_copy',
  '__iowrite64_copy',
  'memcpy_toio',
  'st64b',
] as const;
export type Accessor = (typeof ACCESSORS)[number];

/** Sequences shown for contrast only: what __iowrite64_copy() does not emit. */
export const CONTRAST_SEQUENCES = ['stp_copy64', 'st64b'] as const;
export type ContrastSequence = (typeof CONTRAST_SEQUENCES)[number];

/** `access` inputs that apply to one accessor only (beyond accessor, memoryType, kernel and bytes). */
export const ACCESSOR_FIELDS = ['hostKernel', 'locationSupportsLs64'] as const;
export type AccessorField = (typeof ACCESSOR_FIELDS)[number];

export interface AccessorInfo {
  /**
   * Bytes per element: the width of a single accessor (for st64b, its one 64-byte single-copy-atomic
   * store), the unit of `bytes` for a copy.
   */
  readonly element: number;
  /** A copy takes `bytes` (a multiple of `element`); a single accessor makes one access of `element` bytes. */
  readonly copy: boolean;
  readonly direction: 'write' | 'read';
  /** The CPU feature the accessor's instruction needs, or null. */
  readonly feature: 'FEAT_LS64' | null;
  /** The accessor-specific `access` inputs. */
  readonly fields: readonly AccessorField[];
}

const PLAIN = { feature: null, fields: [] } as const;

export const ACCESSOR_INFO = {
  writel: { element: 4, copy: false, direction: 'write', ...PLAIN },
  writel_relaxed: { element: 4, copy: false, direction: 'write', ...PLAIN },
  readl: { element: 4, copy: false, direction: 'read', ...PLAIN },
  writeq: { element: 8, copy: false, direction: 'write', ...PLAIN },
  __iowrite32_copy: { element: 4, copy: true, direction: 'write', ...PLAIN },
  __iowrite64_copy: { element: 8, copy: true, direction: 'write', ...PLAIN },
  memcpy_toio: { element: 1, copy: true, direction: 'write', ...PLAIN },
  st64b: { element: 64, copy: false, direction: 'write', feature: 'FEAT_LS64', fields: ['hostKernel', 'locationSupportsLs64'] },
} as const satisfies Record<Accessor, AccessorInfo>;

/** A change in what an accessor emits, with its source. */
export interface AccessorChange {
  readonly accessor: Accessor;
  readonly since: AccessorKernel;
  readonly summary: string;
  readonly source: string;
}

export const ACCESSOR_CHANGES = [
  {
    accessor: '__iowrite64_copy',
    since: '6.10',
    summary: 'blocks of 8/4/2/1 consecutive 64-bit STR from registers, then one DGH (was: a C loop of __raw_writeq)',
    source: 'commit ead79118dae6 "arm64/io: Provide a WC friendly __iowriteXX_copy()", Linux 6.10',
  },
  {
    accessor: '__iowrite32_copy',
    since: '6.10',
    summary: 'blocks of 8/4/2/1 consecutive 32-bit STR from registers, then one DGH (was: a C loop of __raw_writel)',
    source: 'commit ead79118dae6, Linux 6.10',
  },
  {
    accessor: 'memcpy_toio',
    since: '6.13',
    summary: 'arm64 uses the generic lib/iomem_copy.c implementation; for an 8-byte-aligned destination the stores are the same',
    source: 'commit 0110feaaf6d0 "arm64: Use new fallback IO memcpy/memset" (asm-generic pull for 6.13)',
  },
] as const satisfies readonly AccessorChange[];

type ChangedAccessor = (typeof ACCESSOR_CHANGES)[number]['accessor'];
const SINCE = Object.fromEntries(ACCESSOR_CHANGES.map((c) => [c.accessor, c.since])) as Record<ChangedAccessor, AccessorKernel>;

/** True when `kernel` has the accessor's change (the one date, kept in ACCESSOR_CHANGES). */
function hasChange(kernel: AccessorKernel, accessor: ChangedAccessor): boolean {
  return atLeast(kernel, SINCE[accessor]);
}

/** A raw store of 1, 4 or 8 bytes (the widths the accessors use): STRB or STR. */
function str(offset: number, size: number, label: string, block?: number): Instr {
  const mnemonic: StoreMnemonic = size === 1 ? 'STRB' : 'STR';
  return block === undefined
    ? { op: 'store', mnemonic, offset, size, element: size, label }
    : { op: 'store', mnemonic, offset, size, element: size, label, block };
}

const DMB_OSHST: Instr = { op: 'barrier', barrier: 'dmb-oshst', label: 'dma_wmb(): DMB OSHST' };
const IORMB: Instr = { op: 'barrier', barrier: 'dmb-oshld', label: '__iormb(): DMB OSHLD (+ control dependency)' };
const DGH: Instr = { op: 'barrier', barrier: 'dgh', label: 'dgh(): DGH hint' };

const hex = (n: number) => `0x${n.toString(16)}`;

/** writel()/writeq(): DMB OSHST, then one STR of the width (asm-generic/io.h writel, arm64 __io_bw). */
export function writeInstrs(width: 4 | 8, offset: number, what: string): Instr[] {
  return [DMB_OSHST, str(offset, width, `${what} @${hex(offset)}: STR (${width * 8}-bit)`)];
}

/** writel_relaxed(): the raw store only. */
export function relaxedWriteInstrs(offset: number, what: string): Instr[] {
  return [str(offset, 4, `${what} @${hex(offset)}: STR (32-bit)`)];
}

/** readl(): LDR, then __iormb() after the load. */
export function readInstrs(offset: number, what: string): Instr[] {
  return [{ op: 'load', mnemonic: 'LDR', offset, size: 4, label: `${what} @${hex(offset)}: LDR (32-bit)` }, IORMB];
}

/**
 * The 6.10+ blocking of `count` elements (lib: arm64 kernel/io.c memcpy_toio_aligned): as many blocks of
 * 8 as fit, then one of 4, 2, 1 for the remainder's bits.
 */
export function copyBlocks(count: number): number[] {
  const blocks: number[] = [];
  for (let left = count; left >= 8; left -= 8) blocks.push(8);
  const rest = count % 8;
  for (const size of [4, 2, 1]) if (rest & size) blocks.push(size);
  return blocks;
}

function iowriteCopy(accessor: '__iowrite32_copy' | '__iowrite64_copy', bytes: number, kernel: AccessorKernel, offset: number): Instr[] {
  const element = ACCESSOR_INFO[accessor].element;
  const count = bytes / element;
  const out: Instr[] = [];
  if (!hasChange(kernel, accessor)) {
    for (let i = 0; i < count; i++) out.push(str(offset + i * element, element, `element ${i}: STR (${element * 8}-bit)`));
    return out;
  }
  let i = 0;
  for (const [b, size] of copyBlocks(count).entries()) {
    for (let k = 0; k < size; k++, i++)
      out.push(str(offset + i * element, element, `block ${b}, element ${i}: STR (${element * 8}-bit)`, b));
  }
  out.push(DGH);
  return out;
}

function memcpyToio(bytes: number, offset: number): Instr[] {
  const out: Instr[] = [];
  let at = offset;
  let left = bytes;
  while (left > 0 && at % 8 !== 0) {
    out.push(str(at, 1, `head byte @${hex(at)}: STRB`));
    at++;
    left--;
  }
  while (left >= 8) {
    out.push(str(at, 8, `@${hex(at)}: STR (64-bit)`));
    at += 8;
    left -= 8;
  }
  while (left > 0) {
    out.push(str(at, 1, `tail byte @${hex(at)}: STRB`));
    at++;
    left--;
  }
  return out;
}

/** One ST64B: a single 64-byte single-copy-atomic store (FEAT_LS64); the one program for st64b and its contrast. */
function st64bProgram(offset: number): CpuProgram {
  return {
    name: 'st64b',
    description: 'one ST64B of 64 bytes (FEAT_LS64)',
    instrs: [
      { op: 'store', mnemonic: 'ST64B', offset, size: 64, element: 64, label: `ST64B @${hex(offset)} (64 bytes, single-copy atomic)` },
    ],
    source: 'Arm ARM "ST64B" (FEAT_LS64), issued by the driver itself (no kernel MMIO accessor emits it); commit fd8c8216648c, option 5',
  };
}

/**
 * The program one call of `accessor` emits. `bytes` is the copy length (ignored for single accessors);
 * the caller has validated it. The destination is at `offset` (0 by default: a 64-byte aligned buffer).
 */
export function accessorProgram(accessor: Accessor, kernel: AccessorKernel, bytes: number, offset = 0): CpuProgram {
  switch (accessor) {
    case 'writel':
      return {
        name: 'writel',
        description: 'one writel()',
        instrs: writeInstrs(4, offset, 'writel'),
        source: 'include/asm-generic/io.h writel(); arm64 __io_bw() = dma_wmb()',
      };
    case 'writeq':
      return {
        name: 'writeq',
        description: 'one writeq()',
        instrs: writeInstrs(8, offset, 'writeq'),
        source: 'include/asm-generic/io.h writeq(); arm64 __io_bw() = dma_wmb()',
      };
    case 'writel_relaxed':
      return {
        name: 'writel_relaxed',
        description: 'one writel_relaxed()',
        instrs: relaxedWriteInstrs(offset, 'writel_relaxed'),
        source: 'arch/arm64/include/asm/io.h __raw_writel()',
      };
    case 'readl':
      return {
        name: 'readl',
        description: 'one readl()',
        instrs: readInstrs(offset, 'readl'),
        source: 'include/asm-generic/io.h readl(); arm64 __io_ar() = dma_rmb() + control dependency',
      };
    case '__iowrite32_copy':
    case '__iowrite64_copy': {
      const element = ACCESSOR_INFO[accessor].element;
      const era = hasChange(kernel, accessor)
        ? 'arch/arm64/include/asm/io.h + kernel/io.c (commit ead79118dae6, 6.10+)'
        : `lib/iomap_copy.c weak ${accessor}() (before 6.10)`;
      return {
        name: accessor,
        description: `${accessor}() of ${bytes} bytes (${bytes / element} elements)`,
        instrs: iowriteCopy(accessor, bytes, kernel, offset),
        source: era,
      };
    }
    case 'memcpy_toio': {
      const era = hasChange(kernel, 'memcpy_toio')
        ? 'lib/iomem_copy.c __memcpy_toio() (arm64 uses it since commit 0110feaaf6d0, 6.13)'
        : 'arch/arm64/kernel/io.c __memcpy_toio() (before 6.13)';
      return { name: 'memcpy_toio', description: `memcpy_toio() of ${bytes} bytes`, instrs: memcpyToio(bytes, offset), source: era };
    }
    case 'st64b':
      return st64bProgram(offset);
  }
}

/**
 * For contrast: a 64-byte copy as four STP of two X registers (the form rejected for __iowrite64_copy()
 * because VMMs cannot emulate it; commit fd8c8216648c's list, option 3), and one ST64B (FEAT_LS64, option 5).
 */
export function contrastProgram(sequence: ContrastSequence, offset = 0): CpuProgram {
  if (sequence === 'st64b') return st64bProgram(offset);
  const instrs: Instr[] = [];
  for (let i = 0; i < 4; i++) {
    instrs.push({
      op: 'store',
      mnemonic: 'STP',
      offset: offset + 16 * i,
      size: 16,
      element: 8,
      label: `STP @${hex(offset + 16 * i)} (two 64-bit registers)`,
    });
  }
  instrs.push(DGH);
  return {
    name: 'stp_copy64',
    description: '64 bytes as four STP (rejected for the kernel)',
    instrs,
    source: 'commit fd8c8216648c, option 3 ("rejected from kernel use over fears of virtualization failures")',
  };
}

/** The dated changes to what the accessors emit (all of them, or one accessor's). */
export function accessorChanges(accessor?: Accessor): readonly AccessorChange[] {
  return accessor === undefined ? ACCESSOR_CHANGES : ACCESSOR_CHANGES.filter((c) => c.accessor === accessor);
}
