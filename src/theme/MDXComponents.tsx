/**
 * Markdown tables in MDX pages scroll in a ScrollBox, like the components' own wide tables, so a
 * table wider than a phone shows that it scrolls (Docusaurus scrolls it silently). `Static` is the
 * island src/remark/static-islands.ts wraps a page's prose in.
 */

import Static from '@site/src/components/Static';
import ScrollBox from '@site/src/components/shared/ScrollBox';
import MDXComponents from '@theme-original/MDXComponents';
import clsx from 'clsx';
import type { ComponentProps, ReactNode } from 'react';
import styles from './MDXComponents.module.css';

function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    <div className={styles.wrap}>
      <ScrollBox>
        <table {...props} className={clsx(props.className, styles.table)} />
      </ScrollBox>
    </div>
  );
}

export default { ...MDXComponents, table: Table, Static };
