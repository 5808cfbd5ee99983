/**
 * Build times with old office files and scans (part of `npm run eval:ocr`): a seeds folder
 * holding seed 003's key-task list as .doc (written by LibreOffice) and a two-page scan of
 * seed 001, built three times: cold (LibreOffice and Tesseract run), with the parse cache
 * warm (the CLI's rebuild), and with only the conversion and OCR caches warm (what a change
 * to the ingest code costs: the parse is redone, LibreOffice and Tesseract are not).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParseCache } from '../scripts/lib/cache.ts';
import { buildKnowledgeBase } from '../scripts/lib/pipeline.ts';
import { printPdf } from '../scripts/lib/testing/formats.ts';
import { scanPdf } from '../scripts/lib/testing/scan.ts';
import { SEED, seedText } from '../scripts/lib/testing/seeds.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-rebuild-bench-'));
const seeds = path.join(work, 'seeds');
execFileSync('mkdir', ['-p', seeds]);
process.env.KB_CONVERT_CACHE = path.join(work, 'convert-cache');
process.env.KB_OCR_CACHE = path.join(work, 'ocr-cache');
writeFileSync(path.join(work, 'list.txt'), seedText(SEED.daanTaskLists));
execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--convert-to', 'doc', '--outdir', seeds, path.join(work, 'list.txt')], { stdio: 'ignore' });
const plan = seedText(SEED.fuxinPlans).split('\n').slice(0, 60);
writeFileSync(path.join(seeds, 'scan.pdf'), await scanPdf(await printPdf(plan, { pageNumbers: true }), { dpi: 300, noise: 0.3, pages: [1, 2] }));

async function timed(label: string, cacheDir: string): Promise<void> {
  const started = performance.now();
  const { kb } = await buildKnowledgeBase(seeds, { cache: new ParseCache(cacheDir) });
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s (${kb.documents.map((d) => `${d.source} ${d.encoding} ${d.items.length} items`).join('; ')})`);
}
const parseCache = path.join(work, 'parse-cache');
await timed('cold build (LibreOffice and Tesseract run)', parseCache);
await timed('rebuild, parse cache warm', parseCache);
await timed('rebuild after a code change (conversion and OCR caches warm, parse redone)', path.join(work, 'parse-cache-2'));
