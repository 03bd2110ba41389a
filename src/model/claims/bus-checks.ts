/**
 * Claims about what MMIO accessors put on the bus, decided by the bus model's access()
 * (CONTRACT.md `access`, src/model/bus/api.ts). Judged on Linux 6.10, the first version with the
 * arm64 write-combining-friendly __iowrite64_copy() (ead79118dae6).
 */
import type { MemoryTypeName } from '../arm64/types';
import type { AccessResult } from '../bus/api';
import { access } from '../bus/api';
import type { Checked } from './checks';

export type BusClaim = 'writel-on-nc' | 'iowrite64-copy-on-device';

const KERNEL = '6.10';

function run(accessor: 'writel' | '__iowrite64_copy', memoryType: MemoryTypeName, bytes?: number): AccessResult {
  const a = access(bytes === undefined ? { accessor, memoryType, kernel: KERNEL } : { accessor, memoryType, kernel: KERNEL, bytes });
  if (!a.ok) throw new Error(`access(${accessor}, ${memoryType}) refused: ${a.error.message}`);
  return a.result;
}

/** Each program's verdict; for a broken one, the hazards the baseline (Device) run does not have. */
function programs(r: AccessResult, baseline?: AccessResult): string {
  return r.programs
    .map((p) => {
      if (p.ok) return `${p.name} works`;
      const base = new Set(baseline?.programs.find((b) => b.name === p.name)?.hazards ?? []);
      return `${p.name} breaks (${p.hazards.filter((h) => !base.has(h)).join(', ')})`;
    })
    .join(', ');
}

export function busVerdict(claim: BusClaim): Checked {
  if (claim === 'writel-on-nc') {
    const nc = run('writel', 'Normal-NC');
    const dev = run('writel', 'Device-nGnRE');
    return {
      verdict: !nc.correct && dev.correct ? 'holds' : 'does-not-hold',
      evidence: `access() on Linux ${KERNEL}: writel on Normal-NC is ${nc.correct ? 'correct' : 'not correct'} (${programs(nc, dev)}); on Device-nGnRE it is ${dev.correct ? 'correct' : 'not correct'} (${programs(dev)}).`,
    };
  }
  const dev = run('__iowrite64_copy', 'Device-nGnRE', 64);
  const nc = run('__iowrite64_copy', 'Normal-NC', 64);
  const slower = dev.transactions.min > nc.transactions.min;
  const time =
    dev.cost && nc.cost
      ? ` (best case ${dev.cost.fewest.wireBytes} vs ${nc.cost.fewest.wireBytes} bytes on the wire in the bus model's PCIe cost)`
      : '';
  return {
    verdict: dev.correct && slower ? 'holds' : dev.correct ? 'holds-with-nuance' : 'does-not-hold',
    evidence: `access() on Linux ${KERNEL}, a 64-byte copy: on Device-nGnRE it is ${dev.correct ? 'correct' : 'not correct'} and reaches the device as ${dev.transactions.min}${dev.transactions.max === dev.transactions.min ? '' : ` to ${dev.transactions.max}`} writes; on Normal-NC as ${nc.transactions.min} to ${nc.transactions.max}${time}.`,
  };
}
