/**
 * How the browser tests run axe. The light theme gets every WCAG 2 A/AA rule. The dark theme changes
 * colours only (Infima swaps CSS variables under html[data-theme]; the DOM, the ARIA and the text
 * stay the same), so the dark pass runs the rules whose outcome depends on colours.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The WCAG A/AA rules that read colours (axe-core 4.x rule ids). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The axe run for a page shown in `scheme`, limited to `include` when given. Legacy mode runs
 * `axe.run` in the page itself: the site has no frames, and the default (a partial run per frame,
 * finished in a blank page it opens) costs as much again as the check. Node details are collected
 * for violations only: collecting them for every passing node is most of the rest.
 */
export function axeFor(page: Page, scheme: 'light' | 'dark', include?: string): AxeBuilder {
  const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (include !== undefined) axe.include(include);
  return scheme === 'light' ? axe.withTags(WCAG_AA_TAGS) : axe.withRules(COLOUR_RULES);
}
