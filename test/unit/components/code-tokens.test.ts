/**
 * The static example code (src/components/Example/Code.tsx) draws each token with its colours for
 * both of the site's Prism themes, as CSS custom properties. They must be exactly what
 * prism-react-renderer's <Highlight> writes inline for that theme, token by token, so that the static
 * code, Docusaurus's own code blocks and the live editor agree.
 */
import { Highlight, type PrismTheme } from 'prism-react-renderer';
import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { codeColours, codeTokens, TOKEN_STYLE_PROPERTIES } from '../../../src/components/Example/Code';
import { prismDark } from '../../../src/css/prism-dark';
import { prismLight } from '../../../src/css/prism-light';

const THEMES = { light: prismLight, dark: prismDark };
const CODE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: highlighted code with a template literal
  "// a comment\nimport { combine } from 'memattr';\n\ninterface Pick { readonly s1Mair: number }\nconst r = combine({ s1Mair: 0x44, s2MemAttr: 5 });\nif (!r.ok) throw new Error(`${r.error.message}`);\nconsole.log(r.result.effectiveType, true, null, 1 / 3);\n";

interface Drawn {
  readonly text: string;
  readonly className: string;
  readonly style: Readonly<Record<string, string>>;
}

/** Each token span's text, classes and declared style, in document order. */
function tokens(markup: string): Drawn[] {
  const doc = [...markup.matchAll(/<span class="([^"]*)"(?: style="([^"]*)")?>([^<]*)<\/span>/g)];
  return doc.map(([, className = '', style = '', text = '']) => ({
    text,
    className,
    style: Object.fromEntries(
      style
        .split(';')
        .filter(Boolean)
        .map((d) => {
          const i = d.indexOf(':');
          return [d.slice(0, i).trim(), d.slice(i + 1).trim()];
        }),
    ),
  }));
}

/** <Highlight> with one theme, drawn the way Docusaurus's code blocks use it. */
function highlighted(theme: PrismTheme): Drawn[] {
  const tree: ReactNode = createElement(Highlight, {
    code: CODE,
    language: 'typescript',
    theme,
    // biome-ignore lint/correctness/noChildrenProp: <Highlight>'s render function, given without JSX
    children: ({ tokens: lines, getTokenProps }) =>
      createElement(
        Fragment,
        null,
        lines.map((line, i) =>
          createElement(
            'div',
            { key: i },
            line.map((token, j) => {
              const { key: _k, ...props } = getTokenProps({ token });
              return createElement('span', { key: j, ...props });
            }),
          ),
        ),
      ),
  });
  return tokens(renderToStaticMarkup(tree));
}

describe('the static example code', () => {
  const ours = tokens(renderToStaticMarkup(createElement(Fragment, null, codeTokens(CODE, THEMES))));

  it("has <Highlight>'s tokens, classes and, per mode, its colours and font styles", () => {
    for (const mode of ['light', 'dark'] as const) {
      const theirs = highlighted(THEMES[mode]);
      expect(ours.map((t) => [t.text, t.className])).toEqual(theirs.map((t) => [t.text, t.className]));
      const inMode = ours.map((t) =>
        Object.fromEntries(
          Object.entries(t.style)
            .filter(([k]) => !k.startsWith('--') || k.startsWith(`--${mode}-`))
            .map(([k, v]) => [k.replace(`--${mode}-`, ''), v]),
        ),
      );
      expect(inMode).toEqual(theirs.map((t) => t.style));
    }
  });

  it('gives keywords, strings and comments their own colour in each mode, different between the modes', () => {
    const colour = (cls: string, mode: string) => ours.find((t) => t.className.split(' ').includes(cls))?.style[`--${mode}-color`];
    for (const cls of ['keyword', 'string', 'comment']) {
      expect(colour(cls, 'light'), cls).toMatch(/^(#|hsl)/);
      expect(colour(cls, 'dark'), cls).toMatch(/^(#|hsl)/);
      expect(colour(cls, 'light')).not.toBe(colour(cls, 'dark'));
    }
  });

  it('maps every style property the two themes give tokens', () => {
    const used = new Set([prismLight, prismDark].flatMap((t) => t.styles.flatMap((r) => Object.keys(r.style))));
    expect([...used].filter((p) => !(TOKEN_STYLE_PROPERTIES as readonly string[]).includes(p))).toEqual([]);
  });

  it("takes the background, text and line-number colours from each theme's plain style and comments", () => {
    const comment = (t: PrismTheme) => t.styles.filter((r) => r.types.includes('comment') && r.style.color).at(-1)?.style.color;
    expect(codeColours(THEMES)).toEqual({
      '--light-background': prismLight.plain.backgroundColor,
      '--light-text': prismLight.plain.color,
      '--light-number': comment(prismLight),
      '--dark-background': prismDark.plain.backgroundColor,
      '--dark-text': prismDark.plain.color,
      '--dark-number': comment(prismDark),
    });
  });
});
