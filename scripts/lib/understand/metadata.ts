import { NATIONAL_PLACE } from '../../../src/lib/vocabulary.ts';
import { canonicalDomain } from './domains.ts';
import { MUNICIPALITIES, PREFECTURE_CITIES, PROVINCES } from './gazetteer.ts';
import { isTaskTable } from './structure/tasklist.ts';
import { parseNumeral } from '../text/numerals.ts';
import type { Block, DocumentKind, DocumentMeta, Level, MetadataHints, Population } from '../types.ts';

/**
 * Document metadata from the normalised text, by rules that hold for any such document: what
 * the title, the issuing body, the signature and the document number say. Nothing is looked
 * up by file name, and what the text does not state stays null ('unknown' for the level).
 *
 * Place rules, in order of trust:
 * 1. the issuing body names its place (`阜新市人民政府`, `上海市静安区人民政府`);
 * 2. the title opens with a place (`大安市妇女发展规划…`);
 * 3. the body speaks of `我市`/`本市`/`全市` and names exactly one prefecture-level city
 *    (`鞍山` in 000): that city is the document's own. Two or more cities (a compilation) → null.
 * Province: a municipality is its own province; a prefecture-level city's province comes from
 * the gazetteer; otherwise the one province the text names in full (`吉林省反家庭暴力条例`).
 * Level: from the place's last unit: 区 → district, 县/旗 → county, 市 → city when it is a
 * municipality or prefecture-level city in the gazetteer, else county (a county-level city
 * such as 大安市); a province alone → province, and the province is then the document's place
 * (its `city`), so a provincial plan has a page of its own rather than joining 未知地区.
 * National documents (the State Council's, 国发〔…〕, the two national outlines 中国妇女/儿童
 * 发展纲要) are level `national`, placed at 全国, with no province.
 */
export function inferMetadata(_source: string, blocks: Block[], stated: MetadataHints = {}): DocumentMeta {
  // What the source states about itself (a web page's 发文机关/成文日期/文号 table) is trusted over the text.
  const title = stated.title ? tidyTitle(stated.title) : inferTitle(blocks);
  const body = blocks.map((b) => b.text).join('\n');
  const docNumber = stated.docNumber ?? inferDocNumber(blocks);
  const printedIssuer = stated.issuer ?? inferIssuer(title, blocks);
  const common = {
    title,
    kind: inferDocumentKind(title, blocks),
    date: stated.date ?? inferDate(blocks) ?? stated.publishedDate ?? null,
    docNumber,
    populations: inferPopulations(title, body),
    overridden: [],
  };
  // A local body's report on the national outline (`…人民政府` + `中国妇女发展纲要…评估报告`) stays local.
  if (!placeOf(printedIssuer) && isNational(title, printedIssuer, docNumber)) {
    return { ...common, issuer: printedIssuer ?? issuerOfNumber(docNumber), city: NATIONAL_PLACE, province: null, level: 'national' };
  }
  const place = placeOf(printedIssuer) ?? placeAtStart(title) ?? cityNamedInBody(body);
  const { city, province } = splitPlace(place, body);
  return { ...common, issuer: qualifyIssuer(printedIssuer, city), city, province, level: levelOf(place) };
}

// ── national documents ──────────────────────────────────────────────────────────────────

/** The national outlines, however wrapped: `国务院关于印发中国妇女发展纲要和…`, `《中国儿童发展纲要（…）》（节选）`. */
const NATIONAL_TITLE = /^(?:国务院(?:办公厅)?关于印发)?《?中国(?:妇女|儿童)发展纲要/;
/** Bodies of the central government: 国务院, 国务院办公厅, 国务院妇女儿童工作委员会, 全国妇联, 全国人大常委会. */
const NATIONAL_ISSUER = /^(?:国务院|全国(?:妇联|妇女联合会|人大|人民代表大会))/;
/** The State Council's own numbers: 国发〔2021〕16号, 国办发〔…〕. */
const NATIONAL_NUMBER = /^国(?:办)?发〔/;

function isNational(title: string, issuer: string | null, docNumber: string | null): boolean {
  return NATIONAL_TITLE.test(title) || (issuer !== null && NATIONAL_ISSUER.test(issuer)) || (docNumber !== null && NATIONAL_NUMBER.test(docNumber));
}

/** 国发 is the State Council's number prefix, 国办发 its General Office's. */
function issuerOfNumber(docNumber: string | null): string | null {
  if (!docNumber) return null;
  if (docNumber.startsWith('国办发')) return '国务院办公厅';
  if (docNumber.startsWith('国发')) return '国务院';
  return null;
}

// ── title ────────────────────────────────────────────────────────────────────────────────

/**
 * Title ends: a title block group stops after one of these (`…的通知`, `…审议意见`), also when
 * followed by the period or a note in brackets (`…纲要（2021—2030年）（节选）`).
 */
const DOC_TYPE_END = /(通知|意见|报告|清单|分工|分解表?|规划|纲要|讲话|决定|办法|方案|计划|条例|规定|批复|函|纪要|记录)[）)]?(?:[（(][^（）()]{1,20}[）)])*$/;
/**
 * Blocks that never continue a title: a section heading (`二、发展领域…`, `第一部分`, `（一）`, `1.`,
 * `主要目标：`) or a domain heading (`儿童与福利`).
 */
const SECTION_START = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百0-9]{1,4}(?:部分|章|节|篇|编|条)|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,3}[.．、]|(?:主要目标|策略措施)[:：]?$)/;
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*[:：]?$/;

/**
 * The title: a level-1 Markdown heading, or the first run of short unpunctuated blocks after
 * the letterhead (`…人民政府文件`), document number and `附件1`; a title wrapped over several
 * blocks (000, 001) is joined. A file holding several attachments (附件1, 附件2) with titles of
 * their own gets them all, joined by `；`.
 */
export function inferTitle(blocks: Block[]): string {
  const first = blocks.find((b) => b.text.trim() !== '');
  if (!first) return '';
  if (first.headingDepth === 1) return tidyTitle(first.text);
  const titles: string[] = [];
  let i = blocks.indexOf(first);
  const startsWithAttachment = ATTACHMENT.test(first.text.trim());
  while (i < blocks.length && i < 8 && isFrontMatter(blocks[i]!.text)) i++;
  const main = titleAt(blocks, i);
  if (main) titles.push(main);
  if (startsWithAttachment) {
    blocks.forEach((b, k) => {
      if (k > i && ATTACHMENT.test(b.text.trim())) {
        const t = titleAt(blocks, k + 1);
        if (t) titles.push(t);
      }
    });
  }
  return titles.join('；') || tidyTitle(first.text.slice(0, 80));
}

function isFrontMatter(text: string): boolean {
  const t = text.trim();
  return ATTACHMENT.test(t) || /^\S{2,30}文件$/.test(t) || DOC_NUMBER_ONLY.test(t) || t === '';
}

function titleAt(blocks: Block[], start: number): string | null {
  const parts: string[] = [];
  for (let k = start; k < blocks.length && parts.length < 4; k++) {
    const b = blocks[k]!;
    const t = b.text.trim();
    // A table row, or a cell of a Word table flattened to text (`\t序号`), is no title.
    if (b.cells && (b.cells.filter(Boolean).length > 1 || (b.cells.length > 1 && b.cells[0] === ''))) break;
    if (/[，。；：:！？]$|[。；]/.test(t) || DATE.test(t) || t.length > 120) break;
    // A title ends before the document number and the first heading of the text.
    if (parts.length > 0 && (DOC_NUMBER_ONLY.test(t) || SECTION_START.test(t) || (t.length <= 30 && canonicalDomain(t)))) break;
    // A number printed on the title's own line (`…纲要（节选） 国发〔2021〕16号`) is not title.
    const numberAfter = DOC_NUMBER_AT_END.exec(t);
    if (numberAfter && numberAfter.index > 0) {
      parts.push(t.slice(0, numberAfter.index).trim());
      break;
    }
    parts.push(t);
    const sofar = tidyTitle(parts.join(''));
    const next = blocks[k + 1]?.text.trim() ?? '';
    if (DOC_TYPE_END.test(sofar) && !continuesTitle(sofar, next)) return sofar;
  }
  return parts.length > 0 && parts.length < 4 ? tidyTitle(parts.join('')) : null;
}

/**
 * A title wrapped after a kind word still goes on: `…关于印发阜新市妇女发展规划` + `（2021—2030
 * 年）和…的通知`. A `关于` title is whole only at `…的通知`/`…的报告`.
 */
function continuesTitle(sofar: string, next: string): boolean {
  return /^[（(和及与、]/.test(next) || (/关于/.test(sofar) && !/的[^的]{1,8}$/.test(sofar)) || TASK_LIST_TAIL.test(next);
}

/** `…规划（2021—2030年）` wrapped before `重点任务分工` / `重点任务清单`: the list's own kind word. */
const TASK_LIST_TAIL = /^[^，。；：:\s]{0,10}(?:清单|分工|分解表?)(?:方案)?$/;

/**
 * Spaces left by PDF and Word extraction go (`（2021—2030 年）`, `人民政府 关于《…》 落实`);
 * a space between two words of a web title stays (`会议记录 妇女儿童工作会议讲话`).
 */
export function tidyTitle(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?=[0-9年月日（）()《》〈〉〔〕“”—]|关于|落实|印发)/g, '')
    .replace(/(?<=[0-9（）()《》〈〉〔〕“”—]) /g, '');
}

// ── issuer and place ─────────────────────────────────────────────────────────────────────

const ORGAN = /(国务院|人民政府|人民代表大会常务委员会|人大常委会|常务委员会|人民政府办公室|政府办公室|办公厅|办公室|妇女儿童工作委员会|妇女联合会|妇联|委员会|政府)$/;

/**
 * The issuing body as printed: before `关于` in the title, the letterhead (`…人民政府文件`), or
 * a signature line standing just before a date.
 */
function inferIssuer(title: string, blocks: Block[]): string | null {
  const before = /^(.{2,30}?)关于/.exec(title)?.[1];
  if (before && ORGAN.test(before)) return before;
  for (const b of blocks.slice(0, 3)) {
    const letterhead = /^(\S{2,30})文件$/.exec(b.text.trim())?.[1];
    if (letterhead && ORGAN.test(letterhead)) return letterhead;
  }
  for (let k = 0; k + 1 < blocks.length; k++) {
    const t = blocks[k]!.text.trim();
    if (t.length <= 30 && ORGAN.test(t) && !/[，。；：]/.test(t) && DATE_ONLY.test(blocks[k + 1]!.text.trim())) return t;
  }
  return null;
}

/** `市人大常委会` in a document whose city is 鞍山市 is the 鞍山市人大常委会. */
function qualifyIssuer(issuer: string | null, city: string | null): string | null {
  if (!issuer || !city) return issuer;
  const relative = /^[市区县]/.exec(issuer)?.[0];
  return relative && city.endsWith(relative) ? city + issuer.slice(1) : issuer;
}

const UNIT = /^([\u4e00-\u9fa5]{1,7}?)(省|自治区|特别行政区|市|区|县|旗)/;
/** Words that show a would-be place name is something else (`关于我市`, `妇女发展规划…区`). */
const NOT_A_PLACE = /妇女|儿童|人民|关于|发展|规划|政府|人大|我|本|全|各|该|此/;

/** The chain of administrative units a text starts with: `上海市静安区人民政府` → `上海市静安区`. */
export function placeAtStart(text: string | null): string | null {
  if (!text) return null;
  let rest = text;
  let place = '';
  for (;;) {
    const m = UNIT.exec(rest);
    if (!m) break;
    const name = m[1]!;
    if (name.length < 2 && !PROVINCES.includes(m[0])) break;
    if (NOT_A_PLACE.test(name)) break;
    place += m[0];
    rest = rest.slice(m[0].length);
  }
  return place || null;
}

function placeOf(issuer: string | null): string | null {
  return placeAtStart(issuer);
}

/**
 * Bare city names that are also words or other places: `幸福安康` is not 安康市, `长治久安` not
 * 长治市, `吉林` alone may be the province.
 */
const FALSE_FRIENDS = /幸福安康|平安安康|健康安康|长治久安|延安精神|中山装|中山路|中山大学|世界大同|天下大同|普洱茶|朝阳产业|三明治|遵义会议|白银时代/g;
const CITY_NAMES = [...PREFECTURE_CITIES.keys()].map((c) => c.slice(0, -1)).sort((a, b) => b.length - a.length);
const CITY_MENTION = new RegExp(`(${CITY_NAMES.join('|')})(市)?`, 'g');
const PROVINCE_SHORT = new Set(PROVINCES.map((p) => p.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')));

/** Rule 3: a document about `我市` that names exactly one prefecture-level city is that city's. */
export function cityNamedInBody(body: string): string | null {
  if (!/我市|本市|全市/.test(body)) return null;
  const text = body.replace(FALSE_FRIENDS, (m) => '□'.repeat(m.length));
  const found = new Set<string>();
  for (const m of text.matchAll(CITY_MENTION)) {
    const name = m[1]!;
    const next = text[m.index! + m[0].length] ?? '';
    if (!m[2] && (PROVINCE_SHORT.has(name) || /[省路街县]/.test(next))) continue;
    found.add(`${name}市`);
  }
  return found.size === 1 ? [...found][0]! : null;
}

function splitPlace(place: string | null, body: string): { city: string | null; province: string | null } {
  const province = place ? provinceOfPlace(place) : null;
  if (!place) return { city: null, province: provinceNamedInBody(body) };
  // A province-level document is placed at its province (a municipality is a city anyway).
  if (PROVINCES.includes(place)) return { city: place, province: place };
  // A municipality's district keeps its municipality (`上海市静安区`); a province is dropped.
  const city = province && !MUNICIPALITIES.includes(province as (typeof MUNICIPALITIES)[number]) && place.startsWith(province) ? place.slice(province.length) : place;
  return { city, province: province ?? provinceNamedInBody(body) };
}

function provinceOfPlace(place: string): string | null {
  const byPrefix = PROVINCES.find((p) => place.startsWith(p));
  if (byPrefix) return byPrefix;
  const city = /^[\u4e00-\u9fa5]{2,8}?市/.exec(place)?.[0];
  return (city && PREFECTURE_CITIES.get(city)) ?? null;
}

/** The one province the text names in full (`辽宁省妇女发展规划`); none or several → null. */
function provinceNamedInBody(body: string): string | null {
  const named = new Set(PROVINCES.filter((p) => !MUNICIPALITIES.includes(p as (typeof MUNICIPALITIES)[number]) && body.includes(p)));
  return named.size === 1 ? [...named][0]! : null;
}

function levelOf(place: string | null): Level {
  if (!place) return 'unknown';
  if (PROVINCES.includes(place)) return 'province';
  if (/(区)$/.test(place)) return 'district';
  if (/(县|旗)$/.test(place)) return 'county';
  if (/市$/.test(place)) {
    const last = place.replace(/^(.*?(省|自治区))/, '');
    return MUNICIPALITIES.includes(last as (typeof MUNICIPALITIES)[number]) || PREFECTURE_CITIES.has(last) ? 'city' : 'county';
  }
  return 'unknown';
}

// ── kind, date, number, populations ──────────────────────────────────────────────────────

const KIND_WORDS: [RegExp, DocumentKind][] = [
  [/审议意见|意见/g, 'opinion'],
  [/报告/g, 'report'],
  // 重点任务分工, 任务分解, 分工方案, 责任分工: a task list without the word 清单.
  [/清单|(?:任务|责任|工作)(?:分工|分解)|分[工解](?:方案|表)/g, 'tasklist'],
  [/讲话|会议记录|发言/g, 'speech'],
  [/规划|纲要/g, 'plan'],
];

/**
 * The kind a title names last wins: `…情况报告的审议意见` is an opinion, `关于《…审议意见》落实
 * 情况的报告` a report, `…规划…重点任务清单` and `…重点任务分工（方案）` task lists. `印发…的通知` is a wrapper: its kind is
 * what it issues. A title naming no kind is taken for a plan (the corpus's main kind; a
 * sidecar can say otherwise).
 */
export function inferKind(title: string): DocumentKind {
  let best: { at: number; kind: DocumentKind } | null = null;
  for (const [re, kind] of KIND_WORDS) {
    for (const m of title.matchAll(re)) {
      const at = m.index! + m[0].length;
      if (!best || at > best.at) best = { at, kind };
    }
  }
  return best?.kind ?? 'plan';
}

/** The title's kind; a "plan" that is nothing but a task table (牵头单位, 重点任务 …) is a task list. */
function inferDocumentKind(title: string, blocks: Block[]): DocumentKind {
  const kind = inferKind(title);
  return kind === 'plan' && isTaskTable(blocks) ? 'tasklist' : kind;
}

// Years are written digit by digit (二〇二二), not as a numeral.
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const DATE = /([0-9]{4}|[〇零一二三四五六七八九Ｏ]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DATE_ONLY = new RegExp(`^${DATE.source}$`);

/**
 * The issuing date: a date standing alone as a block (the signature date: `2025年12月22日`),
 * else a date in the opening blocks (`2025 年 6 月 27 日，市十七届人大常委会…`). Target years
 * (`到2030年`) have no month and day and never match; a date without a year stays unknown.
 */
export function inferDate(blocks: Block[]): string | null {
  const alone = blocks.find((b) => DATE_ONLY.test(b.text.trim()));
  const m = DATE.exec(alone?.text.trim() ?? '') ?? blocks.slice(0, 3).map((b) => DATE.exec(b.text)).find(Boolean) ?? null;
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

function isoDate(y: string, mo: string, d: string): string | null {
  const year = /^[0-9]+$/.test(y) ? Number(y) : Number([...y].map((c) => CN_DIGIT[c]).join(''));
  const month = parseNumeral(mo) ?? 0;
  const day = parseNumeral(d) ?? 0;
  if (!month || !day || month > 12 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10})\s*[〔［\[【(（]\s*([0-9]{4})\s*[〕］\]】)）]\s*([0-9]{1,4})\s*号/;
const DOC_NUMBER_ONLY = new RegExp(`^${DOC_NUMBER.source}$`);
/** A number after a title on one line: the issuer code is the short run of Han characters before 〔. */
const DOC_NUMBER_AT_END = /\s*[\u4e00-\u9fa5]{1,6}\s*〔\s*[0-9]{4}\s*〕\s*[0-9]{1,4}\s*号$/;

/**
 * The document's own number stands alone near the top (`阜政发〔2022〕11 号`), written without
 * spaces and with the standard 〔〕 brackets. Numbers cited in the body (`（静会〔2025〕57号）`)
 * are other documents'.
 */
export function inferDocNumber(blocks: Block[]): string | null {
  for (const b of blocks.slice(0, 12)) {
    const m = DOC_NUMBER_ONLY.exec(b.text.trim());
    if (m) return `${m[1]}〔${m[2]}〕${m[3]}号`;
  }
  return null;
}

/** Populations the title names; when it names neither, those the body keeps talking about. */
export function inferPopulations(title: string, body: string): Population[] {
  const named = (text: string, min: number): Population[] => {
    const out: Population[] = [];
    if ((text.match(/妇女|女性/g) ?? []).length >= min) out.push('妇女');
    if ((text.match(/儿童|未成年人/g) ?? []).length >= min) out.push('儿童');
    return out;
  };
  const fromTitle = named(title, 1);
  return fromTitle.length > 0 ? fromTitle : named(body, 3);
}
