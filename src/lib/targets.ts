/**
 * Quantified targets (指标): the comparators a plan states, with how the site writes them. Shared
 * by the ingest (scripts/lib/indicators) and the pages, so the data files and the pages agree.
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
