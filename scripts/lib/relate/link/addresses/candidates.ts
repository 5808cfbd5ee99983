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

/** The pool members sharing an informative term with `v`, best first (exact cosine). */
export function closest(
  v: SparseVector,
  pool: readonly Candidate[],
  postings: Map<number, number[]>,
  limit: number,
  vectorOf: (text: string) => SparseVector,
  factor: (ref: number) => number,
  /** Weight of the passage's closest sentence of a candidate against the candidate's whole text. */
  sentenceShare: number,
): { ref: number; score: number }[] {
  const proposed = new Map<number, number>();
  for (let t = 0; t < v.ids.length; t++) {
    const list = postings.get(v.ids[t]);
    if (!list) continue;
    for (const x of list) proposed.set(x, (proposed.get(x) ?? 0) + v.weights[t]);
  }
  const candidates = [...proposed].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(limit * 4, MIN_PROPOSED));
  // A passage is a sentence; a measure is several: it meets the measure at its closest
  // sentence (the title sentence or one of the means the body lists).
  return candidates
    .map(([x]) => {
      const c = pool[x];
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
