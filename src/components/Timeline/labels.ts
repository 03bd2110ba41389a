/**
 * Text for the timeline's chips, from `access()` timeline data. Pure: it spells what the model
 * returned and decides nothing.
 */
import type { TimelineTransaction } from '../../model';

/** `W 0x0 +4` style: direction, offset, size in bytes. */
export function transactionLabel(t: TimelineTransaction): string {
  return `${t.kind === 'write' ? 'W' : 'R'} 0x${t.offset.toString(16)} +${t.size}`;
}

/** What a screen reader hears for a transaction. */
export function transactionDescription(t: TimelineTransaction): string {
  const flags = [t.repeat ? 'a repeat' : '', t.speculative ? 'speculative' : ''].filter(Boolean);
  const from = t.from.length > 0 ? ` carrying ${t.from.join(', ')}` : '';
  return `${t.kind} of ${t.size} byte${t.size === 1 ? '' : 's'} at offset 0x${t.offset.toString(16)}${from}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
}

/** Copy sizes offered for the copy accessors: small multiples of the largest element (8 bytes). */
export const COPY_SIZES = [8, 16, 32, 64, 128] as const;

/** The outcomes shown before the reader asks for more. */
export const FIRST_OUTCOMES = 4;
