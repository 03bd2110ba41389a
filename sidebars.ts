import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

// Reading order follows the thread's reasoning (DESIGN.md "Pages").
const sidebars: SidebarsConfig = {
  docs: [
    'intro',
    {
      type: 'category',
      label: 'The architecture',
      collapsible: false,
      items: ['memory-types', 'two-stages'],
    },
    {
      type: 'category',
      label: 'The kernel',
      collapsible: false,
      items: ['before-6-9', 'the-change', 'live-system'],
    },
    {
      type: 'category',
      label: 'The arguments',
      collapsible: false,
      items: ['driver-decides', 'host-conservative', 'qemu-keeps-device', 'userspace-drivers', 'roads-not-taken'],
    },
    'claims',
    'beyond',
    'releases',
    'glossary',
    { type: 'category', label: 'Reference', items: ['reference/cli', 'reference/components', 'reference/new-release'] },
  ],
};

export default sidebars;
