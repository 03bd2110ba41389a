/**
 * Layout beyond what every page is checked for at 390 px (test/support/every-page.ts): the wide combine
 * matrix shows on which side columns are hidden, its legend's swatches stay square, and diagram text
 * stays at 12 px or more at phone, tablet and desktop widths.
 */
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/phone-layout';
import { hydrated, servedSite } from '../support/site';

const MIN_TEXT_PX = 12;

describe('the combine matrix on a phone (390 px)', () => {
  const site = servedSite();

  it('the wide matrix: a cue on the right while columns are hidden there, on the left once scrolled to the end', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await page.goto(`${site.url}/docs/two-stages`, { waitUntil: 'load' });
      await hydrated(page);
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
  // Phone, small tablet, tablet, laptop (sidebar and table of contents), desktop. The page is loaded
  // once and the window resized, as a reader turning a tablet or narrowing a window does.
  const WIDTHS = [390, 600, 768, 1280, 1440];

  for (const path of ['/docs/intro', '/docs/the-change', '/docs/reference/components']) {
    it(`${path}: is at least ${MIN_TEXT_PX} px on screen at ${WIDTHS.join(', ')} px wide`, async () => {
      const page = await site.browser.context.newPage();
      try {
        await page.goto(site.url + path, { waitUntil: 'load' });
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll('article svg[role="img"]')]
              .filter((svg) => svg.getClientRects().length > 0)
              .flatMap((svg) => {
                const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
                return [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
              }),
          );
          expect(sizes.length, `${path} at ${width} px`).toBeGreaterThan(0);
          expect(Math.min(...sizes), `${path} at ${width} px`).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.05);
        }
      } finally {
        await page.close();
      }
    });
  }
});
