import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import styles from './index.module.css';

export default function Home(): ReactNode {
  return (
    <Layout
      title="Who decides the memory type of a PCI BAR in an arm64 VM?"
      description="An executable model of arm64 KVM, VFIO and MMIO memory types."
    >
      <main className={styles.main}>
        <h1>Who decides the memory type of a PCI BAR in an arm64 VM?</h1>
        <p className={styles.lead}>
          Since Linux 6.9, the guest driver does. For a vfio-pci BAR, KVM maps Normal-NC at stage 2, which is only a ceiling: the guest's
          own stage-1 choice (Device for <code>ioremap()</code>, Normal-NC for <code>ioremap_wc()</code>) is what the CPU uses. Before 6.9,
          stage 2 was Device-nGnRE and every guest got Device-nGnRE whatever it asked for.
        </p>
        <p>
          <Link className="button button--primary button--lg" to="/docs/intro">
            Read the reasoning
          </Link>
        </p>
      </main>
    </Layout>
  );
}
