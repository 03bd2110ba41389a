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
import { type DocTestSettings, EXAMPLE_NAME, PROJECT_SETTINGS } from './settings';

/** The name the plugin imports the component under, so it cannot clash with a page's own imports. */
const LOCAL_NAME = 'MemattrExample';

/** The literal `name` attribute of an example element, or null when it is missing or not a string. */
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

function importNode(componentModule: string) {
  const source = `import ${LOCAL_NAME} from '${componentModule}';`;
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
            source: { type: 'Literal', value: componentModule, raw: `'${componentModule}'` },
          },
        ],
      },
    },
  };
}

export interface RemarkExamplesOptions extends Partial<Pick<DocTestSettings, 'component' | 'componentModule' | 'examplesDir'>> {
  /** Project root holding the examples folder (default: the working directory, where Docusaurus runs). */
  readonly root?: string;
}

export default function remarkExamples(options: RemarkExamplesOptions = {}) {
  const root = options.root ?? process.cwd();
  const { component, componentModule, examplesDir } = { ...PROJECT_SETTINGS, ...options };
  return (tree: Root, file: { path?: string }) => {
    let used = false;
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as unknown as JsxNode;
      if (el.name !== component) return;
      const where = `${file.path ?? 'page'}:${el.position?.start.line ?? '?'}`;
      const name = exampleNameAttribute(el);
      if (name === null || !EXAMPLE_NAME.test(name)) {
        throw new Error(`${where}: <${component}> needs name="<topic>/<name>" (a literal string naming ${examplesDir}/<topic>/<name>.ts)`);
      }
      const path = join(root, examplesDir, `${name}.ts`);
      if (!existsSync(path))
        throw new Error(`${where}: <${component} name="${name}" /> names a missing example: no file ${examplesDir}/${name}.ts`);
      const parsed = parseExample(readFileSync(path, 'utf8'));
      if (parsed.expected === null) throw new Error(`${where}: ${examplesDir}/${name}.ts has no "// Output:" block`);
      el.name = LOCAL_NAME;
      el.attributes = [
        { type: 'mdxJsxAttribute', name: 'name', value: name },
        { type: 'mdxJsxAttribute', name: 'code', value: parsed.code },
        { type: 'mdxJsxAttribute', name: 'output', value: parsed.expected.map((l) => l.text).join('\n') },
      ];
      used = true;
    });
    if (used) tree.children.unshift(importNode(componentModule) as unknown as Root['children'][number]);
  };
}
