import type { Item } from '../types.ts';

/**
 * Mark items whose text an earlier item of the same document already has: `repeats` names
 * that first item. Word for word (whitespace aside), or nearly (`nearRepeat`): a web
 * compilation reprints a speech with its punctuation changed or a word swapped (学习负担 →
 * 课业负担). Items are otherwise returned unchanged, in order.
 */
export function markRepeats(items: readonly Item[], nearThreshold = NEAR_REPEAT_THRESHOLD): Item[] {
  const first = new Map<string, string>();
  const grams = items.map((i) => bigrams(i.text));
  // Candidates come from a prefix filter (as in set-similarity joins), so a long plan is not
  // compared pair by pair: Dice ≥ t needs an overlap of at least t·|x|/(2 − t) bigrams with
  // either text, so two such texts share a bigram among the first |x| − that + 1 of each,
  // rarest first. Candidates are then checked exactly, earliest first, as before.
  const rarity = documentFrequencies(grams);
  /** Earlier first occurrences, for the near-repeat comparison. */
  const originals: { id: string; grams: Map<string, number>; size: number }[] = [];
  const byPrefixToken = new Map<string, number[]>();
  return items.map((item, k) => {
    const key = item.text.replace(/\s+/g, '');
    const earlier = first.get(key);
    if (earlier !== undefined) return { ...item, repeats: earlier };
    first.set(key, item.id);
    const own = grams[k]!;
    const size = total(own);
    if (size >= MIN_NEAR_REPEAT_BIGRAMS) {
      // Dice ≥ t needs the shorter text to be at least t / (2 - t) of the longer one.
      const minRatio = nearThreshold / (2 - nearThreshold);
      const prefix = prefixTokens(own, size, minRatio, rarity);
      const candidates = [...new Set(prefix.flatMap((t) => byPrefixToken.get(t) ?? []))].sort((a, b) => a - b);
      const near = candidates
        .map((c) => originals[c]!)
        .find((o) => Math.min(o.size, size) / Math.max(o.size, size) >= minRatio && dice(o.grams, own, o.size, size) >= nearThreshold);
      if (near) return { ...item, repeats: near.id, nearRepeat: true };
      for (const t of prefix) byPrefixToken.set(t, [...(byPrefixToken.get(t) ?? []), originals.length]);
      originals.push({ id: item.id, grams: own, size });
    }
    return item;
  });
}

/** In how many of the texts each bigram occurs (rarer bigrams make shorter candidate lists). */
function documentFrequencies(all: readonly Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const grams of all) for (const g of grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  return df;
}

/**
 * The first |x| − ⌈ratio·|x|⌉ + 1 tokens of a text's bigram multiset (each occurrence its own
 * token, `儿童#2`), in one order shared by all texts of the document: rarest bigram first.
 */
function prefixTokens(grams: Map<string, number>, size: number, ratio: number, df: Map<string, number>): string[] {
  const order = [...grams.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const length = size - Math.ceil(ratio * size - 1e-9) + 1;
  const tokens: string[] = [];
  for (const g of order) {
    for (let n = 1; n <= grams.get(g)! && tokens.length < length; n++) tokens.push(`${g}#${n}`);
    if (tokens.length >= length) break;
  }
  return tokens;
}

/**
 * Character-bigram Dice similarity at or above which a passage counts as a near-repeat of an
 * earlier one. Measured on the speech compilation (seed 004, 496 pairs of passages): the
 * reprints with small changes score 0.987–1.000, the most similar passages that are not
 * reprints (two speeches' own 加强组织领导, 加大投入力度) at most 0.747, and nothing falls
 * between; 0.9 sits in that gap.
 */
export const NEAR_REPEAT_THRESHOLD = 0.9;

/** Texts shorter than this many bigrams (a title-only item) are never near-repeats: too little to tell. */
const MIN_NEAR_REPEAT_BIGRAMS = 40;

/** Counts of neighbouring character pairs, punctuation and whitespace left out. */
export function bigrams(text: string): Map<string, number> {
  const s = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of two bigram multisets: 1 for the same text, 0 for nothing shared. */
export function dice(a: Map<string, number>, b: Map<string, number>, sizeA = total(a), sizeB = total(b)): number {
  if (sizeA + sizeB === 0) return 0;
  let shared = 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}
