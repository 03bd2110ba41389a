import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { claims } from '../../../src/model/claims/api';
import remarkClaimsData from '../../../src/remark/claims-data';

function attributesOf(mdx: string): { name?: string; value?: unknown }[][] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkClaimsData);
  const tree = processor.runSync(processor.parse(mdx));
  const found: { name?: string; value?: unknown }[][] = [];
  visit(tree, (node) => {
    const el = node as { type: string; name?: string; attributes?: { name?: string; value?: unknown }[] };
    if (el.type === 'mdxJsxFlowElement' && el.name === 'ClaimsTable') found.push(el.attributes ?? []);
  });
  return found;
}

describe('remark plugin: build-time claims data for <ClaimsTable />', () => {
  it('gives the table the claims() answer as JSON', () => {
    const [attrs] = attributesOf('# Claims\n\n<ClaimsTable />\n');
    const data = attrs?.find((a) => a.name === 'data')?.value;
    const answer = claims();
    if (!answer.ok) throw new Error(answer.error.message);
    expect(JSON.parse(String(data))).toEqual(answer.result.claims);
  });

  it('leaves other elements alone', () => {
    expect(attributesOf('<Example name="intro/four-layers" />\n')).toEqual([]);
  });
});
