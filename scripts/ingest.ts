/**
 * `npm run ingest`: seeds/ → content/generated/ (MDX collection entries) and public/data/
 * (open data). Prints a validation report; on bad input prints every problem and exits 1
 * without touching the previous output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseCache } from './lib/cache.ts';
import { relaunchUnderHeapLimit } from './lib/heap-limit.ts';
import { buildKnowledgeBase } from './lib/pipeline.ts';
import { writeGenerated } from './lib/publish/emit/index.ts';
import { documentLine, warningCountLine, warningLines } from './lib/publish/report/format.ts';
import { departmentReport } from './lib/relate/departments/report.ts';
import { indicatorReport } from './lib/relate/indicators/report.ts';

// Under a heap limit scaled to the machine, V8 collects before the garbage outgrows what is live (lib/heap-limit.ts).
const relaunched = await relaunchUnderHeapLimit();
if (relaunched !== null) process.exit(relaunched);

const root = fileURLToPath(new URL('..', import.meta.url));
// Defaults: the project's seeds/, written into the project. Tests point both elsewhere.
const seedsDir = path.resolve(root, process.env.KB_SEEDS_DIR ?? 'seeds');
const outDir = path.resolve(root, process.env.KB_OUT_DIR ?? '.');
// Parses of unchanged documents are reused (KB_CACHE=off rebuilds everything from scratch).
const cache = process.env.KB_CACHE === 'off' ? undefined : new ParseCache(path.resolve(root, process.env.KB_CACHE_DIR ?? 'node_modules/.cache/kb-ingest'));

// KB_MEMORY_LOG=1: the heap and RSS after each phase, on stderr (where memory goes: docs/scale.md).
// With NODE_OPTIONS=--expose-gc the heap is collected first, so the figure is what is still held.
// Each line also gives the seconds since the process started, so a phase's time is the difference.
const onPhase = process.env.KB_MEMORY_LOG
  ? (phase: string) => {
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      const seconds = (performance.now() / 1000).toFixed(1);
      console.warn(`内存：${phase}之后，堆 ${Math.round(heapUsed / 2 ** 20)} MB，RSS ${Math.round(rss / 2 ** 20)} MB，${seconds} 秒`);
    }
  : undefined;

try {
  const started = performance.now();
  const { kb, report } = await buildKnowledgeBase(seedsDir, { cache, onPhase });
  const { files } = await writeGenerated(kb, outDir, { onPhase });

  const reused = cache ? `，其中 ${cache.hits} 份未变，重新读取 ${cache.misses} 份` : '';
  console.log(`收录：${path.relative(root, seedsDir) || seedsDir} 中共 ${report.documents.length} 份文档${reused}`);
  for (const d of report.documents) console.log(documentLine(d));
  // Warnings on stderr, marked ⚠ (ⓘ: nothing to do), after the list, repeated ones grouped; the build goes on (see README, "The editor's report").
  for (const d of report.documents) for (const line of warningLines(d)) console.warn(line);
  const items = kb.documents.reduce((n, d) => n + d.items.length, 0);
  for (const line of departmentReport(kb.documents)) console.log(`收录：${line}`);
  console.log(`收录：${items} 条条目，${kb.links.length} 条关联，${kb.topics.length} 个主题；分词 ${report.segmentMs.toFixed(0)} 毫秒，关联 ${report.linkMs.toFixed(0)} 毫秒`);
  console.log(`收录：${report.targets ?? 0} 个量化指标${report.targetWarnings?.length ? `；以下数字未读作指标（不列入指标对比），如确为指标，请核对原文写法：\n    ${report.targetWarnings.join('\n    ')}` : ''}`);
  for (const line of indicatorReport(kb.targets ?? [])) console.log(`收录：${line}`);
  console.warn(`收录：${warningCountLine(report.documents, path.join(path.relative(root, outDir) || '.', 'public/data/ingest-report.json'))}`);
  console.log(`收录：写入 ${files} 个文件，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
} catch (error) {
  console.error(`收录失败，没有写入任何文件：\n${(error as Error).message}`);
  process.exitCode = 1;
}
