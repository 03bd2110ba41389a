/**
 * Prism-highlighted code in markup that is the same in light and dark mode: each token carries its
 * colours for both of the site's Prism themes as CSS custom properties, and code-colours.module.css
 * picks one set by the page's `data-theme`. So the server's HTML is right in either mode before any
 * script runs, and the browser never has to tokenize or redraw it while a page loads. Used by the
 * examples' static code and by Docusaurus's code blocks (src/theme/CodeBlock). The colours are the
 * ones prism-react-renderer's <Highlight> would write inline (its themeToDict, useTokenize and
 * useGetTokenProps, 2.4.1).
 */
import type { PrismTheme, Token } from 'prism-react-renderer';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { type PrismModule, usePrism } from './prism';

export interface CodeThemes {
  readonly light: PrismTheme;
  readonly dark: PrismTheme;
}

/** The token style properties code-colours.module.css maps for each mode. */
export const TOKEN_STYLE_PROPERTIES = ['color', 'fontStyle', 'fontWeight', 'textDecorationLine'] as const;
type TokenStyle = Partial<Record<(typeof TOKEN_STYLE_PROPERTIES)[number], string>>;

/** Each token type's style in a theme for a language: its rules for the type, a later rule over an earlier one. */
function themeStyles(theme: PrismTheme, language: string): ReadonlyMap<string, TokenStyle> {
  const byType = new Map<string, TokenStyle>();
  for (const rule of theme.styles) {
    if (rule.languages && !rule.languages.includes(language)) continue;
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

/** `--light-color`, `--dark-font-style`, ...: what code-colours.module.css reads for each mode. */
function modeVariables(mode: 'light' | 'dark', style: TokenStyle): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const property of TOKEN_STYLE_PROPERTIES) {
    const value = style[property];
    if (value !== undefined) vars[`--${mode}-${kebab(property)}`] = value;
  }
  return vars;
}

/**
 * The code's lines of tokens, as <Highlight> tokenizes them (with Prism's tokenize hooks); without
 * Prism, or for a language it does not know, each line is one plain token.
 */
export function tokenLines(prism: PrismModule | null, code: string, language: string): Token[][] {
  const grammar = prism?.Prism.languages[language];
  if (prism === null || grammar === undefined) return (prism?.normalizeTokens ?? plainLines)([code]);
  const env = { code, grammar, language, tokens: [] as ReturnType<typeof prism.Prism.tokenize> };
  prism.Prism.hooks.run('before-tokenize', env);
  env.tokens = prism.Prism.tokenize(code, grammar);
  prism.Prism.hooks.run('after-tokenize', env);
  return prism.normalizeTokens(env.tokens);
}

/** One plain token per line, as normalizeTokens makes of a string (an empty line's token is marked empty): normalizeTokens comes with Prism, which may not have loaded. */
function plainLines([code]: readonly string[]): Token[][] {
  return (code ?? '')
    .split('\n')
    .map((content) => [content === '' ? { types: ['plain'], content: '\n', empty: true } : { types: ['plain'], content }]);
}

/** A token's class and its style in both modes, as custom properties (`display` as <Highlight> sets it for an empty token). */
export function tokenPainter(themes: CodeThemes, language: string): (token: Token) => { className: string; style: CSSProperties } {
  const light = themeStyles(themes.light, language);
  const dark = themeStyles(themes.dark, language);
  return (token) => {
    const plain = token.types.length === 1 && token.types[0] === 'plain';
    const inlineBlock = token.empty && (plain || token.types.length > 1);
    return {
      className: ['token', ...token.types].join(' '),
      style: {
        ...(inlineBlock ? { display: 'inline-block' } : {}),
        ...modeVariables('light', tokenStyle(light, token)),
        ...modeVariables('dark', tokenStyle(dark, token)),
      } as CSSProperties,
    };
  };
}

/** Lines of tokens as <Highlight> draws them: `token-line` divs of `token <type>` spans. */
export function drawTokenLines(lines: readonly Token[][], paint: ReturnType<typeof tokenPainter>): ReactNode {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
    <div key={i} className="token-line">
      {line.map((token, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their position
        <span key={j} {...paint(token)}>
          {token.content}
        </span>
      ))}
    </div>
  ));
}

/** `code` highlighted as `language`, in both modes' colours: plain text until Prism has loaded in the browser. */
export function HighlightedLines({ code, language, themes }: { code: string; language: string; themes: CodeThemes }): ReactNode {
  const prism = usePrism();
  return useMemo(() => drawTokenLines(tokenLines(prism, code, language), tokenPainter(themes, language)), [prism, code, language, themes]);
}

/** The code's background and text colours in both modes, as CSS custom properties. */
export function codeColours(themes: CodeThemes): CSSProperties {
  const vars: Record<string, string | undefined> = {
    '--light-background': themes.light.plain.backgroundColor,
    '--light-text': themes.light.plain.color,
    '--dark-background': themes.dark.plain.backgroundColor,
    '--dark-text': themes.dark.plain.color,
  };
  return vars as CSSProperties;
}

/** Line numbers in both modes, as CSS custom properties: the colour of a comment in `language`, else the text's. */
export function lineNumberColours(themes: CodeThemes, language: string): CSSProperties {
  const numbers = (theme: PrismTheme) => themeStyles(theme, language).get('comment')?.color ?? theme.plain.color;
  return { '--light-number': numbers(themes.light), '--dark-number': numbers(themes.dark) } as CSSProperties;
}
