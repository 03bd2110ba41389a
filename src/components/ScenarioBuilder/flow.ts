/**
 * Turns a `scenario()` result into the four boxes of the layer picture. Pure: every value shown comes
 * from the result (or from decoding its stage-2 nibble with `decodeS2()`).
 */
import type { ScenarioResult } from '../../model';
import { decodeS2, memoryClass, memoryClassOfName, s2MemoryClass } from '../../model';
import { s2Name } from '../CombineMatrix/rows';
import type { FlowEdge, FlowNode } from '../FlowDiagram/layout';
import { attrsName, hexByte, hexNibble } from '../shared/format';

function stage2Node(r: ScenarioResult): FlowNode {
  const layer = 'KVM stage 2';
  if (r.memslot.errno !== null)
    return { layer, value: 'no memslot', detail: `KVM_SET_USER_MEMORY_REGION fails: ${r.memslot.errno}`, tone: 'error' };
  const s2 = r.stage2;
  if (s2 === null || s2.errno !== null || s2.memAttr === null) {
    return { layer, value: 'fault fails', detail: s2?.errno ?? 'no stage-2 entry', tone: 'error' };
  }
  const d = decodeS2({ memAttr: s2.memAttr, fwb: r.input.fwb });
  const value = d.ok ? s2Name(d.result) : (s2.prot ?? '?');
  const tone = (d.ok ? s2MemoryClass(d.result) : null) ?? 'neutral';
  const name = s2.memAttrName ?? s2.prot ?? 'MemAttr';
  return { layer, value, detail: `${name} = ${hexNibble(s2.memAttr)}${r.input.fwb ? ' (FWB)' : ''}`, tone };
}

/** QEMU's mapping -> KVM stage 2 -> guest stage 1 -> effective, as FlowDiagram data. */
export function scenarioFlow(r: ScenarioResult): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const allow = r.vmaFlags.includes('VM_ALLOW_ANY_UNCACHED');
  const nodes: FlowNode[] = [
    {
      layer: "QEMU's mapping",
      value: r.hostUserspace.memoryType,
      detail: `${r.hostUserspace.memType}${allow ? ' + VM_ALLOW_ANY_UNCACHED' : ''}`,
      tone: memoryClassOfName(r.hostUserspace.memoryType),
    },
    stage2Node(r),
    {
      layer: 'Guest stage 1',
      value: r.guestStage1.memoryType,
      detail: `${r.input.guestMapping}() ${r.guestStage1.memType} MAIR ${hexByte(r.guestStage1.mair)}`,
      tone: memoryClassOfName(r.guestStage1.memoryType),
    },
    r.effective === null
      ? { layer: 'Effective type', value: 'nothing mapped', tone: 'error' }
      : { layer: 'Effective type', value: attrsName(r.effective), detail: `rule ${r.effective.rule}`, tone: memoryClass(r.effective) },
  ];
  const edges: FlowEdge[] = [{ label: `${r.input.fault} fault` }, { label: 'combined with' }, { label: 'combine()' }];
  return { nodes, edges };
}
