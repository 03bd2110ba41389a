/**
 * A left-to-right (or top-to-bottom) picture of layers, e.g. QEMU's mapping -> KVM stage 2 -> guest
 * stage 1 -> effective type. Plain SVG rendered by React at build time: no script of its own, and
 * readable without JavaScript. In a narrow container the column version is shown instead of the row.
 */
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { useId } from 'react';
import tones from '../shared/tones.module.css';
import type { FlowDirection, FlowEdge, FlowLayout, FlowNode } from './layout';
import { layoutFlow, minScale, rowFits } from './layout';
import styles from './styles.module.css';

export type { FlowEdge, FlowNode, FlowTone } from './layout';

/**
 * The cast, drawn when a page gives no data: which table each layer is and who writes it. Names of
 * roles only; pages that show what a layer holds pass nodes computed by the model (see ScenarioFlow).
 */
export const FOUR_LAYERS: readonly FlowNode[] = [
  { layer: "QEMU's mapping", value: 'host stage 1', detail: 'mmap() of the BAR through VFIO', tone: 'neutral' },
  { layer: 'KVM', value: 'stage 2', detail: 'the fault handler builds it from the VMA', tone: 'neutral' },
  { layer: 'Guest driver', value: 'stage 1', detail: 'ioremap*() picks a MAIR slot', tone: 'neutral' },
  { layer: 'Device', value: 'transactions', detail: 'what writel() and the copies put on the bus', tone: 'neutral' },
];
const FOUR_LAYER_EDGES: readonly FlowEdge[] = [{ label: 'VMA flags' }, { label: 'combined with' }, { label: 'accessor' }];

export interface FlowDiagramProps {
  /** The boxes, in order (default: the four layers, FOUR_LAYERS). */
  readonly nodes?: readonly FlowNode[];
  /** `edges[i]` labels the arrow from `nodes[i]` to `nodes[i + 1]`. */
  readonly edges?: readonly FlowEdge[];
  /** The accessible name of the picture. */
  readonly title?: string;
  /** `auto` (default) draws a row on wide screens and a column on narrow ones. */
  readonly direction?: FlowDirection | 'auto';
  readonly className?: string;
}

/** The text a screen reader gets: every layer and arrow in order. */
export function describeFlow(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): string {
  return nodes
    .map((n, i) => {
      const edge = i > 0 && edges[i - 1]?.label ? `then, via ${edges[i - 1]?.label}, ` : i > 0 ? 'then ' : '';
      return `${edge}${n.layer}: ${n.value}${n.detail ? ` (${n.detail})` : ''}`;
    })
    .join('; ');
}

function FlowSvg({ layout, title, desc, className }: { layout: FlowLayout; title: string; desc: string; className?: string }): ReactNode {
  const id = useId();
  return (
    <svg
      className={clsx(styles.svg, className)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      // Shrinks with a narrow container, but never so far that text drops below MIN_TEXT_PX.
      style={{ maxWidth: layout.width, minWidth: Math.ceil(layout.width * minScale(layout)) }}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {layout.arrows.map((a) => {
        const horizontal = a.y1 === a.y2;
        const head = horizontal
          ? `${a.x2},${a.y2} ${a.x2 - 9},${a.y2 - 5} ${a.x2 - 9},${a.y2 + 5}`
          : `${a.x2},${a.y2} ${a.x2 - 5},${a.y2 - 9} ${a.x2 + 5},${a.y2 - 9}`;
        return (
          <g key={`${a.x1},${a.y1}`} className={styles.arrow}>
            <line
              x1={a.x1 + (horizontal ? 2 : 0)}
              y1={a.y1 + (horizontal ? 0 : 2)}
              x2={horizontal ? a.x2 - 8 : a.x2}
              y2={horizontal ? a.y2 : a.y2 - 8}
            />
            <polygon points={head} />
            {a.label
              .map((line, i) => ({ line, y: a.labelY + i * (horizontal ? 13 : 14) }))
              .map(({ line, y }) => (
                <text
                  key={y}
                  x={a.labelX}
                  y={y}
                  textAnchor={horizontal ? 'middle' : 'start'}
                  className={styles.edgeLabel}
                  style={{ fontSize: layout.labelSize }}
                >
                  {line}
                </text>
              ))}
          </g>
        );
      })}
      {layout.boxes.map((b) => (
        <g key={`${b.x},${b.y}`} className={clsx(tones[b.tone], styles.box)} transform={`translate(${b.x} ${b.y})`}>
          <rect x={1} y={1} width={b.width - 2} height={b.height - 2} rx={6} />
          {b.lines.map((l) => (
            <text
              key={`${l.kind}${l.y}`}
              x={b.width / 2}
              y={l.y}
              textAnchor="middle"
              className={styles[l.kind]}
              style={{ fontSize: l.size }}
            >
              {l.text}
            </text>
          ))}
        </g>
      ))}
    </svg>
  );
}

export default function FlowDiagram({
  nodes = FOUR_LAYERS,
  edges = nodes === FOUR_LAYERS ? FOUR_LAYER_EDGES : [],
  title = 'The four layers between a guest driver and a PCI BAR',
  direction = 'auto',
  className,
}: FlowDiagramProps): ReactNode {
  const desc = describeFlow(nodes, edges);
  const row = layoutFlow(nodes, edges, 'row');
  const fixed = direction === 'auto' ? (rowFits(row) ? null : 'column') : direction;
  if (fixed !== null) {
    return (
      <figure className={clsx(styles.figure, styles.fixed, className)}>
        <FlowSvg layout={fixed === 'row' ? row : layoutFlow(nodes, edges, 'column')} title={title} desc={desc} />
      </figure>
    );
  }
  // Both pictures are in the HTML; a container query shows one (see styles.module.css).
  return (
    <figure className={clsx(styles.figure, className)}>
      <FlowSvg layout={row} title={title} desc={desc} className={styles.wide} />
      <FlowSvg layout={layoutFlow(nodes, edges, 'column')} title={title} desc={desc} className={styles.narrow} />
    </figure>
  );
}
