/** The site's two Prism themes (themeConfig.prism), for code drawn in both modes' colours (./code-tokens). */
import { useThemeConfig } from '@docusaurus/theme-common';
import { useMemo } from 'react';
import type { CodeThemes } from './code-tokens';

export function useCodeThemes(): CodeThemes {
  const { prism } = useThemeConfig();
  return useMemo(() => ({ light: prism.theme, dark: prism.darkTheme ?? prism.theme }), [prism]);
}
