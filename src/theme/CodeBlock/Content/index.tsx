/**
 * Docusaurus's code block content (theme-classic 3.10.2, CodeBlock/Content), highlighted in both colour
 * modes' Prism colours by ../../../components/shared/code-tokens instead of <Highlight>, which writes
 * the current theme's inline. On a page's first load the lines are kept as the server drew them: no
 * Prism, no tokenizing while the page loads (Prism is loaded on demand: shared/prism). Rendered in the
 * browser (after a client-side navigation), the lines are plain text until Prism has loaded.
 */
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import colours from '@site/src/components/shared/code-colours.module.css';
import { useCodeThemes } from '@site/src/components/shared/code-themes';
import { tokenLines, tokenPainter } from '@site/src/components/shared/code-tokens';
import { useKeepsServerHtml } from '@site/src/components/shared/first-load';
import { usePrism } from '@site/src/components/shared/prism';
import type { Props } from '@theme/CodeBlock/Content';
import Line, { type Props as LineProps } from '@theme/CodeBlock/Line';
import clsx from 'clsx';
import { type ReactNode, useMemo } from 'react';

function Lines(): ReactNode {
  const { metadata } = useCodeBlockContext();
  const { code, language, lineNumbersStart, lineClassNames } = metadata;
  const themes = useCodeThemes();
  const prism = usePrism();
  const lines = useMemo(() => tokenLines(prism, code, language), [prism, code, language]);
  const paint = useMemo(() => tokenPainter(themes, language), [themes, language]);
  // As <Highlight>'s, less the inline colours: a line's text colour is the container's.
  const getLineProps: LineProps['getLineProps'] = ({ className, line: _line, style, ...rest }) => ({
    ...rest,
    className: clsx('token-line', className),
    ...(style ? { style } : {}),
  });
  const getTokenProps: LineProps['getTokenProps'] = ({ token, className, style, ...rest }) => {
    const painted = paint(token);
    return { ...rest, className: clsx(painted.className, className), style: { ...painted.style, ...style }, children: token.content };
  };
  return lines.map((line, i) => (
    <Line
      // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
      key={i}
      line={line}
      getLineProps={getLineProps}
      getTokenProps={getTokenProps}
      classNames={lineClassNames[i]}
      showLineNumbers={lineNumbersStart !== undefined}
    />
  ));
}

export default function CodeBlockContent({ className }: Props): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const keepServerHtml = useKeepsServerHtml();
  const code = {
    className: clsx(styles.codeBlockLines, colours.tokens, metadata.lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering),
    style: metadata.lineNumbersStart === undefined ? undefined : { counterReset: `line-count ${metadata.lineNumbersStart - 1}` },
  };
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a horizontally scrolling region must be reachable by keyboard (as in Docusaurus)
      tabIndex={0}
      className={clsx(className, `prism-code language-${metadata.language}`, styles.codeBlock, 'thin-scrollbar')}
    >
      {keepServerHtml ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: empty: React keeps the server's HTML in place
        <code {...code} dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
      ) : (
        <code {...code}>
          <Lines />
        </code>
      )}
    </pre>
  );
}
