/**
 * Claims about what MMIO accessors put on the bus are decided by the bus model's `access()`
 * (CONTRACT.md `access`, src/model/bus/api.ts). Until that operation exists these claims are
 * `not-yet-modelled`; this file is the only place to change when it lands.
 */
import type { Checked } from './claims';

export type BusClaim = 'writel-on-nc' | 'iowrite64-copy-on-device';

const WHAT = {
  'writel-on-nc': 'what writel() and its usual companions (writel_relaxed(), a read-back readl()) may put on the bus under Normal-NC',
  'iowrite64-copy-on-device': 'what __iowrite64_copy() puts on the bus under Device-nGnRE compared with Normal-NC',
} as const satisfies Record<BusClaim, string>;

export function busVerdict(claim: BusClaim): Checked {
  return {
    verdict: 'not-yet-modelled',
    evidence: `Decided by the bus model's access() (${WHAT[claim]}), which is not available in this build yet.`,
  };
}
