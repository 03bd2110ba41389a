/**
 * What the axe checks run. The light theme gets every WCAG 2 A/AA rule. The dark theme changes
 * colours only (Infima swaps CSS variables under html[data-theme]; the DOM, the ARIA and the text
 * stay the same), so the dark pass runs the rules whose outcome depends on colours.
 */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The WCAG A/AA rules that read colours (axe-core 4.x rule ids). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
