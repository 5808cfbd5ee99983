/**
 * Corpus-weighted sparse term vectors and cosine similarity.
 *
 * Weighting is BM25-style: term frequency saturates (a word said five times is not five
 * times as telling) and inverse document frequency over the corpus' items makes words
 * every item uses (加强, 完善, 妇女, 工作) count for little, with no stopword list.
 * Title-sentence words are counted TITLE_WEIGHT times, since a measure's title names
 * what it is about while its body lists the many means.
 * Vectors are L2-normalised and non-negative, so cosine is a plain dot product in 0..1.
 */

/** How many times a title word counts against a body word. */
export const TITLE_WEIGHT = 3;

const K1 = 1.2;
const B = 0.3;

/** Term counts of one item, title words already multiplied by the title weight. */
export type TermBag = Map<string, number>;

export function termBag(title: readonly string[], body: readonly string[], titleWeight = TITLE_WEIGHT): TermBag {
  const bag: TermBag = new Map();
  for (const t of body) bag.set(t, (bag.get(t) ?? 0) + 1);
  for (const t of title) bag.set(t, (bag.get(t) ?? 0) + titleWeight);
  return bag;
}

/** Term ids ascending with their weights; L2 norm 1 unless empty. */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
}

/** Many vectors in one place: vector k is ids/weights [start[k], start[k + 1]). */
export interface FlatVectors {
  start: Int32Array;
  ids: Uint32Array;
  weights: Float32Array;
}

/** One vector per item of a corpus, in its term space. */
export interface ItemVectors {
  space: TermSpace;
  vectors: SparseVector[];
}

/** The corpus' vocabulary with document frequencies (in items). */
export class TermSpace {
  readonly terms: string[] = [];
  readonly index = new Map<string, number>();
  df: Uint32Array = new Uint32Array(0);
  itemCount = 0;

  idOf(term: string): number | undefined {
    return this.index.get(term);
  }

  /** Smoothed BM25 idf: always positive, near 0 for words in almost every item. */
  idf(id: number): number {
    const df = this.df[id] ?? 0;
    return Math.log(1 + (this.itemCount - df + 0.5) / (df + 0.5));
  }
}

/**
 * Build one vector per bag, weighting by the bags themselves as the corpus. Term ids are
 * assigned in sorted term order so the same corpus gives the same ids (determinism).
 */
export function buildVectors(bags: readonly TermBag[]): { space: TermSpace; vectors: SparseVector[] } {
  return buildVectorsFrom(bags.length, (k, add) => {
    for (const [t, c] of bags[k]) add(t, c);
  });
}

/**
 * The same vectors as `buildVectors(words.map((w) => termBag(w.title, w.body)))`, without
 * a Map per item: what the link stage uses on tens of thousands of items.
 */
export function buildVectorsFromWords(
  words: readonly { title: readonly string[]; body: readonly string[] }[],
  titleWeight = TITLE_WEIGHT,
): { space: TermSpace; vectors: SparseVector[]; flat: FlatVectors } {
  return buildVectorsFrom(words.length, (k, add) => {
    // Body first, then title: the order termBag counts in.
    for (const t of words[k].body) add(t, 1);
    for (const t of words[k].title) add(t, titleWeight);
  });
}

/**
 * Shared core. `each(k, add)` feeds item k's terms with their counts (a term may come
 * more than once; counts add up in the order given, as termBag adds them). Terms get
 * provisional ids on first sight, then final ids in sorted term order; weights are then
 * computed exactly as `weigh` does (same formula, same summation order).
 */
function buildVectorsFrom(
  count: number,
  each: (k: number, add: (term: string, c: number) => void) => void,
): { space: TermSpace; vectors: SparseVector[]; flat: FlatVectors } {
  const provisional = new Map<string, number>();
  const seen: string[] = [];
  // Per item: distinct provisional ids in first-seen order, and their counts.
  const itemStart = new Int32Array(count + 1);
  let ids = new Int32Array(1 << 16);
  let counts = new Float64Array(1 << 16);
  let fill = 0;
  let slot = new Int32Array(1 << 12).fill(-1); // provisional id → position in the current item
  let currentStart = 0;
  const add = (term: string, c: number) => {
    let p = provisional.get(term);
    if (p === undefined) {
      p = seen.length;
      provisional.set(term, p);
      seen.push(term);
      if (p >= slot.length) {
        const grown = new Int32Array(slot.length * 2).fill(-1);
        grown.set(slot);
        slot = grown;
      }
    }
    const at = slot[p];
    if (at >= currentStart && at < fill && ids[at] === p) {
      counts[at] += c;
      return;
    }
    if (fill === ids.length) {
      const gi = new Int32Array(ids.length * 2);
      gi.set(ids);
      ids = gi;
      const gc = new Float64Array(counts.length * 2);
      gc.set(counts);
      counts = gc;
    }
    slot[p] = fill;
    ids[fill] = p;
    counts[fill++] = c;
  };
  for (let k = 0; k < count; k++) {
    currentStart = fill;
    itemStart[k] = fill;
    each(k, add);
  }
  itemStart[count] = fill;

  // Final ids in sorted term order.
  const order = seen.map((_, p) => p).sort((a, b) => (seen[a] < seen[b] ? -1 : seen[a] > seen[b] ? 1 : 0));
  const finalOf = new Int32Array(seen.length);
  const space = new TermSpace();
  order.forEach((p, i) => {
    finalOf[p] = i;
    space.terms.push(seen[p]);
    space.index.set(seen[p], i);
  });
  const df = new Uint32Array(seen.length);
  let totalLength = 0;
  for (let k = 0; k < count; k++) {
    for (let x = itemStart[k]; x < itemStart[k + 1]; x++) {
      df[finalOf[ids[x]]]++;
      totalLength += counts[x];
    }
  }
  space.df = df;
  space.itemCount = count;
  const avgLength = count ? totalLength / count : 1;
  const idf = new Float64Array(seen.length);
  for (let t = 0; t < seen.length; t++) idf[t] = space.idf(t);

  // All vectors in one pair of arrays (each vector a view of its range): code that visits
  // many vectors in random order (the link stage) reads far fewer scattered cache lines.
  const flat: FlatVectors = { start: new Int32Array(count + 1), ids: new Uint32Array(fill), weights: new Float32Array(fill) };
  const weightOf = new Float64Array(seen.length);
  let out = 0;
  for (let k = 0; k < count; k++) {
    const from = itemStart[k];
    const to = itemStart[k + 1];
    let length = 0;
    for (let x = from; x < to; x++) length += counts[x];
    const norm = K1 * (1 - B + (B * length) / (avgLength || 1));
    const begin = out;
    for (let x = from; x < to; x++) {
      const id = finalOf[ids[x]];
      const tf = counts[x];
      const w = idf[id] * ((tf * (K1 + 1)) / (tf + norm));
      if (w > 0) {
        weightOf[id] = w;
        flat.ids[out++] = id;
      }
    }
    const sorted = flat.ids.subarray(begin, out).sort();
    let sq = 0;
    for (let x = 0; x < sorted.length; x++) sq += weightOf[sorted[x]] * weightOf[sorted[x]];
    const len = Math.sqrt(sq) || 1;
    for (let x = begin; x < out; x++) flat.weights[x] = weightOf[flat.ids[x]] / len;
    flat.start[k + 1] = out;
  }
  const vectors: SparseVector[] = new Array(count);
  for (let k = 0; k < count; k++) {
    vectors[k] = { ids: flat.ids.subarray(flat.start[k], flat.start[k + 1]), weights: flat.weights.subarray(flat.start[k], flat.start[k + 1]) };
  }
  return { space, vectors, flat };
}

/** A vector for a bag outside the corpus (a title, a query), weighted by the corpus' idf. */
export function vectorInSpace(bag: TermBag, space: TermSpace): SparseVector {
  let length = 0;
  for (const c of bag.values()) length += c;
  return weigh(bag, space, length);
}

function weigh(bag: TermBag, space: TermSpace, avgLength: number): SparseVector {
  let length = 0;
  for (const c of bag.values()) length += c;
  const norm = K1 * (1 - B + (B * length) / (avgLength || 1));
  const entries: [number, number][] = [];
  for (const [t, tf] of bag) {
    const id = space.index.get(t);
    if (id === undefined) continue;
    const w = space.idf(id) * ((tf * (K1 + 1)) / (tf + norm));
    if (w > 0) entries.push([id, w]);
  }
  return toVector(entries);
}

/** Sorted, L2-normalised vector from (id, weight) pairs. */
export function toVector(entries: [number, number][]): SparseVector {
  entries.sort((a, b) => a[0] - b[0]);
  let sq = 0;
  for (const [, w] of entries) sq += w * w;
  const len = Math.sqrt(sq) || 1;
  const ids = new Uint32Array(entries.length);
  const weights = new Float32Array(entries.length);
  entries.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w / len;
  });
  return { ids, weights };
}

/** Cosine of two normalised non-negative vectors: 0 (nothing shared) … 1 (same direction). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) {
      dot += a.weights[i] * b.weights[j];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(1, Math.max(0, dot));
}

/**
 * A vector spread over the whole term space, for one that many vectors are compared with
 * (a domain profile, a centroid of thousands of items): `cosineDense` then reads only the
 * other vector's terms instead of walking both.
 */
export function denseOf(v: SparseVector, dimensions: number): Float32Array {
  const dense = new Float32Array(dimensions);
  for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]] = v.weights[k];
  return dense;
}

/**
 * `cosine(a, b)` for `dense = denseOf(b, …)`, to the last bit: the shared terms' products are
 * added in the same (ascending id) order, and a term b lacks adds an exact 0.
 */
export function cosineDense(a: SparseVector, dense: Float32Array): number {
  let dot = 0;
  const ids = a.ids;
  const weights = a.weights;
  for (let k = 0; k < ids.length; k++) dot += weights[k] * dense[ids[k]];
  return Math.min(1, Math.max(0, dot));
}

/** Sum of vectors, normalised: the centroid direction of a group. */
export function centroid(vectors: readonly SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) acc.set(v.ids[k], (acc.get(v.ids[k]) ?? 0) + v.weights[k]);
  return toVector([...acc]);
}
