/**
 * Geometry for FlowDiagram: boxes in a row (wide screens) or a column (narrow ones), text wrapped to
 * the box width, arrows between neighbours. Pure, so it is unit tested and rendered at build time.
 */

import type { MemoryClass } from '../../model';

/** A box's colour: one of the model's memory classes, or no type (neutral), or a failure. */
export type FlowTone = MemoryClass | 'neutral' | 'error';

export interface FlowNode {
  /** The layer's name, e.g. "KVM stage 2". */
  readonly layer: string;
  /** What the layer holds, e.g. "Normal-NC". */
  readonly value: string;
  /** A smaller line or two, e.g. "MT_S2_NORMAL_NC = 0x5". */
  readonly detail?: string;
  readonly tone?: FlowTone;
}

export interface FlowEdge {
  /** Short text on the arrow from node i to node i + 1. */
  readonly label?: string;
}

export type FlowDirection = 'row' | 'column';

export interface Metrics {
  readonly boxWidth: number;
  readonly gap: number;
  readonly pad: number;
  readonly layerSize: number;
  readonly valueSize: number;
  readonly detailSize: number;
  /** Font size of the text on an arrow. */
  readonly labelSize: number;
  readonly lineGap: number;
}

/**
 * Text is never drawn below MIN_TEXT_PX on screen. The row picture (754 units wide for four boxes)
 * is shown only in a container at least ROW_MIN_CONTAINER px wide, so it is scaled down by at most
 * 700/754 and its 13-unit text stays at 12 px or more; narrower containers get the 300-unit column.
 */
export const MIN_TEXT_PX = 12;
export const ROW_MIN_CONTAINER = 700;
const ROW_METRICS: Metrics = {
  boxWidth: 130,
  gap: 78,
  pad: 9,
  layerSize: 13,
  valueSize: 15,
  detailSize: 13,
  labelSize: 13,
  lineGap: 3,
};
const COLUMN_METRICS: Metrics = {
  boxWidth: 300,
  gap: 44,
  pad: 10,
  layerSize: 14,
  valueSize: 17,
  detailSize: 13,
  labelSize: 13,
  lineGap: 4,
};

export interface TextLine {
  readonly text: string;
  readonly y: number;
  readonly size: number;
  readonly kind: 'layer' | 'value' | 'detail';
}

export interface PlacedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
  readonly tone: FlowTone;
}

export interface PlacedArrow {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: readonly string[];
  /** Where the label goes: above a horizontal arrow, right of a vertical one. */
  readonly labelX: number;
  readonly labelY: number;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly PlacedBox[];
  readonly arrows: readonly PlacedArrow[];
  /** Font size of the arrows' text. */
  readonly labelSize: number;
}

/**
 * Greedy word wrap to at most `maxChars` per line; a word longer than a line is split (identifiers
 * such as VM_ALLOW_ANY_UNCACHED or s2-device-over-s1-normal break after an underscore, hyphen or
 * slash when they can).
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = text.split(/\s+/).filter((w) => w.length > 0);
  for (const word of pieces) {
    let rest = word;
    while (rest.length > maxChars) {
      const head = rest.slice(0, maxChars);
      const cut = Math.max(head.lastIndexOf('_'), head.lastIndexOf('-'), head.lastIndexOf('/'));
      const at = cut > 0 ? cut + 1 : maxChars;
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= maxChars) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters that fit in a width at a font size: 0.6 em each in the monospace font, 0.56 em on average in the sans-serif one. */
function charsFor(width: number, size: number, mono: boolean): number {
  return Math.max(4, Math.floor(width / (size * (mono ? 0.6 : 0.56))));
}

function boxLines(node: FlowNode, m: Metrics): { lines: TextLine[]; height: number } {
  const inner = m.boxWidth - 2 * m.pad;
  const spec: [FlowNode['layer'] | undefined, TextLine['kind'], number][] = [
    [node.layer, 'layer', m.layerSize],
    [node.value, 'value', m.valueSize],
    [node.detail, 'detail', m.detailSize],
  ];
  const lines: TextLine[] = [];
  let y = m.pad;
  for (const [text, kind, size] of spec) {
    if (!text) continue;
    for (const t of wrapText(text, charsFor(inner, size, kind !== 'layer'))) {
      y += size;
      lines.push({ text: t, y, size, kind });
      y += m.lineGap;
    }
    y += 2;
  }
  return { lines, height: y + m.pad - m.lineGap };
}

/** Place the boxes and arrows; every box in a layout has the same size. */
export function layoutFlow(nodes: readonly FlowNode[], edges: readonly FlowEdge[], direction: FlowDirection): FlowLayout {
  const m = direction === 'row' ? ROW_METRICS : COLUMN_METRICS;
  const texts = nodes.map((n) => boxLines(n, m));
  const boxHeight = Math.max(0, ...texts.map((t) => t.height));
  const labelChars = direction === 'row' ? charsFor(m.gap - 6, m.labelSize, true) : charsFor(200, m.labelSize, true);
  const labels = nodes.slice(1).map((_, i) => (edges[i]?.label ? wrapText(edges[i]?.label ?? '', labelChars) : []));
  // A horizontal arrow's label sits in the gap above the arrow; when it is taller than half a box,
  // push the boxes down to make room.
  const labelLine = m.labelSize + 2;
  const labelRoom = direction === 'row' ? Math.max(0, Math.max(0, ...labels.map((l) => l.length)) * labelLine + 8 - boxHeight / 2) : 0;
  const boxes: PlacedBox[] = nodes.map((n, i) => {
    const x = direction === 'row' ? i * (m.boxWidth + m.gap) : 0;
    const y = direction === 'row' ? labelRoom : i * (boxHeight + m.gap);
    return { x, y, width: m.boxWidth, height: boxHeight, lines: texts[i]?.lines ?? [], tone: n.tone ?? 'neutral' };
  });
  const arrows: PlacedArrow[] = boxes.slice(1).map((to, i) => {
    const from = boxes[i] as PlacedBox;
    const label = labels[i] ?? [];
    if (direction === 'row') {
      const y = from.y + from.height / 2;
      const x1 = from.x + from.width;
      return { x1, y1: y, x2: to.x, y2: y, label, labelX: (x1 + to.x) / 2, labelY: y - 6 - (label.length - 1) * labelLine };
    }
    const x = from.x + 40;
    const y1 = from.y + from.height;
    return { x1: x, y1, x2: x, y2: to.y, label, labelX: x + 14, labelY: (y1 + to.y) / 2 + 4 - ((label.length - 1) * labelLine) / 2 };
  });
  const n = nodes.length;
  const width = direction === 'row' ? n * m.boxWidth + (n - 1) * m.gap : Math.max(m.boxWidth, 40 + 14 + labelChars * m.labelSize * 0.6);
  const height = direction === 'row' ? labelRoom + boxHeight : n * boxHeight + (n - 1) * m.gap;
  return { width, height: height + 2, boxes, arrows, labelSize: m.labelSize };
}

/** The smallest scale at which a layout's text is still MIN_TEXT_PX on screen. */
export function minScale(layout: FlowLayout): number {
  const sizes = [layout.labelSize, ...layout.boxes.flatMap((b) => b.lines.map((l) => l.size))];
  return MIN_TEXT_PX / Math.min(...sizes);
}

/** Whether a row layout keeps its text legible in every container from ROW_MIN_CONTAINER px up. */
export function rowFits(layout: FlowLayout): boolean {
  return layout.width * minScale(layout) <= ROW_MIN_CONTAINER;
}
