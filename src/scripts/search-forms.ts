/**
 * A query in the forms the index is written in, before anything else reads it, DOM-free:
 * full-width letters, digits and spaces as ASCII (ＨＰＶ → HPV, an ideographic space as a space),
 * punctuation between words as a space (艾滋病，梅毒 → 艾滋病 梅毒), and, with the index's
 * vocabulary, traditional characters as simplified (婦女權益 → 妇女权益; the pairs come from
 * CC-CEDICT, scripts/search-dictionary.ts). The items are simplified Chinese, so a traditional
 * query otherwise finds only the characters both scripts share.
 */
import type { Lexicon } from './search-correct.ts';

/** Punctuation that only separates words; quotes (a phrase), apostrophes and hyphens (women's, left-behind) stay. */
const SEPARATORS = /[,;:!?，。、；：！？（）()【】[\]《》<>〈〉「」『』…·/\\|~～]+/g;

export function normalise(query: string, lex?: Pick<Lexicon, 'simplified'>): string {
  let q = query.normalize('NFKC').replace(SEPARATORS, ' ');
  if (lex?.simplified.size) q = [...q].map((c) => lex.simplified.get(c) ?? c).join('');
  return q.replace(/\s+/g, ' ').trim();
}
