import { describe, expect, it } from 'vitest';
import { describeFlow, FOUR_LAYERS } from '../../../src/components/FlowDiagram';
import { layoutFlow, MIN_TEXT_PX, minScale, ROW_MIN_CONTAINER, rowFits, wrapText } from '../../../src/components/FlowDiagram/layout';

const nodes = [
  { layer: "QEMU's mapping", value: 'Device-nGnRE', detail: 'MT_DEVICE_nGnRE + VM_ALLOW_ANY_UNCACHED', tone: 'device' as const },
  { layer: 'KVM stage 2', value: 'NORMAL_NC', tone: 'non-cacheable' as const },
  { layer: 'Effective type', value: 'Normal-NC' },
];

describe('wrapText', () => {
  it('keeps words whole and lines within the limit', () => {
    expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });
  it('splits a long identifier after an underscore', () => {
    const lines = wrapText('VM_ALLOW_ANY_UNCACHED', 12);
    expect(lines.join('')).toBe('VM_ALLOW_ANY_UNCACHED');
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines[0]?.endsWith('_')).toBe(true);
  });
  it('splits a hyphenated rule id after a hyphen', () => {
    expect(wrapText('rule s2-device-over-s1-normal', 22)).toEqual(['rule', 's2-device-over-s1-', 'normal']);
  });
  it('gives nothing for empty text', () => {
    expect(wrapText('  ', 10)).toEqual([]);
  });
});

describe('layoutFlow', () => {
  for (const direction of ['row', 'column'] as const) {
    it(`${direction}: boxes do not overlap, arrows join neighbours, everything is inside the view box`, () => {
      const l = layoutFlow(nodes, [{ label: 'write fault' }, { label: 'combine()' }], direction);
      expect(l.boxes).toHaveLength(3);
      expect(l.arrows).toHaveLength(2);
      for (let i = 1; i < l.boxes.length; i++) {
        const a = l.boxes[i - 1];
        const b = l.boxes[i];
        if (!a || !b) throw new Error('missing box');
        if (direction === 'row') expect(b.x).toBeGreaterThan(a.x + a.width);
        else expect(b.y).toBeGreaterThan(a.y + a.height);
      }
      for (const b of l.boxes) {
        expect(b.x + b.width).toBeLessThanOrEqual(l.width);
        expect(b.y + b.height).toBeLessThanOrEqual(l.height);
        for (const line of b.lines) expect(line.y).toBeLessThanOrEqual(b.height);
      }
      for (const a of l.arrows) expect(a.labelY).toBeGreaterThan(0);
    });
  }

  it('the text alternative lists every layer in order', () => {
    expect(describeFlow(nodes, [{ label: 'fault' }])).toBe(
      "QEMU's mapping: Device-nGnRE (MT_DEVICE_nGnRE + VM_ALLOW_ANY_UNCACHED); then, via fault, KVM stage 2: NORMAL_NC; then Effective type: Normal-NC",
    );
  });
});

describe('FlowDiagram default', () => {
  it('draws the four layers in the order the site explains them', () => {
    expect(FOUR_LAYERS.map((n) => n.value)).toEqual(['host stage 1', 'stage 2', 'stage 1', 'transactions']);
    expect(layoutFlow(FOUR_LAYERS, [], 'row').boxes).toHaveLength(4);
  });
});

describe('legible text', () => {
  it('the four-layer row is shown only where its smallest text stays at 12 px or more', () => {
    const row = layoutFlow(FOUR_LAYERS, [{ label: 'VMA flags' }, { label: 'combined with' }, { label: 'accessor' }], 'row');
    expect(rowFits(row)).toBe(true);
    const smallest = Math.min(row.labelSize, ...row.boxes.flatMap((b) => b.lines.map((l) => l.size)));
    // The narrowest container that shows the row scales it by ROW_MIN_CONTAINER / width.
    expect((smallest * ROW_MIN_CONTAINER) / row.width).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    expect(row.width * minScale(row)).toBeLessThanOrEqual(ROW_MIN_CONTAINER);
  });

  it('a row of six boxes does not fit, so it is drawn as a column', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ layer: `layer ${i}`, value: 'Normal-NC' }));
    expect(rowFits(layoutFlow(six, [], 'row'))).toBe(false);
  });

  it('no text is smaller than 12 units in either direction, so at full size none is below 12 px', () => {
    for (const direction of ['row', 'column'] as const) {
      const l = layoutFlow(nodes, [{ label: 'write fault' }, { label: 'combine()' }], direction);
      expect(l.labelSize).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      for (const b of l.boxes) for (const line of b.lines) expect(line.size).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
  });

  it('an arrow label of up to nine characters stays on one line in the row', () => {
    const l = layoutFlow(nodes, [{ label: 'combine()' }, { label: 'VMA flags' }], 'row');
    expect(l.arrows.map((a) => a.label)).toEqual([['combine()'], ['VMA flags']]);
  });
});
