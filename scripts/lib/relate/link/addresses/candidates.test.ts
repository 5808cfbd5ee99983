import { describe, expect, it } from 'vitest';
import { buildVectorsFromWords, cosine, type SparseVector } from '../../../text/vectors.ts';
import { closest, proposals, proposedCandidates, termPostings, type Candidate } from './candidates.ts';

/** What `closest` proposed before `proposedCandidates`: every member's running total in a Map, all sorted. */
function proposedByMap(v: SparseVector, postings: Map<number, number[]>, count: number): [number, number][] {
  const proposed = new Map<number, number>();
  for (let t = 0; t < v.ids.length; t++) {
    const list = postings.get(v.ids[t]);
    if (!list) continue;
    for (const x of list) proposed.set(x, (proposed.get(x) ?? 0) + v.weights[t]);
  }
  return [...proposed]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count);
}

// 600 made-up measures and 150 passages over 80 words, some drawn far more often than others;
// many passages are the same few words, so equal proposal scores (ties) are common.
let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const vocabulary = Array.from({ length: 80 }, (_, k) => `词${k}`);
const pick = () => vocabulary[Math.floor(rnd() ** 1.5 * vocabulary.length)]!;
const texts = (n: number, most: number) => Array.from({ length: n }, () => ({ title: [pick()], body: Array.from({ length: 1 + Math.floor(rnd() * most) }, pick) }));
const { vectors } = buildVectorsFromWords([...texts(600, 12), ...texts(150, 3)]);
const pool: Candidate[] = vectors.slice(0, 600).map((vector, ref) => ({ ref, vector, text: `措施${ref}。` }));
const passages = vectors.slice(600);

describe('proposedCandidates', () => {
  it('proposes exactly what a Map of every member, sorted, proposes: same members, same order', () => {
    for (const [share, perDocument] of [
      [0.05, 4],
      [1, 1000],
    ] as const) {
      const postings = termPostings(pool, share, perDocument, 20);
      const from = proposals(pool, postings);
      let ties = 0;
      for (const v of passages) {
        for (const count of [1, 5, 20, 700]) {
          const expected = proposedByMap(v, postings, count);
          expect(proposedCandidates(v, from, count)).toEqual(expected.map(([x]) => x));
          if (count === 20) ties += expected.filter(([, s], k) => k > 0 && s === expected[k - 1]![1]).length;
        }
      }
      expect(ties).toBeGreaterThan(50);
    }
  });

  it('closest scores the proposed members exactly and keeps the best', () => {
    const from = proposals(pool, termPostings(pool, 0.05, 4, 20));
    const sentence = (text: string) => pool[Number(text.replace(/\D/g, ''))]!.vector;
    for (const v of passages.slice(0, 40)) {
      const found = closest(v, from, 5, sentence, () => 1, 0.6);
      expect(found.length).toBeLessThanOrEqual(5);
      for (const f of found) expect(f.score).toBeCloseTo(cosine(v, pool[f.ref]!.vector), 6);
      for (let k = 1; k < found.length; k++) expect(found[k - 1]!.score).toBeGreaterThanOrEqual(found[k]!.score);
    }
  });
});
