import Link from '@docusaurus/Link';
import ScenarioFlow from '@site/src/components/ScenarioFlow';
import { scenario } from '@site/src/model/index';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import styles from './index.module.css';

/** The effective type of a vfio-pci BAR for a guest mapping call, from the model (build time). */
function effective(kernel: string, guestMapping: 'ioremap' | 'ioremap_wc'): string {
  const r = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping });
  if (!r.ok || r.result.effectiveType === null) throw new Error(`landing page: scenario ${kernel} ${guestMapping} failed`);
  return r.result.effectiveType;
}

const PAGES = [
  ['/docs/intro', 'The question and the cast'],
  ['/docs/memory-types', 'arm64 memory types'],
  ['/docs/two-stages', 'Two stages, one result'],
  ['/docs/before-6-9', 'Before 6.9'],
  ['/docs/the-change', 'The change in 6.9'],
  ['/docs/driver-decides', 'Why the driver must decide'],
  ['/docs/host-conservative', 'Why the host stays conservative'],
  ['/docs/qemu-keeps-device', 'Why QEMU keeps Device'],
  ['/docs/userspace-drivers', 'DPDK and userspace drivers'],
  ['/docs/roads-not-taken', 'Roads not taken'],
  ['/docs/claims', 'The claims table'],
  ['/docs/beyond', 'After the thread, and other architectures'],
] as const;

export default function Home(): ReactNode {
  return (
    <Layout
      title="Who decides the memory type of a PCI BAR in an arm64 VM?"
      description="An executable model of arm64 KVM, VFIO and MMIO memory types."
    >
      <main className={styles.main}>
        <h1>Who decides the memory type of a PCI BAR in an arm64 VM?</h1>
        <p className={styles.lead}>
          Since Linux 6.9, the guest driver does, for BARs owned by vfio-pci. KVM maps them Normal-NC at stage 2, which is only a ceiling,
          so the guest's own choice is what the CPU uses: <code>ioremap()</code> gives {effective('6.9', 'ioremap')} and{' '}
          <code>ioremap_wc()</code> gives {effective('6.9', 'ioremap_wc')}. On 6.8 the same <code>ioremap_wc()</code> gave{' '}
          {effective('6.8', 'ioremap_wc')}.
        </p>
        <div className={styles.flows}>
          {(['6.8', '6.9'] as const).map((kernel) => (
            <figure key={kernel} className={styles.flow}>
              <figcaption>
                Linux {kernel}: a guest's <code>ioremap_wc()</code> of a vfio-pci BAR
              </figcaption>
              <ScenarioFlow kernel={kernel} vfioDriver="vfio-pci" guestMapping="ioremap_wc" direction="column" />
            </figure>
          ))}
        </div>
        <p className={styles.note}>Both pictures, and every table on this site, are computed by the model that the test suite checks.</p>
        <p>
          <Link className="button button--primary button--lg" to="/docs/intro">
            Read the reasoning
          </Link>
        </p>
        <nav aria-label="Pages in reading order">
          <ol className={styles.pages}>
            {PAGES.map(([to, label]) => (
              <li key={to}>
                <Link to={to}>{label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      </main>
    </Layout>
  );
}
