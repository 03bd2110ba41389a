import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkStaticIslands, { STATIC_COMPONENT } from '../../../src/remark/static-islands';

/** The page's top level after the plugin: an island as `Static[child types]`, anything else by its type (and name). */
function topLevel(mdx: string): string[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkStaticIslands);
  const tree = processor.runSync(processor.parse(mdx)) as unknown as {
    children: { type: string; name?: string; children?: { type: string }[] }[];
  };
  return tree.children.map((n) =>
    n.type === 'mdxJsxFlowElement' && n.name === STATIC_COMPONENT
      ? `${STATIC_COMPONENT}[${(n.children ?? []).map((c) => c.type).join(',')}]`
      : n.name
        ? `${n.type}:${n.name}`
        : n.type,
  );
}

describe('remark plugin: prose that needs no JavaScript in static islands', () => {
  it('wraps each run of headings, paragraphs, lists, block quotes and rules in one island', () => {
    expect(topLevel('## A\n\nSome *text* with a [link](/docs/intro) and `code`.\n\n- one\n- two\n\n> quoted\n\n---\n')).toEqual([
      'Static[heading,paragraph,list,blockquote,thematicBreak]',
    ]);
  });

  it('ends a run at a component, a code block or an expression, and leaves those outside', () => {
    expect(
      topLevel('Before.\n\n<Example name="intro/four-layers" />\n\nBetween.\n\n```ts\nconst x = 1;\n```\n\n{1 + 1}\n\nAfter.\n'),
    ).toEqual(['Static[paragraph]', 'mdxJsxFlowElement:Example', 'Static[paragraph]', 'code', 'mdxFlowExpression', 'Static[paragraph]']);
  });

  it('keeps out a paragraph or list that holds JSX or an expression anywhere inside', () => {
    expect(topLevel('Text with <abbr title="x">JSX</abbr> inside.\n\n- an item with {"an expression"}\n\nPlain.\n')).toEqual([
      'paragraph',
      'list',
      'Static[paragraph]',
    ]);
  });

  it('leaves a page with no prose as it is', () => {
    expect(topLevel('<Example name="intro/four-layers" />\n')).toEqual(['mdxJsxFlowElement:Example']);
  });
});
