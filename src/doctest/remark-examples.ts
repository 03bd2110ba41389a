/**
 * Build-time MDX plugin (registered in docusaurus.config.ts `docs.remarkPlugins`): every
 * `<Example name="arm64/decode-normal-nc" />` gets the example's code and its verified output (the
 * file's Output block, which `npm test` checks) as props, and the page imports the component that
 * renders them. So the code and output are in the static HTML. A name with no file fails the build.
 * Runs in Node inside Docusaurus's config loader: no path aliases here, only relative imports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseExample } from './expected';

export const EXAMPLE_COMPONENT = 'Example';
/** The name the plugin imports the component under, so it cannot clash with a page's own imports. */
const LOCAL_NAME = 'MemattrExample';
const COMPONENT_MODULE = '@site/src/components/Example';

/** An example's name is its path under examples/ without `.ts`: `arm64/decode-normal-nc`. */
export const EXAMPLE_NAME = /^[a-z0-9-]+\/[a-z0-9-]+$/;

export function exampleFile(root: string, name: string): string {
  return join(root, 'examples', `${name}.ts`);
}

/** The literal `name` attribute of an `<Example>` element, or null when it is missing or not a string. */
export function exampleNameAttribute(node: { attributes?: readonly unknown[] }): string | null {
  for (const a of node.attributes ?? []) {
    const attr = a as { type: string; name?: string; value?: unknown };
    if (attr.type === 'mdxJsxAttribute' && attr.name === 'name' && typeof attr.value === 'string') return attr.value;
  }
  return null;
}

interface JsxNode {
  type: string;
  name: string | null;
  attributes: { type: 'mdxJsxAttribute'; name: string; value: string }[];
  position?: { start: { line: number } };
}

function importNode() {
  const source = `import ${LOCAL_NAME} from '${COMPONENT_MODULE}';`;
  return {
    type: 'mdxjsEsm',
    value: source,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: LOCAL_NAME } }],
            source: { type: 'Literal', value: COMPONENT_MODULE, raw: `'${COMPONENT_MODULE}'` },
          },
        ],
      },
    },
  };
}

export interface RemarkExamplesOptions {
  /** Project root holding examples/ (default: the working directory, where Docusaurus runs). */
  readonly root?: string;
}

export default function remarkExamples(options: RemarkExamplesOptions = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: { path?: string }) => {
    let used = false;
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxNode;
      if (el.name !== EXAMPLE_COMPONENT) return;
      const where = `${file.path ?? 'page'}:${el.position?.start.line ?? '?'}`;
      const name = exampleNameAttribute(el);
      if (name === null || !EXAMPLE_NAME.test(name)) {
        throw new Error(`${where}: <Example> needs name="<topic>/<name>" (a literal string naming examples/<topic>/<name>.ts)`);
      }
      const path = exampleFile(root, name);
      if (!existsSync(path)) throw new Error(`${where}: <Example name="${name}" /> names a missing example: no file examples/${name}.ts`);
      const parsed = parseExample(readFileSync(path, 'utf8'));
      if (parsed.expected === null) throw new Error(`${where}: examples/${name}.ts has no "// Output:" block`);
      el.name = LOCAL_NAME;
      el.attributes = [
        { type: 'mdxJsxAttribute', name: 'name', value: name },
        { type: 'mdxJsxAttribute', name: 'code', value: parsed.code },
        { type: 'mdxJsxAttribute', name: 'output', value: parsed.expected.map((l) => l.text).join('\n') },
      ];
      used = true;
    });
    if (used) tree.children.unshift(importNode() as unknown as Root['children'][number]);
  };
}
