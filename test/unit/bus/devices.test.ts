import { describe, expect, it } from 'vitest';
import { judgeProgram } from '../../../src/model/bus/api';
import { costOf, costRange, DEFAULT_COST, payloadOnWire, tlpOverhead } from '../../../src/model/bus/cost';
import { judgeWcBuffer } from '../../../src/model/bus/devices';
import { summarize } from '../../../src/model/bus/enumerate';
import { STORE_FORM_INFO, trappedStore, whyStr } from '../../../src/model/bus/trap';
import {
  accessorProgram,
  type CpuProgram,
  contrastProgram,
  readInstrs,
  relaxedWriteInstrs,
  writeInstrs,
} from '../../../src/model/linux/accessors';

const prog = (instrs: CpuProgram['instrs']): CpuProgram => ({ name: 't', description: 't', instrs, source: 'test' });
function judged(p: CpuProgram, device: Parameters<typeof judgeProgram>[1], type: Parameters<typeof judgeProgram>[2]) {
  const r = judgeProgram(p, device, type);
  if ('error' in r) throw new Error(r.error);
  return r.judgement;
}

describe('device verdicts', () => {
  it('doorbell: two writel_relaxed() work on Device-nGnRE; on Normal-NC merge, reorder and repeat break it', () => {
    const p = prog([...relaxedWriteInstrs(0, 'A'), ...relaxedWriteInstrs(4, 'B')]);
    expect(judged(p, 'doorbell', 'Device-nGnRE').ok).toBe(true);
    const nc = judged(p, 'doorbell', 'Normal-NC');
    const v = nc.verdicts[0];
    expect(nc.ok).toBe(false);
    expect(v?.brokenBy).toEqual(expect.arrayContaining(['merge', 'reorder', 'repeat']));
    expect(v?.reasons.some((r) => r.includes('as one 8-byte write'))).toBe(true);
    expect(nc.outcomes.filter((o) => o.ok)).toHaveLength(1); // only the program itself
  });
  it('read-back flush: the forwarded read breaks it on Normal-NC and Device-GRE, never on nG types', () => {
    const p = prog([...writeInstrs(4, 0, 'W'), ...readInstrs(0, 'R')]);
    for (const t of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE'] as const) expect(judged(p, 'read-back-flush', t).ok).toBe(true);
    for (const t of ['Device-GRE', 'Normal-NC'] as const) {
      const j = judged(p, 'read-back-flush', t);
      expect(j.ok).toBe(false);
      expect(j.verdicts[0]?.brokenBy).toContain('forwarded-read');
    }
  });
  it('read side effect: a speculative read breaks it on Normal-NC only', () => {
    const p = prog(readInstrs(0, 'R'));
    expect(judged(p, 'read-side-effect', 'Device-GRE').ok).toBe(true);
    const nc = judged(p, 'read-side-effect', 'Normal-NC');
    expect(nc.ok).toBe(false);
    expect(nc.verdicts[0]?.brokenBy).toEqual(['speculative-read']);
  });
  it('WC buffer: correct on both types; fast path never on Device-nGnRE, sometimes on Normal-NC, always with ST64B', () => {
    const copy = accessorProgram('__iowrite64_copy', '6.10', 128);
    const dev = summarize(copy, 'Device-nGnRE');
    const nc = summarize(copy, 'Normal-NC');
    const st = summarize(contrastProgram('st64b'), 'Normal-NC');
    if (!dev.ok || !nc.ok || !st.ok) throw new Error('summary failed');
    expect([judgeWcBuffer(dev.value).ok, judgeWcBuffer(dev.value).fastPath]).toEqual([true, 'never']);
    expect([judgeWcBuffer(nc.value).ok, judgeWcBuffer(nc.value).fastPath]).toEqual([true, 'sometimes']);
    expect(judgeWcBuffer(st.value).fastPath).toBe('always');
  });
  it('an unaligned program on Device is judged as an alignment fault', () => {
    const j = judged(prog([{ op: 'store', mnemonic: 'STR', offset: 2, size: 4, element: 4, label: 'u' }]), 'doorbell', 'Device-nGnRE');
    expect(j.ok).toBe(false);
    expect(j.verdicts[0]?.reasons[0]).toMatch(/Alignment fault/);
  });
});

describe('cost model', () => {
  it('per-TLP overhead: 26 bytes by default (4-DW header, Gen3+ framing), 20 with a 3-DW header and Gen1/2 framing', () => {
    expect(tlpOverhead(DEFAULT_COST)).toBe(26);
    expect(tlpOverhead({ ...DEFAULT_COST, headerBytes: 12, framingBytes: 2 })).toBe(20);
    expect(tlpOverhead({ ...DEFAULT_COST, ecrcBytes: 4 })).toBe(30);
  });
  it('payload travels in whole DWs', () => {
    expect(payloadOnWire({ offset: 9, size: 1 })).toBe(4);
    expect(payloadOnWire({ offset: 6, size: 4 })).toBe(8);
    expect(payloadOnWire({ offset: 0, size: 64 })).toBe(64);
  });
  it('eight 8-byte writes cost (26+8)*8 wire bytes; the gathered 64-byte write 26+64', () => {
    const s = summarize(accessorProgram('__iowrite64_copy', '6.10', 64), 'Normal-NC');
    if (!s.ok) throw new Error('summary failed');
    const range = costRange(s.value.representative.mostGathered, s.value.representative.leastGathered);
    expect(range.fewest).toMatchObject({ transactions: 1, payloadBytes: 64, wireBytes: 90 });
    expect(range.most).toMatchObject({ transactions: 8, payloadBytes: 64, wireBytes: 272 });
    expect(range.relativeTime).toBeCloseTo(272 / 90, 6);
  });
  it('a fixed per-transaction time raises the ratio', () => {
    const one = [{ kind: 'write' as const, offset: 0, size: 64, repeat: false, speculative: false }];
    const eight = Array.from({ length: 8 }, (_, i) => ({
      kind: 'write' as const,
      offset: 8 * i,
      size: 8,
      repeat: false,
      speculative: false,
    }));
    const cfg = { ...DEFAULT_COST, perTransactionNs: 100 };
    expect(costRange(one, eight, cfg).relativeTime).toBeGreaterThan(costRange(one, eight).relativeTime);
    expect(costOf(eight, cfg).timeNs).toBe(800 + 272);
  });
});

describe('trapped MMIO', () => {
  it('a single-register STR is emulated; STP has ISV=0 and cannot be', () => {
    expect(trappedStore('STR-register', '6.8', true).kvm).toBe('emulated');
    expect(STORE_FORM_INFO.STP.isv).toBe(0);
    expect(trappedStore('STP', '6.8', true).kvm).toBe('exit-nisv-to-vmm');
    expect(trappedStore('STP', '6.8', false).kvm).toBe('kvm-run-enosys');
    expect(trappedStore('STR-SIMD', '5.10', false).kvm).toBe('kvm-run-enosys');
  });
  it('ST64B to an emulated region: the guest cannot issue it on the covered hosts before 7.0 (it traps to an UNDEF)', () => {
    for (const host of ['5.10', '6.16', '6.17'] as const) {
      const t = trappedStore('ST64B', host, true);
      expect(t.kvm, host).toBe('not-available-to-guest');
      expect(t.guest).toContain('Undefined Instruction exception');
    }
    expect(STORE_FORM_INFO.ST64B.isv).toBe(1);
  });
  it('ST64B to an emulated region from 7.0: KVM_EXIT_ARM_LDST64B to the VMM, with or without NISV_TO_USER', () => {
    for (const nisv of [true, false]) {
      const t = trappedStore('ST64B', '7.0', nisv);
      expect(t.kvm).toBe('exit-ldst64b-to-vmm');
      expect(t.guest).toContain('KVM_EXIT_ARM_LDST64B');
    }
  });
  it('why the kernel copy uses STR: four facts, ending in ead79118dae6', () => {
    expect(whyStr().map((f) => f.source)).toEqual([
      'arch/arm64/kvm/mmio.c io_mem_abort()',
      'Arm ARM ESR_EL2 ISS ISV; io_mem_abort()',
      'io_mem_abort(); QEMU kvm_arm_handle_dabt_nisv()',
      'commit ead79118dae6 (6.10); commit fd8c8216648c option 3',
    ]);
  });
  it('the accessors only use forms KVM can emulate; the rejected STP copy does not', () => {
    for (const a of ['writel', 'writeq', '__iowrite64_copy', '__iowrite32_copy', 'memcpy_toio'] as const) {
      const p = accessorProgram(a, '6.10', a === 'writel' ? 4 : 64);
      expect(p.instrs.every((i) => i.op !== 'store' || i.mnemonic === 'STR' || i.mnemonic === 'STRB')).toBe(true);
    }
    expect(contrastProgram('stp_copy64').instrs.some((i) => i.op === 'store' && i.mnemonic === 'STP')).toBe(true);
  });
});
