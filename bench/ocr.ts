/**
 * OCR benchmark (`npm run eval:ocr`): scans made from seed 001 (the Fuxin women's plan, or with
 * `KB_OCR_PLAN=children` its children's plan, printed to PDF with pdfkit, rasterised by pdftoppm
 * and spoiled by testing/scan.ts), read by
 * formats/ocr.ts. Reports character accuracy per condition (150/300 dpi, clean, mild noise,
 * 2° rotation, a red seal) on the first pages, pages per second, and on the whole plan at
 * 300 dpi with mild noise the share of the text version's goals and measures found with the
 * same kind, domain and number; then the cached rebuild time. Not part of `npm test` (minutes).
 * `KB_OCR_PAGES=n` limits the whole-plan run to its first n pages (the plan prints on 45), and
 * `KB_OCR_CONDITIONS=0` skips the table of conditions. `KB_OCR_DETAIL=1` lists the items missed
 * and the ones found instead; `KB_OCR_DUMP=<file>` writes the whole plan's OCR text there.
 *
 * The women's plan is the part of seed 001 before the line starting `阜新市儿童发展规划`, the
 * children's plan the rest. The children's plan is the held-out check: the OCR-specific
 * recognisers were tuned on the women's plan's misreadings only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSource } from '../scripts/lib/read/formats/index.ts';
import { buildKnowledgeBase, ingestDocument } from '../scripts/lib/pipeline.ts';
import { printPdf } from '../scripts/lib/testing/formats.ts';
import { characterAccuracy, scanPdf, type ScanOptions } from '../scripts/lib/testing/scan.ts';
import { SEED, seedText } from '../scripts/lib/testing/seeds.ts';
import type { Item } from '../scripts/lib/types.ts';

// A fresh cache unless one is given (`KB_OCR_CACHE`): the scans are deterministic, so a given cache re-reports at once.
process.env.KB_OCR_CACHE ??= mkdtempSync(path.join(tmpdir(), 'kb-ocr-bench-'));
const plan = process.env.KB_OCR_PLAN ?? 'women';
if (plan !== 'women' && plan !== 'children') throw new Error(`KB_OCR_PLAN=${plan}: expected women or children`);
const lines = seedText(SEED.fuxinPlans).split('\n');
const end = lines.findIndex((l) => /^阜新市儿童发展规划/.test(l.trim()));
if (end <= 0) throw new Error('seed 001 has no line starting 阜新市儿童发展规划: the plans cannot be told apart');
const fromText = ingestDocument('plan.txt', new TextEncoder().encode((plan === 'women' ? lines.slice(0, end) : lines.slice(end)).join('\n')));
const paragraphs = fromText.blocks.map((b) => b.text);
const pdf = await printPdf(paragraphs, { header: '阜新市人民政府规范性文件', pageNumbers: true, creationDate: new Date('2021-12-01T00:00:00Z') });

/** The text of the first `pages` pages of the print, by the PDF reader (the truth for accuracy). */
async function printedText(pages: number[]): Promise<string> {
  // The print's own text layer, page by page.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (const n of pages) text += (await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  return text;
}

async function ocr(options: ScanOptions): Promise<{ scan: Uint8Array; text: string; seconds: number; pages: number; confidence: number; doc: ReturnType<typeof ingestDocument> }> {
  process.env.KB_OCR_DPI = String(options.dpi);
  const scan = await scanPdf(pdf, options);
  const started = performance.now();
  const read = await readSource('scan.pdf', scan);
  const seconds = (performance.now() - started) / 1000;
  const doc = ingestDocument('scan.pdf', scan, undefined, read);
  const pages = read.ocr!.pages;
  return { scan, text: read.text, seconds, pages: pages.length, confidence: pages.reduce((a, p) => a + p.confidence, 0) / pages.length, doc };
}

const sample = [2, 3];
const conditionsWanted = process.env.KB_OCR_CONDITIONS !== '0';
const truth = await printedText(sample);
console.log(`# OCR on scans of seed 001, the ${plan}'s plan (${paragraphs.length} paragraphs)\n`);
console.log('| condition | dpi | character accuracy | mean confidence | pages/s |');
console.log('|---|---|---|---|---|');
const conditions: [string, Omit<ScanOptions, 'dpi' | 'pages'>][] = [
  ['clean', {}],
  ['mild noise', { noise: 0.3 }],
  ['noise + 2° rotation', { noise: 0.3, rotate: 2 }],
  ['noise + red seal', { noise: 0.3, seal: true }],
  ['heavy noise', { noise: 0.8 }],
];
for (const dpi of conditionsWanted ? [150, 300] : []) {
  for (const [name, spoil] of conditions) {
    const r = await ocr({ dpi, pages: sample, ...spoil });
    // Furniture (header, page numbers) is in both: compare the page text as printed.
    console.log(`| ${name} | ${dpi} | ${(100 * characterAccuracy(truth, r.text)).toFixed(1)} % | ${r.confidence.toFixed(1)} | ${(r.pages / r.seconds).toFixed(2)} |`);
  }
}

const limit = Number(process.env.KB_OCR_PAGES ?? 0);
const whole = await ocr({ dpi: 300, noise: 0.3, ...(limit ? { pages: Array.from({ length: limit }, (_, i) => i + 1) } : {}) });
// Through the whole build (the OCR cached by the bytes): items the structure leaves without a
// domain (a misread domain heading) are classified from their text, as in a real build.
// Lossless PNG pages of noise are large (90 MB at 300 dpi); real scans are JPEG.
process.env.KB_MAX_FILE_MB ??= '500';
const seedsDir = mkdtempSync(path.join(tmpdir(), 'kb-ocr-bench-seeds-'));
writeFileSync(path.join(seedsDir, 'scan.pdf'), whole.scan);
const built = (await buildKnowledgeBase(seedsDir)).kb.documents[0]!;
const key = (i: Item) => `${i.kind}|${i.domain}|${i.number}`;
const wanted = fromText.items.filter((i) => i.kind === 'goal' || i.kind === 'measure');
// Only the items printed whole on the pages read, when limited: their text's start and end
// are both in the print's text layer of those pages.
const squash = (t: string) => t.replace(/\s+/g, '');
const printed = limit ? squash(await printedText(Array.from({ length: limit }, (_, i) => i + 1))) : '';
const reached = limit ? wanted.filter((i) => printed.includes(squash(i.text).slice(0, 10)) && printed.includes(squash(i.text).slice(-10))) : wanted;
function score(items: Item[]): string {
  const found = new Map<string, number>();
  for (const i of items) found.set(key(i), (found.get(key(i)) ?? 0) + 1);
  let right = 0;
  for (const i of reached) {
    const n = found.get(key(i)) ?? 0;
    if (n > 0) (right++, found.set(key(i), n - 1));
  }
  return `${right}/${reached.length} (${((100 * right) / reached.length).toFixed(1)} %)`;
}
const chars = characterAccuracy(reached.map((i) => i.text).join(''), whole.doc.items.filter((i) => i.kind === 'goal' || i.kind === 'measure').map((i) => i.text).join(''));
console.log(`\nWhole plan, 300 dpi, mild noise: ${whole.pages} pages in ${whole.seconds.toFixed(0)} s (${(whole.pages / whole.seconds).toFixed(2)} pages/s), mean confidence ${whole.confidence.toFixed(1)}`);
console.log(`kind ${whole.doc.kind}; goals and measures with the text version's kind, domain and number: ${score(whole.doc.items)} as parsed, ${score(built.items)} after the build's classification; items' character accuracy ${(100 * chars).toFixed(1)} %`);
console.log(`uncertain words: ${whole.doc.ocr!.uncertain.length}; notes for the editor: ${whole.doc.notes?.filter((n) => n.code === 'source').length}`);
if (process.env.KB_OCR_DUMP) writeFileSync(process.env.KB_OCR_DUMP, whole.text);
if (process.env.KB_OCR_DETAIL === '1') {
  // What was missed, and what was found in its place: the causes to fix, by kind, domain and number.
  const show = (i: Item) => `${key(i)}  ${i.text.replace(/\s+/g, '').slice(0, 40)}`;
  const keys = (items: Item[]) => items.map(key);
  const missing = (from: Item[], against: string[]) => {
    const left = [...against];
    return from.filter((i) => {
      const at = left.indexOf(key(i));
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
  };
  const read = built.items.filter((i) => i.kind === 'goal' || i.kind === 'measure');
  console.log('\nmissed (text version):');
  for (const i of missing(reached, keys(read))) console.log(`  ${show(i)}`);
  console.log('found instead (scan, after classification):');
  for (const i of missing(read, keys(reached))) console.log(`  ${show(i)}`);
}
const again = performance.now();
// The same bytes (pdfkit stamps a creation date in every PDF it writes: a new scan is another file).
await readSource('scan.pdf', whole.scan);
console.log(`cached re-read of the same scan: ${((performance.now() - again) / 1000).toFixed(2)} s`);
