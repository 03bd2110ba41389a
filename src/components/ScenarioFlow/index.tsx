/** ScenarioFlow (./ScenarioFlow.tsx), rendered in the browser once the reader comes near it (../shared/island.tsx). */
import { island } from '../shared/island';
import type { ScenarioFlowProps } from './ScenarioFlow';

export default island<ScenarioFlowProps>(() => import('./ScenarioFlow'));
