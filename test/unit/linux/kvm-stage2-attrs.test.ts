import { describe, expect, it } from 'vitest';
import type { KvmStage2MemAttr } from '../../../src/model';
import { kvmStage2MemAttrs } from '../../../src/model';
import { expectError, expectOk } from '../../support/expect-ok';

/** `0x5 MT_S2_NORMAL_NC NORMAL_NC: vfio-pci, nvgrace-gpu-resmem` per value, for a readable comparison. */
const lines = (values: readonly KvmStage2MemAttr[]) =>
  values.map((v) => `0x${v.memAttr.toString(16)} ${v.constant} ${v.prot}: ${v.usedFor.join(', ')}`);

describe('kvmStage2MemAttrs: what KVM writes at stage 2 for a guest, by release', () => {
  it('before 6.9 every VFIO BAR is Device-nGnRE at stage 2, RAM Normal Write-Back', () => {
    expect(lines(expectOk(kvmStage2MemAttrs({ kernel: '6.8' })))).toEqual([
      '0x1 MT_S2_DEVICE_nGnRE DEVICE: vfio-pci, vfio-platform',
      '0xf MT_S2_NORMAL NORMAL: guest RAM',
    ]);
  });

  it('from 6.9 vfio-pci and the nvgrace-gpu carve-out get Normal-NC (VM_ALLOW_ANY_UNCACHED), vfio-platform keeps Device', () => {
    expect(lines(expectOk(kvmStage2MemAttrs({ kernel: '6.9' })))).toEqual([
      '0x1 MT_S2_DEVICE_nGnRE DEVICE: vfio-platform, nvgrace-gpu-usemem',
      '0x5 MT_S2_NORMAL_NC NORMAL_NC: vfio-pci, nvgrace-gpu-resmem',
      '0xf MT_S2_NORMAL NORMAL: guest RAM',
    ]);
  });

  it('from 6.17 the cacheable GPU memory is mapped cacheable with FWB and DIC, and not at all without either', () => {
    expect(lines(expectOk(kvmStage2MemAttrs({ kernel: '6.17', fwb: true })))).toEqual([
      '0x1 MT_S2_FWB_DEVICE_nGnRE DEVICE: vfio-platform',
      '0x5 MT_S2_FWB_NORMAL_NC NORMAL_NC: vfio-pci, nvgrace-gpu-resmem',
      '0x6 MT_S2_FWB_NORMAL NORMAL: guest RAM, nvgrace-gpu-usemem',
    ]);
    expect(lines(expectOk(kvmStage2MemAttrs({ kernel: '6.17', fwb: true, dic: false }))).at(-1)).toBe(
      '0x6 MT_S2_FWB_NORMAL NORMAL: guest RAM',
    );
    expect(lines(expectOk(kvmStage2MemAttrs({ kernel: '6.17', fwb: false })))).toEqual([
      '0x1 MT_S2_DEVICE_nGnRE DEVICE: vfio-platform',
      '0x5 MT_S2_NORMAL_NC NORMAL_NC: vfio-pci, nvgrace-gpu-resmem',
      '0xf MT_S2_NORMAL NORMAL: guest RAM',
    ]);
  });

  it('a value written for several backings is listed once, guest RAM first, ordered by MemAttr', () => {
    const values = expectOk(kvmStage2MemAttrs({ kernel: '7.2', fwb: true }));
    expect(values.map((v) => v.memAttr)).toEqual([0x1, 0x5, 0x6]);
    expect(values[2]?.usedFor).toEqual(['guest RAM', 'nvgrace-gpu-usemem']);
  });

  it('bad input is BAD_INPUT naming the field', () => {
    expect(expectError(kvmStage2MemAttrs({ kernel: '6.99' }))).toMatchObject({ code: 'BAD_INPUT', field: 'kernel' });
    expect(expectError(kvmStage2MemAttrs({ kernel: '6.9', fwb: 'yes' as unknown as boolean }))).toMatchObject({
      code: 'BAD_INPUT',
      field: 'fwb',
    });
  });
});
