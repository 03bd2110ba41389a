/**
 * The site's search: @easyops-cn/docusaurus-search-local (a lunr index written at build time, fetched
 * when the reader first focuses the search box, searched in a Web Worker), wrapped so that it works
 * for kernel people. Registered in docusaurus.config.ts `themes`; runs in Node at build time.
 *
 * The plugin parses the pages (its `ignoreCssSelectors` keep diagrams and example code out) and
 * serves the search box; after its postBuild writes the index, this wrapper builds the lunr index
 * again from the same documents, with the same lunr, two differences:
 * - Identifiers are found however a kernel person writes them: each word also yields its
 *   underscore- and dot-separated parts (`FEAT_S2FWB` is found by `S2FWB`, `__iowrite64_copy` by
 *   `iowrite64`, `HCR_EL2.FWB` by `HCR_EL2`), and every word the site ever writes as a call (`name(`)
 *   is also indexed as `name()`, since the search box passes `ioremap_wc()` to lunr as typed.
 * - Reference pages rank below the guide: their documents get a lunr boost of REFERENCE_BOOST.
 * Queries still go through the plugin's own tokenizer and query rules, unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

const PLUGIN = '@easyops-cn/docusaurus-search-local';

/** One searchable document as the plugin stores it: a page title, heading, description, keywords or section text. */
export interface SearchDocument {
  readonly i: number;
  readonly t: string;
  readonly u: string;
  readonly [key: string]: unknown;
}

/** search-index.json: one entry per document kind (titles, headings, descriptions, keywords, contents). */
type SearchIndexFile = { documents: SearchDocument[]; index: unknown }[];

/** The parts of lunr 2.3 used here (the plugin depends on lunr; its worker loads the same version). */
interface LunrToken {
  toString(): string;
}
interface LunrBuilder {
  pipeline: { remove(fn: unknown): void };
  tokenizer: (input: unknown, metadata: Record<string, unknown>) => LunrToken[];
  metadataWhitelist: string[];
  ref(name: string): void;
  field(name: string): void;
  add(doc: Record<string, unknown>, attributes?: { boost: number }): void;
}
interface Lunr {
  (config: (this: LunrBuilder) => void): { toJSON(): unknown };
  Token: new (str: string, metadata: Record<string, unknown>) => LunrToken;
  trimmer: unknown;
}

/** How much a reference page's match counts against the same match on a guide page. */
export const REFERENCE_BOOST = 0.25;

/** What lunr's default tokenizer splits on (lunr.tokenizer.separator); the search box splits queries the same way. */
const SEPARATOR = /[^\s-]+/g;

export interface IndexedWord {
  readonly text: string;
  /** [start, length] in the document's text, for the highlighted excerpt. */
  readonly position: readonly [number, number];
}

/** Every word written as a call somewhere in `texts` (`ioremap_wc()`, `memremap(addr, ...)`), lower-cased. */
export function calledNames(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) for (const m of text.toLowerCase().matchAll(/(\w+)\(/g)) names.add(m[1] as string);
  return names;
}

/**
 * The words lunr indexes for `text`: what lunr's own tokenizer and trimmer give (`hcr_el2.fwb`), each
 * identifier inside it (`hcr_el2`, `fwb`), the identifier's underscore-separated parts (`hcr`, `el2`),
 * and `name()` for each identifier in `called`. Lower-cased; lunr's stop-word filter and stemmer run after.
 */
export function indexedWords(text: string, called: ReadonlySet<string>): IndexedWord[] {
  const lower = text.toLowerCase();
  const out: IndexedWord[] = [];
  for (const piece of lower.matchAll(SEPARATOR)) {
    const raw = piece[0];
    const lead = (/^\W*/.exec(raw)?.[0] ?? '').length;
    const body = raw.slice(lead).replace(/\W+$/, '');
    if (body === '') continue;
    const start = (piece.index ?? 0) + lead;
    const seen = new Set<string>();
    const emit = (word: string, offset: number, length: number) => {
      if (seen.has(word)) return;
      seen.add(word);
      out.push({ text: word, position: [start + offset, length] });
    };
    emit(body, 0, body.length);
    for (const id of body.matchAll(/\w+/g)) {
      const word = id[0];
      const offset = id.index ?? 0;
      emit(word, offset, word.length);
      if (called.has(word)) emit(`${word}()`, offset, word.length);
      let partOffset = offset;
      for (const part of word.split('_')) {
        if (part !== '' && part !== word) emit(part, partOffset, part.length);
        partOffset += part.length + 1;
      }
    }
  }
  return out;
}

function isReference(doc: SearchDocument, referencePrefix: string): boolean {
  return doc.u.startsWith(referencePrefix);
}

/** Builds the lunr index of one document kind again, as the plugin does (ref `i`, field `t`, positions kept). */
export function buildIndex(
  lunr: Lunr,
  documents: readonly SearchDocument[],
  called: ReadonlySet<string>,
  referencePrefix: string,
): unknown {
  return lunr(function () {
    this.tokenizer = (input, metadata) =>
      input == null
        ? []
        : indexedWords(String(input), called).map((w, index) => new lunr.Token(w.text, { ...metadata, position: [...w.position], index }));
    // indexedWords() trims already; lunr's trimmer would turn `ioremap_wc()` back into `ioremap_wc`.
    this.pipeline.remove(lunr.trimmer);
    this.ref('i');
    this.field('t');
    this.metadataWhitelist = ['position'];
    for (const doc of documents) {
      this.add({ ...doc, i: String(doc.i) }, { boost: isReference(doc, referencePrefix) ? REFERENCE_BOOST : 1 });
    }
  }).toJSON();
}

type SearchPluginModule = {
  default: (context: LoadContext, options: unknown) => Plugin;
  validateOptions: (args: { options: unknown; validate: (schema: JoiSchema, options: unknown) => unknown }) => unknown;
};
type JoiSchema = { validate(value: unknown): { value: unknown; error?: Error } };

/** Rewrites every search-index*.json in `outDir` with the rebuilt indexes. */
export function rebuildIndexes(lunr: Lunr, outDir: string, referencePrefix: string): void {
  for (const name of readdirSync(outDir).filter((f) => /^search-index.*\.json$/.test(f))) {
    const file = join(outDir, name);
    const kinds = JSON.parse(readFileSync(file, 'utf8')) as SearchIndexFile;
    const called = calledNames(kinds.flatMap((k) => k.documents.map((d) => d.t)));
    const rebuilt = kinds.map((k) => ({ documents: k.documents, index: buildIndex(lunr, k.documents, called, referencePrefix) }));
    writeFileSync(file, JSON.stringify(rebuilt));
  }
}

/** The plugin, given its own options (`PluginOptions` of @easyops-cn/docusaurus-search-local, validated by it). */
export default function kernelSearch(context: LoadContext, options: unknown): Plugin {
  const require = createRequire(import.meta.url);
  const search = require(PLUGIN) as SearchPluginModule;
  // The lunr the plugin itself loads (and bundles into its worker), so the index format matches.
  const lunr = createRequire(require.resolve(PLUGIN))('lunr') as Lunr;
  // Docusaurus adds the plugin instance's `id`, which the plugin's schema does not know.
  const { id: _id, ...own } = options as Record<string, unknown>;
  const validated = search.validateOptions({
    options: own,
    validate: (schema, value) => {
      const { value: normalized, error } = schema.validate(value);
      if (error) throw error;
      return normalized;
    },
  });
  const inner = search.default(context, validated);
  const referencePrefix = `${context.baseUrl}docs/reference/`;
  return {
    ...inner,
    async postBuild(props) {
      await inner.postBuild?.(props);
      rebuildIndexes(lunr, props.outDir, referencePrefix);
    },
  };
}
