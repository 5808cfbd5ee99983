/**
 * The files of dist/ that the search index step (scripts/postbuild.ts) writes after Astro:
 * assembling dist/ from the render store (scripts/lib/build/store.ts) leaves them to it.
 */
import { ENGLISH_FILE } from '../../src/lib/search-english.ts';
import { VOCABULARY_FILE } from '../../src/lib/search-vocabulary.ts';

/** Pagefind's main bundle; the search page loads it first. */
export const MAIN_BUNDLE = 'pagefind';
/** The other bundles, dist/pagefind-shards/<n>/. */
export const SHARDS_DIR = 'pagefind-shards';

/** Whether `file` (relative to dist/, `/`-separated) is the search step's. */
export const isSearchOutput = (file: string): boolean =>
  file.startsWith(`${MAIN_BUNDLE}/`) || file.startsWith(`${SHARDS_DIR}/`) || file === VOCABULARY_FILE || file === ENGLISH_FILE;
