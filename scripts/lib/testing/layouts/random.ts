/**
 * A small seeded PRNG (mulberry32) with the few helpers the generator needs: the same seed
 * always gives the same documents, on every machine.
 */
import { random as mulberry32 } from '../../../../bench/lib/random.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[int(0, values.length - 1)]!,
    chance: (p: number) => next() < p,
  };
}

/** A stable seed for one generated document: the run's seed and the document's index. */
export function documentSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
