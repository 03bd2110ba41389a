/**
 * Release by release: for every covered release, oldest first, what changed for this site's question
 * (with commit links) or an explicit "no change" with what was read. Computed from the one releases
 * table (linux/releases RELEASES), the change table (linux/changes KERNEL_CHANGES) and the MMIO
 * accessor changes (linux/accessors ACCESSOR_CHANGES); a page renders it at build time.
 */
import type { Citation } from '../cross-arch';
import { cite } from '../cross-arch';
import { ACCESSOR_CHANGES } from '../linux/accessors';
import type { ChangeArea, ChangeEffect, ChangeId, KernelChange } from '../linux/changes';
import { KERNEL_CHANGES } from '../linux/changes';
import type { Confidence, Evidence, ReleaseRow } from '../linux/releases';
import { CONFIDENCES, READ_EACH_RELEASE, RELEASES } from '../linux/releases';
import type { KernelVersion } from '../linux/versions';
import { KERNEL_RANGE, NEWEST_KERNEL } from '../linux/versions';
import { commitLink, commitLinks } from './timeline';

export interface ReleaseChange {
  readonly id: string;
  readonly area: ChangeArea;
  readonly effect: ChangeEffect;
  readonly what: string;
  readonly bearing: string;
  readonly where: string;
  readonly links: readonly Citation[];
  /** The weakest confidence among the change's evidence. */
  readonly confidence: Confidence;
  /** Where the entry's data lives in the model. */
  readonly from: string;
}

export interface ReleaseEntry {
  readonly version: KernelVersion;
  readonly date: string;
  readonly releaseCommit: string;
  readonly dateSeen: string;
  readonly changes: readonly ReleaseChange[];
  /** What the reading found when nothing changed; null when there are changes. */
  readonly noChange: string | null;
  readonly read: readonly Evidence[];
}

export interface ReleasesResult {
  readonly range: string;
  readonly newest: KernelVersion;
  readonly releases: readonly ReleaseEntry[];
  /** The files to read at the next release. */
  readonly readEachRelease: readonly string[];
}

function weakest(evidence: readonly Evidence[]): Confidence {
  return CONFIDENCES[Math.max(...evidence.map((e) => CONFIDENCES.indexOf(e.confidence)))] ?? 'unverified';
}

function kernelChange(id: ChangeId, c: KernelChange): ReleaseChange {
  return {
    id,
    area: c.area,
    effect: c.effect,
    what: c.what,
    bearing: c.bearing,
    where: c.where,
    links: [...c.commits.map(commitLink), cite(c.source)],
    confidence: weakest(c.evidence),
    from: `linux/changes KERNEL_CHANGES['${id}']`,
  };
}

function accessorChanges(version: KernelVersion): ReleaseChange[] {
  return ACCESSOR_CHANGES.filter((c) => c.since === version).map((c) => ({
    id: `accessor-${c.accessor}`,
    area: 'arm64',
    effect: 'answer',
    what: `${c.accessor}(): ${c.summary}`,
    bearing: 'What the accessor puts on the bus, which the access model judges on each memory type.',
    where: `arch/arm64 ${c.accessor}()`,
    links: [...commitLinks(c.source), cite(c.source)],
    confidence: 'read-at-source',
    from: `linux/accessors ACCESSOR_CHANGES (accessor '${c.accessor}')`,
  }));
}

function entryOf(row: ReleaseRow & { readonly version: KernelVersion }): ReleaseEntry {
  const changes = [
    ...(Object.entries(KERNEL_CHANGES) as [ChangeId, KernelChange][])
      .filter(([, c]) => c.release === row.version)
      .map(([id, c]) => kernelChange(id, c)),
    ...accessorChanges(row.version),
  ];
  return {
    version: row.version,
    date: row.date,
    releaseCommit: row.release.commit,
    dateSeen: row.release.seen,
    changes,
    noChange: row.noChange ?? null,
    read: row.read,
  };
}

/** Every covered release with its changes, oldest first. */
export function releaseEntries(): ReleasesResult {
  return {
    range: KERNEL_RANGE,
    newest: NEWEST_KERNEL,
    releases: RELEASES.map(entryOf),
    readEachRelease: READ_EACH_RELEASE,
  };
}
