/**
 * Writes data.json, the snapshot of the model's releases() that the release pages render:
 * `npx tsx src/components/Releases/generate.mts`. The pages take the snapshot rather than importing
 * the model so that no more pages pull the model into the bundle every docs page loads;
 * test/unit/components/releases-data.test.ts fails whenever the snapshot differs from releases().
 */
import { writeFileSync } from 'node:fs';
import { releases } from '../../model/index';

const answer = releases();
if (!answer.ok) throw new Error(`releases() failed: ${answer.error.message}`);
const file = new URL('./data.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(answer.result, null, 2)}\n`);
console.log(`wrote ${file.pathname}: ${answer.result.releases.length} releases, ${answer.result.range}`);
