/**
 * compare() for every guest mapping at one kernel: what the table shows. Its own chunk, loaded when
 * the reader reaches for the kernel choice; the first kernel's rows come with the page
 * (src/remark/build-data.ts).
 */
import { compare, GUEST_IOREMAPS } from '../../model';

export function compareRows(kernel: string) {
  return GUEST_IOREMAPS.map((guestMapping) => ({ guestMapping, answer: compare({ guestMapping, kernel }) }));
}
