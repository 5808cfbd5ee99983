/**
 * Indicator names: the subject a plan writes before a target (`适龄妇女宫颈癌人群筛查率`), cleaned
 * of what is not the indicator, split when one sentence names several (`新生儿、婴儿和5岁以下儿童
 * 死亡率`), and normalised so the same indicator from different cities lands in one row.
 */

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
  const last = parts[parts.length - 1]!;
  const h = head(last);
  const withHead = parts.map((p) => (hasHead(p) || !h ? p : p + h));
  const who = withHead[0]!.match(POPULATION)?.[0];
  return withHead.map((p, k) => (k > 0 && who && !POPULATION.test(p) ? who + p : p));
}

/**
 * Canonical names of indicators the national outlines set, with the ways plans write them. A
 * pattern must match the whole cleaned name; anything else keeps its written name (after the
 * general rules in `normaliseIndicator`), so an unseen indicator still gets its own row.
 */
const ALIASES: [RegExp, string][] = [
  [/^孕产妇死亡率$/, '孕产妇死亡率'],
  [/^新生儿死亡率$/, '新生儿死亡率'],
  [/^婴儿死亡率$/, '婴儿死亡率'],
  [/^5岁以下儿童死亡率$/, '5岁以下儿童死亡率'],
  [/^(?:适龄)?妇女宫颈癌(?:人群)?筛查率$/, '宫颈癌人群筛查率'],
  [/^(?:适龄)?(?:妇女)?宫颈癌人群筛查率$/, '宫颈癌人群筛查率'],
  [/^(?:适龄)?(?:妇女)?乳腺癌(?:人群)?筛查率$/, '乳腺癌人群筛查率'],
  [/^孕产妇(?:系统)?管理率$/, '孕产妇系统管理率'],
  [/^(艾滋病|梅毒|乙肝)母婴(?:传播|传染)率$/, '$1母婴传播率'],
  [/^孕(?:产)?妇贫血(?:患病)?率$/, '孕妇贫血率'],
  [/^女性(?:人均)?预期寿命$/, '女性人均预期寿命'],
  [/^高等教育在校生中(?:的)?女性比例$/, '高等教育在校生中女性比例'],
  [/^(?:城镇单位)?就业人员中(?:的)?女性比例$/, '$&'],
  [/^村(?:民)?委(?:员)?会成员中(?:的)?女性比例$/, '村委会成员中女性比例'],
  [/^(?:社区)?居(?:民)?委(?:员)?会成员中(?:的)?女性比例$/, '居委会成员中女性比例'],
  [/^村(?:（居）|\(居\))委会成员中(?:的)?女性比例$/, '村（居）委会成员中女性比例'],
  [/^(?:适龄儿童)?(?:国家)?免疫规划疫苗(?:接种率|接种率.*)$/, '适龄儿童免疫规划疫苗接种率'],
  [/^5岁以下儿童贫血(?:患病)?率$/, '5岁以下儿童贫血率'],
  [/^5岁以下儿童生长迟缓率$/, '5岁以下儿童生长迟缓率'],
  [/^(?:儿童青少年|儿童)?总体近视率$/, '儿童青少年总体近视率'],
  [/^学前教育毛入园率$/, '学前教育毛入园率'],
  [/^九年义务教育巩固率$/, '九年义务教育巩固率'],
  [/^高中阶段(?:教育)?毛入学率$/, '高中阶段毛入学率'],
  [/^每千人口(?:拥有)?3岁以下婴幼儿托位数$/, '每千人口3岁以下婴幼儿托位数'],
  [/^中小学生(?:国家学生)?体质健康标准达标(?:优良)?率$/, '中小学生体质健康标准达标优良率'],
  [/^中小学生(?:国家学生)?体质健康标准优良率$/, '中小学生体质健康标准达标优良率'],
  [/^儿童伤害死亡率$/, '儿童伤害死亡率'],
  [/^3岁以下儿童系统管理率$/, '3岁以下儿童系统管理率'],
  [/^7岁以下儿童(?:保健|健康)管理率$/, '7岁以下儿童健康管理率'],
  [/^(?:0[—\-])?6个月(?:内)?婴儿纯母乳喂养率$/, '6个月内婴儿纯母乳喂养率'],
  [/^妇女基本医疗保险参保率$/, '妇女基本医疗保险参保率'],
  [/^妇女基本养老保险参保率$/, '妇女基本养老保险参保率'],
  [/^每千名儿童(?:拥有)?儿科执业(?:（助理）|\(助理\))?医(?:生|师)(?:数)?$/, '每千名儿童儿科执业（助理）医师数'],
  [/^每千名儿童(?:拥有)?(?:儿科)?床位(?:数)?$/, '每千名儿童儿科床位数'],
  [/^(?:儿童|学生|中小学生)每天接触户外自然光(?:时间)?$/, '每天接触户外自然光时间'],
  [/^(?:严重多发致残的)?出生缺陷发生率$/, '严重多发致残的出生缺陷发生率'],
  [/^12岁儿童龋患率$/, '12岁儿童龋患率'],
  [/^(?:农村)?自来水普及率$/, '农村自来水普及率'],
  [/^(?:每天|每日)睡眠时间(小学生|初中生|高中生)$/, '$1每天睡眠时间'],
];

/**
 * The canonical name of an indicator: general rules (no spaces, `中的女性比例` → `中女性比例`,
 * one dash for ranges, the count unit `以乡（镇）为单位` dropped), then the alias list.
 */
export function normaliseIndicator(name: string): string {
  const n = name
    .replace(/\s+/g, '')
    .replace(/[–\-~～]/g, '—')
    .replace(/中的(女性|男性)/g, '中$1')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  for (const [pattern, canonical] of ALIASES) if (pattern.test(n)) return n.replace(pattern, canonical);
  return n;
}
