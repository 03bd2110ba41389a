/** ScenarioFlow (./ScenarioFlow.tsx), hydrated after the page's load (../shared/island.tsx). */
import { island } from '../shared/island';
import type { ScenarioFlowProps } from './ScenarioFlow';

export default island<ScenarioFlowProps>(() => import('./ScenarioFlow'));
