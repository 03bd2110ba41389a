import { svpbmtCombine } from 'memattr';

// RISC-V: a non-zero VS-stage PBMT overrides whatever the G-stage and the PMA said.
for (const [label, gPbmt, vsPbmt] of [
  ['G-stage PMA, guest PMA', 0, 0],
  ['G-stage IO,  guest PMA', 2, 0],
  ['G-stage IO,  guest NC ', 2, 1],
  ['G-stage PMA, guest NC ', 0, 1],
] as const) {
  const r = svpbmtCombine({ pma: 'io', gPbmt, vsPbmt });
  if (!r.ok) throw new Error(r.error.message);
  console.log(`${label} -> ${r.result.effective}`);
}

// Output:
// G-stage PMA, guest PMA -> PMA (I/O)
// G-stage IO,  guest PMA -> IO
// G-stage IO,  guest NC  -> NC
// G-stage PMA, guest NC  -> NC
