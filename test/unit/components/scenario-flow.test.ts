import { describe, expect, it } from 'vitest';
import { scenarioFlow } from '../../../src/components/ScenarioBuilder/flow';
import { scenario } from '../../../src/model';

function run(kernel: string, guestMapping: 'ioremap' | 'ioremap_wc', fwb = false) {
  const a = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping, fwb });
  if (!a.ok) throw new Error(a.error.message);
  return a.result;
}

describe('scenarioFlow', () => {
  it('draws the four layers with the values scenario() computed', () => {
    const r = run('6.9', 'ioremap_wc');
    const { nodes } = scenarioFlow(r);
    expect(nodes.map((n) => n.layer)).toEqual(["QEMU's mapping", 'KVM stage 2', 'Guest stage 1', 'Effective type']);
    expect(nodes[0]?.value).toBe(r.hostUserspace.memoryType);
    expect(nodes[1]?.value).toBe('Normal-NC');
    expect(nodes[1]?.detail).toBe(`${r.stage2?.memAttrName} = 0x5`);
    expect(nodes[2]?.value).toBe(r.guestStage1.memoryType);
    expect(nodes[3]?.value).toBe(r.effectiveType);
  });

  it('colours each box by the class of its type', () => {
    const before = scenarioFlow(run('6.8', 'ioremap_wc')).nodes;
    const after = scenarioFlow(run('6.9', 'ioremap_wc')).nodes;
    expect(before[3]?.tone).toBe('device');
    expect(after[3]?.tone).toBe('nc');
    expect(after[1]?.tone).toBe('nc');
  });
});
