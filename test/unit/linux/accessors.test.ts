import { describe, expect, it } from 'vitest';
import {
  ACCESSOR_CHANGES,
  ACCESSOR_FIELDS,
  ACCESSOR_INFO,
  ACCESSOR_KERNEL_RANGE,
  ACCESSOR_KERNELS,
  ACCESSORS,
  type AccessorKernel,
  accessorChanges,
  accessorProgram,
  contrastProgram,
  copyBlocks,
  type Instr,
} from '../../../src/model/linux/accessors';
import { NEWEST_KERNEL, OLDEST_KERNEL } from '../../../src/model/linux/versions';

const ops = (accessor: (typeof ACCESSORS)[number], kernel: (typeof ACCESSOR_KERNELS)[number], bytes: number) =>
  accessorProgram(accessor, kernel, bytes).instrs.map((i) =>
    i.op === 'barrier' ? i.barrier : `${i.op === 'store' ? i.mnemonic : i.mnemonic}@${i.offset}/${i.size}`,
  );

describe('accessor programs', () => {
  it('writel is DMB OSHST then one 32-bit STR, in every covered version', () => {
    for (const k of ACCESSOR_KERNELS) expect(ops('writel', k, 4)).toEqual(['dmb-oshst', 'STR@0/4']);
  });
  it('writel_relaxed is the store alone; writeq is DMB OSHST then a 64-bit STR', () => {
    expect(ops('writel_relaxed', '6.8', 4)).toEqual(['STR@0/4']);
    expect(ops('writeq', '6.8', 8)).toEqual(['dmb-oshst', 'STR@0/8']);
  });
  it('readl puts its barrier after the load', () => {
    expect(ops('readl', '6.8', 4)).toEqual(['LDR@0/4', 'dmb-oshld']);
  });
  it('__iowrite64_copy: a plain loop before 6.10, STR blocks plus one DGH from 6.10 (ead79118dae6)', () => {
    const before = ops('__iowrite64_copy', '6.9', 64);
    const after = ops('__iowrite64_copy', '6.10', 64);
    expect(before).toHaveLength(8);
    expect(before.every((s) => s.startsWith('STR@') && s.endsWith('/8'))).toBe(true);
    expect(after.slice(0, 8)).toEqual(before);
    expect(after[8]).toBe('dgh');
    expect(after).toHaveLength(9);
    const blocks = accessorProgram('__iowrite64_copy', '6.10', 120).instrs.flatMap((i) => (i.op === 'store' ? [i.block] : []));
    expect(blocks).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3]);
  });
  it('the 6.10 blocking is 8s, then 4, 2, 1 for the remainder', () => {
    expect(copyBlocks(15)).toEqual([8, 4, 2, 1]);
    expect(copyBlocks(16)).toEqual([8, 8]);
    expect(copyBlocks(3)).toEqual([2, 1]);
  });
  it('__iowrite32_copy uses 32-bit stores in both eras', () => {
    expect(ops('__iowrite32_copy', '6.9', 16)).toEqual(['STR@0/4', 'STR@4/4', 'STR@8/4', 'STR@12/4']);
    expect(ops('__iowrite32_copy', '6.10', 16)).toEqual(['STR@0/4', 'STR@4/4', 'STR@8/4', 'STR@12/4', 'dgh']);
  });
  it('memcpy_toio: 64-bit stores then byte stores, no barrier, no DGH', () => {
    expect(ops('memcpy_toio', '6.12', 13)).toEqual(['STR@0/8', 'STRB@8/1', 'STRB@9/1', 'STRB@10/1', 'STRB@11/1', 'STRB@12/1']);
    expect(ops('memcpy_toio', '6.13', 13)).toEqual(ops('memcpy_toio', '6.12', 13));
    const unaligned = accessorProgram('memcpy_toio', '6.13', 10, 6).instrs.map((i) =>
      i.op === 'store' ? `${i.mnemonic}@${i.offset}` : i.op,
    );
    expect(unaligned).toEqual(['STRB@6', 'STRB@7', 'STR@8']);
  });
  it('contrast sequences: four STP of two X registers; one ST64B', () => {
    const stp = contrastProgram('stp_copy64').instrs.filter((i) => i.op === 'store');
    expect(stp.map((i) => (i.op === 'store' ? [i.mnemonic, i.size, i.element] : []))).toEqual(Array(4).fill(['STP', 16, 8]));
    expect(contrastProgram('stp_copy64', 64).instrs.flatMap((i) => (i.op === 'store' ? [i.offset] : []))).toEqual([64, 80, 96, 112]);
    expect(contrastProgram('stp_copy64').instrs.at(-1)).toMatchObject({ op: 'barrier', barrier: 'dgh' });
    expect(contrastProgram('stp_copy64', 64).instrs.map((i) => i.label)).toEqual([
      'STP @0x40 (two 64-bit registers)',
      'STP @0x50 (two 64-bit registers)',
      'STP @0x60 (two 64-bit registers)',
      'STP @0x70 (two 64-bit registers)',
      'dgh(): DGH hint',
    ]);
  });
  it('memcpy_toio shorter than the way to 8-byte alignment: only its own bytes', () => {
    expect(ops('memcpy_toio', '6.13', 2).length).toBe(2);
    const short = accessorProgram('memcpy_toio', '6.13', 2, 1).instrs.map((i) => (i.op === 'store' ? `${i.mnemonic}@${i.offset}` : i.op));
    expect(short).toEqual(['STRB@1', 'STRB@2']);
  });
  it('only the 6.10 blocked copies carry a block index', () => {
    const has = (i: Instr) => Object.hasOwn(i, 'block');
    expect(accessorProgram('__iowrite64_copy', '6.9', 16).instrs.some(has)).toBe(false);
    expect(accessorProgram('memcpy_toio', '6.13', 16).instrs.some(has)).toBe(false);
    expect(accessorProgram('writel', '6.13', 4).instrs.some(has)).toBe(false);
    expect(accessorProgram('__iowrite64_copy', '6.10', 16).instrs.filter(has)).toHaveLength(2);
  });
  it('describes a copy by its bytes and elements', () => {
    expect(accessorProgram('__iowrite64_copy', '6.10', 64).description).toBe('__iowrite64_copy() of 64 bytes (8 elements)');
    expect(accessorProgram('__iowrite32_copy', '6.9', 64).description).toBe('__iowrite32_copy() of 64 bytes (16 elements)');
  });
  it('labels name each store as the timeline shows it: element, block and width', () => {
    expect(accessorProgram('writel', '6.10', 4).instrs.map((i) => i.label)).toEqual(['dma_wmb(): DMB OSHST', 'writel @0x0: STR (32-bit)']);
    expect(accessorProgram('writeq', '6.10', 8).instrs.map((i) => i.label)).toEqual(['dma_wmb(): DMB OSHST', 'writeq @0x0: STR (64-bit)']);
    const labels = (accessor: '__iowrite32_copy' | '__iowrite64_copy', kernel: '6.9' | '6.10', bytes: number) =>
      accessorProgram(accessor, kernel, bytes).instrs.map((i) => i.label);
    expect(labels('__iowrite64_copy', '6.9', 16)).toEqual(['element 0: STR (64-bit)', 'element 1: STR (64-bit)']);
    expect(labels('__iowrite32_copy', '6.9', 8)).toEqual(['element 0: STR (32-bit)', 'element 1: STR (32-bit)']);
    expect(labels('__iowrite64_copy', '6.10', 24)).toEqual([
      'block 0, element 0: STR (64-bit)',
      'block 0, element 1: STR (64-bit)',
      'block 1, element 2: STR (64-bit)',
      'dgh(): DGH hint',
    ]);
    expect(labels('__iowrite32_copy', '6.10', 4)).toEqual(['block 0, element 0: STR (32-bit)', 'dgh(): DGH hint']);
  });
  it('st64b is one ST64B: a single 64-byte single-copy-atomic store, the same for the accessor and its contrast', () => {
    const one = (offset: number) => [{ op: 'store', mnemonic: 'ST64B', offset, size: 64, element: 64 }];
    const shape = (p: { instrs: readonly Instr[] }) =>
      p.instrs.map((i) => (i.op === 'store' ? { op: i.op, mnemonic: i.mnemonic, offset: i.offset, size: i.size, element: i.element } : i));
    for (const k of ACCESSOR_KERNELS) expect(shape(accessorProgram('st64b', k, 64))).toEqual(one(0));
    expect(shape(contrastProgram('st64b'))).toEqual(one(0));
    expect(shape(accessorProgram('st64b', '6.17', 64, 128))).toEqual(one(128));
    expect(shape(contrastProgram('st64b', 128))).toEqual(one(128));
    expect(accessorProgram('st64b', '6.17', 64).name).toBe('st64b');
    expect(accessorChanges('st64b')).toEqual([]);
  });
  it('ACCESSOR_INFO tells a reader which accessors copy, their element, and which take the FEAT_LS64 inputs', () => {
    expect(ACCESSORS.filter((a) => ACCESSOR_INFO[a].copy)).toEqual(['__iowrite32_copy', '__iowrite64_copy', 'memcpy_toio']);
    expect(ACCESSORS.map((a) => ACCESSOR_INFO[a].element)).toEqual([4, 4, 4, 8, 4, 8, 1, 64]);
    expect(ACCESSORS.filter((a) => ACCESSOR_INFO[a].direction === 'read')).toEqual(['readl']);
    expect(ACCESSOR_INFO.st64b).toEqual({
      element: 64,
      copy: false,
      direction: 'write',
      feature: 'FEAT_LS64',
      fields: ['hostKernel', 'locationSupportsLs64'],
    });
    for (const a of ACCESSORS.filter((x) => x !== 'st64b')) expect([ACCESSOR_INFO[a].feature, ACCESSOR_INFO[a].fields]).toEqual([null, []]);
    expect([...ACCESSOR_FIELDS]).toEqual(['hostKernel', 'locationSupportsLs64']);
  });
  it('covers the project release table, oldest to newest', () => {
    expect(ACCESSOR_KERNELS[0]).toBe(OLDEST_KERNEL);
    expect(ACCESSOR_KERNELS.at(-1)).toBe(NEWEST_KERNEL);
    expect(ACCESSOR_KERNEL_RANGE).toBe(`${OLDEST_KERNEL} to ${NEWEST_KERNEL}`);
    expect(accessorChanges().map((c) => c.since)).toEqual(['6.10', '6.10', '6.13']);
    expect(accessorChanges('__iowrite64_copy').map((c) => c.since)).toEqual(['6.10']);
  });
  it('the copies change in the version ACCESSOR_CHANGES records, ordered numerically (6.9 before 6.10)', () => {
    // Each recorded change splits the covered releases in two: every release before it emits one program,
    // every release from it on emits another. The order is the release order, not string order ("6.10" < "6.9").
    expect(ACCESSOR_CHANGES.map((c) => [c.accessor, c.since])).toEqual([
      ['__iowrite64_copy', '6.10'],
      ['__iowrite32_copy', '6.10'],
      ['memcpy_toio', '6.13'],
    ]);
    for (const change of ACCESSOR_CHANGES) {
      const at = ACCESSOR_KERNELS.indexOf(change.since);
      const bytes = change.accessor === 'memcpy_toio' ? 13 : 64;
      const before = accessorProgram(change.accessor, ACCESSOR_KERNELS[at - 1] as AccessorKernel, bytes);
      const from = accessorProgram(change.accessor, change.since, bytes);
      expect(from.source).not.toBe(before.source);
      for (const [i, k] of ACCESSOR_KERNELS.entries()) {
        expect(accessorProgram(change.accessor, k, bytes).source, `${change.accessor} at ${k}`).toBe(i < at ? before.source : from.source);
      }
    }
    expect(ACCESSOR_KERNELS.indexOf('6.9')).toBeLessThan(ACCESSOR_KERNELS.indexOf('6.10'));
    const dgh = (i: Instr) => i.op === 'barrier' && i.barrier === 'dgh';
    expect(accessorProgram('__iowrite64_copy', '6.9', 64).instrs.some(dgh)).toBe(false);
    expect(accessorProgram('__iowrite64_copy', '6.10', 64).instrs.some(dgh)).toBe(true);
  });
});
