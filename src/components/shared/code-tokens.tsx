/**
 * An example's code as Prism-highlighted TypeScript, in markup that is the same in light and dark
 * mode: each token carries its colours for both of the site's Prism themes as CSS custom properties,
 * and styles.module.css picks one set by the page's `data-theme`. So the server's HTML is right in
 * either mode before any script runs, and the browser never has to tokenize or redraw it on load.
 * The colours are the ones prism-react-renderer's <Highlight> would write inline (its themeToDict and
 * token styles, 2.4.1), the live editor's too (editor.ts).
 */
import { normalizeTokens, Prism, type PrismTheme, type Token } from 'prism-react-renderer';
import type { CSSProperties, ReactNode } from 'react';

const LANGUAGE = 'typescript';

/** The token style properties the static code maps to CSS (styles.module.css `.staticCode span`). */
export const TOKEN_STYLE_PROPERTIES = ['color', 'fontStyle', 'fontWeight', 'textDecorationLine'] as const;
type TokenStyle = Partial<Record<(typeof TOKEN_STYLE_PROPERTIES)[number], string>>;

/** Each token type's style in a theme: its rules for the type, a later rule over an earlier one. */
function themeStyles(theme: PrismTheme): ReadonlyMap<string, TokenStyle> {
  const byType = new Map<string, TokenStyle>();
  for (const rule of theme.styles) {
    if (rule.languages && !rule.languages.includes(LANGUAGE)) continue;
    for (const type of rule.types) byType.set(type, { ...byType.get(type), ...(rule.style as TokenStyle) });
  }
  return byType;
}

/** A token's style: its types' styles merged in order; a plain token has none. */
function tokenStyle(byType: ReadonlyMap<string, TokenStyle>, token: Token): TokenStyle {
  if (token.types.length === 1 && token.types[0] === 'plain') return {};
  return Object.assign({}, ...token.types.map((type) => byType.get(type)));
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `--light-color`, `--dark-font-style`, ...: what styles.module.css reads for each mode. */
function modeVariables(mode: 'light' | 'dark', style: TokenStyle): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const property of TOKEN_STYLE_PROPERTIES) {
    const value = style[property];
    if (value !== undefined) vars[`--${mode}-${kebab(property)}`] = value;
  }
  return vars;
}

/** The code's lines of tokens (`token-line` divs of `token <type>` spans, as <Highlight> draws them). */
export function codeTokens(code: string, themes: { light: PrismTheme; dark: PrismTheme }): ReactNode {
  const light = themeStyles(themes.light);
  const dark = themeStyles(themes.dark);
  const grammar = Prism.languages[LANGUAGE];
  const lines = normalizeTokens(grammar ? Prism.tokenize(code, grammar) : [code]);
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
    <div key={i} className="token-line">
      {line.map((token, j) => {
        const style: CSSProperties = {
          ...(token.empty ? { display: 'inline-block' } : {}),
          ...modeVariables('light', tokenStyle(light, token)),
          ...modeVariables('dark', tokenStyle(dark, token)),
        };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their position
          <span key={j} className={['token', ...token.types].join(' ')} style={style}>
            {token.content}
          </span>
        );
      })}
    </div>
  ));
}

/** The code's background, text and line-number colours in both modes, as CSS custom properties. */
export function codeColours(themes: { light: PrismTheme; dark: PrismTheme }): CSSProperties {
  const numbers = (theme: PrismTheme) => themeStyles(theme).get('comment')?.color ?? theme.plain.color;
  const vars: Record<string, string | undefined> = {
    '--light-background': themes.light.plain.backgroundColor,
    '--light-text': themes.light.plain.color,
    '--light-number': numbers(themes.light),
    '--dark-background': themes.dark.plain.backgroundColor,
    '--dark-text': themes.dark.plain.color,
    '--dark-number': numbers(themes.dark),
  };
  return vars as CSSProperties;
}
