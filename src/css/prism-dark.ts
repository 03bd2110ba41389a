/**
 * Prism's oneDark with the token colours that fail WCAG AA on its rgb(40, 44, 52) background lightened
 * to at least 5:1: comments (2.32:1 in oneDark) and properties/tags (4.38:1). Passed to the site as
 * `prism.darkTheme`; the live editor takes its colours from the same theme (Example/editor.ts).
 */
import type { PrismTheme } from 'prism-react-renderer';
import { themes } from 'prism-react-renderer';

/** oneDark's colour, by the first token type of its rule -> the lighter colour used here. */
const LIGHTER: Readonly<Record<string, string>> = {
  comment: '#959dab',
  property: '#e57f87',
};

export const prismDark: PrismTheme = {
  ...themes.oneDark,
  styles: themes.oneDark.styles.map((rule) => {
    const colour = LIGHTER[rule.types[0] ?? ''];
    return colour && rule.style.color ? { ...rule, style: { ...rule.style, color: colour } } : rule;
  }),
};
