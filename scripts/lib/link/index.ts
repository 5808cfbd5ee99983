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
import { segmentItem } from '../text/segment.ts';
import { buildVectors, termBag, type SparseVector, type TermSpace } from '../text/vectors.ts';
import type { Item, ItemKind, Link, Topic } from '../types.ts';

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
  stats: { ms: number; candidates: number };
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
  const bags = items.map((item) => {
    const words = segmentItem(item.title, item.text);
    return termBag(words.title, words.body);
  });
  return buildVectors(bags);
}

export function linkItems(
  items: readonly Item[],
  docs: readonly PlaceOfDocument[],
  options: Partial<LinkOptions> = {},
): LinkResult {
  const started = performance.now();
  const opt = { ...DEFAULT_LINK_OPTIONS, ...options };
  // Work on a canonical order so the result does not depend on the caller's order.
  const order = [...items].sort((a, b) => cmp(a.id, b.id));
  const n = order.length;

  // A place per document: its city, or (unknown city) the document itself.
  const cityOf = new Map(docs.map((d) => [d.id, d.city]));
  const placeIds = new Map<string, number>();
  const docIds = new Map<string, number>();
  const place = new Int32Array(n);
  const doc = new Int32Array(n);
  order.forEach((item, i) => {
    const key = cityOf.get(item.docId) ? `city:${cityOf.get(item.docId)}` : `doc:${item.docId}`;
    if (!placeIds.has(key)) placeIds.set(key, placeIds.size);
    if (!docIds.has(item.docId)) docIds.set(item.docId, docIds.size);
    place[i] = placeIds.get(key)!;
    doc[i] = docIds.get(item.docId)!;
  });

  const { space, vectors } = vectoriseItems(order);
  const index = invertedIndex(vectors, space, opt.maxPostingShare, opt.maxPostingsPerDocument * docIds.size);

  const tIndex = performance.now();
  // Directed choices: for item i, its kept matches.
  const chosen = new Map<number, number>(); // i * n + j with i < j → score
  const accumulator = new Float64Array(n);
  // The current item's weights, dense: a candidate's exact cosine is then one pass over
  // the candidate's terms instead of a merge of two sparse lists.
  const dense = new Float32Array(space.terms.length);
  const touched = new Int32Array(n);
  let candidatesScored = 0;
  for (let i = 0; i < n; i++) {
    const v = vectors[i];
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]] = v.weights[k];
    const query = heaviest(v, opt.queryTerms, index.postings);
    let touchedCount = 0;
    for (const [term, qw] of query) {
      const postingItems = index.postings[term]!;
      const postingWeights = index.weights[term]!;
      for (let k = 0; k < postingItems.length; k++) {
        const j = postingItems[k];
        if (place[j] === place[i]) continue;
        if (accumulator[j] === 0) touched[touchedCount++] = j;
        accumulator[j] += qw * postingWeights[k];
      }
    }
    // The best-proposed comparable candidates, scored exactly.
    const proposed = topProposed(touched, touchedCount, accumulator, opt.candidatesPerItem, (j) =>
      kindsComparable(order[i].kind, order[j].kind),
    );
    const best = new Map<number, [number, number][]>(); // doc → [(j, score)]
    const taken = proposed.length;
    for (const j of proposed) {
      const score = denseCosine(dense, vectors[j]) * domainAgreement(order[i], order[j], opt.otherDomainFactor);
      const floor = PLAN_KINDS.has(order[i].kind) && PLAN_KINDS.has(order[j].kind) ? opt.threshold : opt.summaryThreshold;
      if (score < floor) continue;
      const list = best.get(doc[j]) ?? [];
      list.push([j, score]);
      best.set(doc[j], list);
    }
    candidatesScored += taken;
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]] = 0;
    for (let k = 0; k < touchedCount; k++) accumulator[touched[k]] = 0;

    const kept: [number, number][] = [];
    for (const list of best.values()) {
      list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const top = list[0][1];
      kept.push(...list.filter(([, s]) => s >= top * opt.nearBest).slice(0, opt.perDocument));
    }
    kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [j, score] of kept.slice(0, opt.perItem)) chosen.set(i < j ? i * n + j : j * n + i, score);
  }

  const tLoop = performance.now();
  // Symmetric: a pair chosen from either side is shown on both sides.
  const links: Link[] = [];
  const pairs: [number, number, number][] = [];
  for (const [key, score] of chosen) pairs.push([Math.floor(key / n), key % n, score]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let scattered = -1;
  for (const [i, j, score] of pairs) {
    if (i !== scattered) {
      if (scattered >= 0) for (const id of vectors[scattered].ids) dense[id] = 0;
      for (let k = 0; k < vectors[i].ids.length; k++) dense[vectors[i].ids[k]] = vectors[i].weights[k];
      scattered = i;
    }
    const terms = explain(dense, vectors[j], space);
    const rounded = Math.round(score * 1000) / 1000;
    links.push({ source: order[i].id, target: order[j].id, score: rounded, sharedTerms: terms });
    links.push({ source: order[j].id, target: order[i].id, score: rounded, sharedTerms: terms });
  }
  if (scattered >= 0) for (const id of vectors[scattered].ids) dense[id] = 0;
  links.sort((a, b) => cmp(a.source, b.source) || b.score - a.score || cmp(a.target, b.target));

  if (process.env.LINK_DEBUG) console.log('vectorise+index ms', tIndex - started, 'loop ms', tLoop - tIndex, 'links ms', performance.now() - tLoop);
  const topics = groupTopics(order, doc, pairs, opt.topicFloor);
  return { links, topics, stats: { ms: Math.round(performance.now() - started), candidates: candidatesScored } };
}

/**
 * The words a pair shares, most informative first (by contribution to the score), as
 * sharedTerms in text/vectors.ts does, with the first item's vector already dense.
 */
function explain(dense: Float32Array, b: SparseVector, space: TermSpace, limit = 5): string[] {
  const shared: [number, number][] = [];
  for (let k = 0; k < b.ids.length; k++) {
    const w = dense[b.ids[k]];
    if (w > 0) shared.push([b.ids[k], w * b.weights[k]]);
  }
  shared.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  const words = shared.slice(0, limit * 3).map(([id]) => space.terms[id]);
  // A shared word inside a longer shared word (`妇幼` in `妇幼保健`) is left out.
  return words.filter((t) => !words.some((u) => u.length > t.length && u.includes(t))).slice(0, limit);
}

function denseCosine(dense: Float32Array, b: SparseVector): number {
  let dot = 0;
  for (let k = 0; k < b.ids.length; k++) dot += dense[b.ids[k]] * b.weights[k];
  return Math.min(1, Math.max(0, dot));
}

/**
 * Two items whose documents place them in different domains are less likely the same
 * measure (家风 for a family's values vs for raising children): a mild discount, not a
 * wall, since recommendations and report items cross domains. Unknown domain: no effect.
 */
function domainAgreement(a: Item, b: Item, otherDomainFactor: number): number {
  return a.domain && b.domain && a.domain !== b.domain ? otherDomainFactor : 1;
}

/**
 * The `count` touched items with the highest accumulated partial score that pass `keep`,
 * best first (ties: lower index). A bounded min-heap: no sort of all touched items.
 */
function topProposed(
  touched: Int32Array,
  touchedCount: number,
  score: Float64Array,
  count: number,
  keep: (j: number) => boolean,
): number[] {
  const heap: number[] = [];
  // a is "worse" than b: lower score, or same score and higher index.
  const worse = (a: number, b: number) => score[a] < score[b] || (score[a] === score[b] && a > b);
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === k) return;
      [heap[k], heap[m]] = [heap[m], heap[k]];
      k = m;
    }
  };
  for (let t = 0; t < touchedCount; t++) {
    const j = touched[t];
    if (heap.length === count && !worse(heap[0], j)) continue;
    if (!keep(j)) continue;
    if (heap.length < count) {
      heap.push(j);
      for (let k = heap.length - 1; k > 0; ) {
        const parent = (k - 1) >> 1;
        if (!worse(heap[k], heap[parent])) break;
        [heap[k], heap[parent]] = [heap[parent], heap[k]];
        k = parent;
      }
    } else {
      heap[0] = j;
      down(0);
    }
  }
  return heap.sort((a, b) => score[b] - score[a] || a - b);
}

interface InvertedIndex {
  postings: (Int32Array | undefined)[];
  weights: (Float32Array | undefined)[];
}

/** Postings (item, weight) for every term that is not in too large a share of the items. */
function invertedIndex(
  vectors: readonly SparseVector[],
  space: TermSpace,
  maxShare: number,
  maxForDocuments: number,
): InvertedIndex {
  const limit = Math.max(30, Math.floor(Math.min(space.itemCount * maxShare, maxForDocuments)));
  const size = space.terms.length;
  const fill = new Int32Array(size);
  const postings: (Int32Array | undefined)[] = new Array(size);
  const weights: (Float32Array | undefined)[] = new Array(size);
  for (let t = 0; t < size; t++) {
    if (space.df[t] <= limit) {
      postings[t] = new Int32Array(space.df[t]);
      weights[t] = new Float32Array(space.df[t]);
    }
  }
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k];
      const p = postings[t];
      if (!p) continue;
      p[fill[t]] = i;
      weights[t]![fill[t]++] = v.weights[k];
    }
  });
  return { postings, weights };
}

/** An item's heaviest indexed terms: what it is most specifically about. */
function heaviest(v: SparseVector, count: number, postings: InvertedIndex['postings']): [number, number][] {
  const terms: [number, number][] = [];
  for (let k = 0; k < v.ids.length; k++) if (postings[v.ids[k]]) terms.push([v.ids[k], v.weights[k]]);
  terms.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return terms.slice(0, count);
}

/**
 * Topics: the same measure across cities. Links between mutual best matches (each is the
 * other's best in its document) above the floor join items, strongest first, never
 * putting two items of one document in the same topic.
 */
function groupTopics(order: readonly Item[], doc: Int32Array, pairs: [number, number, number][], floor: number): Topic[] {
  const n = order.length;
  // Best partner of each item in each other document.
  const bestIn = new Map<string, [number, number]>(); // "i,docJ" → (j, score)
  const consider = (i: number, j: number, s: number) => {
    const key = `${i},${doc[j]}`;
    const cur = bestIn.get(key);
    if (!cur || s > cur[1] || (s === cur[1] && j < cur[0])) bestIn.set(key, [j, s]);
  };
  for (const [i, j, s] of pairs) {
    consider(i, j, s);
    consider(j, i, s);
  }
  const mutual = pairs.filter(
    ([i, j, s]) => s >= floor && bestIn.get(`${i},${doc[j]}`)?.[0] === j && bestIn.get(`${j},${doc[i]}`)?.[0] === i,
  );
  mutual.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);

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
  const edgesInTopic: [number, number, number][] = [];
  for (const edge of mutual) {
    const [i, j] = edge;
    const a = find(i);
    const b = find(j);
    if (a === b) {
      edgesInTopic.push(edge);
      continue;
    }
    const da = docSet(a);
    const db = docSet(b);
    if ([...db].some((d) => da.has(d))) continue;
    const [root, child] = a < b ? [a, b] : [b, a];
    parent[child] = root;
    const merged = new Set([...da, ...db]);
    docsOf.set(root, merged);
    docsOf.delete(child);
    edgesInTopic.push(edge);
  }

  const members = new Map<number, number[]>();
  const centrality = new Float64Array(n);
  for (const [i, j, s] of edgesInTopic) {
    centrality[i] += s;
    centrality[j] += s;
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

function majorityDomain(items: readonly Item[]): string | null {
  const votes = new Map<string, number>();
  for (const item of items) {
    if (!item.domain) continue;
    // A domain the document's structure states outweighs an inferred one.
    votes.set(item.domain, (votes.get(item.domain) ?? 0) + (item.domainSource === 'structure' ? 2 : 1));
  }
  let best: string | null = null;
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
