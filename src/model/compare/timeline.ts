/**
 * "What happened next": the changes after the thread, computed from the version data the model already
 * holds (linux/versions FEATURES, linux/accessors ACCESSOR_CHANGES, linux/vfio DMABUF_MEMATTR_PROPOSAL,
 * x86/kvm-vmx, riscv/kvm) plus the VFIO write-combining proposals, which only this module records.
 *
 * Proposal facts (subjects, dates, status) are from the kvm@vger archive as summarised in the project's
 * reference (cross-arch.md §3(iv), kernel.md §7); "not merged" means not merged as of the latest
 * message found there.
 */
import type { Citation } from '../cross-arch';
import { cite } from '../cross-arch';
import { ACCESSOR_CHANGES } from '../linux/accessors';
import type { Feature } from '../linux/versions';
import { FEATURES } from '../linux/versions';
import { DMABUF_MEMATTR_PROPOSAL } from '../linux/vfio';
import { RISCV_FACTS, versionKey } from '../riscv/kvm';
import { VMX_SOURCES } from '../x86/kvm-vmx';

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

/** Commit links for every hash a version-data source string names. */
function commitLinks(source: string): Citation[] {
  return [...new Set(source.match(HASH) ?? [])].map((h) => cite(`commit ${h}`, `https://git.kernel.org/torvalds/c/${h}`));
}

function fromFeature(id: Feature, area: TimelineArea, why: string, extra: readonly Citation[] = []): TimelineEntry {
  const f = FEATURES[id];
  return {
    id,
    area,
    status: 'merged',
    kernel: f.since,
    date: null,
    title: f.what,
    why,
    links: [...commitLinks(f.source), ...extra, cite(f.source)],
    from: `linux/versions FEATURES['${id}']`,
  };
}

function merged(): TimelineEntry[] {
  const out: TimelineEntry[] = [
    fromFeature(
      'VM_ALLOW_ANY_UNCACHED',
      'arm64',
      "The thread's series (v8) merged: vfio-pci marks its BAR VMAs and KVM maps them Normal-NC at stage 2, so the guest's own stage 1 decides between Device and Normal-NC.",
    ),
    fromFeature('nvgrace-gpu', 'arm64', 'The first variant driver to use the flag: its "resmem" region reaches the guest as Normal-NC.'),
  ];
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
  out.push(
    fromFeature(
      'arm64-uffd-wp',
      'arm64',
      'The thread rejected a PTE bit in favour of a VMA flag partly because arm64 had no uffd-wp; it gained it right after.',
      [cite('"arm64/mm: Add uffd write-protect support"', lore('arm64/mm: Add uffd write-protect support'))],
    ),
    {
      id: 'x86-honor-guest-pat',
      area: 'x86',
      status: 'merged',
      kernel: '6.11',
      date: null,
      title: 'KVM/VMX stops virtualizing guest MTRRs and, on self-snoop CPUs, honors guest PAT for RAM',
      why: 'RAM only: MMIO was always EPT UC with guest PAT honored, which is why an x86 guest could always get WC on a passthrough BAR.',
      links: [VMX_SOURCES.removeMtrr, VMX_SOURCES.dropCd, VMX_SOURCES.honorPat],
      from: 'x86/kvm-vmx VMX_MT_ERAS',
    },
    {
      id: 'x86-honor-guest-pat-revert',
      area: 'x86',
      status: 'merged',
      kernel: '6.12',
      date: null,
      title: 'Revert: KVM ignores guest PAT for RAM again unless the VM has non-coherent DMA',
      why: 'A bochs-drm guest mapped VRAM with ioremap(); honoring its UC was slow enough on ICX/SPR to break a Wayland desktop.',
      links: [VMX_SOURCES.revert],
      from: 'x86/kvm-vmx VMX_MT_ERAS',
    },
    {
      id: 'x86-ignore-guest-pat-quirk',
      area: 'x86',
      status: 'merged',
      kernel: '6.16',
      date: null,
      title: 'KVM_X86_QUIRK_IGNORE_GUEST_PAT: userspace may let guest PAT apply to RAM (self-snoop CPUs only)',
      why: 'The same RAM question as the revert, now as an opt-out quirk; passthrough MMIO is unaffected.',
      links: [VMX_SOURCES.quirk],
      from: 'x86/kvm-vmx IGNORE_GUEST_PAT_QUIRK_SINCE',
    },
    fromFeature(
      'cacheable-pfnmap',
      'arm64',
      'A cacheable PFNMAP VMA (e.g. coherent GPU memory) may now be Normal-WB at stage 2 with FWB and DIC; vfio-pci BARs stay Normal-NC.',
    ),
  );
  for (const id of ['kvm-pfnmap-on-fault', 'ioremap-wc-nc'] as const) {
    const f = RISCV_FACTS[id];
    out.push({
      id: `riscv-${id}`,
      area: 'riscv',
      status: 'merged',
      kernel: f.since,
      date: null,
      title: f.what,
      why:
        id === 'ioremap-wc-nc'
          ? "Before it, a RISC-V guest's ioremap_wc() was plain ioremap() (PBMT IO): the architecture let the guest pick NC, Linux never asked."
          : "KVM stops deriving the BAR address from vm_pgoff at memslot creation; the G-stage no longer names IO, so the BAR's I/O PMAs apply unless the guest overrides.",
      links: [f.source],
      from: `riscv/kvm RISCV_FACTS['${id}']`,
    });
  }
  return out.sort((a, b) => versionKey(a.kernel ?? '0.0') - versionKey(b.kernel ?? '0.0'));
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
  const id = p.latestPosting.messageId.replace(/^<|>$/g, '');
  return {
    id: 'vfio-dmabuf-mmap-memattr',
    area: 'vfio',
    status: p.status,
    kernel: null,
    date: p.latestPosting.date,
    title: `${p.latestPosting.subject} (Matt Evans): ${p.feature} selects UC or WC for the mmap`,
    why: `BAR slices exported as DMABUFs and mmap()ed with a chosen attribute (WC = ${p.attributes.WC.pgprot}); the VMA still carries VM_ALLOW_ANY_UNCACHED. History: ${p.history.map((h) => `${h.date} ${h.what}`).join('; ')}.`,
    links: [cite(`latest posting ${p.latestPosting.messageId}`, `https://lore.kernel.org/r/${id}`)],
    from: 'linux/vfio DMABUF_MEMATTR_PROPOSAL',
  };
}

/** Merged changes by release, then proposals by date. */
export function timelineEntries(): readonly TimelineEntry[] {
  const proposals = [...VFIO_WC_PROPOSALS, dmabufProposal()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return [...merged(), ...proposals];
}
