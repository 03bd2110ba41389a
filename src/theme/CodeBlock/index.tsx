/**
 * Docusaurus's CodeBlock (theme-classic 3.10.2) without its second mount. Docusaurus keys the block
 * by useIsBrowser(), so every code block is drawn again, tokenized again, right after a page hydrates:
 * its server HTML carried the light theme's colours inline and React does not patch styles when it
 * hydrates. Here the markup is the same in both colour modes (./Container, ./Content), so the
 * server's HTML is right as it is.
 */
import type { Props } from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import { Children, isValidElement, type ReactNode } from 'react';

/** The children as one string when they are only text, so the block can be highlighted and copied (as Docusaurus does). */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({ children, ...props }: Props): ReactNode {
  const content = maybeStringifyChildren(children);
  return typeof content === 'string' ? (
    <StringContent {...props}>{content}</StringContent>
  ) : (
    <ElementContent {...props}>{content}</ElementContent>
  );
}
