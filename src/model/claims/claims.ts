/**
 * The claims of the seed message (David Hildenbrand, 12 Feb 2024, <30493284-53f6-4172-a9e1-cb9052acced4@redhat.com>,
 * replying to Jason Gunthorpe's <20240212125654.GV10476@nvidia.com>), restated in our own words. Each
 * verdict and its evidence are computed here from the model; nothing is typed in. Where David wrote
 * a point and Jason answered "Yes", the speaker is the one who made the point.
 */

import { combine } from '../arm64/api';
import { kvmHandleGuestSea } from '../linux/kvm-abort';
import type { KernelVersion } from '../linux/versions';
import { FEATURES, hasFeature, KERNEL_VERSIONS, NEWEST_KERNEL } from '../linux/versions';
import { DMABUF_MEMATTR_PROPOSAL, VFIO_DRIVERS, vfioMmapOf } from '../linux/vfio';
import { GUEST_MAPPINGS } from '../scenario/scenario';
import { accessProperties, qemuEmulationOn, qemuMapBar, userspaceDriverMapping } from '../vmm/qemu';
import { busVerdict } from './bus-checks';
import type { Checked } from './checks';
import { barStage2, effectiveOf, list, sc, stage2TypeOf, strictness } from './checks';

export const SPEAKERS = ['Jason Gunthorpe', 'David Hildenbrand'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const CLAIM_IDS = [
  'writel-on-nc-malfunctions',
  'iowrite64-copy-on-device-correct-but-slower',
  'guest-driver-should-choose',
  'userspace-drivers-out-of-scope',
  'userspace-wc-via-vfio-uapi',
  'vm-gets-nc-through-its-stage1',
  'stage2-wins',
  'vfio-keeps-device-when-in-doubt',
  'only-vfio-pci-allows-nc',
  'flag-says-wrong-type-is-safe',
  'kvm-puts-nc-in-userspace-stage1',
  'flag-meaning-inverted',
  'arm64-lacks-uffd-wp',
  'userspace-needs-no-vma-flag',
  'no-nc-mapping-in-qemu',
  'guest-stage1-sets-the-type',
  'device-stage1-over-nc-stage2-is-device',
  'hidden-stage2-alias-harmless',
  'nc-in-qemu-risks-speculative-reads',
  'qemu-emulation-needs-device',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export interface ClaimSpec {
  readonly id: ClaimId;
  readonly speaker: Speaker;
  readonly claim: string;
  readonly check: () => Checked;
}

const JASON: Speaker = 'Jason Gunthorpe';

/** kvm_handle_guest_sea() for an abort APEI does not claim and the host does not own. */
function seaOf(kernel: KernelVersion, seaToUser: boolean) {
  return kvmHandleGuestSea({ kernel, apeiClaims: false, hostOwns: false, seaToUser });
}
const DAVID: Speaker = 'David Hildenbrand';

export const CLAIM_SPECS: readonly ClaimSpec[] = [
  {
    id: 'writel-on-nc-malfunctions',
    speaker: JASON,
    claim:
      'On a Normal-NC (write-combining) mapping, a driver written for writel() no longer works correctly; this is a real malfunction, not a vague side effect.',
    check: () => busVerdict('writel-on-nc'),
  },
  {
    id: 'iowrite64-copy-on-device-correct-but-slower',
    speaker: JASON,
    claim: '__iowrite64_copy() on a Device mapping still works correctly; it only loses the write-combining speed-up.',
    check: () => busVerdict('iowrite64-copy-on-device'),
  },
  {
    // David's point (1), quoted with ">>" in the seed message, which Jason answered "Yes" (the kvm@vger
    // copy keeps the markers; notes/arch-factcheck.md C6). Jason's reason, that the mapping must follow
    // the kernel APIs the driver in the VM uses, is his own passage above it.
    id: 'guest-driver-should-choose',
    speaker: DAVID,
    claim:
      'Inside a VM the device driver should make the decision between the mappings, since the right type depends on the accessors it uses; the series lets it.',
    check: () => {
      const before = GUEST_MAPPINGS.map((m) => effectiveOf(sc('6.8', 'vfio-pci', m)));
      const after = GUEST_MAPPINGS.map((m) => ({
        m,
        t: effectiveOf(sc('6.9', 'vfio-pci', m)),
        s1: sc('6.9', 'vfio-pci', m).guestStage1.memoryType,
      }));
      const distinctBefore = new Set(before).size;
      const choices = after.filter((a) => a.m === 'ioremap' || a.m === 'ioremap_wc');
      const guestDecides = choices.every((a) => a.t === a.s1) && new Set(choices.map((a) => a.t)).size === 2;
      return {
        verdict: guestDecides && distinctBefore < new Set(after.map((a) => a.t)).size ? 'holds' : 'does-not-hold',
        evidence: `vfio-pci, guest mappings ${GUEST_MAPPINGS.join('/')}: on 6.8 the guest gets ${before.join('/')} (${distinctBefore} distinct type${distinctBefore === 1 ? '' : 's'}: stage 2 decides); on 6.9 it gets ${after.map((a) => a.t).join('/')}, so ioremap() gives ${after[0]?.t} and ioremap_wc() gives ${after[1]?.t}: the guest driver's stage 1 chooses.`,
      };
    },
  },
  {
    id: 'userspace-drivers-out-of-scope',
    speaker: DAVID,
    claim: 'The series only improves how a VM maps the BAR; userspace drivers such as DPDK are left as they are.',
    check: () => {
      const host = KERNEL_VERSIONS.map((k) => userspaceDriverMapping(k, 'vfio-pci-mmap').memoryType);
      const same = new Set(host).size === 1;
      const s68 = barStage2('6.8', false).prot;
      const s69 = barStage2('6.9', true).prot;
      return {
        verdict: same && s68 !== s69 ? 'holds' : 'does-not-hold',
        evidence: `A process mapping a vfio-pci BAR gets ${host[0]} in every version from ${KERNEL_VERSIONS[0]} to ${KERNEL_VERSIONS[KERNEL_VERSIONS.length - 1]}${same ? '' : ' (not always)'}; what changed in 6.9 is KVM's stage 2 for the same VMA (${s68} on 6.8, ${s69} on 6.9), which only a VM's accesses go through.`,
      };
    },
  },
  {
    id: 'userspace-wc-via-vfio-uapi',
    speaker: JASON,
    claim: 'Write-combining for userspace drivers will come from a VFIO ioctl; the approach is known, it just has not been written.',
    check: () => {
      const wc = userspaceDriverMapping(NEWEST_KERNEL, 'dmabuf-proposal-wc');
      const today = userspaceDriverMapping(NEWEST_KERNEL, 'vfio-pci-mmap');
      const p = DMABUF_MEMATTR_PROPOSAL;
      const h = p.featureHistory;
      return {
        verdict: p.status === 'unmerged' && wc.writeCombining && !today.writeCombining ? 'holds-with-nuance' : 'holds',
        evidence: `Such a uAPI was later proposed: "${p.title}" added ${p.feature} in ${h.introducedIn.version} (${h.introducedIn.date}), whose WC attribute maps with ${p.attributes.WC.pgprot} -> ${wc.memoryType}; it was last seen in ${h.lastSeenIn.version} (${h.lastSeenIn.date}), and the latest posting (${p.latestPosting.date}) appears to have dropped it. Nothing is merged through ${p.unmergedThrough}, so a userspace driver still gets ${today.memoryType} from vfio-pci.`,
      };
    },
  },
  {
    id: 'vm-gets-nc-through-its-stage1',
    speaker: DAVID,
    claim: 'The goal is that a VM gets a write-combining (Normal-NC) mapping by asking for Normal-NC in its own stage-1 table.',
    check: () => {
      const r68 = sc('6.8', 'vfio-pci', 'ioremap_wc');
      const r69 = sc('6.9', 'vfio-pci', 'ioremap_wc');
      const ok = effectiveOf(r69) === 'Normal-NC' && effectiveOf(r68) !== 'Normal-NC';
      return {
        verdict: ok ? 'holds' : 'does-not-hold',
        evidence: `Guest ioremap_wc() (stage 1 MAIR 0x${r69.guestStage1.mair.toString(16)}) on a vfio-pci BAR: 6.8 gives ${effectiveOf(r68)} (stage 2 ${r68.stage2?.prot}), 6.9 gives ${effectiveOf(r69)} (stage 2 ${r69.stage2?.prot}).`,
      };
    },
  },
  {
    id: 'stage2-wins',
    speaker: DAVID,
    claim: 'Whatever memory type stage 2 sets is the one that wins.',
    check: () => {
      const cases: string[] = [];
      let s2Decided = 0;
      let s1Decided = 0;
      let weaker = 0;
      for (const kernel of ['6.8', '6.9'] as const) {
        for (const fwb of [false, true]) {
          for (const m of GUEST_MAPPINGS) {
            const r = sc(kernel, 'vfio-pci', m, fwb);
            const s2 = stage2TypeOf(r.stage2);
            const eff = effectiveOf(r);
            if (eff === s2) s2Decided++;
            else {
              s1Decided++;
              cases.push(`${kernel}${fwb ? ' FWB' : ''} ${m}: stage 2 ${s2}, result ${eff}`);
            }
            if (strictness(eff) < strictness(s2)) weaker++;
          }
        }
      }
      const verdict = s1Decided === 0 ? 'holds' : weaker === 0 ? 'holds-with-nuance' : 'does-not-hold';
      return {
        verdict,
        evidence: `Over vfio-pci on 6.8 and 6.9, FWB off and on, and the four guest mappings, the result equals stage 2's type in ${s2Decided} cases and differs in ${s1Decided} (${list(cases.slice(0, 4))}${cases.length > 4 ? '; …' : ''}); it is never weaker than stage 2 in ${weaker === 0 ? 'any' : `all but ${weaker}`} case. Stage 2 is a ceiling: the stricter stage wins, so under a Normal-NC stage 2 the guest's Device stage 1 decides.`,
      };
    },
  },
  {
    id: 'vfio-keeps-device-when-in-doubt',
    speaker: DAVID,
    claim: 'VFIO knows when Normal-NC could harm the host and must then forbid it, leaving KVM at Device-nGnRE.',
    check: () => {
      const platform = GUEST_MAPPINGS.map((m) => sc('6.9', 'vfio-platform', m));
      const platformWc = sc('6.9', 'vfio-platform', 'ioremap_wc');
      const allDevice = platform.every((r) => r.stage2?.prot === 'DEVICE' && r.stage2.memAttr === 0x1);
      const pci = sc('6.9', 'vfio-pci', 'ioremap_wc').stage2?.prot;
      return {
        verdict: allDevice && pci === 'NORMAL_NC' ? 'holds' : 'does-not-hold',
        evidence: `On 6.9, vfio-platform (no VM_ALLOW_ANY_UNCACHED) gets stage 2 ${platform[0]?.stage2?.prot} MemAttr 0x${platform[0]?.stage2?.memAttr?.toString(16)} for every guest mapping, so a guest ioremap_wc() ends up ${effectiveOf(platformWc)}; vfio-pci, which sets the flag, gets ${pci}.`,
      };
    },
  },
  {
    id: 'only-vfio-pci-allows-nc',
    speaker: JASON,
    claim:
      'Since nobody can tell which Arm platforms fail fatally on misused Normal-NC, Normal-NC was allowed conservatively, only for vfio-pci.',
    check: () => {
      const seaSince = FEATURES['kvm-sea-to-user'].since;
      const before = KERNEL_VERSIONS[KERNEL_VERSIONS.indexOf(seaSince) - 1] ?? seaSince;
      const seaBefore = { kernel: before, ...seaOf(before, false) };
      const seaAfter = seaOf(NEWEST_KERNEL, true);
      const setters = VFIO_DRIVERS.filter((d) => vfioMmapOf('6.9', d)?.allowAnyUncached);
      const others = VFIO_DRIVERS.filter((d) => !setters.includes(d));
      const onlyPci = setters.length === 1 && setters[0] === 'vfio-pci';
      const pciFamily = setters.every((d) => d === 'vfio-pci' || d.startsWith('nvgrace-gpu'));
      return {
        verdict: onlyPci ? 'holds' : pciFamily ? 'holds-with-nuance' : 'does-not-hold',
        evidence: `In 6.9, VM_ALLOW_ANY_UNCACHED is set by ${setters.join(', ')} and not by ${others.join(', ')}.${onlyPci ? '' : ' Besides vfio-pci itself, the nvgrace-gpu vfio-pci variant driver (merged in the same release) sets it for its carved-out GPU memory region; the non-PCI vfio-platform never does.'} Later kernels changed only the synchronous side of error handling: a synchronous external abort on a guest access that APEI does not claim is ${seaBefore.outcome} (a virtual SError for the guest) in ${seaBefore.kernel} and ${seaAfter.outcome} (an exit to the VMM) from ${seaSince} when the VMM enables KVM_CAP_ARM_SEA_TO_USER; asynchronous SErrors, the uncontained case the flag guards against, are unchanged.`,
      };
    },
  },
  {
    id: 'flag-says-wrong-type-is-safe',
    speaker: DAVID,
    claim:
      'The new VMA flag tells KVM that a wrong (uncached) memory type cannot bring down the host, and KVM relies on it to allow Normal-NC.',
    check: () => {
      const without = barStage2('6.9', false);
      const withFlag = barStage2('6.9', true);
      const ok = without.prot === 'DEVICE' && withFlag.prot === 'NORMAL_NC';
      return {
        verdict: ok ? 'holds' : 'does-not-hold',
        evidence: `For the same non-memory PFNMAP VMA on 6.9, KVM writes ${without.prot} (MemAttr 0x${without.memAttr?.toString(16)}) without VM_ALLOW_ANY_UNCACHED and ${withFlag.prot} (MemAttr 0x${withFlag.memAttr?.toString(16)}) with it: for such a VMA the flag alone turns Device into Normal-NC.`,
      };
    },
  },
  {
    id: 'kvm-puts-nc-in-userspace-stage1',
    speaker: DAVID,
    claim: 'KVM then uses Normal-NC in the stage-1 (user page table) mapping that VFIO set up.',
    check: () => {
      const r = sc('6.9', 'vfio-pci', 'ioremap_wc');
      const userNc = r.hostUserspace.memoryType === 'Normal-NC';
      return {
        verdict: userNc ? 'holds' : 'does-not-hold',
        evidence: `On 6.9 with vfio-pci, the userspace (QEMU) stage-1 mapping VFIO sets up stays ${r.hostUserspace.memType} (${r.hostUserspace.memoryType}); the Normal-NC is in KVM's stage 2 (${r.stage2?.memAttrName} = 0x${r.stage2?.memAttr?.toString(16)}). The change is at stage 2, not stage 1.`,
      };
    },
  },
  {
    id: 'flag-meaning-inverted',
    speaker: JASON,
    claim: 'The flag means the inverse: VMAs that carry it are the ones assumed able to bring down the host.',
    check: () => {
      const withFlag = barStage2('6.9', true);
      const without = barStage2('6.9', false);
      const literal = withFlag.prot === 'DEVICE' && without.prot !== 'DEVICE';
      if (literal) return { verdict: 'holds', evidence: `KVM keeps ${withFlag.prot} for VMAs with VM_ALLOW_ANY_UNCACHED.` };
      return {
        verdict: 'does-not-hold',
        judgement: 'does not hold as worded: a slip (the flag marks the VMAs that are safe)',
        evidence: `As written, the converse inverts the flag: by its definition in include/linux/mm.h the VMAs assumed able to bring the host down are those without VM_ALLOW_ANY_UNCACHED, and KVM keeps ${without.prot} for them while it relaxes to ${withFlag.prot} only for VMAs with the flag. Jason's "but yes" agrees with David's reading, so this is a slip of wording, not a disagreement.`,
      };
    },
  },
  {
    id: 'arm64-lacks-uffd-wp',
    speaker: DAVID,
    claim: 'A spare PTE bit (as used for uffd-wp) cannot replace the VMA flag easily, because arm64 does not support uffd-wp.',
    check: () => {
      const then = hasFeature('6.8', 'arm64-uffd-wp');
      const later = hasFeature('6.10', 'arm64-uffd-wp');
      const f = FEATURES['arm64-uffd-wp'];
      return {
        verdict: !then && later ? 'holds-with-nuance' : !then ? 'holds' : 'does-not-hold',
        evidence: `True for the kernels of February 2024 (6.8 has no arm64 uffd-wp); arm64 gained it in ${f.since} (${f.source}), after the thread.`,
      };
    },
  },
  {
    id: 'userspace-needs-no-vma-flag',
    speaker: JASON,
    claim: 'A userspace driver does not need the VMA flag: it only needs VFIO to give it a mapping made with pgprot_writecombine().',
    check: () => {
      const wc = userspaceDriverMapping(NEWEST_KERNEL, 'dmabuf-proposal-wc');
      return {
        verdict: wc.writeCombining && !wc.needsVmaFlagForItself ? 'holds' : 'does-not-hold',
        evidence: `A process's own accesses go through its stage-1 mapping only, with no KVM stage 2: ${wc.explanation} (The proposal still sets VM_ALLOW_ANY_UNCACHED, for when such a VMA backs a memslot.)`,
      };
    },
  },
  {
    id: 'no-nc-mapping-in-qemu',
    speaker: JASON,
    claim:
      'QEMU must not map the BAR Normal-NC: its mapping has to stay Device, and conflicting mappings that lean towards NC are not acceptable.',
    check: () => {
      const pci = KERNEL_VERSIONS.map((k) => qemuMapBar(k, 'vfio-pci', false, true));
      const pciDevice = pci.every((m) => m?.staysDevice);
      const nonDevice = VFIO_DRIVERS.filter((d) => qemuMapBar('6.9', d, false, true)?.staysDevice === false).map(
        (d) => `${d} (${qemuMapBar('6.9', d, false, true)?.hostUserspace.memoryType})`,
      );
      const nc = qemuEmulationOn('Normal-NC');
      return {
        verdict: pciDevice && !nc.works ? (nonDevice.length > 0 ? 'holds-with-nuance' : 'holds') : 'does-not-hold',
        evidence: `QEMU's vfio-pci mapping is ${pci[0]?.hostUserspace.memoryType} in every covered version. ${nc.explanation} Not every VFIO region is Device in QEMU, though: on 6.9 ${nonDevice.join(' and ')} are mapped as the driver chooses for GPU memory rather than registers.`,
      };
    },
  },
  {
    id: 'guest-stage1-sets-the-type',
    speaker: JASON,
    claim:
      'The stage-2 mapping KVM creates is not the type the guest ends up with: once the guest kernel runs, its stage-1 table sets the right type.',
    check: () => {
      const rows = GUEST_MAPPINGS.map((m) => {
        const r = sc('6.9', 'vfio-pci', m);
        return { m, s1: r.guestStage1.memoryType, eff: effectiveOf(r) };
      });
      const follows = rows.filter((r) => r.s1 === r.eff);
      const differs = rows.filter((r) => r.s1 !== r.eff);
      return {
        verdict: differs.length === 0 ? 'holds' : follows.length > 0 ? 'holds-with-nuance' : 'does-not-hold',
        evidence: `On 6.9 with vfio-pci (stage 2 Normal-NC), the result follows the guest's stage 1 for ${follows.map((r) => `${r.m} (${r.eff})`).join(', ')}${differs.length ? `, but not for ${differs.map((r) => `${r.m}: stage 1 ${r.s1}, result ${r.eff}`).join(', ')} — Normal-NC at stage 2 caps cacheable guest mappings at Normal-NC` : ''}.`,
      };
    },
  },
  {
    id: 'device-stage1-over-nc-stage2-is-device',
    speaker: JASON,
    claim: 'If QEMU maps Device, stage 2 is Normal-NC and the guest maps Device, the access is reliably Device.',
    check: () => {
      const rows = (['ioremap', 'ioremap_np'] as const).flatMap((m) =>
        [false, true].map((fwb) => {
          const r = sc('6.9', 'vfio-pci', m, fwb);
          return {
            m,
            fwb,
            host: r.hostUserspace.memoryType,
            s2: r.stage2?.prot,
            s1: r.guestStage1.memoryType,
            eff: effectiveOf(r),
            rule: r.effective?.rule,
          };
        }),
      );
      const ok = rows.every((r) => r.host.startsWith('Device') && r.s2 === 'NORMAL_NC' && r.eff === r.s1);
      return {
        verdict: ok ? 'holds' : 'does-not-hold',
        evidence: rows
          .map((r) => `${r.m}${r.fwb ? ' FWB' : ''}: QEMU ${r.host}, stage 2 ${r.s2}, guest ${r.s1} -> ${r.eff} (${r.rule})`)
          .join('; '),
      };
    },
  },
  {
    id: 'hidden-stage2-alias-harmless',
    speaker: JASON,
    claim:
      "KVM's stage-2 Normal-NC never decides an access on its own: once the guest runs, its stage 1 always supplies a type, so the hidden stage-2 value causes no problem.",
    check: () => {
      // Every guest choice, plus the guest's MMU off (data accesses are then Device-nGnRnE, MAIR 0x00;
      // Arm ARM "The effects of disabling a stage of address translation"), under 6.9's stage 2.
      const rows = [false, true].flatMap((fwb) => {
        const mapped = GUEST_MAPPINGS.map((m) => {
          const r = sc('6.9', 'vfio-pci', m, fwb);
          return { what: `${m}${fwb ? ' FWB' : ''}`, s1: r.guestStage1.memoryType, eff: effectiveOf(r) };
        });
        const s2 = sc('6.9', 'vfio-pci', 'ioremap', fwb).stage2?.memAttr ?? 0x5;
        const off = combine({ s1Mair: 0x00, s2MemAttr: s2, fwb });
        if (!off.ok || off.result.summary === null) throw new Error('stage-1-off combination failed');
        return [...mapped, { what: `stage 1 off${fwb ? ' FWB' : ''}`, s1: 'Device-nGnRnE' as const, eff: off.result.summary }];
      });
      const weakened = rows.filter((r) => strictness(r.eff) < strictness(r.s1));
      return {
        verdict: weakened.length === 0 ? 'holds' : 'does-not-hold',
        evidence: `Under 6.9's stage-2 Normal-NC the effective type is never weaker than the guest's stage-1 type: ${rows.map((r) => `${r.what}: ${r.s1} -> ${r.eff}`).join('; ')}. (Whether QEMU's separate Device alias of the same BAR may coexist with the guest's Normal-NC view is a question of mismatched attributes, Arm ARM B2.8, which the model does not decide.)`,
      };
    },
  },
  {
    id: 'nc-in-qemu-risks-speculative-reads',
    speaker: DAVID,
    claim: 'Mapping the BAR Normal-NC in QEMU could already be a problem because of speculative reads, even if QEMU never accesses it.',
    check: () => {
      const nc = accessProperties('Normal-NC');
      const dev = accessProperties('Device-nGnRnE');
      return {
        verdict: nc.speculativeReads && !dev.speculativeReads ? 'holds' : 'does-not-hold',
        evidence: `${nc.explanation} ${dev.explanation} A speculative read of a register with read side effects is a device access nobody asked for.`,
      };
    },
  },
  {
    id: 'qemu-emulation-needs-device',
    speaker: JASON,
    claim: 'QEMU sometimes emulates MMIO, and that emulation only works through a Device mapping.',
    check: () => {
      const dev = qemuEmulationOn('Device-nGnRnE');
      const nc = qemuEmulationOn('Normal-NC');
      return {
        verdict: dev.works && !nc.works ? 'holds' : 'does-not-hold',
        evidence: `QEMU's emulation issues exact-size loads and stores (ram_device_mem_ops) or pread/pwrite on the VFIO fd. ${dev.explanation} ${nc.explanation}`,
      };
    },
  },
];
