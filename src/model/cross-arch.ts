/**
 * Vocabulary shared by the x86, RISC-V and comparison modules: the guest driver mappings compared
 * across architectures (the contract's `scenario` guestMapping values) and a citation.
 */
import type { IoremapApi } from './linux/stage1';

/** The guest driver mappings the comparison covers (CONTRACT.md `scenario` guestMapping). */
export const GUEST_IOREMAPS = ['ioremap', 'ioremap_wc', 'ioremap_np', 'ioremap_cache'] as const satisfies readonly IoremapApi[];
export type GuestIoremap = (typeof GUEST_IOREMAPS)[number];

/** A source a page can link: a spec section, a kernel file and function, a commit, a mail. */
export interface Citation {
  readonly label: string;
  /** A stable link, or null when the source is a printed manual section with no canonical URL. */
  readonly url: string | null;
}

export const cite = (label: string, url: string | null = null): Citation => ({ label, url });

/** Linux sources on GitHub's mirror of torvalds/linux, and commits on git.kernel.org. */
export const linuxFile = (path: string, what: string): Citation =>
  cite(`${path} ${what}`, `https://github.com/torvalds/linux/blob/master/${path}`);
export const linuxCommit = (hash: string, subject: string): Citation =>
  cite(`commit ${hash.slice(0, 12)} "${subject}"`, `https://git.kernel.org/torvalds/c/${hash}`);

/**
 * Who decided the effective type: the guest's own page tables, the hypervisor's second stage, both
 * (each asked for the type that resulted), or the platform (neither stage named a type: RISC-V PMAs).
 */
export const DECIDERS = ['guest', 'hypervisor', 'both', 'platform'] as const;
export type DecidedBy = (typeof DECIDERS)[number];
