/**
 * Prose in static islands (src/remark/static-islands.ts, src/components/Static): on a page's first
 * load React leaves it as the server rendered it (no fibre on its elements) while the page around it
 * hydrates; a plain click on a link in it navigates inside the app, as a React Link does (the document
 * stays); a page reached that way renders its prose in the browser, and Back shows the first page's
 * prose again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { hydrated, servedSite } from '../support/site';

const PAGE = '/docs/intro';

/** The islands' paragraphs: how many, how many React has a fibre on, and their text. */
function islandProse(page: Page) {
  return page.evaluate(() => {
    const ps = [...document.querySelectorAll('article [data-static] p')];
    return {
      paragraphs: ps.length,
      hydrated: ps.filter((p) => Object.keys(p).some((k) => k.startsWith('__reactFiber'))).length,
      text: ps.map((p) => p.textContent ?? '').join('\n'),
    };
  });
}

describe('static prose', () => {
  const site = servedSite();

  it('is left as the server rendered it when the page first loads, while the page hydrates', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const plain = await noScript.context.newPage();
      await plain.goto(site.url + PAGE);
      const served = await islandProse(plain);
      const page = await site.browser.context.newPage();
      await page.goto(site.url + PAGE, { waitUntil: 'load' });
      await hydrated(page);
      const shown = await islandProse(page);
      expect(served.paragraphs).toBeGreaterThan(0);
      expect(shown).toEqual({ paragraphs: served.paragraphs, hydrated: 0, text: served.text });
      await page.close();
    } finally {
      await noScript.close();
    }
  });

  it('a click on a link in it navigates in the app, the page reached renders its prose, and Back shows the first again', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.url + PAGE, { waitUntil: 'load' });
    await hydrated(page);
    const first = await islandProse(page);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const link = page.locator('article [data-static] a[href^="/docs/"]:not([href^="/docs/intro"])').first();
    const target = new URL((await link.getAttribute('href')) ?? '', site.url).pathname;
    await link.click();
    await page.waitForURL((u) => u.pathname === target);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('article [data-static] p') !== null), { timeout: 30_000 })
      .toBe(true);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const reached = await islandProse(page);
    expect(reached.paragraphs).toBeGreaterThan(0);
    expect(reached.hydrated).toBe(reached.paragraphs);
    await page.goBack();
    await expect.poll(() => islandProse(page).then((p) => p.text), { timeout: 30_000 }).toBe(first.text);
    await page.close();
  });
});
