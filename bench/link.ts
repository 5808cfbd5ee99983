/**
 * Benchmark of the link stage (not a test): synthesise a corpus of ~300 documents /
 * ~75,000 items from the real seed items, recombined and perturbed across fake cities,
 * and time linkItems on it. Run: `npm run bench:link -- [documents] [itemsPerDocument]`.
 */
import { fileURLToPath } from 'node:url';
import { linkItems, type PlaceOfDocument } from '../scripts/lib/relate/link/index.ts';
import type { Item } from '../scripts/lib/types.ts';
import { random } from './lib/random.ts';

// Rewordings local plans use for the same national text.
const SYNONYMS: [string, string][] = [
  ['加强', '强化'],
  ['完善', '健全'],
  ['提高', '提升'],
  ['妇女', '女性'],
  ['推进', '推动'],
  ['落实', '贯彻'],
  ['建立', '构建'],
];

function perturb(text: string, rnd: () => number): string {
  const sentences = text.split(/(?<=。)/).filter((s) => s.trim());
  const kept = sentences.filter((_, k) => k === 0 || rnd() > 0.2);
  // Swap two body sentences now and then: local plans reorder the national text.
  if (kept.length > 3 && rnd() < 0.3) {
    const i = 1 + Math.floor(rnd() * (kept.length - 1));
    const j = 1 + Math.floor(rnd() * (kept.length - 1));
    [kept[i], kept[j]] = [kept[j], kept[i]];
  }
  let out = kept.join('');
  for (const [a, b] of SYNONYMS) if (rnd() < 0.3) out = rnd() < 0.5 ? out.replaceAll(a, b) : out.replaceAll(b, a);
  return out;
}

/** `documents` fake documents of about `itemsPerDocument` items each, recombined from `base`. */
export function synthesise(base: readonly Item[], documents = 300, itemsPerDocument = 250, seed = 42) {
  const rnd = random(seed);
  const items: Item[] = [];
  const docs: PlaceOfDocument[] = [];
  for (let d = 0; d < documents; d++) {
    const docId = `bench_${String(d).padStart(3, '0')}`;
    // One in ten documents names no city (a speech, an undated compilation).
    docs.push({ id: docId, city: rnd() < 0.1 ? null : `虚构${Math.floor(d / 2)}市` });
    const keep = Math.min(1, itemsPerDocument / base.length);
    base.forEach((item, k) => {
      if (rnd() > keep) return;
      const text = perturb(item.text, rnd);
      const title = text.split('。')[0] ?? item.title;
      items.push({ ...item, id: `${docId}-${k}`, docId, title, text });
    });
  }
  return { items, docs };
}

async function main() {
  const documents = Number(process.argv[2] ?? 300);
  const perDocument = Number(process.argv[3] ?? 250);
  const { buildKnowledgeBase } = await import('../scripts/lib/pipeline.ts');
  const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
  const { kb } = await buildKnowledgeBase(seedsDir);
  const base = kb.documents.flatMap((d) => d.items).filter((i) => i.text.length > 10);
  run(base, documents, perDocument);
}

export function run(base: readonly Item[], documents: number, perDocument: number) {
  const { items, docs } = synthesise(base, documents, perDocument);
  const started = performance.now();
  const result = linkItems(items, docs);
  const wall = performance.now() - started;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const { stages } = result.stats;
  console.log(
    `link: ${docs.length} documents, ${items.length} items → ${result.links.length / 2} links, ${result.topics.length} topics; ` +
      `${result.stats.candidates} candidates scored; ${s(wall)} (${s(result.stats.ms)} in linkItems)\n` +
      `  stages: segmentation ${s(stages.segment)}, vectors+index ${s(stages.index)}, scoring ${s(stages.scoring)}, ` +
      `links ${s(stages.links)}, topics ${s(stages.topics)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
