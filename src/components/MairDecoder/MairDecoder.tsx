import { decodeMair } from '@site/src/model/index';
import { type ReactNode, useId, useState } from 'react';
import { attrsName } from '../shared/format';
import styles from './styles.module.css';

/**
 * Reads what a reader types as a number: 68, 0x44 or 0b01000100. Whether the number is a MAIR byte
 * (its range, its encoding) is the model's to say: decodeMair() answers with the field and the reason.
 */
function parseNumber(text: string): number | string {
  const t = text.trim().toLowerCase();
  const value = /^0x[0-9a-f]+$/.test(t)
    ? Number.parseInt(t.slice(2), 16)
    : /^0b[01]+$/.test(t)
      ? Number.parseInt(t.slice(2), 2)
      : /^[0-9]+$/.test(t)
        ? Number(t)
        : Number.NaN;
  if (Number.isNaN(value)) return `"${text}" is not a number: type 68, 0x44 or 0b01000100`;
  return value;
}

const bits = (v: number) => v.toString(2).padStart(8, '0');

/** A live MAIR attribute byte decoder; every line it shows comes from the model's decodeMair(). */
export interface MairDecoderProps {
  /** What the input holds first. */
  readonly initial?: string;
}

export default function MairDecoder({ initial = '0x44' }: MairDecoderProps): ReactNode {
  const [text, setText] = useState(initial);
  const [featXS, setFeatXS] = useState(true);
  const [featMTE2, setFeatMTE2] = useState(true);
  const id = useId();
  const parsed = parseNumber(text);
  const answer = typeof parsed === 'number' ? decodeMair({ mair: parsed, featXS, featMTE2 }) : null;
  return (
    <section className={styles.decoder} aria-label="MAIR attribute byte decoder">
      <div className={styles.controls}>
        <label htmlFor={`${id}-byte`}>Attr&lt;n&gt; byte</label>
        <input id={`${id}-byte`} className={styles.byte} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <label>
          <input type="checkbox" checked={featXS} onChange={(e) => setFeatXS(e.target.checked)} /> FEAT_XS
        </label>
        <label>
          <input type="checkbox" checked={featMTE2} onChange={(e) => setFeatMTE2(e.target.checked)} /> FEAT_MTE2
        </label>
      </div>
      <output className={styles.result} htmlFor={`${id}-byte`} aria-live="polite">
        {typeof parsed === 'string' ? (
          <span className={styles.error}>{parsed}</span>
        ) : answer?.ok ? (
          <>
            <span className={styles.encoding}>
              0x{parsed.toString(16).padStart(2, '0').toUpperCase()} = 0b{bits(parsed).slice(0, 4)}_{bits(parsed).slice(4)}
            </span>
            <strong>{attrsName(answer.result)}</strong>
            <span>{answer.result.explanation}</span>
          </>
        ) : (
          <span className={styles.error} data-testid="mair-error">
            {answer?.error.code}
            {answer?.error.field ? ` (${answer.error.field})` : ''}: {answer?.error.message}
          </span>
        )}
      </output>
    </section>
  );
}
