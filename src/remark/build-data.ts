/**
 * Build-time data for components in MDX whose answers do not depend on the reader: the plugin runs
 * the model once per build and hands the answer to the component as a JSON string in its `data`
 * attribute, so the page shows the model's answers without carrying the code that computes them.
 * - `<ClaimsTable />`: claims(), whose bus enumerations would also take 150-400 ms in the reader's
 *   browser on two cores.
 * - `<CompareTable kernel="..." />`: compare() for every guest mapping at the table's first kernel
 *   (the newest without the attribute), and the kernels it offers; the table loads compare() itself
 *   only when the reader reaches for the kernel choice.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { compareRows } from '../components/CompareTable/compare-rows';
import { claims, KERNEL_VERSIONS, NEWEST_KERNEL } from '../model/index';

interface JsxNode {
  type: string;
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export const BUILD_DATA_ATTRIBUTE = 'data';

/** What `<CompareTable />` gets: the kernels it offers, the first one, and compare() for each guest mapping there. */
export interface CompareTableData {
  readonly kernels: readonly string[];
  readonly kernel: string;
  readonly results: ReturnType<typeof compareRows>;
}

function claimsJson(): string {
  const answer = claims();
  if (!answer.ok) throw new Error(`<ClaimsTable />: claims() failed at build time: ${answer.error.message}`);
  return JSON.stringify(answer.result.claims);
}

function compareJson(el: JsxNode): string {
  const given = el.attributes.find((a) => a.name === 'kernel')?.value;
  const kernel = typeof given === 'string' ? given : NEWEST_KERNEL;
  const results = compareRows(kernel);
  const failed = results.find((r) => !r.answer.ok);
  if (failed && !failed.answer.ok)
    throw new Error(`<CompareTable kernel="${kernel}" />: compare() failed at build time: ${failed.answer.error.message}`);
  const data: CompareTableData = { kernels: KERNEL_VERSIONS, kernel, results };
  return JSON.stringify(data);
}

export default function remarkBuildData() {
  // claims() is the same on every page: computed once per build.
  let claimsOnce: string | null = null;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxNode;
      if (el.name !== 'ClaimsTable' && el.name !== 'CompareTable') return;
      if (el.attributes.some((a) => a.name === BUILD_DATA_ATTRIBUTE)) return;
      let json: string;
      if (el.name === 'CompareTable') json = compareJson(el);
      else {
        claimsOnce ??= claimsJson();
        json = claimsOnce;
      }
      el.attributes.push({ type: 'mdxJsxAttribute', name: BUILD_DATA_ATTRIBUTE, value: json });
    });
  };
}
