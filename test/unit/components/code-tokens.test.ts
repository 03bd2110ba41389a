/**
 * Code drawn by src/components/shared/code-tokens.tsx (the examples' static code and Docusaurus's code
 * blocks, src/theme/CodeBlock) carries each token's colours for both of the site's Prism themes, as
 * CSS custom properties. They must be exactly what prism-react-renderer's <Highlight> writes inline
 * for that theme, token by token, so that the static code, the code blocks and the live editor agree.
 * Bash is one of the site's additional languages (themeConfig.prism), registered here as
 * theme-classic's prism-include-languages does.
 */
import { Highlight, normalizeTokens, Prism, type PrismTheme } from 'prism-react-renderer';
import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  codeColours,
  drawTokenLines,
  lineNumberColours,
  TOKEN_STYLE_PROPERTIES,
  tokenLines,
  tokenPainter,
} from '../../../src/components/shared/code-tokens';
import { prismDark } from '../../../src/css/prism-dark';
import { prismLight } from '../../../src/css/prism-light';

const THEMES = { light: prismLight, dark: prismDark };
const PRISM = { Prism, normalizeTokens };
Object.assign(globalThis, { Prism });
// A plain script with no types: it adds bash to the Prism it finds on globalThis.
const PRISM_BASH = 'prismjs/components/prism-bash';
await import(PRISM_BASH);
Reflect.deleteProperty(globalThis, 'Prism');

const BASH =
  '# in the guest\nmemattr combine --s1 0x44 --s2 0x5 | jq \'.result.effectiveType\'\nfor f in /sys/bus/pci/devices/*; do echo "$f"; done\n';
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
function highlighted(theme: PrismTheme, code: string, language: string): Drawn[] {
  const tree: ReactNode = createElement(Highlight, {
    code,
    language,
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

/** Our drawing of `code`, token by token. */
const drawn = (code: string, language: string) =>
  tokens(
    renderToStaticMarkup(createElement(Fragment, null, drawTokenLines(tokenLines(PRISM, code, language), tokenPainter(THEMES, language)))),
  );

describe('code in both modes', () => {
  const ours = drawn(CODE, 'typescript');

  it.each([
    ['typescript', CODE],
    ['bash', BASH],
  ])("%s: has <Highlight>'s tokens, classes and, per mode, its colours and font styles", (language, code) => {
    const ours = drawn(code, language);
    expect(ours.filter((t) => t.className !== 'token plain').length).toBeGreaterThan(5);
    for (const mode of ['light', 'dark'] as const) {
      const theirs = highlighted(THEMES[mode], code, language);
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

  it("takes the background and text colours from each theme's plain style, line numbers from its comments", () => {
    const comment = (t: PrismTheme) => t.styles.filter((r) => r.types.includes('comment') && r.style.color).at(-1)?.style.color;
    expect(codeColours(THEMES)).toEqual({
      '--light-background': prismLight.plain.backgroundColor,
      '--light-text': prismLight.plain.color,
      '--dark-background': prismDark.plain.backgroundColor,
      '--dark-text': prismDark.plain.color,
    });
    expect(lineNumberColours(THEMES, 'typescript')).toEqual({ '--light-number': comment(prismLight), '--dark-number': comment(prismDark) });
  });

  it('without Prism (not loaded yet), or for a language Prism does not know, draws the lines as one plain token each, as <Highlight> does', () => {
    const code = 'first line\n\n  third, indented\n';
    const plain = normalizeTokens([code]);
    expect(tokenLines(null, code, 'typescript')).toEqual(plain);
    expect(tokenLines(PRISM, code, 'no-such-language')).toEqual(plain);
    expect(drawn(code, 'no-such-language').map((t) => [t.text, t.className])).toEqual(
      highlighted(prismLight, code, 'no-such-language').map((t) => [t.text, t.className]),
    );
  });
});
