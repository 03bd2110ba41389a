/**
 * "What happened next": the changes after the thread, computed from the version data the model holds
 * (linux/changes KERNEL_CHANGES, linux/accessors ACCESSOR_CHANGES, linux/vfio DMABUF_MEMATTR_PROPOSAL)
 * plus the earlier VFIO write-combining proposals, which only this module records.
 *
 * Proposal facts (subjects, dates, status) are from the kvm@vger archive as summarised in the project's
 * reference (cross-arch.md §3(iv), kernel.md §7) and the research notes; "not merged" means not merged
 * as of the latest message found there.
 */
import type { Citation } from '../cross-arch';
import { cite } from '../cross-arch';
import { ACCESSOR_CHANGES } from '../linux/accessors';
import type { ChangeArea, ChangeId, KernelChange } from '../linux/changes';
import { KERNEL_CHANGES } from '../linux/changes';
import type { KernelVersion } from '../linux/versions';
import { atLeast, FEATURES, KERNEL_VERSIONS } from '../linux/versions';
import { DMABUF_MEMATTR_PROPOSAL } from '../linux/vfio';

export const TIMELINE_AREAS = ['arm64', 'x86', 'riscv', 'vfio'] as const;
export type TimelineArea = (typeof TIMELINE_AREAS)[number];

export const TIMELINE_STATUSES = ['merged', 'unmerged', 'superseded', 'out-of-tree'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

export interface TimelineEntry {
  readonly id: string;
  readonly area: TimelineArea;
  readonly status: TimelineStatus;
  /** The first kernel release with the change; null for what is not merged. */
  readonly kernel: string | null;
  /** The date of the posting, for proposals; null when the release is the date that matters. */
  readonly date: string | null;
  readonly title: string;
  readonly why: string;
  readonly links: readonly Citation[];
  /** Where the entry's data lives in the model. */
  readonly from: string;
}

const lore = (subject: string): string => `https://lore.kernel.org/all/?q=${encodeURIComponent(`s:"${subject}"`)}`;
const HASH = /\b[0-9a-f]{12,40}\b/g;

/** A commit link on git.kernel.org. */
export function commitLink(hash: string): Citation {
  return cite(`commit ${hash}`, `https://git.kernel.org/torvalds/c/${hash}`);
}

/** Commit links for every hash a version-data source string names. */
export function commitLinks(source: string): Citation[] {
  return [...new Set(source.match(HASH) ?? [])].map(commitLink);
}

/** The timeline area of a change area: the arm64 kernel side, x86, RISC-V or VFIO. */
export const TIMELINE_AREA_OF = {
  'kvm-arm64': 'arm64',
  arm64: 'arm64',
  mm: 'arm64',
  vfio: 'vfio',
  riscv: 'riscv',
  x86: 'x86',
} as const satisfies Record<ChangeArea, TimelineArea>;

/** The release the thread's series went into: the timeline starts there. */
const THREAD_MERGED_IN = FEATURES.VM_ALLOW_ANY_UNCACHED.since;

function fromChange(id: ChangeId, c: KernelChange): TimelineEntry {
  return {
    id: c.area === 'riscv' ? `riscv-${id}` : id,
    area: TIMELINE_AREA_OF[c.area],
    status: 'merged',
    kernel: c.release,
    date: null,
    title: c.what,
    why: c.bearing,
    links: [...c.commits.map(commitLink), cite(c.source)],
    from: `linux/changes KERNEL_CHANGES['${id}']`,
  };
}

function merged(): TimelineEntry[] {
  const out: TimelineEntry[] = (Object.entries(KERNEL_CHANGES) as [ChangeId, KernelChange][])
    .filter(([, c]) => atLeast(c.release, THREAD_MERGED_IN))
    .map(([id, c]) => fromChange(id, c));
  const copy = ACCESSOR_CHANGES.find((c) => c.accessor === '__iowrite64_copy');
  if (copy !== undefined) {
    out.push({
      id: 'iowrite64-copy-wc',
      area: 'arm64',
      status: 'merged',
      kernel: copy.since,
      date: null,
      title: `__iowrite64_copy(): ${copy.summary}`,
      why: 'Normal-NC alone does not produce a single 64-byte write; the copy must also be a predictable run of stores (mlx5 BlueFlame inside a VM needs both halves).',
      links: [...commitLinks(copy.source), cite(copy.source)],
      from: "linux/accessors ACCESSOR_CHANGES (accessor '__iowrite64_copy')",
    });
  }
  const rank = (k: string | null) => KERNEL_VERSIONS.indexOf(k as KernelVersion);
  return out.sort((a, b) => rank(a.kernel) - rank(b.kernel));
}

const VFIO_WC_PROPOSALS: readonly TimelineEntry[] = [
  {
    id: 'vfio-pci-allow-wc-rfc',
    area: 'vfio',
    status: 'unmerged',
    kernel: null,
    date: '2024-07-31',
    title: '"[PATCH rfc] vfio-pci: Allow write combining" (Keith Busch)',
    why: 'A userspace driver (DPDK) asks VFIO for a write-combining mmap of a BAR; discussed, not merged.',
    links: [cite('kvm@vger thread', lore('vfio-pci: Allow write combining'))],
    from: 'compare/timeline VFIO_WC_PROPOSALS',
  },
  {
    id: 'vfio-mmap-maple-tree-rfc',
    area: 'vfio',
    status: 'superseded',
    kernel: null,
    date: '2025-08-04',
    title: '"[RFC PATCH 0/9] vfio: Introduce mmap maple tree" with mmap attributes and WC (Mahmoud Adam)',
    why: 'Per-range mapping attributes for VFIO regions; superseded by the alias-region RFC.',
    links: [cite('kvm@vger thread', lore('vfio: Introduce mmap maple tree'))],
    from: 'compare/timeline VFIO_WC_PROPOSALS',
  },
  {
    id: 'vfio-alias-region-rfc',
    area: 'vfio',
    status: 'unmerged',
    kernel: null,
    date: '2025-09-24',
    title: '"[RFC PATCH 0/7] vfio: Add alias region uapi for device feature" (Mahmoud Adam)',
    why: 'A WC alias of a BAR as a region flag; review asked for region-info capabilities and suggested building on dma-buf.',
    links: [cite('kvm@vger thread', lore('vfio: Add alias region uapi for device feature'))],
    from: 'compare/timeline VFIO_WC_PROPOSALS',
  },
  {
    id: 'amzn-vfio-wc-patch',
    area: 'vfio',
    status: 'out-of-tree',
    kernel: null,
    date: '2025-04',
    title: "Amazon's out-of-tree vfio-pci patch mapping prefetchable BARs write-combining (amzn-drivers, for ENA LLQ under DPDK)",
    why: 'What DPDK users run today in the absence of an upstream uAPI.',
    links: [cite('amzn/amzn-drivers PR #342', 'https://github.com/amzn/amzn-drivers/pull/342')],
    from: 'compare/timeline VFIO_WC_PROPOSALS',
  },
];

function dmabufProposal(): TimelineEntry {
  const p = DMABUF_MEMATTR_PROPOSAL;
  const h = p.featureHistory;
  const lastWithFeature = h.lastSeenIn.messageId.replace(/^<|>$/g, '');
  const latest = p.latestPosting.messageId.replace(/^<|>$/g, '');
  return {
    id: 'vfio-dmabuf-mmap-memattr',
    area: 'vfio',
    status: p.status,
    kernel: null,
    date: p.latestPosting.date,
    title: `"${p.title}" (Matt Evans): BAR slices as DMABUFs a process can mmap(); ${p.feature} (${h.introducedIn.version} to ${h.lastSeenIn.version}) chose UC or WC`,
    why: `The write-combining attribute (WC = ${p.attributes.WC.pgprot}; the VMA still VM_ALLOW_ANY_UNCACHED) was last seen in ${h.lastSeenIn.version} (${h.lastSeenIn.date}) and appears to be dropped from later postings; the latest, ${p.latestPosting.base}-based, is known only from ${p.latestPosting.knownFrom.split(';')[0]}. Not merged through ${p.unmergedThrough}. History: ${p.history.map((e) => `${e.date} ${e.what}`).join('; ')}.`,
    links: [
      cite(`latest posting ${p.latestPosting.messageId} (from a third-party README)`, `https://lore.kernel.org/r/${latest}`),
      cite(`last posting with ${p.feature}: ${h.lastSeenIn.messageId}`, `https://lore.kernel.org/r/${lastWithFeature}`),
    ],
    from: 'linux/vfio DMABUF_MEMATTR_PROPOSAL',
  };
}

/** Merged changes by release, then proposals by date. */
export function timelineEntries(): readonly TimelineEntry[] {
  const proposals = [...VFIO_WC_PROPOSALS, dmabufProposal()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return [...merged(), ...proposals];
}
