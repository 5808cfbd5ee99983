import type { Pairs } from '../relate/link/pairs.ts';

/** Link-stage pairs from (i, j, score) triples, given in (i, j) order. */
export function pairsOf(list: [number, number, number][]): Pairs {
  return {
    count: list.length,
    i: Int32Array.from(list.map(([i]) => i)),
    j: Int32Array.from(list.map(([, j]) => j)),
    score: Float64Array.from(list.map(([, , s]) => s)),
  };
}
