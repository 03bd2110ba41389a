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
