/**
 * The labelled 阜新 ↔ 大安 correspondences (src/lib/fixtures/compare-fuxin-daan.json) and how a
 * comparison is scored against them: precision of the pairs shown as pairs, items wrongly
 * called "only" (they have a counterpart), labelled pairs missed, split pairs missed, and how
 * the hedged "可能对应" pairs fall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CompareLabels {
  a: string;
  b: string;
  domains: string[];
  groups: { a: string[]; b: string[]; why?: string }[];
  onlyA: { item: string; why: string }[];
  onlyB: { item: string; why: string }[];
  either: { a: string; b: string; why: string }[];
}

export function compareLabels(): CompareLabels {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../../src/lib/fixtures/compare-fuxin-daan.json', import.meta.url)), 'utf8')) as CompareLabels;
}

/** What a comparison shows, by item id: pairs, hedged pairs, and items called "only". */
export interface Shown {
  pairs: [string, string][];
  possible: [string, string][];
  only: string[];
}

export interface CompareScore {
  shownPairs: number;
  rightPairs: number;
  /** Shown pairs that are wrong, as `a ↔ b`. */
  wrongPairs: string[];
  labelledPairs: number;
  /** Labelled pairs shown as pairs. */
  foundPairs: number;
  missedPairs: string[];
  /** Item pairs of labelled splits (a group with two items on one side), and those not shown as pairs. */
  splitPairs: number;
  missedSplits: string[];
  /** Items shown as "only" that have a counterpart. */
  wrongOnly: string[];
  /** Items labelled without counterpart, and how many of them are shown as "only". */
  trulyOnly: number;
  rightOnly: number;
  possibleShown: number;
  possibleRight: number;
}

export function scoreComparison(labels: CompareLabels, shown: Shown): CompareScore {
  const key = (a: string, b: string) => `${a} ↔ ${b}`;
  const right = new Set<string>();
  const split = new Set<string>();
  const counterpart = new Set<string>();
  for (const g of labels.groups) {
    for (const a of g.a) for (const b of g.b) {
      right.add(key(a, b));
      if (g.a.length > 1 || g.b.length > 1) split.add(key(a, b));
    }
    for (const x of [...g.a, ...g.b]) counterpart.add(x);
  }
  const either = new Set(labels.either.map((e) => key(e.a, e.b)));
  const shownKeys = shown.pairs.map(([a, b]) => key(a, b));
  const shownSet = new Set(shownKeys);
  const wrongPairs = shownKeys.filter((k) => !right.has(k) && !either.has(k));
  const truly = new Set([...labels.onlyA, ...labels.onlyB].map((o) => o.item));
  return {
    shownPairs: shownKeys.length,
    rightPairs: shownKeys.filter((k) => right.has(k)).length,
    wrongPairs,
    labelledPairs: right.size,
    foundPairs: [...right].filter((k) => shownSet.has(k)).length,
    missedPairs: [...right].filter((k) => !shownSet.has(k)),
    splitPairs: split.size,
    missedSplits: [...split].filter((k) => !shownSet.has(k)),
    wrongOnly: shown.only.filter((x) => counterpart.has(x)),
    trulyOnly: truly.size,
    rightOnly: shown.only.filter((x) => truly.has(x)).length,
    possibleShown: shown.possible.length,
    possibleRight: shown.possible.filter(([a, b]) => right.has(key(a, b)) || either.has(key(a, b))).length,
  };
}
