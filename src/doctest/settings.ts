/**
 * The doc-test machinery's options, and this project's values for them. One place for what the Node
 * doc tests, `npm run examples:update`, the build-time MDX plugin, the page's runner and its type
 * checker must agree on. Free of Node and of the model, so the Docusaurus config can import it.
 */

export interface DocTestSettings {
  /** The MDX element that embeds an example: `<Example name="topic/name" />`. */
  readonly component: string;
  /** Where the MDX plugin imports that component from. */
  readonly componentModule: string;
  /** Examples live in `<examplesDir>/<topic>/<name>.ts`, relative to the project root. */
  readonly examplesDir: string;
  /** The MDX pages, relative to the project root. */
  readonly docsDir: string;
  /** Each module example code may import -> its TypeScript entry file (the type checker reads its folder). */
  readonly moduleEntries: Readonly<Record<string, string>>;
}

export const PROJECT_SETTINGS: DocTestSettings = {
  component: 'Example',
  componentModule: '@site/src/components/Example',
  examplesDir: 'examples',
  docsDir: 'docs',
  moduleEntries: { memattr: 'src/model/index.ts' },
};

/** An example's name is its path under the examples folder without `.ts`: `arm64/decode-normal-nc`. */
export const EXAMPLE_NAME = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** The Docusaurus plugin that serves the page's type checker (./docusaurus-plugin.ts); the page reads its global data. */
export const TYPECHECK_PLUGIN = 'memattr-typecheck';
