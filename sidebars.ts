import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

// Reading order follows the thread's reasoning (DESIGN.md "Pages").
const sidebars: SidebarsConfig = {
  docs: ['intro', { type: 'category', label: 'Reference', items: ['reference/cli', 'reference/components'] }],
};

export default sidebars;
