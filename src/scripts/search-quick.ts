/**
 * The header box's results as you type: the query read as the search page reads it
 * (search-query.ts, with the same glossary and English glosses for English and pinyin), Pagefind, the index's
 * vocabulary and the glossary loaded once, on first use, and a fragment loaded only for the few
 * results shown.
 */
import type { GlossaryEntry } from '../lib/search-glossary.ts';
import { ENGLISH_FILE, type SearchEnglish } from '../lib/search-english.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from '../lib/search-vocabulary.ts';
import { englishIndex, isLatinQuery, type EnglishIndex } from './search-english.ts';
import { optionalJson } from './optional-json.ts';
import { lexicon, type Lexicon } from './search-correct.ts';
import { matchesWords, understand } from './search-query.ts';
import { loadPagefind, type Pagefind, type PagefindResult } from './pagefind.ts';

export interface QuickResult {
  url: string;
  title: string;
  /** The result's city (or cities), empty for a page of the whole site. */
  place: string;
}

/** Written by src/pages/search-glossary.json.ts; the search page has the same list in its HTML. */
const GLOSSARY_URL = '/search-glossary.json';

interface Ready {
  pagefind: Pagefind;
  lex?: Lexicon;
  glossary: GlossaryEntry[];
}
let ready: Promise<Ready> | undefined;


/** Starts loading Pagefind, the vocabulary and the glossary (once); the header calls it on first focus. */
export function prepare(): Promise<Ready> {
  ready ??= (async () => {
    const words = optionalJson<SearchVocabulary>(`/${VOCABULARY_FILE}`);
    const glossary = optionalJson<GlossaryEntry[]>(GLOSSARY_URL);
    const pagefind = await loadPagefind({ excerptLength: 20, ranking: { metaWeights: { title: 1 } } });
    const v = await words;
    return { pagefind, lex: v ? lexicon(v) : undefined, glossary: (await glossary) ?? [] };
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

let english: Promise<EnglishIndex | undefined> | undefined;
/** The English glosses of the index's words (search-english.ts), fetched on the first Latin query only, as on /search/. */
function englishFor(q: string): Promise<EnglishIndex | undefined> {
  if (!isLatinQuery(q)) return Promise.resolve(undefined);
  return (english ??= optionalJson<SearchEnglish>(`/${ENGLISH_FILE}`).then((e) => (e ? englishIndex(e) : undefined)));
}

/** Up to `max` results for a query, the visitor's own search first, none whose match cuts a word. */
export async function quickResults(q: string, max = 6): Promise<QuickResult[]> {
  const [{ pagefind, lex, glossary }, en] = await Promise.all([prepare(), englishFor(q)]);
  const plan = understand(q, glossary, lex, en);
  if (!plan.searches.length) return [];
  const out = await collect(pagefind, plan.searches, lex, max);
  // Nothing found together: the query's own words alone too, as on /search/ (search-query.ts).
  const partial = out.length ? undefined : understand(q, glossary, lex, en, true);
  return partial?.partial ? collect(pagefind, partial.searches, lex, max) : out;
}

async function collect(pagefind: Pagefind, searched: string[], lex: Lexicon | undefined, max: number): Promise<QuickResult[]> {
  const searches = await Promise.all(searched.map((s) => pagefind.search(s)));
  const seen = new Set<string>();
  const queue: { r: PagefindResult; search: string }[] = [];
  searches.forEach((s, i) => {
    for (const r of s.results) if (!seen.has(r.id)) seen.add(r.id), queue.push({ r, search: searched[i]! });
  });
  const out: QuickResult[] = [];
  // Fragments a few at a time, only until enough genuine results are found.
  for (let at = 0; at < queue.length && out.length < max; at += max) {
    const batch = queue.slice(at, at + max);
    const data = await Promise.all(batch.map((b) => b.r.data()));
    data.forEach((d, i) => {
      if (out.length < max && matchesWords(d, batch[i]!.search, lex)) out.push({ url: d.url, title: d.meta.title ?? d.url, place: (d.filters.city ?? []).join('、') });
    });
  }
  return out;
}
