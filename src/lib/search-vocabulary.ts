/**
 * The search vocabulary: the words of the items as the index segments them (jieba, the
 * segmenter of Pagefind's extended binary), with the number of items holding each, and the
 * pinyin readings of every character of the items, and what CC-CEDICT says about the words
 * people type (traditional characters, everyday words the index lacks). Written at build time
 * (scripts/search-vocabulary.ts) to /search-vocabulary.json; the browser uses it to rejoin
 * query pieces the index holds as one word and to find did-you-mean candidates.
 */
export interface SearchVocabulary {
  /** Words of two or more Han characters, most items first. */
  words: string[];
  /** Per word: how many items hold it. */
  counts: number[];
  /** How many items the words were counted in (the share a word is in tells whether it floods). */
  items?: number;
  /** Per character: its toneless readings, space-separated (行 → "xing hang heng"). */
  readings: Record<string, string>;
  /**
   * Traditional characters and their simplified forms, as pairs in one string (兒儿婦妇…), for
   * the characters of the index's words (CC-CEDICT, scripts/search-dictionary.ts).
   */
  simplified?: string;
  /** Everyday words the index lacks → index words meaning the same (女孩 → 女童; CC-CEDICT). */
  bridge?: Record<string, string[]>;
}

export const VOCABULARY_FILE = 'search-vocabulary.json';
