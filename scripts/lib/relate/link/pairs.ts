/**
 * Which matches an item keeps (its best in each other document, and near-ties), the pairs
 * those choices make once both directions are merged, and each item's pairs from both ends.
 */
import type { LinkOptions } from './options.ts';
import { insertionSort } from './sort.ts';

/**
 * One item's matches scoring above its floor, and the choice among them. A measure
 * normally has one counterpart per city, and a look-alike that is merely second best in
 * the same document (学前教育 next to 义务教育) is a different measure.
 */
export class Matches {
  count = 0;
  private readonly match: Int32Array;
  private readonly score: Float64Array;
  private readonly order: Int32Array;
  private readonly keptMatch: Int32Array;
  private readonly keptScore: Float64Array;
  private readonly keptOrder: Int32Array;

  constructor(capacity: number) {
    this.match = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.keptMatch = new Int32Array(capacity);
    this.keptScore = new Float64Array(capacity);
    this.keptOrder = new Int32Array(capacity);
  }

  add(match: number, score: number): void {
    this.match[this.count] = match;
    this.score[this.count] = score;
    this.order[this.count] = this.count;
    this.count++;
  }

  /**
   * For each other document (`doc[match]`) its best match and near-ties, at most
   * perDocument; then the best perItem of those, pushed to `choices` as (from, match,
   * score), best first (ties: lower match first). Leaves the matches empty.
   */
  choose(from: number, doc: Int32Array, opt: Pick<LinkOptions, 'nearBest' | 'perDocument' | 'perItem'>, choices: Choices): void {
    const { match, score, keptMatch, keptScore, keptOrder } = this;
    const count = this.count;
    this.count = 0;
    const byDocument = this.order.subarray(0, count);
    insertionSort(byDocument, (a, b) => doc[match[a]] - doc[match[b]] || score[b] - score[a] || match[a] - match[b]);
    let keptCount = 0;
    for (let x = 0; x < count; ) {
      const d = doc[match[byDocument[x]]];
      const top = score[byDocument[x]];
      let inDocument = 0;
      for (; x < count && doc[match[byDocument[x]]] === d; x++) {
        const f = byDocument[x];
        if (inDocument < opt.perDocument && score[f] >= top * opt.nearBest) {
          keptMatch[keptCount] = match[f];
          keptScore[keptCount] = score[f];
          keptOrder[keptCount] = keptCount;
          keptCount++;
          inDocument++;
        }
      }
    }
    const ranked = keptOrder.subarray(0, keptCount);
    insertionSort(ranked, (a, b) => keptScore[b] - keptScore[a] || keptMatch[a] - keptMatch[b]);
    for (let x = 0; x < Math.min(keptCount, opt.perItem); x++) choices.push(from, keptMatch[ranked[x]], keptScore[ranked[x]]);
  }
}

/** Pairs (i < j) with their score, in (i, j) order. */
export interface Pairs {
  count: number;
  i: Int32Array;
  j: Int32Array;
  score: Float64Array;
}

/** Directed choices as they are made; `pairs` merges the two directions of a pair. */
export class Choices {
  count = 0;
  from = new Int32Array(1 << 16);
  to = new Int32Array(1 << 16);
  score = new Float64Array(1 << 16);

  push(from: number, to: number, score: number): void {
    if (this.count === this.from.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (size: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.score = grow(this.score);
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.score[this.count++] = score;
  }

  /**
   * One entry per unordered pair of items below `n`, sorted by (i, j). A pair chosen from
   * both sides keeps the score of the later choice (its two scores can differ in the last
   * bits, as the dot product sums in the other item's term order).
   */
  pairs(n: number): Pairs {
    const start = new Int32Array(n + 1);
    for (let c = 0; c < this.count; c++) start[Math.min(this.from[c], this.to[c]) + 1]++;
    for (let x = 0; x < n; x++) start[x + 1] += start[x];
    const fill = start.slice(0, n);
    const at = new Int32Array(this.count); // choices bucketed by their lower item, in choice order
    for (let c = 0; c < this.count; c++) at[fill[Math.min(this.from[c], this.to[c])]++] = c;
    const hi = (c: number) => Math.max(this.from[c], this.to[c]);
    const out: Pairs = { count: 0, i: new Int32Array(this.count), j: new Int32Array(this.count), score: new Float64Array(this.count) };
    for (let lo = 0; lo < n; lo++) {
      const bucket = at.subarray(start[lo], start[lo + 1]);
      if (bucket.length === 0) continue;
      // By the other item, later choices last (a stable order of the choice order).
      bucket.sort((a, b) => hi(a) - hi(b) || a - b);
      for (let x = 0; x < bucket.length; x++) {
        const c = bucket[x];
        if (x + 1 < bucket.length && hi(bucket[x + 1]) === hi(c)) continue; // a later choice of the same pair follows
        out.i[out.count] = lo;
        out.j[out.count] = hi(c);
        out.score[out.count++] = this.score[c];
      }
    }
    return out;
  }
}

/** Each item's pairs, seen from either end. */
export interface PairAdjacency {
  /** Item x's entries are [start[x], start[x + 1]). */
  start: Int32Array;
  /** The other item of the pair. */
  partner: Int32Array;
  /** The index of the pair in Pairs. */
  pairOf: Int32Array;
}

/** Every item's pairs from both ends; an item's entries are in pair order. */
export function pairAdjacency(n: number, pairs: Pairs): PairAdjacency {
  const start = new Int32Array(n + 1);
  for (let p = 0; p < pairs.count; p++) {
    start[pairs.i[p] + 1]++;
    start[pairs.j[p] + 1]++;
  }
  for (let x = 0; x < n; x++) start[x + 1] += start[x];
  const fill = start.slice(0, n);
  const partner = new Int32Array(2 * pairs.count);
  const pairOf = new Int32Array(2 * pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    const i = pairs.i[p];
    const j = pairs.j[p];
    partner[fill[i]] = j;
    pairOf[fill[i]++] = p;
    partner[fill[j]] = i;
    pairOf[fill[j]++] = p;
  }
  return { start, partner, pairOf };
}
