/**
 * What a device may observe when a driver uses an accessor on a memory type: the CPU's program in
 * order, then each outcome the architecture allows as the device sees it, with hazards marked. All
 * from `access()`: the initial choice is rendered at build time, later ones are computed in a worker
 * (./access-client.ts), so a control never waits for the enumeration.
 */
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Accessor, AccessResult, MemoryTypeName, Answer as ModelAnswer, ProgramJudgement } from '../../model';
import {
  ACCESSOR_INFO,
  ACCESSOR_KERNELS,
  ACCESSORS,
  accessMemoryTypes,
  HAZARD_MEANING,
  KERNEL_VERSIONS,
  memoryClassOfName,
} from '../../model';
import controls from '../shared/controls.module.css';
import tones from '../shared/tones.module.css';
import { AccessClient, accessKey } from './access-client';
import {
  accessInput,
  accessorOption,
  callName,
  copySizes,
  FIRST_OUTCOMES,
  firstChoice,
  type TimelineChoice,
  transactionDescription,
  transactionLabel,
  writesHeadline,
} from './labels';
import styles from './styles.module.css';

export interface TimelineProps extends TimelineChoice {
  /**
   * access() for the first choice, computed at build time (JSON), filled in by
   * src/remark/build-data.ts in MDX pages: the page carries no enumeration code until the reader
   * changes a choice, which the worker answers.
   */
  readonly data?: string;
}

function buildTimeAnswer(data: string | undefined): ModelAnswer<AccessResult> {
  if (data === undefined) throw new Error('<Timeline />: data is missing; is src/remark/build-data.ts in docs.remarkPlugins?');
  return JSON.parse(data) as ModelAnswer<AccessResult>;
}

export default function Timeline({ data, ...choice }: TimelineProps): ReactNode {
  const first = firstChoice(choice);
  const [accessor, setAccessor] = useState<Accessor>(first.accessor);
  const [memoryType, setMemoryType] = useState<MemoryTypeName>(first.memoryType);
  const [kernel, setKernel] = useState(first.kernel);
  const [bytes, setBytes] = useState(first.bytes);
  const [hostKernel, setHostKernel] = useState(first.hostKernel);
  const [locationSupportsLs64, setLocation] = useState(first.locationSupportsLs64);
  const id = useId();
  const input = useMemo(
    () => accessInput(accessor, memoryType, kernel, bytes, { hostKernel, locationSupportsLs64 }),
    [accessor, memoryType, kernel, bytes, hostKernel, locationSupportsLs64],
  );
  const key = accessKey(input);
  // The first answer comes from the build; later ones from the worker, and the last answer stays on
  // screen, marked busy, until the new one is in.
  const [shown, setShown] = useState(() => ({ key, answer: buildTimeAnswer(data) }));
  const client = useRef<AccessClient | null>(null);
  const worker = () => {
    client.current ??= new AccessClient();
    return client.current;
  };
  useEffect(() => {
    if (shown.key === key) return;
    let current = true;
    void worker()
      .ask(input)
      .then((answer) => {
        if (current) setShown({ key, answer });
      });
    return () => {
      current = false;
    };
  });
  useEffect(() => () => client.current?.dispose(), []);
  const answer = shown.key === key ? shown.answer : (client.current?.cached(input) ?? shown.answer);
  const busy = shown.key !== key && client.current?.cached(input) === undefined;

  return (
    <section className={controls.panel} aria-labelledby={`${id}-h`} onFocus={() => worker().warm()} onPointerEnter={() => worker().warm()}>
      <h3 id={`${id}-h`} className={controls.srOnly}>
        Transaction timeline
      </h3>
      <fieldset className={controls.controls}>
        <legend>Accessor and memory type</legend>
        <label>
          Accessor
          <select value={accessor} onChange={(e) => setAccessor(e.currentTarget.value as Accessor)} data-testid="timeline-accessor">
            {ACCESSORS.map((x) => (
              <option key={x} value={x}>
                {accessorOption(x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Memory type
          <select
            value={input.memoryType}
            onChange={(e) => setMemoryType(e.currentTarget.value as MemoryTypeName)}
            data-testid="timeline-memtype"
          >
            {accessMemoryTypes(accessor).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          Guest kernel
          <select value={kernel} onChange={(e) => setKernel(e.currentTarget.value)}>
            {ACCESSOR_KERNELS.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        {input.hostKernel !== undefined && (
          <label>
            Host kernel
            <select value={input.hostKernel} onChange={(e) => setHostKernel(e.currentTarget.value)} data-testid="timeline-host">
              {KERNEL_VERSIONS.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        )}
        {input.locationSupportsLs64 !== undefined && (
          <label>
            <input
              type="checkbox"
              checked={input.locationSupportsLs64}
              onChange={(e) => setLocation(e.currentTarget.checked)}
              data-testid="timeline-location"
            />{' '}
            Location supports 64-byte accesses
          </label>
        )}
        {input.bytes !== undefined && (
          <label>
            Bytes copied
            <select value={input.bytes} onChange={(e) => setBytes(Number(e.currentTarget.value))}>
              {copySizes(ACCESSOR_INFO[accessor].element).map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <div role="status" aria-live="polite" aria-busy={busy} className={styles.result} data-busy={busy}>
        {busy && <p className={styles.computing}>computing…</p>}
        <Answer answer={answer} />
      </div>
    </section>
  );
}

/**
 * The model's answer, drawn; memoised on the answer, so marking the panel busy or changing a control
 * redraws nothing until the new answer is in.
 */
const Answer = memo(function Answer({ answer }: { answer: ModelAnswer<AccessResult> }): ReactNode {
  if (!answer.ok) {
    return (
      <p className={clsx(styles.error, tones.tone, tones.error)} data-testid="timeline-error">
        <strong>{answer.error.code}</strong>
        {answer.error.field ? ` (${answer.error.field})` : ''}: {answer.error.message}
      </p>
    );
  }
  const r = answer.result;
  const headline = writesHeadline(r);
  return (
    <>
      <p className={styles.summary}>
        <span className={clsx(styles.verdict, r.correct ? styles.good : styles.bad)} data-testid="timeline-verdict">
          {r.correct ? 'correct' : 'not correct'}
        </span>{' '}
        {callName(r.accessor)} on{' '}
        <span className={clsx(styles.type, tones.tone, tones[memoryClassOfName(r.memoryType)])}>{r.memoryType}</span>
      </p>
      {headline !== null && (
        <p className={styles.headline} data-testid="timeline-writes">
          {headline}
        </p>
      )}
      {r.hazards.length > 0 && (
        <ul className={styles.hazardList} aria-label="Hazards in allowed outcomes">
          {r.hazards.map((h) => (
            <li key={h}>
              <span className={styles.hazard}>{h}</span> {HAZARD_MEANING[h]}
            </li>
          ))}
        </ul>
      )}
      {r.programs.map((p) => (
        <ProgramLanes key={p.name} program={p} />
      ))}
    </>
  );
});

/** Pairs each item with its position: arrival order is what identifies a transaction in an outcome. */
function numbered<T>(item: T, n: number): [number, T] {
  return [n, item];
}

function ProgramLanes({ program: p }: { program: ProgramJudgement }): ReactNode {
  const [all, setAll] = useState(false);
  const shown = all ? p.outcomes : p.outcomes.slice(0, FIRST_OUTCOMES);
  const verdict = p.verdicts[0];
  const count =
    p.outcomeCount === null
      ? 'too many outcomes to list; two representatives'
      : `${p.outcomeCount} allowed outcome${p.outcomeCount === 1 ? '' : 's'}`;
  return (
    <section className={styles.program}>
      <h4 className={styles.programHead}>
        <span className={clsx(styles.verdict, p.ok ? styles.good : styles.bad)}>{p.ok ? 'works' : 'breaks'}</span> {p.description}
      </h4>
      <p className={styles.meta}>
        {count}
        {verdict && verdict.reasons.length > 0 ? `; ${verdict.reasons.join('; ')}` : ''}
        {verdict?.fastPath ? `; fast path: ${verdict.fastPath}` : ''}.
      </p>
      <div className={styles.lane}>
        <span className={styles.laneName}>CPU</span>
        <ol className={styles.chips} aria-label="CPU program, in program order">
          {p.cpu.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: instructions are listed in program order and never move
            <li key={i} className={clsx(styles.chip, styles[c.op])}>
              <span className={styles.op}>{c.op}</span> {c.label}
            </li>
          ))}
        </ol>
      </div>
      {shown.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: outcomes come in the model's fixed order
        <div key={i} className={clsx(styles.lane, !o.ok && styles.broken)}>
          <span className={styles.laneName}>
            Device {i + 1}
            {!o.ok && <span className={styles.brokenMark}> ✗</span>}
          </span>
          <ol
            className={styles.chips}
            aria-label={`Outcome ${i + 1}: what the device sees, in arrival order${o.ok ? '' : '; this outcome breaks the device'}`}
          >
            {o.transactions.map(numbered).map(([n, t]) => (
              <li
                key={n}
                className={clsx(styles.chip, styles[t.kind], (t.repeat || t.speculative) && styles.flagged)}
                aria-label={transactionDescription(t)}
              >
                <span className={styles.op}>{transactionLabel(t)}</span> {t.from.join(' + ')}
                {t.repeat && <span className={styles.flag}>repeat</span>}
                {t.speculative && <span className={styles.flag}>speculative</span>}
              </li>
            ))}
            {o.forwarded.map((f) => (
              <li key={`fwd-${f}`} className={clsx(styles.chip, styles.forwarded)}>
                <span className={styles.op}>forwarded</span> {f}
              </li>
            ))}
          </ol>
          {o.hazards.length > 0 && (
            <span className={styles.laneHazards}>
              {o.hazards.map((h) => (
                <span key={h} className={styles.hazard} title={HAZARD_MEANING[h]}>
                  {h}
                </span>
              ))}
            </span>
          )}
        </div>
      ))}
      {p.outcomes.length > FIRST_OUTCOMES && (
        <button type="button" className={styles.more} onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer outcomes' : `Show all ${p.outcomes.length} listed outcomes`}
        </button>
      )}
      {!p.complete && p.outcomeCount !== null && (
        <p className={styles.meta}>
          The model lists the first {p.outcomes.length} of {p.outcomeCount}.
        </p>
      )}
    </section>
  );
}
