/** Timeline (./Timeline.tsx), hydrated after the page's load (../shared/island.tsx). */
import { island } from '../shared/island';
import type { TimelineProps } from './Timeline';

export default island<TimelineProps>(() => import('./Timeline'));
