/** Locators and edits for the first live example on a page, as a reader reaches it. */
import type { Page } from 'playwright-core';

export const figure = (page: Page) => page.locator('figure[data-live]').first();
export const output = (page: Page) => figure(page).locator('[data-example-output]');
export const editor = (page: Page) => figure(page).locator('.cm-content');

/** The editor's text, line by line (CodeMirror draws an empty line as a <br>, which innerText doubles). */
export const editorText = (page: Page) =>
  editor(page).evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent ?? '').join('\n'));

/** Replace the first live example's code as a reader would (select all, then type or paste). */
export async function setCode(page: Page, code: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
}

/**
 * Reach for every example on the page as a reader pointing at each one does (the editor loads only
 * then), and wait until every one is live. A pointer that arrives before React has hydrated the page
 * meets no listener, as a reader's would: it points again until every example has answered.
 */
export async function goLive(page: Page, timeoutMs = 30_000): Promise<void> {
  const count = await page.locator('figure[data-example]').count();
  const waiting = page.locator('figure[data-example]:not([data-live])');
  for (const deadline = Date.now() + timeoutMs; (await page.locator('figure[data-live]').count()) < count; ) {
    if (Date.now() > deadline) throw new Error(`goLive: ${await waiting.count()} of ${count} examples never went live`);
    // In one go over the DOM as it is now: a locator per figure would wait for one that just went live.
    await page.evaluate(() => {
      for (const f of document.querySelectorAll('figure[data-example]:not([data-live])'))
        f.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    });
    await page.waitForTimeout(100);
  }
}
