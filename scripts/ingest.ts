/**
 * `npm run ingest`: seeds/ → content/generated/ (MDX collection entries) and public/data/
 * (open data). Prints a validation report; on bad input prints every problem and exits 1
 * without touching the previous output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseCache } from './lib/cache.ts';
import { buildKnowledgeBase } from './lib/pipeline.ts';
import { writeGenerated } from './lib/emit/index.ts';
import { documentLine, warningCountLine, warningLine } from './lib/report/format.ts';
import { departmentReport } from './lib/departments/report.ts';
import { indicatorReport } from './lib/indicators/report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Defaults: the project's seeds/, written into the project. Tests point both elsewhere.
const seedsDir = path.resolve(root, process.env.KB_SEEDS_DIR ?? 'seeds');
const outDir = path.resolve(root, process.env.KB_OUT_DIR ?? '.');
// Parses of unchanged documents are reused (KB_CACHE=off rebuilds everything from scratch).
const cache = process.env.KB_CACHE === 'off' ? undefined : new ParseCache(path.resolve(root, process.env.KB_CACHE_DIR ?? 'node_modules/.cache/kb-ingest'));

try {
  const started = performance.now();
  const { kb, report } = await buildKnowledgeBase(seedsDir, { cache });
  const { files } = await writeGenerated(kb, outDir);

  const reused = cache ? `; ${cache.hits} unchanged, parsed ${cache.misses}` : '';
  console.log(`ingest: ${report.documents.length} documents from ${path.relative(root, seedsDir) || seedsDir}${reused}`);
  for (const d of report.documents) console.log(documentLine(d));
  // Warnings on stderr, marked ⚠, after the list; the build goes on (see README, "The editor's report").
  for (const d of report.documents) for (const w of d.warnings) console.warn(warningLine(d, w.message));
  const items = kb.documents.reduce((n, d) => n + d.items.length, 0);
  for (const line of departmentReport(kb.documents)) console.log(`ingest: ${line}`);
  console.log(`ingest: ${items} items, ${kb.links.length} links, ${kb.topics.length} topics; segmentation ${report.segmentMs.toFixed(0)} ms, link stage ${report.linkMs.toFixed(0)} ms`);
  console.log(`ingest: ${report.targets ?? 0} quantified targets (指标)${report.targetWarnings?.length ? `; 未读作目标（不列入指标对比）：\n    ${report.targetWarnings.join('\n    ')}` : ''}`);
  for (const line of indicatorReport(kb.targets ?? [])) console.log(`ingest: ${line}`);
  console.warn(`ingest: ${warningCountLine(report.documents, path.join(path.relative(root, outDir) || '.', 'public/data/ingest-report.json'))}`);
  console.log(`ingest: wrote ${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`ingest failed, nothing was written:\n${(error as Error).message}`);
  process.exitCode = 1;
}
