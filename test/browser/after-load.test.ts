/**
 * The work a page does once it has loaded. Docusaurus prefetches the page a Link leads to when the
 * link comes into view (its IntersectionObserver); the closed phone menu's sidebar links must not
 * count as in view, or every docs page prefetches every page of the sidebar in one long main-thread
 * task right after `load` (src/css/custom.css, the menu's panels).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/phone-layout';
import { hydrated, servedSite } from '../support/site';

/** Records the href of every link in the phone menu that an IntersectionObserver reports in view. */
async function recordMenuLinksSeen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { menuLinksSeen: seen });
    const Observer = window.IntersectionObserver;
    window.IntersectionObserver = class extends Observer {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super((entries, observer) => {
          for (const e of entries) {
            if (e.isIntersecting && e.target instanceof HTMLAnchorElement && e.target.closest('.navbar-sidebar')) {
              seen.push(e.target.getAttribute('href') ?? '');
            }
          }
          callback(entries, observer);
        }, options);
      }
    };
  });
}

const menuLinksSeen = (page: Page) => page.evaluate(() => [...(window as unknown as { menuLinksSeen: string[] }).menuLinksSeen]);
const prefetched = (page: Page) => page.evaluate(() => document.querySelectorAll('link[rel="prefetch"]').length);

describe('after load, on a phone', () => {
  const site = servedSite();

  it("the closed menu's sidebar links are not seen as in view and prefetch nothing; opened, they are", async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await recordMenuLinksSeen(page);
      await page.goto(`${site.url}/docs/intro`, { waitUntil: 'load' });
      await hydrated(page);
      // Docusaurus has switched the closed menu to its sidebar panel (the switch that used to slide the links across the screen).
      await page.locator('.navbar-sidebar__items--show-secondary').waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      expect(await menuLinksSeen(page)).toEqual([]);
      const before = await prefetched(page);

      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await expect.poll(() => menuLinksSeen(page)).toContain('/docs/glossary');
      await expect.poll(() => prefetched(page)).toBeGreaterThan(before);
    } finally {
      await page.close();
    }
  });
});
