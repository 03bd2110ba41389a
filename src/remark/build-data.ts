/**
 * Build-time data for components in MDX whose answers do not depend on the reader: the plugin runs
 * the model once per build and hands the answer to the component as a JSON string in its `data`
 * attribute, so the page shows the model's answers without carrying the code that computes them.
 * - `<ClaimsTable />`: claims(), whose bus enumerations would also take 150-400 ms in the reader's
 *   browser on two cores.
 * - `<CompareTable kernel="..." />`: compare() for every guest mapping at the table's first kernel
 *   (the newest without the attribute), and the kernels it offers; the table loads compare() itself
 *   only when the reader reaches for the kernel choice.
 * - `<Timeline ... />`: access() for its first choice (its literal props, with the component's
 *   defaults); the reader's later choices are answered by its worker.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { compareRows } from '../components/CompareTable/compare-rows';
import { accessInput, firstChoice, type TimelineChoice } from '../components/Timeline/labels';
import { ACCESSORS, access, claims, KERNEL_VERSIONS, MEMORY_TYPE_NAMES, NEWEST_KERNEL } from '../model/index';

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

/** The element's props as plain values: strings, and literals written as expressions (`bytes={64}`, `locationSupportsLs64={false}`). */
function literalProps(el: JsxNode): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const a of el.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name === undefined) continue;
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const source = String((a.value as { value?: unknown }).value);
      try {
        props[a.name] = JSON.parse(source);
      } catch {
        throw new Error(`<${el.name} ${a.name}={${source}} />: build-time data needs a literal value here`);
      }
    }
  }
  return props;
}

function timelineJson(el: JsxNode): string {
  const props = literalProps(el);
  const c = firstChoice(props as TimelineChoice);
  const where = `<Timeline${el.attributes.map((a) => ` ${a.name}`).join('')} />`;
  if (!(ACCESSORS as readonly unknown[]).includes(c.accessor)) throw new Error(`${where}: accessor must be one of ${ACCESSORS.join(', ')}`);
  if (!(MEMORY_TYPE_NAMES as readonly unknown[]).includes(c.memoryType))
    throw new Error(`${where}: memoryType must be one of ${MEMORY_TYPE_NAMES.join(', ')}`);
  const answer = access(accessInput(c.accessor, c.memoryType, c.kernel, c.bytes, c));
  if (!answer.ok) throw new Error(`${where}: access() failed at build time: ${answer.error.message}`);
  return JSON.stringify(answer);
}

export default function remarkBuildData() {
  // claims() is the same on every page: computed once per build.
  let claimsOnce: string | null = null;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxNode;
      if (el.name !== 'ClaimsTable' && el.name !== 'CompareTable' && el.name !== 'Timeline') return;
      if (el.attributes.some((a) => a.name === BUILD_DATA_ATTRIBUTE)) return;
      let json: string;
      if (el.name === 'CompareTable') json = compareJson(el);
      else if (el.name === 'Timeline') json = timelineJson(el);
      else {
        claimsOnce ??= claimsJson();
        json = claimsOnce;
      }
      el.attributes.push({ type: 'mdxJsxAttribute', name: BUILD_DATA_ATTRIBUTE, value: json });
    });
  };
}
