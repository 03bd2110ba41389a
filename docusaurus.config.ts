import { fileURLToPath } from 'node:url';
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { prismDark } from './src/css/prism-dark';
import { prismLight } from './src/css/prism-light';
import typecheckAssetsPlugin, { TYPECHECK_STATIC_DIR } from './src/doctest/docusaurus-plugin';
import remarkExamples from './src/doctest/remark-examples';
import remarkClaimsData from './src/remark/claims-data';

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
  url: 'https://memattr.example.org',
  baseUrl: '/',
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
          // <Example name="..." /> gets the example's code and verified output at build time.
          remarkPlugins: [remarkExamples, remarkClaimsData],
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
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      { hashed: true, indexBlog: false, docsRouteBasePath: '/docs', highlightSearchTermsOnTargetPage: false },
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
