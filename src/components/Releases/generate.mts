/**
 * Writes data.json, the snapshot of the model's releases() that the release pages render, and
 * proposals.json, the proposals of timeline() that were not merged:
 * `npx tsx src/components/Releases/generate.mts`. The pages take the snapshots rather than importing
 * the model so that they do not carry the change table's details and the code that reads them;
 * test/unit/components/releases-data.test.ts fails whenever a snapshot differs from the model.
 */
import { writeFileSync } from 'node:fs';
import { releases, timeline } from '../../model/index';

const answer = releases();
if (!answer.ok) throw new Error(`releases() failed: ${answer.error.message}`);
const file = new URL('./data.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(answer.result, null, 2)}\n`);
console.log(`wrote ${file.pathname}: ${answer.result.releases.length} releases, ${answer.result.range}`);

const history = timeline();
if (!history.ok) throw new Error(`timeline() failed: ${history.error.message}`);
const proposals = new URL('./proposals.json', import.meta.url);
const open = history.result.entries.filter((e) => e.status !== 'merged');
writeFileSync(proposals, `${JSON.stringify(open, null, 2)}\n`);
console.log(`wrote ${proposals.pathname}: ${open.length} proposals`);
