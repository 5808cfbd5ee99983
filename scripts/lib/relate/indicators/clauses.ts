/**
 * Clause shapes where the figure is not after its indicator's name and a verb, read on folded
 * text (fold.ts) one clause at a time:
 * - noun–number lists: `保证每天小学生10小时、初中生9小时、高中生8小时睡眠时间`
 * - figures before their noun: `95%的城市社区和85%的农村社区建立家长学校…`, `超过80%的景区设置母婴室`
 * - a figure before its predicate: `城市集中式饮用水水源水质百分之百达到Ⅱ类及以上标准`
 * - per-capita counts: `每千名老年人、每百张养老机构床位均拥有1名社会工作者`
 * - counts before their noun: `全市至少2个公共图书馆设置儿童阅览专区`
 * Each gives the indicator's name as the clause builds it (`建立家长学校…的城市社区比例`), the
 * value, and where its phrase starts and ends in the clause.
 */
import { cleanSubject } from './names.ts';
import { parseValueList, SUFFIX, VALUE, type Quantity } from './values.ts';

export interface ClauseTarget {
  subject: string;
  quantity: Quantity;
  /** 以上 / 以下 …, after the value. */
  suffix: string | null;
  /** A verb or word before the value that sets the comparator (`超过`, `不低于`). */
  verb?: string;
  start: number;
  end: number;
}

/** Groups a noun–number list is made of: who the figure is for. */
const GROUP = '(?:中小学生|小学生|初中生|高中生|大学生|幼儿园幼儿|学龄前儿童|婴幼儿|男童|女童|男性|女性|妇女|儿童|城市|农村|城镇|城区|乡村)';
const GROUP_END = new RegExp(`${GROUP}$`);
const MEASURE_WORD = /(率|比例|占比|比重|数|时间|时长|寿命|年限|水平)$/;

/**
 * `保证每天小学生10小时、初中生9小时、高中生8小时睡眠时间` → 小学生每天睡眠时间 10小时, …: each
 * group's figure straight after it, the measure before the list (`每天`) or after it (`睡眠时间`).
 */
export function populationLists(body: string): ClauseTarget[] {
  const pair = String.raw`(${GROUP})\s*(${VALUE})\s*(${SUFFIX})?`;
  const bare = String.raw`${GROUP}\s*${VALUE}\s*${SUFFIX}?`;
  const list = new RegExp(String.raw`${bare}(?:\s*[、和及与]\s*${bare})+`, 'g');
  const out: ClauseTarget[] = [];
  for (const m of body.matchAll(list)) {
    const leadText = body.slice(0, m.index!);
    const lead = cleanSubject(leadText);
    const tailText = body.slice(m.index! + m[0].length);
    // `…8小时的睡眠时间得到保障`: the measure ends at its measure word; what follows is the clause's verb.
    const tail = cleanSubject(tailText.replace(/[。；，]\s*$/, '')).replace(/^的/, '').replace(/^(.*?(?:率|比例|占比|时间|时长|数))(?:得到|有|要|应|均).*$/, '$1');
    // The measure must be named, before or after the list: `小学生10人、初中生9人` is not an indicator.
    if (!MEASURE_WORD.test(tail) && !MEASURE_WORD.test(lead)) continue;
    const end = tail ? m.index! + m[0].length + tailText.indexOf(tail) + tail.length : m.index! + m[0].length;
    for (const p of m[0].matchAll(new RegExp(pair, 'g'))) {
      const { values, suffix } = parseValueList(p[2]! + (p[3] ?? ''));
      const subject = tail ? p[1]! + lead.replace(GROUP_END, '') + tail : lead + p[1]!;
      // The phrase starts at the measure when it comes first (`每天小学生10小时…`).
      const start = lead && leadText.includes(lead[0]!) ? leadText.indexOf(lead[0]!) : m.index!;
      out.push({ subject, quantity: values[0]!, suffix, start, end });
    }
  }
  return out;
}

/** Where a predicate starts after a noun: what the counted units do (`建立`, `设置`, `接受`…). */
const PREDICATE = /(在|建立|建成|设置|设立|设有|开设|接受|开展|配备|参加|参与|享有|拥有|实现|提供|纳入|具备|掌握|达到|落实|完成|使用|获得|成立|组建|配置|覆盖|签订|通过)/;
const PERCENT = String.raw`\d+(?:\.\d+)?\s*%`;
const LEADING_VERB = '超过|不低于|不少于|至少|达到|达|近|约|有';

/**
 * `95%的城市社区和85%的农村社区（村）建立家长学校或家庭教育指导服务站点` → 建立家长学校或家庭教育指导
 * 服务站点的城市社区比例 95%, …的农村社区（村）比例 85%. Only shares (% figures), and only with a
 * predicate after the noun: `覆盖90%的社区` names no indicator.
 */
export function figuresBeforeNouns(body: string): ClauseTarget[] {
  const figure = new RegExp(String.raw`(?:(${LEADING_VERB})\s*)?(${PERCENT})\s*(${SUFFIX})?\s*的`, 'g');
  const found = [...body.matchAll(figure)];
  if (!found.length) return [];
  const last = found[found.length - 1]!;
  const afterLast = body.slice(last.index! + last[0].length);
  const verb = afterLast.search(PREDICATE);
  if (verb <= 0) return [];
  const predicate = afterLast.slice(verb).replace(/^在/, '').replace(/了/g, '').replace(/[\s。；]+$/, '');
  if (!predicate || /\d+(?:\.\d+)?\s*%/.test(predicate)) return [];
  const out: ClauseTarget[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const nounFrom = f.index! + f[0].length;
    const nounTo = k + 1 < found.length ? found[k + 1]!.index! : last.index! + last[0].length + verb;
    // Between two figures only the noun and a separator: `…的城市社区和85%的…`.
    const noun = body.slice(nounFrom, nounTo).replace(/\s+/g, '').replace(/[和、及与]$|以及$/, '');
    if (!noun || noun.length > 16 || /[，,]/.test(noun)) return [];
    const { values } = parseValueList(f[2]!);
    out.push({ subject: `${predicate}的${noun}比例`, quantity: values[0]!, suffix: f[3] ?? null, verb: f[1], start: found[0]!.index!, end: body.replace(/[\s。；]+$/, '').length });
  }
  return out;
}

/**
 * `城市集中式饮用水水源水质百分之百达到Ⅱ类及以上标准` → 城市集中式饮用水水源水质达到Ⅱ类及以上标准比例
 * 100%: a share standing between its noun and the predicate it counts.
 */
export function figuresBeforePredicates(body: string): ClauseTarget[] {
  const m = body.match(new RegExp(String.raw`^(.*?)(${PERCENT})\s*(${SUFFIX})?\s*(?=${PREDICATE.source})`));
  if (!m) return [];
  const noun = cleanSubject(m[1]!);
  // One thing counted: `作业总量和时长、考试次数等指标100%完成` lists several, no one indicator.
  if (noun.length < 2 || /[\d、等]/.test(noun) || MEASURE_WORD.test(noun)) return [];
  const predicate = body.slice(m[0].length).replace(/[\s。；]+$/, '');
  if (!predicate || /\d/.test(predicate)) return [];
  const start = m[1]!.indexOf(noun[0]!);
  const { values } = parseValueList(m[2]!);
  return [{ subject: `${noun}${predicate}比例`, quantity: values[0]!, suffix: m[3] ?? null, start: Math.max(0, start), end: m[0].length + predicate.length }];
}

/**
 * `每千名老年人、每百张养老机构床位均拥有1名社会工作者` → 每千名老年人拥有社会工作者数 1名, …: a
 * count per so many people or beds, for each of a list of bases.
 */
export function perCapitaLists(body: string): ClauseTarget[] {
  const base = '每[千百万十][^、，,。；\\d]{1,12}?';
  const m = body.match(new RegExp(String.raw`(${base}(?:\s*[、和及]\s*${base})*)\s*(?:均|都|至少)?\s*(拥有|配备|有)\s*(${VALUE})\s*(${SUFFIX})?\s*([\u4e00-\u9fff]{2,10})`));
  if (!m) return [];
  const { values } = parseValueList(m[3]!);
  if (!/^(名|张|个|人|所)$/.test(values[0]!.unit)) return [];
  const bases = m[1]!.split(/\s*[、和及]\s*/).map((b) => b.replace(/\s+/g, ''));
  const start = m.index!;
  return bases.map((b) => ({ subject: `${b}${m[2]}${m[5]}数`, quantity: values[0]!, suffix: m[4] ?? null, start, end: start + m[0].length }));
}

/**
 * `全市至少2个公共图书馆设置儿童阅览专区` → 设置儿童阅览专区的公共图书馆数 2个: so many places that
 * do something, the clause's whole subject (nothing before the count but a place or a year).
 */
export function countsBeforeNouns(body: string): ClauseTarget[] {
  const m = body.match(new RegExp(String.raw`^(.*?)(至少|不少于|超过|不低于)?\s*(\d+\s*(?:个|所|家|座|处))\s*([^\d，,。；、]{2,16}?)(${PREDICATE.source}[^\d，,。；]*)\s*[。；]?\s*$`));
  if (!m || cleanSubject(m[1]!) !== '') return [];
  const predicate = m[5]!.replace(/^在/, '').replace(/了/g, '');
  const { values } = parseValueList(m[3]!);
  const start = m[1]!.length;
  return [{ subject: `${predicate}的${m[4]!.replace(/\s+/g, '')}数`, quantity: values[0]!, suffix: null, verb: m[2], start, end: body.replace(/[\s。；]+$/, '').length }];
}
