/** CombineMatrix (./CombineMatrix.tsx), rendered in the browser once the reader comes near it (../shared/island.tsx). */
import { island } from '../shared/island';
import type { CombineMatrixProps } from './CombineMatrix';

export default island<CombineMatrixProps>(() => import('./CombineMatrix'));
