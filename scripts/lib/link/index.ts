/**
 * Cross-links between similar items of different cities, and topics that group the same
 * measure across cities.
 *
 * Similarity is the cosine of corpus-weighted term vectors (text/vectors.ts). To stay
 * near-linear in the number of items there is no all-pairs comparison: an inverted index
 * over the informative terms (those not in a large share of all items) proposes
 * candidates, which are scored exactly. For each item and each other document only the
 * best match (and near-ties) is kept: a measure normally has one counterpart per city,
 * and a look-alike that is merely second best in the same document (学前教育 next to
 * 义务教育) is a different measure.
 */
import { createHash } from 'node:crypto';
import { DOMAINS } from '../domains.ts';
import { segmentItem, segmentItems, type ItemWords } from '../text/segment.ts';
import { buildVectorsFromWords, type FlatVectors, type SparseVector, type TermSpace } from '../text/vectors.ts';
import type { DomainName, Item, ItemKind, Link, Topic } from '../types.ts';

export interface LinkOptions {
  /** Lowest score a link between two plan items (goal↔goal, measure↔measure) may have. */
  threshold: number;
  /**
   * Lowest score when one side is a recommendation, report item or speech passage: such an
   * item sums up several measures in one paragraph, so its likeness to any one measure is
   * diluted even when it addresses it.
   */
  summaryThreshold: number;
  /** Within one other document, keep matches scoring at least this share of the best one. */
  nearBest: number;
  /** At most this many matches per item in one other document. */
  perDocument: number;
  /** At most this many matches per item overall (before making links symmetric). */
  perItem: number;
  /** Lowest score of a link that may join two items into one topic. */
  topicFloor: number;
  /** Terms in more than this share of all items do not propose candidates (they still score). */
  maxPostingShare: number;
  /**
   * Terms in more items than this many per document do not propose candidates either: the
   * same measure appears about once per document, so a word far more frequent than that
   * names a theme, not a measure.
   */
  maxPostingsPerDocument: number;
  /** How many of an item's heaviest terms it looks up in the index. */
  queryTerms: number;
  /** How many proposed candidates per item are scored exactly. */
  candidatesPerItem: number;
  /** Score factor when both items have a (different) canonical domain. */
  otherDomainFactor: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  threshold: 0.3,
  summaryThreshold: 0.2,
  nearBest: 0.9,
  perDocument: 3,
  perItem: 12,
  topicFloor: 0.35,
  maxPostingShare: 0.05,
  maxPostingsPerDocument: 2,
  queryTerms: 16,
  candidatesPerItem: 40,
  otherDomainFactor: 0.9,
};

export interface LinkResult {
  links: Link[];
  topics: Topic[];
  stats: { ms: number; candidates: number; stages: LinkStageTimes };
}

/** Milliseconds spent in each stage of linkItems, so a reader sees where the time goes. */
export interface LinkStageTimes {
  /** Word segmentation of every item's title and body. */
  segment: number;
  /** Corpus-weighted vectors and the inverted index. */
  index: number;
  /** Candidate generation and exact scoring, per item. */
  scoring: number;
  /** Symmetric links with their shared terms, in output order. */
  links: number;
  /** Grouping into topics. */
  topics: number;
}

export interface PlaceOfDocument {
  id: string;
  city: string | null;
}

const PLAN_KINDS: ReadonlySet<ItemKind> = new Set(['goal', 'measure']);

/**
 * Goals link to goals and measures to measures; recommendations, report items and
 * speeches (which have no such skeleton) may link to measures and to each other.
 */
export function kindsComparable(a: ItemKind, b: ItemKind): boolean {
  if (a === b) return true;
  if (PLAN_KINDS.has(a) && PLAN_KINDS.has(b)) return false;
  return a !== 'goal' && b !== 'goal';
}

export interface ItemVectors {
  space: TermSpace;
  vectors: SparseVector[];
}

/** Vectors of the items, weighted over these items as the corpus. */
export function vectoriseItems(items: readonly Pick<Item, 'title' | 'text'>[]): ItemVectors {
  return buildVectorsFromWords(items.map((item) => segmentItem(item.title, item.text)));
}

const KINDS: readonly ItemKind[] = ['goal', 'measure', 'recommendation', 'report', 'speech'];

export function linkItems(
  items: readonly Item[],
  docs: readonly PlaceOfDocument[],
  options: Partial<LinkOptions> = {},
  /** The items' words (`segmentItems(items)`), when the caller has them already. */
  itemWords?: readonly ItemWords[],
): LinkResult {
  const started = performance.now();
  const opt = { ...DEFAULT_LINK_OPTIONS, ...options };
  // Work on a canonical order so the result does not depend on the caller's order.
  const order = [...items].sort((a, b) => cmp(a.id, b.id));
  const n = order.length;

  // Per item, as small integers: its place (its city, or for an unknown city the document
  // itself), document, kind and domain, so the hot loops compare numbers, not strings.
  const cityOf = new Map(docs.map((d) => [d.id, d.city]));
  const placeIds = new Map<string, number>();
  const docIds = new Map<string, number>();
  const domainIds = new Map<string, number>();
  const place = new Int32Array(n);
  const doc = new Int32Array(n);
  const kind = new Int32Array(n);
  const domain = new Int32Array(n);
  const plan = new Uint8Array(n);
  order.forEach((item, i) => {
    const key = cityOf.get(item.docId) ? `city:${cityOf.get(item.docId)}` : `doc:${item.docId}`;
    if (!placeIds.has(key)) placeIds.set(key, placeIds.size);
    if (!docIds.has(item.docId)) docIds.set(item.docId, docIds.size);
    place[i] = placeIds.get(key)!;
    doc[i] = docIds.get(item.docId)!;
    kind[i] = Math.max(0, KINDS.indexOf(item.kind));
    plan[i] = PLAN_KINDS.has(item.kind) ? 1 : 0;
    if (item.domain && !domainIds.has(item.domain)) domainIds.set(item.domain, domainIds.size);
    domain[i] = item.domain ? domainIds.get(item.domain)! : -1;
  });
  const comparable = new Uint8Array(KINDS.length * KINDS.length);
  for (let a = 0; a < KINDS.length; a++)
    for (let b = 0; b < KINDS.length; b++) comparable[a * KINDS.length + b] = kindsComparable(KINDS[a], KINDS[b]) ? 1 : 0;

  // Each item is segmented exactly once here (title and body separately); on a large
  // corpus a helper thread takes half of the chunks.
  const position = itemWords ? new Map(items.map((item, k) => [item, k])) : null;
  const words = position ? order.map((item) => itemWords![position.get(item)!]!) : segmentItems(order);
  const tSegment = performance.now();
  const { space, flat } = buildVectorsFromWords(words);
  words.length = 0;
  const index = invertedIndex(flat, place, kind, space, opt.maxPostingShare, opt.maxPostingsPerDocument * docIds.size);
  const tIndex = performance.now();

  // Directed choices (item, match, score), in the order they are made.
  const choices = new Choices();
  const accumulator = new Float64Array(n);
  // The current item's weights, dense: a candidate's exact cosine is then one pass over
  // the candidate's terms instead of a merge of two sparse lists.
  const dense = new Float32Array(space.terms.length);
  const touched = new Int32Array(n);
  const queryTerms = new Int32Array(opt.queryTerms);
  const queryWeights = new Float64Array(opt.queryTerms);
  const heap = new Int32Array(opt.candidatesPerItem);
  // Scored candidates above the floor of the current item: match, score, document.
  const found = new Int32Array(opt.candidatesPerItem);
  const foundScore = new Float64Array(opt.candidatesPerItem);
  const foundOrder = new Int32Array(opt.candidatesPerItem);
  const keptJ = new Int32Array(opt.candidatesPerItem);
  const keptScore = new Float64Array(opt.candidatesPerItem);
  const keptOrder = new Int32Array(opt.candidatesPerItem);
  let candidatesScored = 0;
  for (let i = 0; i < n; i++) {
    const vFrom = flat.start[i];
    const vTo = flat.start[i + 1];
    for (let x = vFrom; x < vTo; x++) dense[flat.ids[x]] = flat.weights[x];
    const queryCount = heaviest(flat, i, index.indexed, queryTerms, queryWeights);
    const myPlace = place[i];
    const kindRow = kind[i] * KINDS.length;
    // Per term (heaviest first), its postings of comparable kinds: an item's partial score
    // sums its terms in query order, whatever the order of kinds.
    const touchedCount = accumulate(index, queryTerms, queryWeights, queryCount, comparable, kindRow, myPlace, accumulator, touched);
    // The best-proposed candidates (all of comparable kinds), scored exactly.
    const taken = topProposed(touched, touchedCount, accumulator, heap);
    let foundCount = 0;
    for (let h = 0; h < taken; h++) {
      const j = heap[h];
      let score = denseCosine(dense, flat, j);
      // Two items whose documents place them in different domains are less likely the same
      // measure (家风 for a family's values vs for raising children): a mild discount, not
      // a wall, since recommendations and report items cross domains.
      if (domain[i] >= 0 && domain[j] >= 0 && domain[i] !== domain[j]) score *= opt.otherDomainFactor;
      const floor = plan[i] && plan[j] ? opt.threshold : opt.summaryThreshold;
      if (score < floor) continue;
      found[foundCount] = j;
      foundScore[foundCount] = score;
      foundOrder[foundCount] = foundCount;
      foundCount++;
    }
    candidatesScored += taken;
    for (let x = vFrom; x < vTo; x++) dense[flat.ids[x]] = 0;
    for (let k = 0; k < touchedCount; k++) accumulator[touched[k]] = 0;
    if (foundCount === 0) continue;

    // For each other document its best match and near-ties, at most perDocument; then the
    // best perItem of those.
    const byDocument = foundOrder.subarray(0, foundCount);
    insertionSort(byDocument, (a, b) => doc[found[a]] - doc[found[b]] || foundScore[b] - foundScore[a] || found[a] - found[b]);
    let keptCount = 0;
    for (let x = 0; x < foundCount; ) {
      const d = doc[found[byDocument[x]]];
      const top = foundScore[byDocument[x]];
      let inDocument = 0;
      for (; x < foundCount && doc[found[byDocument[x]]] === d; x++) {
        const f = byDocument[x];
        if (inDocument < opt.perDocument && foundScore[f] >= top * opt.nearBest) {
          keptJ[keptCount] = found[f];
          keptScore[keptCount] = foundScore[f];
          keptOrder[keptCount] = keptCount;
          keptCount++;
          inDocument++;
        }
      }
    }
    const ranked = keptOrder.subarray(0, keptCount);
    insertionSort(ranked, (a, b) => keptScore[b] - keptScore[a] || keptJ[a] - keptJ[b]);
    for (let x = 0; x < Math.min(keptCount, opt.perItem); x++) choices.push(i, keptJ[ranked[x]], keptScore[ranked[x]]);
  }
  const tScoring = performance.now();

  // Symmetric: a pair chosen from either side is shown on both sides.
  const pairs = choices.pairs(n);
  const links = symmetricLinks(order, flat, space, dense, pairs);
  const tLinks = performance.now();
  const topics = groupTopics(order, doc, pairs, opt.topicFloor);
  const tTopics = performance.now();
  const stages: LinkStageTimes = {
    segment: Math.round(tSegment - started),
    index: Math.round(tIndex - tSegment),
    scoring: Math.round(tScoring - tIndex),
    links: Math.round(tLinks - tScoring),
    topics: Math.round(tTopics - tLinks),
  };
  return { links, topics, stats: { ms: Math.round(tTopics - started), candidates: candidatesScored, stages } };
}

/** Sorts a short array in place (the comparator must be a total order). */
function insertionSort(a: Int32Array, compare: (x: number, y: number) => number): void {
  for (let k = 1; k < a.length; k++) {
    const x = a[k];
    let m = k;
    for (; m > 0 && compare(a[m - 1], x) > 0; m--) a[m] = a[m - 1];
    a[m] = x;
  }
}

/** Pairs (i < j) with their score, in (i, j) order. */
interface Pairs {
  count: number;
  i: Int32Array;
  j: Int32Array;
  score: Float64Array;
}

/** Directed choices as they are made; `pairs` merges the two directions of a pair. */
class Choices {
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
   * One entry per unordered pair, sorted by (i, j). A pair chosen from both sides keeps
   * the score of the later choice (its two scores can differ in the last bits, as the
   * dot product sums in the other item's term order).
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

/**
 * Both directions of every pair, sorted by source id, then score (best first), then
 * target id. Items are in id order, so index order is id order when ids are unique.
 */
function symmetricLinks(order: readonly Item[], flat: FlatVectors, space: TermSpace, dense: Float32Array, pairs: Pairs): Link[] {
  const n = order.length;
  // Per source, its links: target, rounded score and the pair (whose shared terms they show).
  const { start, partner: target, pairOf: pairAt } = pairAdjacency(n, pairs);
  const rounded = new Float64Array(2 * pairs.count);
  for (let e = 0; e < rounded.length; e++) rounded[e] = Math.round(pairs.score[pairAt[e]] * 1000) / 1000;
  const terms: string[][] = new Array(pairs.count);
  let scattered = -1;
  const explainer = new Explainer(space);
  for (let p = 0; p < pairs.count; p++) {
    const i = pairs.i[p];
    const j = pairs.j[p];
    if (i !== scattered) {
      if (scattered >= 0) for (let x = flat.start[scattered]; x < flat.start[scattered + 1]; x++) dense[flat.ids[x]] = 0;
      for (let x = flat.start[i]; x < flat.start[i + 1]; x++) dense[flat.ids[x]] = flat.weights[x];
      scattered = i;
    }
    terms[p] = explainer.explain(dense, flat, j);
  }
  if (scattered >= 0) for (let x = flat.start[scattered]; x < flat.start[scattered + 1]; x++) dense[flat.ids[x]] = 0;

  let uniqueIds = true;
  for (let x = 1; x < n; x++) if (order[x].id === order[x - 1].id) uniqueIds = false;
  const links: Link[] = new Array(2 * pairs.count);
  let out = 0;
  for (let s = 0; s < n; s++) {
    // Insertion sort of the source's few links: score (best first), then target.
    for (let a = start[s] + 1; a < start[s + 1]; a++) {
      const t = target[a];
      const r = rounded[a];
      const p = pairAt[a];
      let b = a;
      for (; b > start[s] && (rounded[b - 1] < r || (rounded[b - 1] === r && target[b - 1] > t)); b--) {
        target[b] = target[b - 1];
        rounded[b] = rounded[b - 1];
        pairAt[b] = pairAt[b - 1];
      }
      target[b] = t;
      rounded[b] = r;
      pairAt[b] = p;
    }
    const source = order[s].id;
    for (let a = start[s]; a < start[s + 1]; a++) {
      links[out++] = { source, target: order[target[a]].id, score: rounded[a], sharedTerms: terms[pairAt[a]] };
    }
  }
  // Duplicate ids (not produced by the pipeline): fall back to sorting by the ids themselves.
  if (!uniqueIds) links.sort((a, b) => cmp(a.source, b.source) || b.score - a.score || cmp(a.target, b.target));
  return links;
}

/**
 * The words a pair shares, most informative first (by contribution to the score), as
 * sharedTerms in text/vectors.ts does, with the first item's vector already dense.
 */
class Explainer {
  private ids = new Int32Array(64);
  private products = new Float64Array(64);
  /** Per term id: ids of the vocabulary's terms that are proper substrings of it (lazily). */
  private inside: (Int32Array | undefined)[] = [];
  private chosen: Uint8Array;
  private subsumed: Uint8Array;
  constructor(
    private readonly space: TermSpace,
    private readonly limit = 5,
  ) {
    this.chosen = new Uint8Array(space.terms.length);
    this.subsumed = new Uint8Array(space.terms.length);
  }

  private substringsOf(id: number): Int32Array {
    let found = this.inside[id];
    if (found) return found;
    const term = this.space.terms[id];
    const ids = new Set<number>();
    for (let from = 0; from < term.length; from++)
      for (let to = from + 1; to <= term.length; to++) {
        if (to - from === term.length) continue;
        const sub = this.space.idOf(term.slice(from, to));
        if (sub !== undefined) ids.add(sub);
      }
    found = Int32Array.from(ids);
    this.inside[id] = found;
    return found;
  }

  explain(dense: Float32Array, flat: FlatVectors, item: number): string[] {
    // The heaviest limit * 3 shared terms, by (product desc, id asc), kept sorted.
    const cap = this.limit * 3;
    const ids = this.ids;
    const products = this.products;
    let count = 0;
    for (let x = flat.start[item]; x < flat.start[item + 1]; x++) {
      const id = flat.ids[x];
      const w = dense[id];
      if (!(w > 0)) continue;
      count = insertTop(ids, products, count, cap, id, w * flat.weights[x]);
    }
    // A shared word inside a longer shared word (`妇幼` in `妇幼保健`) is left out.
    for (let m = 0; m < count; m++) this.chosen[ids[m]] = 1;
    for (let m = 0; m < count; m++) {
      const inside = this.substringsOf(ids[m]);
      for (let x = 0; x < inside.length; x++) if (this.chosen[inside[x]]) this.subsumed[inside[x]] = 1;
    }
    const words: string[] = [];
    for (let m = 0; m < count; m++) if (!this.subsumed[ids[m]] && words.length < this.limit) words.push(this.space.terms[ids[m]]);
    for (let m = 0; m < count; m++) this.chosen[ids[m]] = this.subsumed[ids[m]] = 0;
    return words;
  }
}

function denseCosine(dense: Float32Array, flat: FlatVectors, j: number): number {
  let dot = 0;
  const ids = flat.ids;
  const weights = flat.weights;
  const to = flat.start[j + 1];
  for (let x = flat.start[j]; x < to; x++) dot += dense[ids[x]] * weights[x];
  return Math.min(1, Math.max(0, dot));
}

/**
 * Partial scores of the items sharing the query's terms: adds each query term's weight
 * times the item's weight to `accumulator`, skipping items of the same place or of kinds
 * not comparable; lists the items first touched in `touched`, returns how many.
 */
function accumulate(
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
  const kinds = KINDS.length;
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

/**
 * The touched items with the highest accumulated partial score, at most
 * `heap.length` of them, written to the front of `heap`; returns how many. Which items
 * is fixed by (score desc, index asc); their order in `heap` is not (callers rank them).
 * A bounded min-heap: no sort of all touched items.
 */
function topProposed(
  touched: Int32Array,
  touchedCount: number,
  score: Float64Array,
  heap: Int32Array,
): number {
  const count = heap.length;
  let size = 0;
  // a is "worse" than b: lower score, or same score and higher index.
  const worse = (a: number, b: number) => score[a] < score[b] || (score[a] === score[b] && a > b);
  for (let t = 0; t < touchedCount; t++) {
    const j = touched[t];
    if (size === count) {
      // Most touched items are no better than the current worst kept one: reject them cheaply.
      const root = heap[0];
      const sj = score[j];
      if (sj < score[root] || (sj === score[root] && j > root)) continue;
    }
    let k: number;
    if (size < count) {
      // Sift up from the end.
      k = size++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!worse(j, heap[parent])) break;
        heap[k] = heap[parent];
        k = parent;
      }
      heap[k] = j;
      continue;
    }
    // Replace the root and sift down.
    k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) break;
      const r = l + 1;
      const m = r < size && worse(heap[r], heap[l]) ? r : l;
      if (!worse(heap[m], j)) break;
      heap[k] = heap[m];
      k = m;
    }
    heap[k] = j;
  }
  return size;
}

interface InvertedIndex {
  /** Whether a term has postings (it is not in too large a share of the items). */
  indexed: Uint8Array;
  /**
   * All postings in one set of arrays, by term, and within a term by the item's kind (in
   * KINDS order, items ascending within a kind): term t's postings of kind k are
   * [kindStart[t*(K+1)+k], kindStart[t*(K+1)+k+1]). An item reads only the kinds it may link to.
   */
  kindStart: Int32Array;
  items: Int32Array;
  weights: Float32Array;
  /** The place of each posting's item, alongside: the hot loop then reads memory in order. */
  places: Int32Array;
}

/** Postings (item, weight, place) for every term that is not in too large a share of the items. */
function invertedIndex(
  flat: FlatVectors,
  place: Int32Array,
  kind: Int32Array,
  space: TermSpace,
  maxShare: number,
  maxForDocuments: number,
): InvertedIndex {
  const limit = Math.max(30, Math.floor(Math.min(space.itemCount * maxShare, maxForDocuments)));
  const size = space.terms.length;
  const n = flat.start.length - 1;
  const K = KINDS.length;
  const indexed = new Uint8Array(size);
  for (let t = 0; t < size; t++) indexed[t] = space.df[t] <= limit ? 1 : 0;
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
  return { indexed, kindStart, items, weights, places };
}

/**
 * Insert (id, value) into the first `count` entries of `ids`/`values`, kept sorted by value
 * descending and at most `cap` long; returns the new count. Callers feed ids in ascending
 * order, so an equal value goes after those already there (ties stay in id order).
 */
function insertTop(ids: Int32Array, values: Float64Array, count: number, cap: number, id: number, value: number): number {
  let at = count;
  while (at > 0 && values[at - 1] < value) at--;
  if (at >= cap) return count;
  for (let m = Math.min(count, cap - 1); m > at; m--) {
    ids[m] = ids[m - 1];
    values[m] = values[m - 1];
  }
  ids[at] = id;
  values[at] = value;
  return count < cap ? count + 1 : count;
}

/**
 * An item's heaviest indexed terms (what it is most specifically about), by (weight desc,
 * id asc), into `terms`/`weights`; returns how many (at most their length).
 */
function heaviest(flat: FlatVectors, item: number, indexed: Uint8Array, terms: Int32Array, weights: Float64Array): number {
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
 * Every item's pairs from both ends, in pair order: item x's partners are
 * `partner[start[x] .. start[x + 1])`, each with the index of its pair in `pairOf`.
 */
function pairAdjacency(n: number, pairs: Pairs): { start: Int32Array; partner: Int32Array; pairOf: Int32Array } {
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

/**
 * Topics: the same measure across cities. Links between mutual best matches (each is the
 * other's best in its document) above the floor join items, strongest first, never
 * putting two items of one document in the same topic.
 */
function groupTopics(order: readonly Item[], doc: Int32Array, pairs: Pairs, floor: number): Topic[] {
  const n = order.length;
  // Each item's pairs (both directions), to find its best partner in each other document:
  // highest score, then lowest index.
  const { start, partner, pairOf } = pairAdjacency(n, pairs);
  // bestSides[p]: 1 if j is i's best in j's document, 2 if i is j's best in i's; 3 = mutual.
  const bestSides = new Uint8Array(pairs.count);
  let docCount = 0;
  for (let x = 0; x < n; x++) docCount = Math.max(docCount, doc[x] + 1);
  const bestIn = new Int32Array(docCount).fill(-1);
  const bestScore = new Float64Array(docCount);
  for (let x = 0; x < n; x++) {
    for (let e = start[x]; e < start[x + 1]; e++) {
      const y = partner[e];
      const s = pairs.score[pairOf[e]];
      const d = doc[y];
      const cur = bestIn[d];
      if (cur < 0 || s > bestScore[d] || (s === bestScore[d] && y < cur)) {
        bestIn[d] = y;
        bestScore[d] = s;
      }
    }
    for (let e = start[x]; e < start[x + 1]; e++) {
      const y = partner[e];
      if (bestIn[doc[y]] === y) bestSides[pairOf[e]] |= x === pairs.i[pairOf[e]] ? 1 : 2;
    }
    for (let e = start[x]; e < start[x + 1]; e++) bestIn[doc[partner[e]]] = -1;
  }
  const mutual: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (pairs.score[p] >= floor && bestSides[p] === 3) mutual.push(p);
  mutual.sort((a, b) => pairs.score[b] - pairs.score[a] || pairs.i[a] - pairs.i[b] || pairs.j[a] - pairs.j[b]);

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const docsOf = new Map<number, Set<number>>();
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const docSet = (root: number) => {
    let s = docsOf.get(root);
    if (!s) docsOf.set(root, (s = new Set([doc[root]])));
    return s;
  };
  const edgesInTopic: number[] = [];
  for (const p of mutual) {
    const a = find(pairs.i[p]);
    const b = find(pairs.j[p]);
    if (a === b) {
      edgesInTopic.push(p);
      continue;
    }
    const da = docSet(a);
    const db = docSet(b);
    // Join only if no document is on both sides; the smaller set is merged into the larger.
    const [small, large] = da.size <= db.size ? [da, db] : [db, da];
    let overlap = false;
    for (const d of small) if (large.has(d)) overlap = true;
    if (overlap) continue;
    const [root, child] = a < b ? [a, b] : [b, a];
    parent[child] = root;
    for (const d of small) large.add(d);
    docsOf.set(root, large);
    docsOf.delete(child);
    edgesInTopic.push(p);
  }

  const members = new Map<number, number[]>();
  const centrality = new Float64Array(n);
  for (const p of edgesInTopic) {
    centrality[pairs.i[p]] += pairs.score[p];
    centrality[pairs.j[p]] += pairs.score[p];
  }
  for (let i = 0; i < n; i++) {
    if (centrality[i] === 0) continue;
    const r = find(i);
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  }

  const topics: Topic[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const central = [...list].sort((a, b) => centrality[b] - centrality[a] || cmp(order[a].id, order[b].id))[0];
    const ids = list.map((i) => order[i].id).sort(cmp);
    topics.push({
      id: topicId(ids),
      title: order[central].title,
      domain: majorityDomain(list.map((i) => order[i])),
      items: ids,
    });
  }
  topics.sort((a, b) => domainRank(a.domain) - domainRank(b.domain) || cmp(a.items[0], b.items[0]));
  return topics;
}

/**
 * Topic id from its first member id: stays the same when other cities join the topic,
 * as long as no member with an earlier id appears.
 */
function topicId(sortedMemberIds: readonly string[]): string {
  return `topic-${createHash('sha1').update(sortedMemberIds[0]).digest('hex').slice(0, 10)}`;
}

function majorityDomain(items: readonly Item[]): DomainName | null {
  const votes = new Map<DomainName, number>();
  for (const item of items) {
    if (!item.domain) continue;
    // A domain the document's structure states outweighs an inferred one.
    votes.set(item.domain, (votes.get(item.domain) ?? 0) + (item.domainSource === 'structure' ? 2 : 1));
  }
  let best: DomainName | null = null;
  for (const [d, v] of votes) {
    const bv = best ? votes.get(best)! : -1;
    if (v > bv || (v === bv && domainRank(d) < domainRank(best))) best = d;
  }
  return best;
}

function domainRank(name: string | null): number {
  const i = DOMAINS.findIndex((d) => d.name === name);
  return i < 0 ? DOMAINS.length : i;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
