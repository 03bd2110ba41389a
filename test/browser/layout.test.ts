/**
 * Every built page on a phone (390 px wide), as a reader of react.dev or the Rust Book would check it:
 * no table column squeezed below 40 px, no sideways scrolling of the page, and every table wider than
 * its box shows that it scrolls. Diagram text stays at 12 px or more at phone, tablet and desktop
 * widths; the matrix legend's swatches stay square.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../support/site';
import { sitePaths } from '../support/sitemap';

const PHONE = { width: 390, height: 844 };
const MIN_COLUMN_PX = 40;
const MIN_TEXT_PX = 12;

/** Table cells narrower than the minimum, skipping cells hidden on purpose (visually hidden headings). */
function narrowCells(page: Page): Promise<string[]> {
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
function overflowingTables(page: Page): Promise<{ table: string; cue: boolean }[]> {
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

describe('layout on a phone (390 px)', () => {
  const site = servedSite();

  for (const path of sitePaths()) {
    it(`${path}: no table column under ${MIN_COLUMN_PX} px, no sideways page scroll, wide tables show they scroll`, async () => {
      const page = await site.browser.context.newPage();
      try {
        await page.setViewportSize(PHONE);
        await page.goto(site.url + path, { waitUntil: 'load' });
        expect(await narrowCells(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        // The cues are measured after hydration, which takes a moment on a busy machine.
        await expect.poll(async () => (await overflowingTables(page)).filter((t) => !t.cue), { timeout: 10_000 }).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('the wide matrix: a cue on the right while columns are hidden there, on the left once scrolled to the end', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await page.goto(`${site.url}/docs/two-stages`, { waitUntil: 'load' });
      const frame = page.locator('[data-overflow]', { has: page.locator('table[data-fwb]') });
      const opacity = (side: string) =>
        frame.locator(`[data-scroll-affordance="${side}"]`).evaluate((e) => Number(getComputedStyle(e).opacity));
      await expect.poll(() => opacity('right')).toBeGreaterThan(0.5);
      await page.locator('table[data-fwb]').evaluate((t) => {
        const box = t.parentElement as HTMLElement;
        box.scrollLeft = box.scrollWidth;
      });
      await expect.poll(() => opacity('right')).toBeLessThan(0.1);
      await expect.poll(() => opacity('left')).toBeGreaterThan(0.5);
    } finally {
      await page.close();
    }
  });

  it("the matrix legend's swatches stay square and at least 12 px", async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await page.goto(`${site.url}/docs/two-stages`, { waitUntil: 'load' });
      const sizes = await page
        .locator('figure:has(table[data-fwb]) figcaption span[aria-hidden="true"]')
        .evaluateAll((els) => els.map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]));
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      for (const [w, h] of sizes) {
        expect(w).toBeGreaterThanOrEqual(12);
        expect(h).toBeGreaterThanOrEqual(12);
        expect(Math.abs((w as number) - (h as number))).toBeLessThan(1);
      }
    } finally {
      await page.close();
    }
  });
});

describe('diagram text', () => {
  const site = servedSite();

  // Phone, small tablet, tablet, laptop (sidebar and table of contents), desktop.
  for (const width of [390, 600, 768, 1280, 1440]) {
    it(`is at least ${MIN_TEXT_PX} px on screen at ${width} px wide`, async () => {
      const page = await site.browser.context.newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        for (const path of ['/docs/intro', '/docs/the-change', '/docs/reference/components']) {
          await page.goto(site.url + path, { waitUntil: 'load' });
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll('article svg[role="img"]')]
              .filter((svg) => svg.getClientRects().length > 0)
              .flatMap((svg) => {
                const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
                return [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
              }),
          );
          expect(sizes.length, path).toBeGreaterThan(0);
          expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.05);
        }
      } finally {
        await page.close();
      }
    });
  }
});
