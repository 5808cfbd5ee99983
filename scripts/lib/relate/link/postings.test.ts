import { describe, expect, it } from 'vitest';
import type { FlatVectors } from '../../text/vectors.ts';
import { DEFAULT_LINK_OPTIONS } from './options.ts';
import { accumulate, invertedIndex, postingLimit, queryTerms, type InvertedIndex } from './postings.ts';

/** Flat vectors from per-item (term id, weight) lists, ids ascending. */
function flatOf(vectors: [number, number][][]): FlatVectors {
  const start = new Int32Array(vectors.length + 1);
  vectors.forEach((v, k) => (start[k + 1] = start[k] + v.length));
  return {
    start,
    ids: Uint32Array.from(vectors.flat().map(([id]) => id)),
    weights: Float32Array.from(vectors.flat().map(([, w]) => w)),
  };
}

// Four items over terms 0..2; items 1 and 3 are of one place; kinds 0 and 1.
const flat = flatOf([
  [[0, 0.6], [1, 0.8]],
  [[0, 0.8], [2, 0.6]],
  [[0, 1]],
  [[1, 0.6], [2, 0.8]],
]);
const df = Uint32Array.from([3, 2, 2]);
const place = Int32Array.from([0, 1, 2, 1]);
const kind = Int32Array.from([1, 0, 1, 0]);

/** Term t's postings of kind k as (item, weight, place). */
const postings = (index: InvertedIndex, t: number, k: number) => {
  const K = index.kinds;
  const out: [number, number, number][] = [];
  for (let x = index.kindStart[t * (K + 1) + k]; x < index.kindStart[t * (K + 1) + k + 1]; x++)
    out.push([index.items[x], index.weights[x], index.places[x]]);
  return out;
};

describe('postingLimit', () => {
  it('takes the smaller of the share and the per-document limit, never below the minimum', () => {
    const opt = { maxPostingShare: 0.05, maxPostingsPerDocument: 2, minPostingLimit: 30 };
    expect(postingLimit(10_000, 300, opt)).toBe(500);
    expect(postingLimit(10_000, 100, opt)).toBe(200);
    expect(postingLimit(1_000, 300, opt)).toBe(50);
    expect(postingLimit(200, 4, opt)).toBe(30);
    expect(postingLimit(0, 0, DEFAULT_LINK_OPTIONS)).toBe(DEFAULT_LINK_OPTIONS.minPostingLimit);
  });
});

describe('invertedIndex', () => {
  it('lists each term’s items by kind, ascending, with their weight and place', () => {
    const index = invertedIndex(flat, place, kind, df, 3, 2);
    expect([...index.indexed]).toEqual([1, 1, 1]);
    expect(postings(index, 0, 0)).toEqual([[1, Math.fround(0.8), 1]]);
    expect(postings(index, 0, 1)).toEqual([
      [0, Math.fround(0.6), 0],
      [2, 1, 2],
    ]);
    expect(postings(index, 2, 0).map(([i]) => i)).toEqual([1, 3]);
    expect(postings(index, 2, 1)).toEqual([]);
    expect(index.items.length).toBe(7);
  });

  it('leaves out terms in more items than the limit', () => {
    const index = invertedIndex(flat, place, kind, df, 2, 2);
    expect([...index.indexed]).toEqual([0, 1, 1]);
    expect(postings(index, 0, 0)).toEqual([]);
    expect(postings(index, 0, 1)).toEqual([]);
    expect(postings(index, 1, 0).map(([i]) => i)).toEqual([3]);
    expect(postings(index, 1, 1).map(([i]) => i)).toEqual([0]);
    expect(index.items.length).toBe(4);
  });

  it('is empty for no items', () => {
    const index = invertedIndex(flatOf([]), new Int32Array(0), new Int32Array(0), new Uint32Array(0), 30, 2);
    expect(index.items.length).toBe(0);
    expect([...index.kindStart]).toEqual([0]);
  });
});

describe('queryTerms', () => {
  it('takes an item’s heaviest indexed terms, ties by id, at most the buffer’s length', () => {
    const f = flatOf([[[0, 0.5], [1, 0.2], [2, 0.5], [3, 0.9], [4, 0.1]]]);
    const indexed = Uint8Array.from([1, 1, 1, 0, 1]);
    const terms = new Int32Array(3);
    const weights = new Float64Array(3);
    expect(queryTerms(f, 0, indexed, terms, weights)).toBe(3);
    expect([...terms]).toEqual([0, 2, 1]);
    expect(queryTerms(f, 0, new Uint8Array(5), terms, weights)).toBe(0);
  });
});

describe('accumulate', () => {
  const index = invertedIndex(flat, place, kind, df, 3, 2);
  const all = Uint8Array.from([1, 1, 1, 1]);
  const run = (terms: number[], weights: number[], comparable: Uint8Array, kindRow: number, myPlace: number) => {
    const acc = new Float64Array(4);
    const touched = new Int32Array(4);
    const count = accumulate(index, Int32Array.from(terms), Float64Array.from(weights), terms.length, comparable, kindRow, myPlace, acc, touched);
    return { touched: [...touched.subarray(0, count)], acc: [...acc] };
  };

  it('sums query weight × posting weight per item, listing items in order of first touch', () => {
    const { touched, acc } = run([1, 2], [0.5, 0.25], all, 0, 0);
    expect(touched).toEqual([3, 1]);
    expect(acc[3]).toBe(0.5 * Math.fround(0.6) + 0.25 * Math.fround(0.8));
    expect(acc[1]).toBe(0.25 * Math.fround(0.6));
    expect(acc[0]).toBe(0); // item 0 is of the querying place
  });

  it('skips items of the same place and of kinds not comparable', () => {
    expect(run([0, 2], [0.8, 0.6], all, 0, 1).touched).toEqual([0, 2]);
    // Row of kind 0 that only reaches kind 0: the kind-1 items 0 and 2 are not read.
    expect(run([0, 1], [1, 1], Uint8Array.from([1, 0, 0, 1]), 0, 2).touched).toEqual([1, 3]);
    expect(run([0, 1], [1, 1], Uint8Array.from([1, 0, 0, 1]), 2, 1).touched).toEqual([0, 2]);
  });

  it('touches nothing for an empty query', () => {
    expect(run([], [], all, 0, 0)).toEqual({ touched: [], acc: [0, 0, 0, 0] });
  });
});
