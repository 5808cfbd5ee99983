/**
 * The inverted index that proposes candidates: per informative term, the items using it.
 * An item looks up its heaviest terms and sums partial scores of the items they share.
 */
import type { FlatVectors } from '../../text/vectors.ts';
import type { LinkOptions } from './options.ts';
import { insertTop } from './topk.ts';

export interface InvertedIndex {
  /** Whether a term has postings (it is not in too many items). */
  indexed: Uint8Array;
  /** How many item kinds postings are grouped by. */
  kinds: number;
  /**
   * All postings in one set of arrays, by term, and within a term by the item's kind
   * (items ascending within a kind): term t's postings of kind k are
   * [kindStart[t*(K+1)+k], kindStart[t*(K+1)+k+1]). An item reads only the kinds it may link to.
   */
  kindStart: Int32Array;
  items: Int32Array;
  weights: Float32Array;
  /** The place of each posting's item, alongside: the hot loop then reads memory in order. */
  places: Int32Array;
}

/**
 * How many items a term may be in and still propose candidates: a share of all items and
 * a number per document, whichever is less, but never below the minimum.
 */
export function postingLimit(
  itemCount: number,
  docCount: number,
  opt: Pick<LinkOptions, 'maxPostingShare' | 'maxPostingsPerDocument' | 'minPostingLimit'>,
): number {
  return Math.max(opt.minPostingLimit, Math.floor(Math.min(itemCount * opt.maxPostingShare, opt.maxPostingsPerDocument * docCount)));
}

/**
 * Postings (item, weight, place) of every term in at most `limit` items (`df`: items per
 * term id); `kind[i]` is item i's kind code, below `kinds`.
 */
export function invertedIndex(flat: FlatVectors, place: Int32Array, kind: Int32Array, df: Uint32Array, limit: number, kinds: number): InvertedIndex {
  const size = df.length;
  const n = flat.start.length - 1;
  const K = kinds;
  const indexed = new Uint8Array(size);
  for (let t = 0; t < size; t++) indexed[t] = df[t] <= limit ? 1 : 0;
  // Counts per (term, kind), then offsets.
  const kindStart = new Int32Array(size * (K + 1) + 1);
  for (let i = 0; i < n; i++)
    for (let x = flat.start[i]; x < flat.start[i + 1]; x++) if (indexed[flat.ids[x]]) kindStart[flat.ids[x] * (K + 1) + kind[i] + 1]++;
  let total = 0;
  for (let t = 0; t < size; t++) {
    const base = t * (K + 1);
    for (let k = 0; k <= K; k++) {
      const c = k < K ? kindStart[base + k + 1] : 0;
      kindStart[base + k] = total;
      total += c;
    }
  }
  const fill = new Int32Array(size * K);
  for (let t = 0; t < size; t++) for (let k = 0; k < K; k++) fill[t * K + k] = kindStart[t * (K + 1) + k];
  const items = new Int32Array(total);
  const weights = new Float32Array(total);
  const places = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    for (let x = flat.start[i]; x < flat.start[i + 1]; x++) {
      const t = flat.ids[x];
      if (!indexed[t]) continue;
      const at = fill[t * K + kind[i]]++;
      items[at] = i;
      places[at] = place[i];
      weights[at] = flat.weights[x];
    }
  }
  return { indexed, kinds: K, kindStart, items, weights, places };
}

/**
 * An item's heaviest indexed terms (what it is most specifically about), by (weight desc,
 * id asc), into `terms`/`weights`; returns how many (at most their length).
 */
export function queryTerms(flat: FlatVectors, item: number, indexed: Uint8Array, terms: Int32Array, weights: Float64Array): number {
  const cap = terms.length;
  let count = 0;
  for (let x = flat.start[item]; x < flat.start[item + 1]; x++) {
    const id = flat.ids[x];
    if (!indexed[id]) continue;
    count = insertTop(terms, weights, count, cap, id, flat.weights[x]);
  }
  return count;
}

/**
 * Partial scores of the items sharing the query's terms: adds each query term's weight
 * times the item's weight to `accumulator`, skipping items of the place `myPlace` and kinds
 * k with `comparable[kindRow + k]` 0; lists the items first touched in `touched`, returns
 * how many. Per term (heaviest first) all its kinds: an item's partial score sums its terms
 * in query order, whatever the order of kinds. The caller zeroes the touched entries after.
 */
export function accumulate(
  index: InvertedIndex,
  queryTerms: Int32Array,
  queryWeights: Float64Array,
  queryCount: number,
  comparable: Uint8Array,
  kindRow: number,
  myPlace: number,
  accumulator: Float64Array,
  touched: Int32Array,
): number {
  let touchedCount = 0;
  const kinds = index.kinds;
  const kindStart = index.kindStart;
  const postingItems = index.items;
  const postingWeights = index.weights;
  const postingPlaces = index.places;
  for (let q = 0; q < queryCount; q++) {
    const term = queryTerms[q];
    const qw = queryWeights[q];
    for (let kk = 0; kk < kinds; kk++) {
      if (comparable[kindRow + kk] === 0) continue;
      const to = kindStart[term * (kinds + 1) + kk + 1];
      for (let k = kindStart[term * (kinds + 1) + kk]; k < to; k++) {
        if (postingPlaces[k] === myPlace) continue;
        const j = postingItems[k];
        const a = accumulator[j];
        if (a === 0) touched[touchedCount++] = j;
        accumulator[j] = a + qw * postingWeights[k];
      }
    }
  }
  return touchedCount;
}
