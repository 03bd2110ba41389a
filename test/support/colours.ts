/** Colours as a test compares them: a Prism theme's colour for a token, and any CSS colour as the browser computes it. */

import type { Page } from 'playwright-core';
import type { PrismTheme } from 'prism-react-renderer';

/** The colour a Prism theme gives a token with these classes: its types' rules in order, a later over an earlier (as themeToDict merges them). */
export function themeColour(theme: PrismTheme, classes: readonly string[]): string {
  let colour = theme.plain.color ?? '';
  for (const type of classes.filter((c) => c !== 'token'))
    for (const rule of theme.styles) if (rule.types.includes(type) && rule.style.color) colour = rule.style.color;
  return colour;
}

/** `colour` as getComputedStyle reports it (rgb(...)), to compare with what the page computes. */
export function computedColour(page: Page, colour: string): Promise<string> {
  return page.evaluate((c) => {
    const probe = document.createElement('span');
    probe.style.color = c;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, colour);
}
