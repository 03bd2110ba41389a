/**
 * Doc-test policy switches.
 *
 * FAIL_ON_UNEMBEDDED_EXAMPLES: an example that no page embeds with `<Example name="..." />` is a
 * warning while the pages are being written; the pages issue sets this to `true` so it fails
 * (CONTRACT.md "Examples": "once the pages issue has landed it fails"). `MEMATTR_STRICT_EXAMPLES=1`
 * turns it on for one run, to see where things stand.
 */
export const FAIL_ON_UNEMBEDDED_EXAMPLES: boolean = true;

export function failOnUnembedded(): boolean {
  return FAIL_ON_UNEMBEDDED_EXAMPLES || process.env.MEMATTR_STRICT_EXAMPLES === '1';
}
