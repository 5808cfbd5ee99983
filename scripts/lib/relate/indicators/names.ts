/**
 * Indicator names: the subject a plan writes before a target (`适龄妇女宫颈癌人群筛查率`), cleaned
 * of what is not the indicator, split when one sentence names several (`新生儿、婴儿和5岁以下儿童
 * 死亡率`), and normalised so the same indicator from different cities lands in one row.
 */

import { catalogueEntry } from './catalogue.ts';

/** What a name of a measurable ends with: the test that a list part is a whole indicator. */
const HEAD = /(率|比例|占比|比重|数|寿命|人数|时间|标准)$/;

/** Words before the subject that belong to the sentence, not to the indicator. */
const LEADING = /^(?:[、，,和及与并且而]|全市|全区|全县|全省|全州|全盟|全旗|我市|我区|我县|本市|其中|同时|确保|保障|保证|实现|推动|促进|力争|争取|努力|使|让|要|应|到|对|将)+/;
/** Adverbs and modals between the subject and the verb. */
const TRAILING = /(?:力争|争取|努力|逐步|稳步|持续|继续|基本|进一步|分别|均|都|要|应|将|必须|每年|年均|稳定|全部|总体上|明显)+$/;
/** Qualifiers inside the subject that are not the indicator: the unit of count, a baseline. */
const QUALIFIERS = [
  /以[^，。；]{1,12}?为单位/g,
  /以[^，。；]{0,16}?为基数/g,
  /(?:分别)?(?:在|比|较|与)[^，。；]{0,20}?(?:基础上|相比|水平上)/g,
  // `比2020年`, `较上年`: the baseline of a change.
  /(?:比|较)(?:20\d\d年(?:底|末)?|上年|上一年|去年|同期|基期)(?:同期)?(?:的水平)?/g,
  // `由2020年的88.5%`: where a change started.
  /(?:由|从)(?:20\d\d年(?:底|末)?的?)?\d+(?:\.\d+)?(?:%|‰|\/10万|\/万|个|名|张)?$/g,
];

/** Remove target-year phrases (`孕产妇死亡率到2025年` → `孕产妇死亡率`). */
export const withoutYears = (s: string) =>
  s.replace(/(?:到|至|截至|于|在)?\s*(?<![\d.])20\d\d\s*年(?:底|末|前)?(?:\s*[和、及与]\s*20\d\d\s*年(?:底|末|前)?)?/g, '');

/** The subject as written, cleaned: no spaces, no lead-in, no adverbs, no baseline or count unit. */
export function cleanSubject(raw: string): string {
  let s = raw.replace(/\s+/g, '');
  // Baselines first: `在2019年和2022年基础上` holds years that are not target years.
  for (const q of QUALIFIERS) s = s.replace(q, '');
  s = withoutYears(s);
  let prev: string;
  do {
    prev = s;
    s = s.replace(LEADING, '').replace(TRAILING, '');
  } while (s !== prev);
  return s;
}

/** Split a subject at 、 和 及 与 outside brackets: `5岁以下儿童贫血率和生长迟缓率` → two parts. */
export function splitParts(subject: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of subject) {
    if ('（(【〔'.includes(ch)) depth++;
    if ('）)】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、和及与'.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.filter((p) => p.length > 0);
}

export const hasHead = (part: string) => HEAD.test(part);

/** Who a part is about, at its start: lent to later parts that name only the measure. */
const POPULATION = /^(?:\d+(?:[—\-]\d+)?岁(?:以下|以上)?(?:儿童|学生|婴幼儿)?|新生儿|婴儿|孕产妇|孕妇|适龄妇女|妇女|女性|儿童|中小学生|小学生|初中生|高中生|学生|残疾儿童|农村)/;

/** The measure a last part ends with (`死亡率`), lent to earlier parts that name only who. */
function head(part: string): string {
  const known = part.match(/(人群筛查率|母婴传播率|死亡率|发生率|患病率|筛查率|接种率|管理率|覆盖率|普及率|参保率|入学率|入园率|巩固率|检测率|治疗率|知晓率|传播率|贫血率|近视率|达标率|优良率|比例|托位数|寿命)$/);
  if (known) return known[1]!;
  const rate = part.match(/[^\d岁以下上儿童妇女]{2}率$/);
  return rate ? rate[0] : '';
}

/**
 * Make each part of a 分别 list a whole name: `新生儿、婴儿和5岁以下儿童死亡率` → 新生儿死亡率,
 * 婴儿死亡率, 5岁以下儿童死亡率; `5岁以下儿童贫血率和生长迟缓率` → …, 5岁以下儿童生长迟缓率.
 */
export function completeParts(parts: string[]): string[] {
  const shared = sharedAroundGroups(parts);
  if (shared) return shared;
  const last = parts[parts.length - 1]!;
  const h = head(last);
  const withHead = parts.map((p) => (hasHead(p) || !h ? p : p + h));
  const who = withHead[0]!.match(POPULATION)?.[0];
  return withHead.map((p, k) => (k > 0 && who && !POPULATION.test(p) ? who + p : p));
}

const WHOLE_POPULATION = new RegExp(`^(?:${POPULATION.source.slice(1)})$`);
const POPULATION_AT_END = new RegExp(`(?:${POPULATION.source.slice(1)})$`);

/**
 * Parts that are groups of people around one measure: `妇女、儿童发展规划重点可量化指标达标率`
 * (妇女发展规划…达标率), `每天小学生、初中生、高中生睡眠时间` (小学生每天睡眠时间 …): every part
 * but the last only a group (the first may carry words before it), the last a group and the
 * measure. Null when the parts are not so.
 */
function sharedAroundGroups(parts: string[]): string[] | null {
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const lastGroup = last.match(POPULATION)?.[0];
  if (!lastGroup || lastGroup.length === last.length) return null;
  const tail = last.slice(lastGroup.length);
  const firstGroup = parts[0]!.match(POPULATION_AT_END)?.[0];
  if (!firstGroup) return null;
  const prefix = parts[0]!.slice(0, -firstGroup.length);
  const groups = [firstGroup, ...parts.slice(1, -1), lastGroup];
  if (!groups.every((g) => WHOLE_POPULATION.test(g))) return null;
  return groups.map((g) => g + prefix + tail);
}
/**
 * The canonical name of an indicator: general rules (no spaces, `中的女性比例` → `中女性比例`,
 * one dash for ranges, full-width brackets), then the catalogue (catalogue.ts): its canonical name,
 * or the name as written when the catalogue does not know it.
 */
export function normaliseIndicator(name: string): string {
  const n = name
    .replace(/\s+/g, '')
    .replace(/[–\-~～]/g, '—')
    .replace(/中的(女性|男性)/g, '中$1')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  return catalogueEntry(n)?.name ?? n;
}
