/** The anchor an example gets on its page, so the claims table and other pages can link to it. */
export function exampleAnchor(name: string): string {
  return `example-${name.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}
