/** MairDecoder (./MairDecoder.tsx), rendered in the browser once the reader comes near it (../shared/island.tsx). */
import { island } from '../shared/island';
import type { MairDecoderProps } from './MairDecoder';

export default island<MairDecoderProps>(() => import('./MairDecoder'));
