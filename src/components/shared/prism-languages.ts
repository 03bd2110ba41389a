/**
 * prism-react-renderer's Prism with the site's additional languages (themeConfig.prism), in a chunk of
 * its own (./prism). Docusaurus registers the languages in a client module of every page; that module
 * is replaced by ./prism-client-module (docusaurus.config.ts, plugin memattr-prism-on-demand).
 */
import prismIncludeLanguages from '@theme/prism-include-languages';
import { normalizeTokens, Prism } from 'prism-react-renderer';

prismIncludeLanguages(Prism);

export const prism = { Prism, normalizeTokens };
export type PrismModule = typeof prism;
