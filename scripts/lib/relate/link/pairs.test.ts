import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_OPTIONS } from './options.ts';
import { Choices, Matches, pairAdjacency, type Pairs } from './pairs.ts';
import { pairsOf } from '../../testing/pairs.ts';


const listOf = (p: Pairs) => Array.from({ length: p.count }, (_, k) => [p.i[k], p.j[k], p.score[k]]);

describe('Matches.choose', () => {
  // Matches 3, 4 are in document 1; 5..8 in document 2.
  const doc = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 2]);
  const chosen = (opt: Partial<typeof DEFAULT_LINK_OPTIONS> = {}) => {
    const matches = new Matches(8);
    for (const [j, s] of [[3, 0.5], [4, 0.48], [5, 0.8], [6, 0.7], [7, 0.8], [8, 0.79]]) matches.add(j, s);
    const choices = new Choices();
    matches.choose(0, doc, { ...DEFAULT_LINK_OPTIONS, ...opt }, choices);
    expect(matches.count).toBe(0);
    return Array.from({ length: choices.count }, (_, c) => [choices.from[c], choices.to[c], choices.score[c]]);
  };

  it('keeps per document the best and near-ties, best first, ties by lower match', () => {
    expect(chosen()).toEqual([
      [0, 5, 0.8],
      [0, 7, 0.8],
      [0, 8, 0.79],
      [0, 3, 0.5],
      [0, 4, 0.48],
    ]);
  });

  it('caps matches per document and per item', () => {
    expect(chosen({ perDocument: 2 }).map(([, j]) => j)).toEqual([5, 7, 3, 4]);
    expect(chosen({ perDocument: 1 }).map(([, j]) => j)).toEqual([5, 3]);
    expect(chosen({ perItem: 2 }).map(([, j]) => j)).toEqual([5, 7]);
    // A stricter near-tie share drops 4 (0.48 < 0.5 × 0.99) and 8 (0.79 < 0.8 × 0.99).
    expect(chosen({ nearBest: 0.99 }).map(([, j]) => j)).toEqual([5, 7, 3]);
  });

  it('chooses nothing from no matches', () => {
    const choices = new Choices();
    new Matches(4).choose(0, doc, DEFAULT_LINK_OPTIONS, choices);
    expect(choices.count).toBe(0);
  });
});

describe('Choices.pairs', () => {
  it('merges the two directions of a pair, keeping the later choice’s score, in (i, j) order', () => {
    const choices = new Choices();
    choices.push(2, 0, 0.5);
    choices.push(1, 3, 0.4);
    choices.push(0, 2, 0.51);
    choices.push(0, 1, 0.3);
    expect(listOf(choices.pairs(4))).toEqual([
      [0, 1, 0.3],
      [0, 2, 0.51],
      [1, 3, 0.4],
    ]);
    const reverse = new Choices();
    reverse.push(0, 2, 0.51);
    reverse.push(2, 0, 0.5);
    expect(listOf(reverse.pairs(3))).toEqual([[0, 2, 0.5]]);
  });

  it('grows past its initial capacity, and gives no pairs for no choices', () => {
    const choices = new Choices();
    const n = 70_001;
    for (let x = n - 2; x >= 0; x--) choices.push(x + 1, x, x / n);
    const pairs = choices.pairs(n);
    expect(pairs.count).toBe(n - 1);
    expect([pairs.i[0], pairs.j[0], pairs.i[n - 2], pairs.j[n - 2]]).toEqual([0, 1, n - 2, n - 1]);
    expect(pairs.score[n - 2]).toBe((n - 2) / n);
    expect(new Choices().pairs(5).count).toBe(0);
  });
});

describe('pairAdjacency', () => {
  it('lists every item’s pairs from both ends, in pair order', () => {
    const { start, partner, pairOf } = pairAdjacency(5, pairsOf([[0, 1, 0.3], [0, 2, 0.5], [1, 3, 0.4]]));
    expect([...start]).toEqual([0, 2, 4, 5, 6, 6]);
    const of = (x: number) => [...partner.subarray(start[x], start[x + 1])].map((y, k) => [y, pairOf[start[x] + k]]);
    expect(of(0)).toEqual([[1, 0], [2, 1]]);
    expect(of(1)).toEqual([[0, 0], [3, 2]]);
    expect(of(3)).toEqual([[1, 2]]);
    expect(of(4)).toEqual([]);
  });

  it('is empty for no pairs', () => {
    const { start, partner } = pairAdjacency(3, pairsOf([]));
    expect([...start]).toEqual([0, 0, 0, 0]);
    expect(partner.length).toBe(0);
  });
});
