/**
 * Prism's oneLight with its token colours darkened to at least 5:1 on its #fafafa background (the
 * originals are 2.5-4:1, which fails WCAG AA). Passed to the site as `prism.theme`, so no CSS has to
 * override the inline colours prism-react-renderer writes.
 */
import type { PrismTheme } from 'prism-react-renderer';
import { themes } from 'prism-react-renderer';

/** oneLight's colour, by the first token type of its rule -> the darker colour used here. */
const DARKER: Readonly<Record<string, string>> = {
  comment: '#696b72',
  'attr-name': '#9d5c01',
  property: '#cc2d1e',
  selector: '#3c783b',
  variable: '#1f61ef',
  url: '#0172a2',
};

export const prismLight: PrismTheme = {
  ...themes.oneLight,
  styles: themes.oneLight.styles.map((rule) => {
    const colour = DARKER[rule.types[0] ?? ''];
    return colour && rule.style.color ? { ...rule, style: { ...rule.style, color: colour } } : rule;
  }),
};
