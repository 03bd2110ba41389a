/**
 * compare() for every guest mapping at one kernel: what the table shows. The build computes the
 * first kernel's rows with it (src/remark/build-data.ts); in the browser it is its own chunk, loaded
 * when the reader reaches for the kernel choice.
 */
import { compare, GUEST_IOREMAPS } from '../../model';

export function compareRows(kernel: string) {
  return GUEST_IOREMAPS.map((guestMapping) => ({ guestMapping, answer: compare({ guestMapping, kernel }) }));
}
