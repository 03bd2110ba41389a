/**
 * The comparison table on /docs/beyond: its first rows come with the page (build-time compare(),
 * there without JavaScript too); the code that computes others is fetched only when the reader
 * reaches for the kernel choice; another kernel shows compare() at that kernel. Every expected value
 * is computed here with the model.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compare, GUEST_IOREMAPS, NEWEST_KERNEL } from '../../src/model';
import { launchBrowser } from '../support/browser';
import { hydrated, servedSite } from '../support/site';

const PATH = '/docs/beyond';

/** "mapping arch effective decidedBy" for every row compare() gives at `kernel`. */
function expectedRows(kernel: string): string[] {
  return GUEST_IOREMAPS.flatMap((guestMapping) => {
    const answer = compare({ guestMapping, kernel });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result.rows.map((r) => `${guestMapping} ${r.arch} ${r.effective ?? '—'} ${r.decidedBy ?? '—'}`);
  });
}

/** The same, as the table shows it. */
function shownRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('tbody[data-mapping] tr[data-arch]')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.lastChild?.textContent ?? '');
      return `${tr.closest('tbody')?.getAttribute('data-mapping')} ${tr.getAttribute('data-arch')} ${cells[2]} ${cells[3]}`;
    }),
  );
}

describe('the comparison table', () => {
  const site = servedSite();

  it(`shows compare() at ${NEWEST_KERNEL} in the page as served, without JavaScript`, async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(site.url + PATH);
      expect(await shownRows(page)).toEqual(expectedRows(NEWEST_KERNEL));
    } finally {
      await noScript.close();
    }
  });

  it('fetches its code only when the reader reaches for the kernel choice, then shows compare() at the kernel chosen', async () => {
    const page = await site.browser.context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(site.url + PATH, { waitUntil: 'networkidle' });
    await hydrated(page);
    const atLoad = scripts.length;
    const select = page.getByLabel('arm64 and guest kernel');
    await select.hover();
    await expect.poll(() => scripts.length, { timeout: 30_000 }).toBeGreaterThan(atLoad);
    for (const kernel of ['6.8', '6.17']) {
      await select.selectOption(kernel);
      await expect.poll(() => shownRows(page), { timeout: 30_000 }).toEqual(expectedRows(kernel));
    }
    expect(expectedRows('6.8')).not.toEqual(expectedRows('6.17'));
    await page.close();
  });
});
