/**
 * The words the search index holds for a piece of text (src/search/plugin.ts): what lunr would index,
 * plus each identifier's parts and `name()` for names the site writes as calls.
 */
import { describe, expect, it } from 'vitest';
import { calledNames, indexedWords } from '../../../src/search/plugin';

const words = (text: string, called: readonly string[] = []) => indexedWords(text, new Set(called)).map((w) => w.text);

describe('indexedWords', () => {
  it('keeps what lunr indexes: lower-cased, trimmed of punctuation at both ends', () => {
    expect(words('Device-nGnRE, (write-combining).')).toEqual(['device', 'ngnre', 'write', 'combining']);
  });

  it('indexes an identifier whole and by its underscore-separated parts', () => {
    expect(words('FEAT_S2FWB')).toEqual(['feat_s2fwb', 'feat', 's2fwb']);
    expect(words('__iowrite64_copy()')).toEqual(['__iowrite64_copy', 'iowrite64', 'copy']);
  });

  it('indexes each identifier inside a dotted or called word', () => {
    expect(words('HCR_EL2.FWB')).toEqual(['hcr_el2.fwb', 'hcr_el2', 'hcr', 'el2', 'fwb']);
    expect(words('memremap(addr,')).toEqual(['memremap(addr', 'memremap', 'addr']);
  });

  it('adds name() for every occurrence of a name the site writes as a call, with or without parentheses here', () => {
    expect(words('ioremap_wc', ['ioremap_wc'])).toEqual(['ioremap_wc', 'ioremap_wc()', 'ioremap', 'wc']);
    expect(words('ioremap_wc()', ['ioremap_wc'])).toEqual(['ioremap_wc', 'ioremap_wc()', 'ioremap', 'wc']);
    expect(words('ioremap_wc')).toEqual(['ioremap_wc', 'ioremap', 'wc']);
  });

  it('gives each word its place in the text, for the highlighted excerpt', () => {
    const found = indexedWords('with FEAT_S2FWB on', new Set());
    expect(found.find((w) => w.text === 'feat_s2fwb')?.position).toEqual([5, 10]);
    expect(found.find((w) => w.text === 's2fwb')?.position).toEqual([10, 5]);
    expect(found.find((w) => w.text === 'on')?.position).toEqual([16, 2]);
  });
});

describe('calledNames', () => {
  it('collects every word written directly before an opening parenthesis, lower-cased', () => {
    expect([...calledNames(['ioremap_wc() and writel(v, a)', 'FEAT_S2FWB (Armv8.4)', 'Ioremap_NP()'])].sort()).toEqual([
      'ioremap_np',
      'ioremap_wc',
      'writel',
    ]);
  });
});
