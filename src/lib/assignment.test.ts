import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from './assignment.ts';

/** Every assignment by brute force: the best total, for checking the method on random matrices. */
function bestTotal(w: number[][]): number {
  const rows = w.length;
  const cols = w[0]?.length ?? 0;
  let best = 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number, sum: number) => {
    if (i === rows) {
      best = Math.max(best, sum);
      return;
    }
    go(i + 1, sum); // row i unpaired
    for (let j = 0; j < cols; j++) {
      if (used[j] || w[i]![j]! <= 0) continue;
      used[j] = true;
      go(i + 1, sum + w[i]![j]!);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

const total = (w: number[][], pairs: [number, number][]) => pairs.reduce((s, [i, j]) => s + w[i]![j]!, 0);

describe('maximum-weight assignment', () => {
  it('gives up a greedy best pair when two others sum higher (the case best-first pairing gets wrong)', () => {
    // Best-first takes (0,0) = 0.9 and leaves row 1 with nothing; the optimum is (0,1) + (1,0).
    const w = [
      [0.9, 0.8],
      [0.85, 0],
    ];
    expect(maxWeightAssignment(w)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('never chooses a pair of weight 0 or less, and handles more rows than columns and the reverse', () => {
    expect(maxWeightAssignment([[0, -1], [0, 0]])).toEqual([]);
    expect(maxWeightAssignment([[0.2], [0.7], [0.1]])).toEqual([[1, 0]]);
    expect(maxWeightAssignment([[0.2, 0.5, 0.4]])).toEqual([[0, 1]]);
    expect(maxWeightAssignment([])).toEqual([]);
    expect(maxWeightAssignment([[]])).toEqual([]);
  });

  it('reaches the best total on random matrices, each row and column at most once', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 6);
      const w = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.35 ? 0 : Math.round(random() * 100) / 100)));
      const pairs = maxWeightAssignment(w);
      expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
      for (const [i, j] of pairs) expect(w[i]![j]!).toBeGreaterThan(0);
      expect(total(w, pairs)).toBeCloseTo(bestTotal(w), 9);
    }
  });
});
