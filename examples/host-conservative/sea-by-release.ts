import { kvmGuestSea } from 'memattr';

// A synchronous external abort on a guest access that firmware (APEI) does not claim, by host kernel.
for (const [kernel, seaToUser] of [
  ['6.18', false],
  ['6.19', false],
  ['6.19', true],
] as const) {
  const r = kvmGuestSea({ kernel, seaToUser });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${kernel}, KVM_CAP_ARM_SEA_TO_USER ${seaToUser ? 'on ' : 'off'}: ${r.result.outcome}`);
}

// Output:
// 6.18, KVM_CAP_ARM_SEA_TO_USER off: inject-serror
// 6.19, KVM_CAP_ARM_SEA_TO_USER off: inject-serror
// 6.19, KVM_CAP_ARM_SEA_TO_USER on : exit-arm-sea
