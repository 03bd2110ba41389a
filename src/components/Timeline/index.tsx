/** Timeline (./Timeline.tsx), rendered in the browser once the reader comes near it (../shared/island.tsx). */
import { island } from '../shared/island';
import type { TimelineProps } from './Timeline';

export default island<TimelineProps>(() => import('./Timeline'));
