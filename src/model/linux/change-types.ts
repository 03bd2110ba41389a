/**
 * The shape of a kernel change (linux/changes.ts KERNEL_CHANGES): its area, its effect on the
 * model's answers, and the fields split between CHANGE_RELEASES and the details.
 */
import type { Evidence, KernelVersion } from './releases';

export const CHANGE_AREAS = ['kvm-arm64', 'arm64', 'mm', 'vfio', 'riscv', 'x86'] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

/**
 * What a change does to the model's answers: `answer` changes a computed result for some input;
 * `context` adds a facility the pages discuss without changing a computed memory type; `none` is a
 * change in the code the pages name with no functional change.
 */
export const CHANGE_EFFECTS = ['answer', 'context', 'none'] as const;
export type ChangeEffect = (typeof CHANGE_EFFECTS)[number];

export interface KernelChange {
  readonly release: KernelVersion;
  readonly area: ChangeArea;
  /** Commit ids (12 hex digits or more); the first is the one a page links. */
  readonly commits: readonly string[];
  /** File and function. */
  readonly where: string;
  /** What changed, in one line. */
  readonly what: string;
  /** What it means for a PCI BAR assigned to a VM. */
  readonly bearing: string;
  readonly effect: ChangeEffect;
  /** A citation line: commits, subjects, the pull that carried them. */
  readonly source: string;
  readonly evidence: readonly Evidence[];
}

/** A change's fields that FEATURES does not read. */
export type ChangeDetails = Omit<KernelChange, 'release' | 'what' | 'source'>;
