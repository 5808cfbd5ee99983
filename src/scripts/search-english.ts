/**
 * English queries read as the index's words, DOM-free: each index word's CC-CEDICT glosses
 * (src/lib/search-english.ts) are cut into lightly lemmatised words, and a query matches the
 * glosses that hold all its words (breastfeeding, breast-feeding and breast feeding alike →
 * 母乳喂养); a query no gloss covers is read word by word (juvenile crime → 少年 犯罪).
 */
import type { SearchEnglish } from '../lib/search-english.ts';
import { MAX_SHARE } from '../lib/search-synonyms.ts';
import { THESAURUS } from '../lib/search-thesaurus.ts';
import type { Lexicon } from './search-correct.ts';

/** Words a gloss or a query is not about (CC-CEDICT writes sb and sth for somebody, something). */
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'be', 'is', 'are', 'sb', 'sth', 'one', "one's", 'etc']);
const IRREGULAR: Record<string, string> = { women: 'woman', men: 'man', children: 'child', people: 'person', wives: 'wife', lives: 'life' };
/** Suffixes taken off, first match only, longest first within their kind; what stays keeps 3 letters. */
const SUFFIXES: [string, string][] = [
  ['ations', ''], ['ation', ''], ['ities', ''], ['ity', ''], ['ments', ''], ['ment', ''], ['ness', ''], ['ings', ''], ['ing', ''],
  ['ies', 'i'], ['ied', 'i'], ['ates', ''], ['ate', ''], ['ed', ''], ['es', ''], ['s', ''], ['y', 'i'], ['e', ''],
];

/** A query in Latin letters only (pinyin or English): the one kind the English glosses serve. */
export const isLatinQuery = (q: string) => /[a-z]/i.test(q) && !/\p{Script=Han}/u.test(q);

/** A light lemma: plural, -ing, -ed, -ation and final e taken off (vaccination, vaccine → vaccin). */
export function lemma(word: string): string {
  const w = IRREGULAR[word] ?? word;
  if (w.length <= 3) return w;
  for (const [suffix, by] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && /(ss|us|is)$/.test(w))) return w.slice(0, -suffix.length) + by;
  }
  return w;
}

/** A text's words as lemmas; a possessive is its noun (women's rights → woman right). */
const lemmas = (text: string) =>
  text.toLowerCase().split(/[^a-z']+/).map((w) => w.replace(/'s?$/, '').replace(/^'/, '')).filter((w) => w && !STOPWORDS.has(w)).map(lemma);

export interface EnglishIndex {
  /** Per word, in the file's order (most items first): each gloss as its lemmas. */
  entries: { word: string; glosses: string[][] }[];
}

export function englishIndex(e: SearchEnglish): EnglishIndex {
  return { entries: Object.entries(e.glosses).map(([word, gs]) => ({ word, glosses: gs.map(lemmas).filter((g) => g.length) })) };
}

/**
 * How well a gloss says the query's lemmas: 3 the same words (hyphens and spaces aside), 2 all of
 * them and a little more, 0 otherwise.
 */
function fit(query: string[], gloss: string[]): number {
  if (query.join('') === gloss.join('')) return 3;
  const set = new Set(gloss);
  return query.every((q) => set.has(q)) && gloss.length <= query.length + 2 ? 2 - 0.1 * (gloss.length - query.length) : 0;
}

/** Index words whose glosses fit the lemmas best; ties go to the word more items hold. */
function best(query: string[], index: EnglishIndex, lex: Lexicon | undefined, max: number): { words: string[]; score: number } {
  let top = 0;
  const scored: { word: string; score: number; senses: number; at: number }[] = [];
  index.entries.forEach(({ word, glosses }, at) => {
    const score = Math.max(0, ...glosses.map((g) => fit(query, g)));
    if (score > 0) scored.push({ word, score, senses: glosses.length, at }), (top = Math.max(top, score));
  });
  // A word with fewer senses means the query more surely (母乳喂养 is only breastfeeding; 哺乳 also to nurse).
  const words = scored
    .filter((s) => s.score === top)
    .sort((a, b) => a.senses - b.senses || (lex ? lex.count(b.word) - lex.count(a.word) : 0) || a.at - b.at)
    .slice(0, max)
    .map((s) => s.word);
  return { words, score: top };
}

/** A word searched as itself when the index holds it, as its plan words when it is an everyday word (童婚 → 早婚). */
const planWords = (w: string, lex?: Lexicon) => (THESAURUS.has(w) && !(lex?.has(w) ?? false) ? [...THESAURUS.get(w)!] : [w]);

/**
 * The searches an English query adds: the index words whose glosses say it, else a search of
 * each query word's best index word together, then each alone.
 */
export function englishSearches(query: string, index: EnglishIndex, lex?: Lexicon): { searches: string[]; words: string[]; whole: boolean } {
  const q = lemmas(query);
  if (!q.length || !/[a-z]{3}/i.test(query)) return { searches: [], words: [], whole: false };
  const whole = best(q, index, lex, 3);
  if (whole.words.length) {
    const words = [...new Set(whole.words.flatMap((w) => planWords(w, lex)))];
    return { searches: words, words, whole: true };
  }
  if (q.length < 2) return { searches: [], words: [], whole: false };
  // Each word's two best index words: a word glossed alike by two (rights: 权利, 权益) may mean either.
  const options = q.map((w) => [...new Set(best([w], index, lex, 2).words.flatMap((x) => planWords(x, lex)))].slice(0, 2)).filter((o) => o.length);
  const each = options.map((o) => o[0]!);
  if (each.length < 2) return { searches: each, words: each, whole: false };
  const variants = options.flatMap((o, i) => o.slice(1).map((alt) => each.map((w, j) => (j === i ? alt : w)).join(' ')));
  // Alone, only the words specific enough not to flood (妇女 is not).
  const alone = [...new Set(options.flat())].filter((w) => !lex || lex.count(w) <= MAX_SHARE * (lex.items ?? Infinity));
  return { searches: [each.join(' '), ...variants, ...alone], words: [...new Set(options.flat())], whole: false };
}
