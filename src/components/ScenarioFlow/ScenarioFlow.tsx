/**
 * The four-layer picture of one fixed scenario, for prose pages ("before 6.9" next to "since 6.9"):
 * `scenario()` at build time drawn by FlowDiagram, with no controls and no state.
 */
import type { ReactNode } from 'react';
import type { ScenarioInput } from '../../model';
import { scenario } from '../../model';
import FlowDiagram from '../FlowDiagram';
import { scenarioFlow } from '../ScenarioBuilder/flow';

export interface ScenarioFlowProps extends ScenarioInput {
  /** The accessible name; by default it names the scenario. */
  readonly title?: string;
  readonly direction?: 'row' | 'column' | 'auto';
}

export default function ScenarioFlow({ title, direction, ...input }: ScenarioFlowProps): ReactNode {
  const answer = scenario(input);
  // A page that names an impossible scenario should fail the build, not show an empty picture.
  if (!answer.ok) throw new Error(`ScenarioFlow: ${answer.error.field ?? ''} ${answer.error.message}`);
  const name = title ?? `${input.guestMapping}() on a ${input.vfioDriver} region, host ${input.kernel}${input.fwb ? ', FWB' : ''}`;
  return <FlowDiagram title={name} direction={direction} {...scenarioFlow(answer.result)} />;
}
