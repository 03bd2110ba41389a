/**
 * CONTRACT.md `claims`: the seed message's claims, each with a verdict and evidence computed from
 * the model when called.
 */
import { fieldsOf } from '../input';
import type { Answer } from '../result';
import { guarded, ok } from '../result';
import type { Verdict } from './checks';
import { VERDICT_TEXT } from './checks';
import type { ClaimId, Speaker } from './claims';
import { CLAIM_SPECS } from './claims';

export type { Verdict } from './checks';
export { VERDICT_TEXT, VERDICTS } from './checks';
export type { Speaker } from './claims';
export { SPEAKERS } from './claims';

export interface Claim {
  readonly id: string;
  readonly speaker: Speaker;
  readonly claim: string;
  readonly verdict: Verdict;
  readonly evidence: string;
  /** Names of examples that show the claim (examples/<topic>/<name>.ts without the extension). */
  readonly examples: readonly string[];
  /** The site page (docs/<page>.mdx) that explains the claim (extra key). */
  readonly page: string;
  /** The verdict in words, the one wording every page uses for this claim (extra key). */
  readonly judgement: string;
}

export interface ClaimsResult {
  readonly claims: readonly Claim[];
}

/**
 * Where the site explains each claim (a page under docs/, by id) and the examples that show it
 * (examples/<topic>/<name>.ts, each embedded on the page named by its topic). The doc tests check that
 * every name here is a file embedded on that page and that every claim has an entry.
 */
export const CLAIM_PAGES = {
  'writel-on-nc-malfunctions': {
    page: 'driver-decides',
    examples: ['driver-decides/writel-on-each-type', 'driver-decides/read-back-proves-nothing'],
  },
  'iowrite64-copy-on-device-correct-but-slower': {
    page: 'driver-decides',
    examples: ['driver-decides/copy-on-device-and-nc', 'driver-decides/copy-cost'],
  },
  'guest-driver-should-choose': { page: 'the-change', examples: ['before-6-9/guest-choices-on-6-8', 'the-change/guest-mappings-on-6-9'] },
  'userspace-drivers-out-of-scope': { page: 'userspace-drivers', examples: ['userspace-drivers/dpdk-today'] },
  'userspace-wc-via-vfio-uapi': { page: 'userspace-drivers', examples: ['userspace-drivers/writecombine-proposal'] },
  'vm-gets-nc-through-its-stage1': { page: 'the-change', examples: ['intro/answer-6-8-vs-6-9', 'the-change/guest-mappings-on-6-9'] },
  'stage2-wins': { page: 'two-stages', examples: ['two-stages/stricter-wins', 'two-stages/fwb-forces-write-back', 'claims/stage2-wins'] },
  'vfio-keeps-device-when-in-doubt': { page: 'host-conservative', examples: ['host-conservative/vfio-platform-stays-device'] },
  'only-vfio-pci-allows-nc': {
    page: 'host-conservative',
    examples: ['host-conservative/flag-by-driver', 'host-conservative/vfio-platform-stays-device'],
  },
  'flag-says-wrong-type-is-safe': { page: 'host-conservative', examples: ['host-conservative/flag-by-driver'] },
  'kvm-puts-nc-in-userspace-stage1': { page: 'qemu-keeps-device', examples: ['qemu-keeps-device/three-mappings'] },
  'flag-meaning-inverted': { page: 'host-conservative', examples: ['host-conservative/flag-by-driver'] },
  'arm64-lacks-uffd-wp': { page: 'roads-not-taken', examples: ['roads-not-taken/what-changed-since'] },
  'userspace-needs-no-vma-flag': { page: 'userspace-drivers', examples: ['userspace-drivers/dpdk-today'] },
  'no-nc-mapping-in-qemu': { page: 'qemu-keeps-device', examples: ['qemu-keeps-device/emulation-needs-device'] },
  'guest-stage1-sets-the-type': { page: 'the-change', examples: ['the-change/guest-mappings-on-6-9'] },
  'device-stage1-over-nc-stage2-is-device': {
    page: 'two-stages',
    examples: ['two-stages/stricter-wins', 'roads-not-taken/stage2-is-a-ceiling'],
  },
  'hidden-stage2-alias-harmless': { page: 'qemu-keeps-device', examples: ['qemu-keeps-device/three-mappings'] },
  'nc-in-qemu-risks-speculative-reads': { page: 'qemu-keeps-device', examples: ['qemu-keeps-device/speculative-reads'] },
  'qemu-emulation-needs-device': { page: 'qemu-keeps-device', examples: ['qemu-keeps-device/emulation-needs-device'] },
} as const satisfies Record<ClaimId, { page: string; examples: readonly string[] }>;

/** Every claim of the seed message with its computed verdict. Takes no input (an empty object is fine). */
export function claims(input: Readonly<Record<string, never>> = {}): Answer<ClaimsResult> {
  return guarded(() => {
    fieldsOf(input, []);
    return ok({
      claims: CLAIM_SPECS.map((c) => {
        const { verdict, evidence, judgement } = c.check();
        const { page, examples } = CLAIM_PAGES[c.id];
        return {
          id: c.id,
          speaker: c.speaker,
          claim: c.claim,
          verdict,
          evidence,
          examples,
          page,
          judgement: judgement ?? VERDICT_TEXT[verdict],
        };
      }),
    });
  });
}
