/**
 * Writes the search vocabulary (src/lib/search-vocabulary.ts) from the items' words: the
 * browser's did-you-mean and query rejoining read it. Words come from jieba, as Pagefind's
 * extended binary segments the index, so a word here is a word the index holds.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { VOCABULARY_FILE, type SearchVocabulary } from '../src/lib/search-vocabulary.ts';
import { readerBridge, simplifiedPairs } from './search-dictionary.ts';

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const HAN = /\p{Script=Han}/u;
/** Past this many words only the most widespread are kept, so the file stays small to ship. */
export const MAX_WORDS = 30_000;

let jieba: Jieba | undefined;

/**
 * The 3,755 characters of GB 2312 level 1 (the common ones): a typo often puts one the items
 * never use (霉毒 for 梅毒), and its reading is what leads back to the word.
 */
function commonCharacters(): string[] {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) if (hi < 0xd7 || lo <= 0xf9) bytes.push(hi, lo);
  return [...new TextDecoder('gbk').decode(new Uint8Array(bytes))].filter((c) => HAN.test(c));
}

export interface VocabularyText {
  title?: string;
  text?: string;
}

/** The vocabulary of some items: each word counted once per item; deterministic order. */
export function buildVocabulary(items: readonly VocabularyText[], maxWords = MAX_WORDS): SearchVocabulary {
  jieba ??= Jieba.withDict(dict);
  const counts = new Map<string, number>();
  const chars = new Set<string>(commonCharacters());
  for (const item of items) {
    const text = `${item.title ?? ''}\n${item.text ?? ''}`;
    for (const c of text) if (HAN.test(c)) chars.add(c);
    for (const w of new Set(jieba.cut(text, true))) if (HAN_WORD.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, maxWords);
  const readings: Record<string, string> = {};
  for (const c of [...chars].sort()) readings[c] = [...new Set(pinyin(c, { toneType: 'none', multiple: true, type: 'array' }))].join(' ');
  return { words: ranked.map(([w]) => w), counts: ranked.map(([, n]) => n), items: items.length, readings };
}

/** The vocabulary with what CC-CEDICT says about its words (scripts/search-dictionary.ts). */
export function withDictionary(v: SearchVocabulary): SearchVocabulary {
  const chars = new Set(v.words.flatMap((w) => [...w]));
  return { ...v, simplified: simplifiedPairs(chars), bridge: readerBridge(v) };
}

/**
 * Writes dist/<VOCABULARY_FILE> from the open data's items (dist/data/items.json) and returns
 * its size and gzip size in bytes, for the build's summary line, and the vocabulary itself.
 */
export async function writeSearchVocabulary(dist: string): Promise<{ words: number; bytes: number; gzip: number; vocabulary: SearchVocabulary }> {
  const source = path.join(dist, 'data', 'items.json');
  let items: VocabularyText[];
  try {
    items = JSON.parse(await readFile(source, 'utf8')) as VocabularyText[];
  } catch (e) {
    throw new Error(`搜索词表：无法读取 ${source}（${(e as Error).message}）。请先运行 npm run ingest，再运行 npm run build。`);
  }
  const json = JSON.stringify(withDictionary(buildVocabulary(items)));
  await writeFile(path.join(dist, VOCABULARY_FILE), json);
  const v = JSON.parse(json) as SearchVocabulary;
  return { words: v.words.length, bytes: Buffer.byteLength(json), gzip: gzipSync(json).length, vocabulary: v };
}
