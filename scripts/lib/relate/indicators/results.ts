/**
 * Targets against results: where a city's plan or task list sets a level for an indicator and a
 * report of the same city (监测统计报告, 中期评估报告, 落实情况报告, a speech) states the value
 * reached, the pair with whether the target is met. The direction (以下/以上) comes from the
 * catalogue for 保持在 and 约; 不低于/不高于 say it themselves.
 */
import { resultStatus, type Comparator, type ResultStatus } from '../../../../src/lib/targets.ts';
import type { DocumentKind } from '../../types.ts';

/** What pairing needs of a target: the fields of an indicator entry's targets. */
export interface PairableTarget {
  docKind: DocumentKind;
  citySlug: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
}

/** A target and the value reached, as positions in the indicator's list of targets. */
export interface ResultPair {
  target: number;
  reached: number;
  status: ResultStatus;
}

const AIMS = new Set<DocumentKind>(['plan', 'tasklist']);
const LEVELS = new Set<Comparator>(['atLeast', 'atMost', 'hold', 'about']);

/**
 * For each level target of a plan or task list, the latest value reached that a document of
 * another kind states for the same city, in the same unit when there is one (else the latest).
 * Documents without a city pair with nothing: whose result it is would be a guess.
 */
export function pairResults(targets: readonly PairableTarget[], lowerIsBetter: boolean, unknownCity: string): ResultPair[] {
  const pairs: ResultPair[] = [];
  targets.forEach((t, k) => {
    if (!AIMS.has(t.docKind) || !LEVELS.has(t.comparator) || t.citySlug === unknownCity) return;
    const reached = targets
      .map((r, j) => ({ r, j }))
      .filter(({ r }) => r.comparator === 'reached' && !AIMS.has(r.docKind) && r.citySlug === t.citySlug);
    if (!reached.length) return;
    const sameUnit = reached.filter(({ r }) => r.unit === t.unit);
    // Latest year first; an undated value after dated ones; the later statement among equals.
    const pick = (sameUnit.length ? sameUnit : reached).reduce((best, c) => ((c.r.year ?? -1) >= (best.r.year ?? -1) ? c : best));
    pairs.push({ target: k, reached: pick.j, status: resultStatus(t, pick.r, lowerIsBetter) });
  });
  return pairs;
}
