/** Plan measures and work paragraphs as candidates for a passage: proposed by rare shared terms, scored exactly. */
import { cosine, type SparseVector } from '../../../text/vectors.ts';
import { passagesOf } from './passages.ts';

export interface Candidate {
  /** Index into `measures`, or -1 - k for the k-th paragraph on the work itself. */
  ref: number;
  /** The whole text's vector: proposes the candidate. */
  vector: SparseVector;
  text: string;
  /** Its sentences' vectors, made when first needed. */
  sentences?: SparseVector[];
}

/** Term → candidates holding it, for terms in few enough candidates to tell measures apart. */
export function termPostings(pool: readonly Candidate[], maxShare: number, maxPerDocument: number, documents: number): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  pool.forEach((c, x) => {
    for (const id of c.vector.ids) {
      const list = postings.get(id);
      if (list) list.push(x);
      else postings.set(id, [x]);
    }
  });
  // As in the link stage: a measure appears about once per plan, so a word in far more items
  // than plans names a theme, not a measure (it still counts in the exact score).
  const limit = Math.max(MIN_POSTING_LIMIT, Math.min(Math.floor(maxShare * pool.length), maxPerDocument * documents));
  for (const [id, list] of postings) if (list.length > limit) postings.delete(id);
  return postings;
}

/** Candidates scored exactly per passage, at least: the proposal's rough order is not the exact one. */
const MIN_PROPOSED = 20;

/** Even on a small corpus a term this rare always proposes candidates. */
const MIN_POSTING_LIMIT = 30;

/**
 * What `closest` proposes from, made once per pool: its postings, and scratch space for the
 * proposal scores (one slot per pool member) reused by every call, so that a call costs the
 * length of the postings it reads and not a Map and a sort of every member they name.
 */
export interface Proposals {
  pool: readonly Candidate[];
  postings: Map<number, number[]>;
  score: Float64Array;
  /** `seen[x] === call` while member x has a score in the current call. */
  seen: Uint32Array;
  touched: Int32Array;
  call: number;
}

export function proposals(pool: readonly Candidate[], postings: Map<number, number[]>): Proposals {
  return { pool, postings, score: new Float64Array(pool.length), seen: new Uint32Array(pool.length), touched: new Int32Array(pool.length), call: 0 };
}

/**
 * The `count` members with the highest proposal score (the summed weights of `v`'s informative
 * terms they share), best first, ties by position in the pool: the first `count` of all of them
 * sorted so, without sorting all of them.
 */
export function proposedCandidates(v: SparseVector, p: Proposals, count: number): number[] {
  const call = ++p.call;
  const { score, seen, touched } = p;
  let n = 0;
  for (let t = 0; t < v.ids.length; t++) {
    const list = p.postings.get(v.ids[t]);
    if (!list) continue;
    const w = v.weights[t];
    for (const x of list) {
      if (seen[x] !== call) {
        seen[x] = call;
        score[x] = 0;
        touched[n++] = x;
      }
      // The same sum in the same order as a Map of running totals: the same doubles.
      score[x] += w;
    }
  }
  // The best `count` so far, best first; a member enters only if it beats the last.
  const best: number[] = [];
  const before = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && a < b);
  for (let k = 0; k < n; k++) {
    const x = touched[k];
    if (best.length === count && !before(x, best[count - 1])) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(x, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = x;
  }
  return best;
}

/** The pool members sharing an informative term with `v`, best first (exact cosine). */
export function closest(
  v: SparseVector,
  from: Proposals,
  limit: number,
  vectorOf: (text: string) => SparseVector,
  factor: (ref: number) => number,
  /** Weight of the passage's closest sentence of a candidate against the candidate's whole text. */
  sentenceShare: number,
): { ref: number; score: number }[] {
  const candidates = proposedCandidates(v, from, Math.max(limit * 4, MIN_PROPOSED));
  // A passage is a sentence; a measure is several: it meets the measure at its closest
  // sentence (the title sentence or one of the means the body lists).
  return candidates
    .map((x) => {
      const c = from.pool[x];
      c.sentences ??= passagesOf({ title: '', text: c.text }).map(vectorOf);
      let best = 0;
      for (const sentence of c.sentences) best = Math.max(best, cosine(v, sentence));
      return {
        ref: c.ref,
        score: (sentenceShare * best + (1 - sentenceShare) * cosine(v, c.vector)) * factor(c.ref),
      };
    })
    .sort((a, b) => b.score - a.score || a.ref - b.ref)
    .slice(0, limit);
}
