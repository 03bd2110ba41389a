/** ScenarioBuilder (./ScenarioBuilder.tsx), rendered in the browser once the reader comes near it (../shared/island.tsx). */
import { island } from '../shared/island';
import type { ScenarioBuilderProps } from './ScenarioBuilder';

export default island<ScenarioBuilderProps>(() => import('./ScenarioBuilder'));
