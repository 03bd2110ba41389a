/**
 * Build-time data for `<ClaimsTable />` in MDX: the plugin runs claims() once per build and hands the
 * answer to the component as a JSON string, so the page shows the model's verdicts without running the
 * bus enumerations again in the reader's browser (about 150-400 ms on two cores), nor carrying their
 * code (the component requires this data and does not import claims()).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { claims } from '../model/index';

interface JsxNode {
  type: string;
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export const CLAIMS_DATA_ATTRIBUTE = 'data';

export default function remarkClaimsData() {
  let json: string | null = null;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxNode;
      if (el.name !== 'ClaimsTable' || el.attributes.some((a) => a.name === CLAIMS_DATA_ATTRIBUTE)) return;
      if (json === null) {
        const answer = claims();
        if (!answer.ok) throw new Error(`<ClaimsTable />: claims() failed at build time: ${answer.error.message}`);
        json = JSON.stringify(answer.result.claims);
      }
      el.attributes.push({ type: 'mdxJsxAttribute', name: CLAIMS_DATA_ATTRIBUTE, value: json });
    });
  };
}
