/** MairDecoder (./MairDecoder.tsx), hydrated after the page's load (../shared/island.tsx). */
import { island } from '../shared/island';
import type { MairDecoderProps } from './MairDecoder';

export default island<MairDecoderProps>(() => import('./MairDecoder'));
