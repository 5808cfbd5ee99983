/**
 * For heap-limit.test.ts: relaunches itself under the ingest's heap limit as scripts/ingest.ts
 * does, prints the limit it runs under and whether it is the relaunched process, then holds
 * `KB_TEST_HOLD_MB` of live arrays.
 */
import { getHeapStatistics } from 'node:v8';
import { relaunchUnderHeapLimit } from '../heap-limit.ts';

const relaunched = await relaunchUnderHeapLimit();
if (relaunched !== null) process.exit(relaunched);

console.log(`limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MB, relaunched ${process.env.KB_HEAP_RELAUNCHED === '1'}`);
const held: number[][] = [];
// Ordinary arrays of numbers live in the old space the limit bounds (typed arrays would not).
for (let mb = 0; mb < Number(process.env.KB_TEST_HOLD_MB ?? 0); mb++) held.push(new Array<number>(2 ** 17).fill(mb + 0.5));
console.log(`held ${held.length} MB`);
