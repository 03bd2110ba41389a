/**
 * Prose that needs no JavaScript is left as the server rendered it when a page first loads: each run
 * of top-level paragraphs, headings, lists, block quotes and rules that holds no JSX, no expression
 * and no code block is wrapped in `<Static>` (src/components/Static), which React does not hydrate.
 * Hydrating a long page's prose is most of the main-thread time before a phone can answer a tap
 * (Lighthouse's Total Blocking Time); the components and examples between the runs hydrate as before.
 * Code blocks (their copy button), tables (their scroll cue) and admonitions stay hydrated.
 * Runs after Docusaurus's own plugins, so headings already carry their ids and the table of contents
 * is already collected.
 */
import type { Root, RootContent } from 'mdast';

export const STATIC_COMPONENT = 'Static';

const STATIC_TYPES = new Set(['paragraph', 'heading', 'list', 'blockquote', 'thematicBreak']);
const DYNAMIC_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'code', 'html']);

/** True when nothing in the node needs React in the reader's browser. */
function isStatic(node: RootContent): boolean {
  if (!STATIC_TYPES.has(node.type)) return false;
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as { type: string; children?: unknown[] };
    if (DYNAMIC_TYPES.has(n.type)) return false;
    if (n.children) stack.push(...n.children);
  }
  return true;
}

function island(children: RootContent[]): RootContent {
  return { type: 'mdxJsxFlowElement', name: STATIC_COMPONENT, attributes: [], children } as unknown as RootContent;
}

export default function remarkStaticIslands() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let run: RootContent[] = [];
    const close = () => {
      if (run.length > 0) out.push(island(run));
      run = [];
    };
    for (const node of tree.children) {
      if (isStatic(node)) run.push(node);
      else {
        close();
        out.push(node);
      }
    }
    close();
    tree.children = out;
  };
}
