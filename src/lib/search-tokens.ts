/**
 * Words for a hidden Pagefind meta field, written so that a query finds them. Pagefind stores a
 * meta value's words as they stand (split at spaces and punctuation), but cuts a query with the
 * browser's word segmenter (Intl.Segmenter): 市卫健局 becomes 市|卫|健|局 and 婴幼儿照护 becomes
 * 婴|幼儿|照护, and a page must hold every piece. So each word is written whole and also in the
 * pieces the same segmenter (ICU, in Node and in Chromium alike) cuts it into.
 */
const segmenter = new Intl.Segmenter('zh-cn', { granularity: 'word' });

/** Pieces already cut: every item page of a city repeats its city and departments' names. */
const cut = new Map<string, string[]>();

/** The pieces a browser cuts `word` into, punctuation and spaces left out. */
export function queryPieces(word: string): readonly string[] {
  let pieces = cut.get(word);
  if (!pieces) cut.set(word, (pieces = [...segmenter.segment(word)].filter((s) => s.isWordLike).map((s) => s.segment)));
  return pieces;
}

/**
 * Each word and its pieces, space-separated, in order of first appearance, each once; except that
 * a word the browser cuts wholly into characters (母婴室 → 母|婴|室) always has its characters in a
 * row after it, repeated or not: the search page searches such a word as a Pagefind phrase
 * (src/scripts/search-query.ts, pagefindSearch), which needs them next to each other.
 */
export function searchTokens(words: readonly string[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (t: string, always = false) => {
    if (always || !seen.has(t)) out.push(t), seen.add(t);
  };
  for (const w of words) {
    const word = w.trim();
    if (!word || seen.has(word)) continue;
    add(word);
    const pieces = queryPieces(word);
    const phrase = pieces.length > 1 && pieces.every((p) => p.length === 1);
    for (const piece of pieces) add(piece, phrase);
  }
  return out.join(' ');
}
