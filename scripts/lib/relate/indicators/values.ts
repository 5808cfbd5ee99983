/**
 * Numbers with units as plans write them: `3.0‰`, `12/10万`, `10.5/10 万`, `11/万`, `98%`,
 * `0.5—1 个百分点`, `100 万人次`, lists `3.0‰、4.5‰和5.5‰以下`. Works on folded text (fold.ts).
 */

/** A value with its unit; `valueMax` for a range (`0.5—1`). */
export interface Quantity {
  value: number;
  valueMax: number | null;
  unit: string;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
/** Units, longest first; `个` not when it is `个月`, the start of a duration (`6 个月内婴儿`). */
const UNITS = [
  String.raw`/\s*10\s*万`,
  String.raw`/\s*十万`,
  String.raw`/\s*万`,
  String.raw`/\s*1000`,
  // A ratio: `3:2` is 3 to 2 (女性厕位与男性厕位的比例).
  String.raw`[:∶]\s*\d+(?![\d.])`,
  '个百分点',
  '百分点',
  '个千分点',
  '千分点',
  '万人次',
  '人次',
  '%',
  '‰',
  '名',
  '张',
  '个(?!月)',
  '所',
  '家',
  '岁',
  '小时',
  '分钟',
  '元',
  '次',
  '天',
  '项',
  '人',
  '平方米',
];
const UNIT = `(?:${UNITS.join('|')})`;
/** One value: `3.0‰`, `0.5—1 个百分点` (a range shares its unit), `8-10 个`. */
export const VALUE = String.raw`(?<![\d.])${NUM}(?:\s*(?:%|‰)?\s*[—–\-~～至]\s*${NUM})?\s*${UNIT}`;
/** A qualifier after a value (or after the last value of a list, applying to all). */
export const SUFFIX = '(?:及以上|以上|以下|以内|左右)';
/** A list of values joined by 、 和 及 与, each with an optional qualifier. */
export const VALUE_LIST = String.raw`${VALUE}\s*${SUFFIX}?(?:\s*[、和及与]\s*${VALUE}\s*${SUFFIX}?)*`;

const ONE = new RegExp(String.raw`(${NUM})(?:\s*(?:%|‰)?\s*[—–\-~～至]\s*(${NUM}))?\s*(${UNIT})\s*(${SUFFIX})?`, 'g');

/** The values of a list matched by VALUE_LIST, and the last qualifier (which governs the list). */
export function parseValueList(list: string): { values: Quantity[]; suffix: string | null } {
  const values: Quantity[] = [];
  let suffix: string | null = null;
  for (const m of list.matchAll(ONE)) {
    values.push({ value: Number(m[1]), valueMax: m[2] === undefined ? null : Number(m[2]), unit: normaliseUnit(m[3]!) });
    if (m[4]) suffix = m[4];
  }
  // `1个和0.5个百分点`: the counter 个 of an earlier value shares the last value's 个百分点.
  const lastUnit = values.at(-1)?.unit;
  if (lastUnit === '个百分点' || lastUnit === '个千分点') for (const v of values) if (v.unit === '个') v.unit = lastUnit;
  return { values, suffix };
}

/** `/10 万` → `/10万`, `/十万` → `/10万`, `百分点` → `个百分点`. */
export function normaliseUnit(unit: string): string {
  const u = unit.replace(/\s+/g, '');
  if (u === '/十万') return '/10万';
  if (u === '百分点') return '个百分点';
  if (u === '千分点') return '个千分点';
  if (/^[:∶]/.test(u)) return `:${u.slice(1)}`;
  return u;
}
