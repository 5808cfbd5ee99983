/**
 * `npm run check:cycles`: fails when the modules under scripts/lib import each other in a
 * cycle (type-only imports included), or when a relative import names no file. The unit
 * suite runs the same check (scripts/lib/testing/import-cycles.test.ts).
 */
import { importCycles } from './lib/testing/import-cycles.ts';

const root = process.argv[2] ?? 'scripts/lib';
const { cycles, unresolved, modules } = importCycles(root);
for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' → ')}`);
for (const u of unresolved) console.error(`import of a missing file: ${u}`);
if (cycles.length > 0 || unresolved.length > 0) {
  console.error(`${cycles.length} import cycle(s), ${unresolved.length} missing import(s) among ${modules} modules reached from ${root}; move what both modules need into a module both can import.`);
  process.exit(1);
}
console.log(`no import cycles among ${modules} modules reached from ${root}`);
