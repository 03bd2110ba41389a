import { describe, expect, it } from 'vitest';
import { scenarioFlow } from '../../../src/components/ScenarioBuilder/flow';
import { scenario } from '../../../src/model';

function run(kernel: string, guestMapping: 'ioremap' | 'ioremap_wc', fwb = false) {
  const a = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping, fwb });
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('scenarioFlow', () => {
  it('draws ioremap_wc() on a vfio-pci BAR in 6.9 as the four layers the thread describes', () => {
    const { nodes, edges } = scenarioFlow(run('6.9', 'ioremap_wc'));
    expect(nodes.map((n) => n.layer)).toEqual(["QEMU's mapping", 'KVM stage 2', 'Guest stage 1', 'Effective type']);
    // vfio-pci mmap()s the BAR with pgprot_noncached() and, from 6.9, sets VM_ALLOW_ANY_UNCACHED.
    expect(nodes[0]).toMatchObject({ value: 'Device-nGnRnE', detail: 'MT_DEVICE_nGnRnE + VM_ALLOW_ANY_UNCACHED' });
    // KVM maps the BAR Normal-NC at stage 2: MT_S2_NORMAL_NC is MemAttr 0b0101.
    expect(nodes[1]).toMatchObject({ value: 'Normal-NC', detail: 'MT_S2_NORMAL_NC = 0x5' });
    // ioremap_wc() is MT_NORMAL_NC, MAIR_ATTR_NORMAL_NC = 0x44.
    expect(nodes[2]).toMatchObject({ value: 'Normal-NC', detail: 'ioremap_wc() MT_NORMAL_NC MAIR 0x44' });
    expect(nodes[3]).toMatchObject({ value: 'Normal-NC', detail: 'rule normal-stricter-per-side' });
    expect(edges.map((e) => e.label)).toEqual(['write fault', 'combined with', 'combine()']);
  });

  it('before 6.9 stage 2 is Device-nGnRE, and so is the effective type', () => {
    const { nodes } = scenarioFlow(run('6.8', 'ioremap_wc'));
    expect(nodes[0]?.detail).toBe('MT_DEVICE_nGnRnE');
    expect(nodes[1]).toMatchObject({ value: 'Device-nGnRE', detail: 'MT_S2_DEVICE_nGnRE = 0x1' });
    expect(nodes[3]?.value).toBe('Device-nGnRE');
  });

  it('colours each box by the class of its type', () => {
    const before = scenarioFlow(run('6.8', 'ioremap_wc')).nodes;
    const after = scenarioFlow(run('6.9', 'ioremap_wc')).nodes;
    expect(before.map((n) => n.tone)).toEqual(['device', 'device', 'non-cacheable', 'device']);
    expect(after.map((n) => n.tone)).toEqual(['device', 'non-cacheable', 'non-cacheable', 'non-cacheable']);
  });

  it('with FWB the stage-2 detail names the FWB constant', () => {
    expect(scenarioFlow(run('6.9', 'ioremap_wc', true)).nodes[1]?.detail).toBe('MT_S2_FWB_NORMAL_NC = 0x5 (FWB)');
  });
});
