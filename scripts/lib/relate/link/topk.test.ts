import { describe, expect, it } from 'vitest';
import { insertTop, topK } from './topk.ts';

/** Feeds (id, value) pairs through insertTop with room for `cap`; returns the kept ids and values. */
function top(cap: number, entries: [number, number][]) {
  const ids = new Int32Array(Math.max(cap, 1));
  const values = new Float64Array(Math.max(cap, 1));
  let count = 0;
  for (const [id, v] of entries) count = insertTop(ids, values, count, cap, id, v);
  return { ids: [...ids.subarray(0, count)], values: [...values.subarray(0, count)] };
}

describe('insertTop', () => {
  it('keeps the highest values, sorted descending, at most cap of them', () => {
    expect(top(3, [[0, 0.1], [1, 0.5], [2, 0.3], [3, 0.9], [4, 0.2]])).toEqual({ ids: [3, 1, 2], values: [0.9, 0.5, 0.3] });
  });

  it('breaks ties by arrival (ids fed ascending stay ascending), also at the cap', () => {
    expect(top(3, [[0, 0.5], [1, 0.7], [2, 0.5], [3, 0.5]]).ids).toEqual([1, 0, 2]);
    // A value equal to the last kept one does not displace it.
    expect(top(2, [[0, 0.5], [1, 0.5], [2, 0.5]]).ids).toEqual([0, 1]);
  });

  it('keeps fewer than cap when fewer arrive, and nothing for empty input or cap 0', () => {
    expect(top(5, [[7, 0.2], [3, 0.4]]).ids).toEqual([3, 7]);
    expect(top(5, []).ids).toEqual([]);
    expect(top(0, [[1, 1]]).ids).toEqual([]);
  });
});

describe('topK', () => {
  const run = (scores: number[], cap: number, candidates = scores.map((_, j) => j)) => {
    const heap = new Int32Array(cap);
    const size = topK(Int32Array.from(candidates), candidates.length, Float64Array.from(scores), heap);
    return [...heap.subarray(0, size)].sort((a, b) => a - b);
  };

  it('picks the cap best by (score desc, index asc), whatever the arrival order', () => {
    expect(run([0.1, 0.9, 0.4, 0.8, 0.3], 2)).toEqual([1, 3]);
    expect(run([0.1, 0.9, 0.4, 0.8, 0.3], 2, [4, 3, 2, 1, 0])).toEqual([1, 3]);
  });

  it('breaks ties at the boundary by the lower index', () => {
    expect(run([0.5, 0.5, 0.5, 0.5], 2, [3, 1, 2, 0])).toEqual([0, 1]);
    expect(run([0.2, 0.5, 0.9, 0.5], 2, [3, 2, 1, 0])).toEqual([1, 2]);
  });

  it('keeps all candidates when fewer than the cap, none when there are none', () => {
    expect(run([0.3, 0.1], 5)).toEqual([0, 1]);
    expect(run([], 5)).toEqual([]);
    expect(run([0.3, 0.1], 0)).toEqual([]);
  });

  it('only looks at the first count candidates', () => {
    const heap = new Int32Array(4);
    const size = topK(Int32Array.from([0, 1, 2]), 2, Float64Array.from([0.1, 0.2, 0.9]), heap);
    expect([...heap.subarray(0, size)].sort()).toEqual([0, 1]);
  });

  it('agrees with a full sort on random scores with many ties', () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 50; round++) {
      const n = Math.floor(rnd() * 60);
      const scores = Array.from({ length: n }, () => Math.floor(rnd() * 8) / 8);
      const candidates = Array.from({ length: n }, (_, j) => j).sort(() => rnd() - 0.5);
      const cap = 1 + Math.floor(rnd() * 10);
      const expected = [...candidates]
        .sort((a, b) => scores[b] - scores[a] || a - b)
        .slice(0, cap)
        .sort((a, b) => a - b);
      expect(run(scores, cap, candidates)).toEqual(expected);
    }
  });
});
