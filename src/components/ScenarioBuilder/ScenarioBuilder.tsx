/**
 * Pick a host kernel, a VFIO driver, the guest driver's mapping and FWB/DIC; `scenario()` answers with
 * the four layers and the reason trace. The initial choice is rendered at build time.
 */
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import type { GuestMapping, ScenarioInput, ScenarioLayer, VfioDriver } from '../../model';
import { GUEST_MAPPINGS, KERNEL_VERSIONS, memoryClass, NEWEST_KERNEL, scenario, VFIO_DRIVERS } from '../../model';
import FlowDiagram from '../FlowDiagram';
import controls from '../shared/controls.module.css';
import { attrsName } from '../shared/format';
import tones from '../shared/tones.module.css';
import { scenarioFlow } from './flow';
import styles from './styles.module.css';

export interface ScenarioBuilderProps {
  readonly initial?: Partial<Pick<ScenarioInput, 'kernel' | 'vfioDriver' | 'guestMapping' | 'fwb' | 'dic'>>;
  /** Kernel versions offered (default: every version the model covers). */
  readonly kernels?: readonly string[];
}

const LAYER_LABEL = {
  'host-userspace': 'QEMU',
  vma: 'VMA',
  memslot: 'memslot',
  'kvm-stage2': 'KVM stage 2',
  'guest-stage1': 'guest stage 1',
  effective: 'effective',
} as const satisfies Record<ScenarioLayer, string>;

export default function ScenarioBuilder({ initial = {}, kernels = KERNEL_VERSIONS }: ScenarioBuilderProps): ReactNode {
  const [kernel, setKernel] = useState(initial.kernel ?? NEWEST_KERNEL);
  const [vfioDriver, setDriver] = useState<VfioDriver>(initial.vfioDriver ?? 'vfio-pci');
  const [guestMapping, setMapping] = useState<GuestMapping>(initial.guestMapping ?? 'ioremap_wc');
  const [fwb, setFwb] = useState(initial.fwb ?? false);
  const [dic, setDic] = useState(initial.dic ?? true);
  const id = useId();

  const answer = useMemo(() => scenario({ kernel, vfioDriver, guestMapping, fwb, dic }), [kernel, vfioDriver, guestMapping, fwb, dic]);

  return (
    <section className={controls.panel} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={controls.srOnly}>
        Scenario builder
      </h3>
      <fieldset className={controls.controls}>
        <legend>Scenario</legend>
        <label>
          Host kernel
          <select value={kernel} onChange={(e) => setKernel(e.currentTarget.value)} data-testid="scenario-kernel">
            {kernels.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          VFIO driver
          <select value={vfioDriver} onChange={(e) => setDriver(e.currentTarget.value as VfioDriver)} data-testid="scenario-driver">
            {VFIO_DRIVERS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Guest mapping
          <select value={guestMapping} onChange={(e) => setMapping(e.currentTarget.value as GuestMapping)} data-testid="scenario-mapping">
            {GUEST_MAPPINGS.map((m) => (
              <option key={m} value={m}>
                {m}()
              </option>
            ))}
          </select>
        </label>
        <label className={controls.check}>
          <input type="checkbox" checked={fwb} onChange={(e) => setFwb(e.currentTarget.checked)} data-testid="scenario-fwb" /> FEAT_S2FWB
        </label>
        <label className={controls.check}>
          <input type="checkbox" checked={dic} onChange={(e) => setDic(e.currentTarget.checked)} /> CTR_EL0.DIC
        </label>
      </fieldset>
      <div role="status" aria-live="polite" className={styles.result}>
        {answer.ok ? (
          <>
            <p className={styles.summary}>
              Effective type:{' '}
              {answer.result.effective ? (
                <span
                  className={clsx(styles.badge, tones.tone, tones[memoryClass(answer.result.effective)])}
                  data-testid="scenario-effective"
                >
                  {attrsName(answer.result.effective)}
                </span>
              ) : (
                <span className={clsx(styles.badge, tones.tone, tones.error)} data-testid="scenario-effective">
                  nothing mapped
                </span>
              )}
            </p>
            <FlowDiagram
              title={`Layers for ${guestMapping}() on a ${vfioDriver} region, host ${kernel}`}
              {...scenarioFlow(answer.result)}
            />
            <details className={styles.trace} open>
              <summary>Who decided what, in order</summary>
              <ol>
                {answer.result.steps.map((s) => (
                  <li key={`${s.layer}:${s.text}`}>
                    <span className={styles.layerTag}>{LAYER_LABEL[s.layer]}</span> {s.text}
                  </li>
                ))}
              </ol>
            </details>
          </>
        ) : (
          <p className={clsx(styles.error, tones.tone, tones.error)} data-testid="scenario-error">
            <strong>{answer.error.code}</strong>
            {answer.error.field ? ` (${answer.error.field})` : ''}: {answer.error.message}
          </p>
        )}
      </div>
    </section>
  );
}
