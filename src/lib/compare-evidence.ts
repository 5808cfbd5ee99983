/**
 * What is known about whether two items of two documents say the same thing, for pairing them
 * on the compare page (src/lib/compare.ts): the ingest's cross-link score, their likeness in
 * words, and the indicators both set targets for.
 *
 * The cross-links keep only each item's best few, so a true pair can have no link; likeness in
 * words is therefore computed here for every pair the page considers, from the words the ingest
 * cut (no segmenter in the browser): TF-IDF over the items of both documents, so words every
 * item of the two uses (加强, 妇女, 健康) count for little, with title words counted twice.
 */
import { splitWords } from './diff.ts';

export interface EvidenceItem {
  id: string;
  title: string;
  text: string;
  cuts: string;
  related: [string, number][];
  indicators?: string[];
}

/** A word worth comparing: at least two characters with a letter or digit, or a number. */
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const isTerm = (w: string) => HAS_CONTENT.test(w) && (w.length >= 2 || /\p{N}/u.test(w));

/** An item's words with their counts: the title sentence's words twice. */
export function itemTerms(item: Pick<EvidenceItem, 'title' | 'text' | 'cuts'>): Map<string, number> {
  const words = splitWords(item.text, item.cuts);
  const titleEnd = item.title && item.text.startsWith(item.title) ? item.title.length : 0;
  const bag = new Map<string, number>();
  let at = 0;
  for (const w of words) {
    const inTitle = at < titleEnd;
    at += w.length;
    if (!isTerm(w)) continue;
    bag.set(w, (bag.get(w) ?? 0) + (inTitle ? 2 : 1));
  }
  return bag;
}

/**
 * L2-normalised TF-IDF vectors of a set of items, weighted by that set. `idfPower` 2 weighs a
 * word by its idf squared, for containment: which of an item's words another item holds should
 * count the specific ones (贫血, 性骚扰), not the phrasing every item shares (持续提升、水平).
 */
export function termVectors(items: readonly Pick<EvidenceItem, 'id' | 'title' | 'text' | 'cuts'>[], idfPower = 1): Map<string, Map<string, number>> {
  const bags = items.map(itemTerms);
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = items.length;
  const out = new Map<string, Map<string, number>>();
  items.forEach((item, k) => {
    const v = new Map<string, number>();
    let sq = 0;
    for (const [t, c] of bags[k]!) {
      const idf = Math.log(1 + n / df.get(t)!) ** idfPower;
      const w = (1 + Math.log(c)) * idf;
      v.set(t, w);
      sq += w * w;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    out.set(item.id, v);
  });
  return out;
}

/** Cosine of two normalised vectors (0–1). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/**
 * How much of `part`'s weight `whole` holds (0–1): a measure one city split into two is held,
 * each part nearly whole, by the other city's single measure, though the cosine of part and
 * whole is diluted by the other part's words.
 */
export function containment(part: ReadonlyMap<string, number>, whole: ReadonlyMap<string, number>): number {
  let held = 0;
  for (const [t, w] of part) if (whole.has(t)) held += w * w;
  return held;
}

/** Indicators both items set targets for. */
export function sharedIndicators(a: Pick<EvidenceItem, 'indicators'>, b: Pick<EvidenceItem, 'indicators'>): string[] {
  const mine = new Set(a.indicators ?? []);
  return (b.indicators ?? []).filter((i) => mine.has(i));
}

/** The cross-link score between two items, from either end; null when neither lists the other. */
export function linkScore(a: Pick<EvidenceItem, 'id' | 'related'>, b: Pick<EvidenceItem, 'id' | 'related'>): number | null {
  let best: number | null = null;
  for (const [id, s] of a.related) if (id === b.id) best = Math.max(best ?? 0, s);
  for (const [id, s] of b.related) if (id === a.id) best = Math.max(best ?? 0, s);
  return best;
}
