/** CombineMatrix (./CombineMatrix.tsx), hydrated after the page's load (../shared/island.tsx). */
import { island } from '../shared/island';
import type { CombineMatrixProps } from './CombineMatrix';

export default island<CombineMatrixProps>(() => import('./CombineMatrix'));
