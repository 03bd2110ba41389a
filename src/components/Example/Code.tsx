/** Prism-highlighted TypeScript tokens: the static code and the live editor draw the same spans. */
import { Highlight, type PrismTheme } from 'prism-react-renderer';
import type { ReactNode } from 'react';

export function codeTokens(code: string, theme: PrismTheme): ReactNode {
  return (
    <Highlight code={code} language="typescript" theme={theme}>
      {({ tokens, getLineProps, getTokenProps }) =>
        tokens.map((line, i) => {
          const { key: _lineKey, ...lineProps } = getLineProps({ line });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
            <div key={i} {...lineProps}>
              {line.map((token, j) => {
                const { key: _tokenKey, ...tokenProps } = getTokenProps({ token });
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their position
                return <span key={j} {...tokenProps} />;
              })}
            </div>
          );
        })
      }
    </Highlight>
  );
}
