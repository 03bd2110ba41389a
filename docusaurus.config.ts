import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';
import { prismDark } from './src/css/prism-dark';
import { prismLight } from './src/css/prism-light';
import typecheckAssetsPlugin, { TYPECHECK_STATIC_DIR } from './src/doctest/docusaurus-plugin';
import remarkExamples from './src/doctest/remark-examples';
import remarkBuildData from './src/remark/build-data';
import remarkStaticIslands from './src/remark/static-islands';
import kernelSearch from './src/search/plugin';
import { siteLocation } from './src/site-url';

// Runs in Node at build time. The bench flips the bundler with BUILD_BUNDLER=webpack (future.faster: false).
const webpack = process.env.BUILD_BUNDLER === 'webpack';

const config: Config = {
  title: 'memattr',
  tagline: 'Who decides the memory type of a PCI BAR in an arm64 VM, checked by an executable model',
  favicon: 'img/favicon.svg',
  // Faster (Rspack, SWC, LightningCSS) without its persistent cache: <Example> pages inline example files
  // at MDX compile time, and the MDX loader cannot declare them as dependencies, so a cached build would
  // serve stale example code after an example changes.
  future: webpack
    ? { v4: true, faster: false }
    : {
        v4: true,
        faster: {
          swcJsLoader: true,
          swcJsMinimizer: true,
          swcHtmlMinimizer: true,
          lightningCssMinimizer: true,
          mdxCrossCompilerCache: true,
          rspackBundler: true,
          rspackPersistentCache: false,
          ssgWorkerThreads: true,
          gitEagerVcs: true,
        },
      },
  // canonical, og:url and the sitemap follow MEMATTR_SITE_URL (and MEMATTR_BASE_URL): see src/site-url.ts.
  ...siteLocation(process.env),
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          routeBasePath: 'docs',
          // <Example name="..." /> gets the example's code and verified output at build time; prose
          // that needs no JavaScript is not hydrated (src/remark/static-islands.ts).
          remarkPlugins: [remarkExamples, remarkBuildData, remarkStaticIslands],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  // The live examples' type checker (TypeScript and the model's sources), written by its plugin into a
  // generated static folder: copied as it is, never minified, fetched only when a reader edits.
  staticDirectories: ['static', TYPECHECK_STATIC_DIR],
  plugins: [
    typecheckAssetsPlugin,
    // One name for the model everywhere (CONTRACT.md "Examples"): the bundler resolves 'memattr' too.
    () => ({
      name: 'memattr-alias',
      configureWebpack: (_config, isServer) => ({
        resolve: { alias: { memattr: fileURLToPath(new URL('./src/model/index.ts', import.meta.url)) } },
        // A Web Worker (the live examples', the timeline's) bundles what it imports: it is not a page,
        // so it must not push the model into the `common` chunk every page loads.
        ...(isServer
          ? {}
          : {
              optimization: {
                splitChunks: { cacheGroups: { common: { chunks: (chunk: { name?: string | null }) => !chunk.name?.endsWith('-worker') } } },
              },
            }),
      }),
    }),
    // The model is pure (no module-level effects), so the bundler may drop the modules a page does not
    // use: without this, importing one name through src/model/index.ts pulls every module it re-exports
    // into the page's chunk (the claims and bus enumerations into pages that only combine two bytes).
    () => ({
      name: 'memattr-weight',
      configureWebpack: () => ({
        module: { rules: [{ test: /[\\/]src[\\/]model[\\/].*\.ts$/, sideEffects: false }] },
      }),
    }),
    // Prism is loaded when something is to be highlighted in the browser, not with every page
    // (src/components/shared/prism.ts): theme-classic's client module that loads it is replaced.
    () => ({
      name: 'memattr-prism-on-demand',
      configureWebpack: () => ({
        resolve: {
          alias: {
            [`${createRequire(import.meta.url)
              .resolve('@docusaurus/theme-classic/lib/prism-include-languages')
              .replace(/\.js$/, '')}$`]: fileURLToPath(new URL('./src/components/shared/prism-client-module.ts', import.meta.url)),
          },
        },
      }),
    }),
  ],
  themes: [
    // @easyops-cn/docusaurus-search-local, with the index rebuilt for kernel identifiers and reference
    // pages ranked below the guide (src/search/plugin.ts).
    [
      kernelSearch,
      {
        hashed: true,
        indexBlog: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        // The components page is a catalogue for contributors; the guide pages show the same components.
        ignoreFiles: ['docs/reference/components'],
        // Indexed: prose, headings and tables. Not indexed: diagram text (SVG), examples (code and
        // output), code blocks outside the reference pages (the "Check it yourself" commands), and what
        // interactive components show (their controls, and their live-region output).
        ignoreCssSelectors: [
          'svg',
          '[data-example]',
          "html:not([class*='docs-doc-id-reference/']) .theme-code-block",
          'fieldset',
          'select',
          '[role=status]',
        ],
      } satisfies SearchOptions,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'memattr',
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Guide' },
        { to: '/docs/reference/cli', label: 'CLI', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'memattr: every table on this site is computed by the model and checked by its tests.',
    },
    prism: {
      theme: prismLight,
      darkTheme: prismDark,
      additionalLanguages: ['bash'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
