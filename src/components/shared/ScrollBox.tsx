/**
 * A box that scrolls a wide (or tall) table and shows that it does: a shadow on each edge with more
 * content behind it, and a small "scroll" note over the right edge until the reader first touches,
 * clicks, wheels or types in the box. Both are drawn over the box, so nothing moves when they appear after hydration; the
 * shadows follow every scroll and resize.
 */
import clsx from 'clsx';
import type { ReactNode, Ref, UIEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import styles from './ScrollBox.module.css';

export interface ScrollBoxProps {
  readonly children: ReactNode;
  /** Class of the scrolling element (sizes, max-height). */
  readonly className?: string;
  /** Gets the scrolling element, for components that read or set its scroll position. */
  readonly scrollerRef?: Ref<HTMLDivElement>;
  readonly onScroll?: (e: UIEvent<HTMLDivElement>) => void;
  /** The note shown while columns are hidden on the right and the reader has not scrolled yet. */
  readonly hint?: string;
}

interface Overflow {
  readonly left: boolean;
  readonly right: boolean;
  readonly top: boolean;
  readonly bottom: boolean;
  /** Width of a column that stays in place (`data-sticky-left`), so the left shadow starts after it. */
  readonly insetLeft: number;
  /** Height of a header that stays in place (`data-sticky-top`). */
  readonly insetTop: number;
}

const NONE: Overflow = { left: false, right: false, top: false, bottom: false, insetLeft: 0, insetTop: 0 };

function measure(el: HTMLDivElement): Overflow {
  const sticky = (attr: string) => el.querySelector<HTMLElement>(`[${attr}]`)?.getBoundingClientRect();
  const maxX = el.scrollWidth - el.clientWidth;
  const maxY = el.scrollHeight - el.clientHeight;
  return {
    left: el.scrollLeft > 1,
    right: el.scrollLeft < maxX - 1,
    top: el.scrollTop > 1,
    bottom: el.scrollTop < maxY - 1,
    insetLeft: Math.round(sticky('data-sticky-left')?.width ?? 0),
    insetTop: Math.round(sticky('data-sticky-top')?.height ?? 0),
  };
}

const same = (a: Overflow, b: Overflow) =>
  a.left === b.left &&
  a.right === b.right &&
  a.top === b.top &&
  a.bottom === b.bottom &&
  a.insetLeft === b.insetLeft &&
  a.insetTop === b.insetTop;

export default function ScrollBox({
  children,
  className,
  scrollerRef,
  onScroll,
  hint = 'scroll for more columns',
}: ScrollBoxProps): ReactNode {
  const own = useRef<HTMLDivElement | null>(null);
  const [overflow, setOverflow] = useState<Overflow>(NONE);
  const [engaged, setEngaged] = useState(false);
  const engage = useCallback(() => setEngaged(true), []);
  const update = useCallback(() => {
    const el = own.current;
    if (!el) return;
    const next = measure(el);
    setOverflow((prev) => (same(prev, next) ? prev : next));
  }, []);
  const setRef = useCallback(
    (el: HTMLDivElement | null) => {
      own.current = el;
      if (typeof scrollerRef === 'function') scrollerRef(el);
      else if (scrollerRef) scrollerRef.current = el;
    },
    [scrollerRef],
  );
  useEffect(() => {
    const el = own.current;
    if (!el) return;
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    const content = el.firstElementChild;
    if (content) observer.observe(content);
    // The reader has found the box: the note has done its job.
    const events = ['pointerdown', 'wheel', 'keydown'] as const;
    for (const name of events) el.addEventListener(name, engage, { passive: true, once: true });
    return () => {
      observer.disconnect();
      for (const name of events) el.removeEventListener(name, engage);
    };
  }, [update, engage]);
  return (
    <div className={styles.frame} data-overflow={overflow.left || overflow.right ? 'x' : 'none'}>
      <div
        ref={setRef}
        className={clsx(styles.scroller, className)}
        onScroll={(e) => {
          update();
          onScroll?.(e);
        }}
      >
        {children}
      </div>
      <span
        className={clsx(styles.shadow, styles.left, overflow.left && styles.on)}
        style={{ left: overflow.insetLeft }}
        data-scroll-affordance="left"
        aria-hidden="true"
      />
      <span className={clsx(styles.shadow, styles.right, overflow.right && styles.on)} data-scroll-affordance="right" aria-hidden="true" />
      <span
        className={clsx(styles.shadow, styles.top, overflow.top && styles.on)}
        style={{ top: overflow.insetTop }}
        data-scroll-affordance="top"
        aria-hidden="true"
      />
      <span
        className={clsx(styles.shadow, styles.bottom, overflow.bottom && styles.on)}
        data-scroll-affordance="bottom"
        aria-hidden="true"
      />
      <span className={clsx(styles.hint, overflow.right && !engaged && styles.on)} data-scroll-affordance="hint" aria-hidden="true">
        {hint} →
      </span>
    </div>
  );
}
