/**
 * What a phone (390 px wide) must show on every page, as a reader of react.dev or the Rust Book would
 * check it: no table column squeezed below 40 px, no sideways scrolling of the page, and every table
 * wider than its box showing that it scrolls. Checked on every page by test/support/every-page.ts.
 */
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const MIN_COLUMN_PX = 40;

/** Table cells narrower than the minimum, skipping cells hidden on purpose (visually hidden headings). */
export function narrowCells(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    // A cell inside a visually hidden group (a 1 px heading row kept for screen readers) is not
    // shown; the cell's own width is what is measured, so the walk starts at its parent.
    const hidden = (cell: Element, table: Element): boolean => {
      if (getComputedStyle(cell).display === 'none') return true;
      for (let e: Element | null = cell.parentElement; e && e !== table.parentElement; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || getComputedStyle(e).display === 'none') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const table of document.querySelectorAll('article table')) {
      for (const cell of table.querySelectorAll('th, td')) {
        if (cell.closest('caption') || cell.closest('tr[aria-hidden="true"]') || hidden(cell, table)) continue;
        const w = cell.getBoundingClientRect().width;
        if (w < min) out.push(`${Math.round(w)} px: ${(cell.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return out;
  }, MIN_COLUMN_PX);
}

/** Tables whose scroll box is wider inside than out, each with whether a scroll cue is showing on its right. */
export function overflowingTables(page: Page): Promise<{ table: string; cue: boolean }[]> {
  return page.evaluate(() => {
    const shown = (el: Element | null | undefined) => {
      if (!el) return false;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) >= 0.5 && r.width > 0 && r.height > 0;
    };
    const out: { table: string; cue: boolean }[] = [];
    for (const table of document.querySelectorAll('article table')) {
      let box: Element | null = table;
      while (box && box !== document.body) {
        const s = getComputedStyle(box);
        if (/(auto|scroll)/.test(s.overflowX) && box.scrollWidth > box.clientWidth + 1) break;
        box = box.parentElement;
      }
      if (!box || box === document.body) continue;
      const frame = box.closest('[data-overflow]');
      const cue =
        shown(frame?.querySelector('[data-scroll-affordance="right"]')) || shown(frame?.querySelector('[data-scroll-affordance="hint"]'));
      out.push({ table: (table.querySelector('caption')?.textContent ?? table.textContent ?? '').trim().slice(0, 60), cue });
    }
    return out;
  });
}

/** How far the page scrolls sideways: 0 when it fits the screen (a classic scroll bar makes the raw difference negative). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
