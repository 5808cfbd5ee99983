/**
 * Quantified targets (指标): the comparators a plan states, with how the site writes them. Shared
 * by the ingest (scripts/lib/relate/indicators) and the pages, so the data files and the pages agree.
 */

/**
 * How a target's value is meant:
 * - `atLeast`: 达到 / 以上 / 不低于 / 提高到 (≥)
 * - `atMost`: 控制在 / 以下 / 低于 / 降至 / 不高于 (≤)
 * - `hold`: 保持在 / 稳定在 without 以上/以下 (=)
 * - `about`: 左右 (≈)
 * - `decreaseBy` / `increaseBy`: a change, not a level (下降20%, 每年降低0.5—1个百分点)
 * - `reached`: a value already reached (a report's `2023年全市孕产妇死亡率为8.6/10万`), not a target
 * - `decreasedBy` / `increasedBy`: a change that happened (a report's `比上年下降0.8个百分点`), not a target
 */
export const COMPARATORS = ['atLeast', 'atMost', 'hold', 'about', 'decreaseBy', 'increaseBy', 'reached', 'decreasedBy', 'increasedBy'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const COMPARATOR_LABEL: Record<Comparator, string> = {
  atLeast: '不低于',
  atMost: '不高于',
  hold: '保持在',
  about: '约',
  decreaseBy: '降低',
  increaseBy: '提高',
  reached: '已达到（实际值）',
  decreasedBy: '已降低（实际变化）',
  increasedBy: '已提高（实际变化）',
};

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  atLeast: '≥',
  atMost: '≤',
  hold: '=',
  about: '≈',
  decreaseBy: '↓',
  increaseBy: '↑',
  reached: '实际',
  decreasedBy: '实际↓',
  increasedBy: '实际↑',
};

/** `3.0`, `0.5—1`: the value as a number range, without trailing zeros lost (3.0 stays 3). */
export function formatValue(value: number, valueMax: number | null): string {
  return valueMax === null ? String(value) : `${value}—${valueMax}`;
}

/** `≤ 3‰`, `↓ 0.5—1 个百分点`. Units written after a number without a space except words. */
export function formatTarget(t: { comparator: Comparator; value: number; valueMax: number | null; unit: string }): string {
  const v = formatValue(t.value, t.valueMax);
  const unit = /^[%‰/]/.test(t.unit) ? t.unit : ` ${t.unit}`;
  return `${COMPARATOR_SYMBOL[t.comparator]} ${v}${unit}`;
}

/**
 * A plan target set against the value a report states as reached for the same indicator and city:
 * - `met`: the value reached meets the target (目标已实现)
 * - `notYet`: it does not, and the target year (or the plan's end, when unstated) is still ahead
 * - `missed`: it does not, and it was reached in or after the target year
 * - `unknown`: they cannot be compared (another unit; a target that is a change, 每年降低…)
 */
export const RESULT_STATUSES = ['met', 'notYet', 'missed', 'unknown'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const RESULT_STATUS_LABEL: Record<ResultStatus, string> = {
  met: '已达到目标',
  notYet: '尚未达到目标',
  missed: '未达到目标',
  unknown: '无法比较',
};

/** The plans' end, the year a target without a stated year is for (2021—2030). */
export const PLAN_END_YEAR = 2030;

type Level = { comparator: Comparator; value: number; valueMax: number | null; unit: string; year: number | null };

/**
 * Whether `reached` meets `target`: ≥ for 不低于, ≤ for 不高于, inside a range; for 保持在 and 约
 * the indicator's direction decides (`lowerIsBetter`), 约 within 5 %. Null when they cannot be
 * compared: another unit, or a target that is a change rather than a level.
 */
export function meetsTarget(target: Level, reached: { value: number; unit: string }, lowerIsBetter: boolean): boolean | null {
  if (target.unit !== reached.unit) return null;
  const low = target.value;
  const high = target.valueMax ?? target.value;
  const r = reached.value;
  switch (target.comparator) {
    case 'atLeast':
      return r >= low;
    case 'atMost':
      return r <= high;
    case 'hold':
      if (target.valueMax !== null) return r >= low && r <= high;
      return lowerIsBetter ? r <= high : r >= low;
    case 'about':
      return lowerIsBetter ? r <= high * 1.05 : r >= low * 0.95;
    default:
      return null;
  }
}

/** The status of a target against a value reached in `reachedYear` (see RESULT_STATUSES). */
export function resultStatus(target: Level, reached: { value: number; unit: string; year: number | null }, lowerIsBetter: boolean): ResultStatus {
  const meets = meetsTarget(target, reached, lowerIsBetter);
  if (meets === null) return 'unknown';
  if (meets) return 'met';
  const due = target.year ?? PLAN_END_YEAR;
  return reached.year !== null && reached.year >= due ? 'missed' : 'notYet';
}

/** What the pages need of an indicator entry to show its targets against results. */
interface WithResults<T> {
  targets: readonly T[];
  results?: readonly { target: number; reached: number; status: ResultStatus }[];
}

/** The rows of a 目标与实际 table: each target with the value reached, in the entry's order. */
export function resultRows<T>(indicator: WithResults<T>): { target: T; reached: T; status: ResultStatus; label: string }[] {
  return (indicator.results ?? []).map((r) => ({ target: indicator.targets[r.target]!, reached: indicator.targets[r.reached]!, status: r.status, label: RESULT_STATUS_LABEL[r.status] }));
}
