/**
 * Docusaurus's code block container (theme-classic 3.10.2) with both colour modes' Prism colours:
 * Docusaurus writes the current theme's colours inline (light, on the server), this writes both and
 * lets the page's data-theme pick (../../../components/shared/code-colours.module.css).
 */
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Container/styles.module.css';
import { ThemeClassNames } from '@docusaurus/theme-common';
import colours from '@site/src/components/shared/code-colours.module.css';
import { useCodeThemes } from '@site/src/components/shared/code-themes';
import { codeColours } from '@site/src/components/shared/code-tokens';
import clsx from 'clsx';
import type { ComponentProps, ReactNode } from 'react';

export default function CodeBlockContainer<T extends 'div' | 'pre'>({ as: As, ...props }: { as: T } & ComponentProps<T>): ReactNode {
  const themes = useCodeThemes();
  const Element = As as 'div';
  return (
    <Element
      {...(props as ComponentProps<'div'>)}
      style={codeColours(themes)}
      className={clsx(props.className, styles.codeBlockContainer, ThemeClassNames.common.codeBlock, colours.prismVariables)}
    />
  );
}
