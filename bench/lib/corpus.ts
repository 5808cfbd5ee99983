/**
 * A synthetic seeds/ directory of N documents: the real seeds plus N − (real count) copies of
 * two of them, alternating — 001 (a full women + children plan, PDF-wrapped text, 阜新) and
 * 003 (a key-task table, tab-separated, 大安) — each renamed to another prefecture-level city
 * and lightly reworded. Copy k depends only on k, so a smaller corpus is a prefix of a larger
 * one and the same size always gives the same files.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PREFECTURE_CITIES } from '../../scripts/lib/understand/gazetteer.ts';
import { random } from './random.ts';

interface Template {
  prefix: string;
  kind: string;
  /** Where the document names its own city (replaced by another two-character name). */
  city: RegExp;
}

const TEMPLATES: Template[] = [
  // The one-character abbreviation (阜政发, 来阜留阜) stays: metadata does not read it.
  { prefix: '001_', kind: 'plan', city: /阜新/g },
  // Not bare 大安: it also occurs inside words (重大安全).
  { prefix: '003_', kind: 'tasklist', city: /大安(?=市|建设)/g },
];

// Seed cities, a province's short name (吉林 alone may be the province), and names the
// metadata reads as something else (本溪: 本 as in 本市; bare names that are common words).
const EXCLUDED = new Set(['阜新', '鞍山', '吉林', '本溪', '中山', '朝阳', '安康', '长治', '延安', '大同', '普洱', '三明', '遵义', '白银']);

/**
 * Two-character city names only: a copy's lines must keep their display width, because the
 * normaliser rejoins a PDF-wrapped line only when it is full. Shuffled once, deterministically,
 * so consecutive copies come from different provinces.
 */
export const CITY_NAMES: readonly string[] = shuffle(
  [...PREFECTURE_CITIES.keys()].map((c) => c.slice(0, -1)).filter((n) => n.length === 2 && !EXCLUDED.has(n)),
  random(7),
);

// Rewordings local plans use for the same national text (same length: widths are kept).
const SYNONYMS: [string, string][] = [
  ['加强', '强化'],
  ['完善', '健全'],
  ['提高', '提升'],
  ['推进', '推动'],
];
const PARTNER = new Map(SYNONYMS.flatMap(([a, b]) => [[a, b], [b, a]] as const));
const SYNONYM = new RegExp([...PARTNER.keys()].join('|'), 'g');
/** A sentence that starts with numbering (`2.`, `（三）`, `一、`): the parser needs it. */
const NUMBERED = /^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+)/;

export interface SyntheticDocument {
  source: string;
  city: string;
}

/** Write the corpus into `outDir`; returns the synthetic documents (the real ones are copied as is). */
export async function writeCorpus(seedsDir: string, outDir: string, documents: number): Promise<SyntheticDocument[]> {
  await mkdir(outDir, { recursive: true });
  const names = (await readdir(seedsDir)).filter((n) => !n.startsWith('.')).sort();
  const sources = names.filter((n) => /\.(txt|md)$/.test(n));
  if (documents < sources.length) throw new Error(`corpus: ${documents} documents is fewer than the ${sources.length} real seeds`);
  // Sidecars (*.meta.json) travel with their seeds.
  for (const name of names) await copyFile(join(seedsDir, name), join(outDir, name));

  const templates = await Promise.all(
    TEMPLATES.map(async (t) => {
      const name = sources.find((n) => n.startsWith(t.prefix));
      if (!name) throw new Error(`corpus: no seed named ${t.prefix}* in ${seedsDir}`);
      return { ...t, text: await readFile(join(seedsDir, name), 'utf8') };
    }),
  );
  const made: SyntheticDocument[] = [];
  for (let k = 0; k < documents - sources.length; k++) {
    const template = templates[k % templates.length]!;
    const city = CITY_NAMES[k % CITY_NAMES.length]!;
    // Unique file names: the document id is the file name's stem.
    const source = `bench_${String(sources.length + k).padStart(4, '0')}_${template.kind}.txt`;
    await writeFile(join(outDir, source), varyDocument(template.text.replace(template.city, city), random(1000 + k)));
    made.push({ source, city: `${city}市` });
  }
  return made;
}

/** Light, deterministic rewording that leaves layout and numbering intact. */
export function varyDocument(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const full = Math.max(...lines.map(displayWidth));
  return lines.map((line) => dropSentence(swapSynonyms(line, rnd), full, rnd)).join('\n');
}

function swapSynonyms(line: string, rnd: () => number): string {
  return line.replace(SYNONYM, (w) => (rnd() < 0.3 ? PARTNER.get(w)! : w));
}

/**
 * Now and then drop one non-first sentence of a line holding three or more. Only lines well
 * short of the page width: in PDF-wrapped text a full line continues its paragraph, and
 * shortening it would end the paragraph there.
 */
function dropSentence(line: string, fullWidth: number, rnd: () => number): string {
  if (displayWidth(line) > 0.75 * fullWidth) return line;
  const parts = line.split(/(?<=。)/);
  const droppable = parts.flatMap((p, k) => (k > 0 && p.endsWith('。') && !NUMBERED.test(p) ? [k] : []));
  if (droppable.length < 2 || rnd() >= 0.25) return line;
  const drop = droppable[Math.floor(rnd() * droppable.length)];
  return parts.filter((_, k) => k !== drop).join('');
}

/** Columns on the printed page: CJK characters take two. */
function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60\u3000-\u303f]/.test(ch) ? 2 : 1;
  return width;
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
