/** ScenarioBuilder (./ScenarioBuilder.tsx), hydrated after the page's load (../shared/island.tsx). */
import { island } from '../shared/island';
import type { ScenarioBuilderProps } from './ScenarioBuilder';

export default island<ScenarioBuilderProps>(() => import('./ScenarioBuilder'));
