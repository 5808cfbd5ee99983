/**
 * Quantified targets of one item's text: `孕产妇死亡率到2025年控制在 10.5/10 万以下，到 2030 年下降
 * 到 10/10 万以下` → two targets. Every target keeps the exact phrase it was read from (`text`,
 * a substring of the item text at `start`), so a reader can check it against the source.
 *
 * The grammar, clause by clause (a clause ends at ，；：; a sentence at 。！？ or a line end):
 *   [subject] [year] [adverbs] verb value-list [以上|以下|左右]
 * A clause without a subject (`，到 2030 年下降到…`) continues the previous one's; a clause
 * without a year takes the sentence's last target year. `分别` lists pair subjects (or years)
 * with values.
 */
import type { Comparator } from '../../../../src/lib/targets.ts';
import { foldFigures } from './fold.ts';
import { cleanSubject, completeParts, hasHead, normaliseIndicator, splitParts, withoutYears } from './names.ts';
import { countsBeforeNouns, figuresBeforeNouns, figuresBeforePredicates, perCapitaLists, populationLists } from './clauses.ts';
import { isSuffixOnly, resolveSuffix } from './suffix.ts';
import { parseValueList, SUFFIX, VALUE_LIST } from './values.ts';
import type { Target } from '../../types.ts';

/** A target as read from one item's text; the stage adds the item, document and city (types.ts `Target`). */
export type ExtractedTarget = Omit<Target, 'itemId' | 'docId' | 'city'>;

export interface ExtractOptions {
  /**
   * Whether the text states aims (plans, task lists) rather than reports what happened
   * (reports, speeches, opinions): there a `达到` without a target year or `力争/要/将` is a
   * value reached, not a target.
   */
  statesAims: boolean;
  /** Told about values the text lists but that could not be paired with names or years. */
  warn?: (message: string) => void;
}

/** A verb and what it makes of the value; longest first, so `下降到` wins over `下降`. */
const VERBS: [string, Comparator | 'level'][] = [
  ['达到并保持在', 'atLeast'],
  ['达到并稳定在', 'atLeast'],
  ['控制在', 'atMost'],
  ['保持在', 'hold'],
  ['稳定在', 'hold'],
  ['维持在', 'hold'],
  ['下降到', 'atMost'],
  ['下降至', 'atMost'],
  ['降低到', 'atMost'],
  ['降低至', 'atMost'],
  ['减少到', 'atMost'],
  ['减少至', 'atMost'],
  ['降到', 'atMost'],
  ['降至', 'atMost'],
  ['不高于', 'atMost'],
  ['不超过', 'atMost'],
  ['低于', 'atMost'],
  ['提高到', 'atLeast'],
  ['提高至', 'atLeast'],
  ['提升到', 'atLeast'],
  ['提升至', 'atLeast'],
  ['增加到', 'atLeast'],
  ['增加至', 'atLeast'],
  ['增长到', 'atLeast'],
  ['上升到', 'atLeast'],
  ['增至', 'atLeast'],
  ['延长到', 'atLeast'],
  ['延长至', 'atLeast'],
  ['扩大到', 'atLeast'],
  ['扩大至', 'atLeast'],
  ['上升至', 'atLeast'],
  ['缩短到', 'atMost'],
  ['缩短至', 'atMost'],
  ['缩小到', 'atMost'],
  ['缩小至', 'atMost'],
  ['不低于', 'atLeast'],
  ['不少于', 'atLeast'],
  ['至少', 'atLeast'],
  ['超过', 'atLeast'],
  ['高于', 'atLeast'],
  ['达到', 'atLeast'],
  ['达', 'atLeast'],
  ['下降', 'decreaseBy'],
  ['降低', 'decreaseBy'],
  ['减少', 'decreaseBy'],
  ['提高', 'increaseBy'],
  ['提升', 'increaseBy'],
  ['增长', 'increaseBy'],
  ['增加', 'increaseBy'],
  ['上升', 'increaseBy'],
  ['为', 'reached'],
  ['是', 'reached'],
  ['在', 'level'],
];
const VERB_KIND = new Map(VERBS);
const VERB = VERBS.map(([v]) => v).join('|');

/**
 * verb (with 已 or 了 for what happened) and a value list; or a value list straight after an
 * indicator name (`达标率 100%`), checked below. `分别`/`均` may stand before or after the verb.
 */
const TARGET = new RegExp(
  String.raw`(?:(已经?|已)\s*)?(?:(?:分别|均|都|年均|每年)\s*)?(?:(${VERB})(了)?(?:为)?\s*(?:(20\d\d)\s*年(?:底|末)?\s*的?\s*)?)?(?:(?:分别|均)\s*)?(${VALUE_LIST})\s*(${SUFFIX})?`,
  'g',
);
/** A name that a bare value or 在/为 may follow: a rate, a proportion, a number of… */
const MEASURABLE = /(率|比例|占比|比重|数|寿命|水平|时间|时长|年限|标准)\s*$/;
/** A year phrase: `到2025年`, `2025年和2030年`. */
const YEAR = /(?<![\d.])(20\d\d)\s*年(?:底|末)?(?:\s*[和、及与]\s*(20\d\d)\s*年(?:底|末)?)?/g;
/** After a year: it is a baseline, not a target year (`以2020年为基数`, `在2019年基础上`). */
const BASELINE_AFTER = /^[^，。；]{0,8}?(为基数|基础上|相比|水平上)/;
const BASELINE_BEFORE = /(以|比|较|与|同|由|从)\s*$/;
/** Words that make a sentence of a report or speech an aim rather than a record. */
const AIM = /((?<![高升加长降低少])到\s*20\d\d\s*年|力争|争取|确保|(?<![主重需])要(?!求)|将(?!军)|预计)/;

interface Span {
  start: number;
  end: number;
}

function split(text: string, at: RegExp, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    // A colon between digits is a ratio (`3:2`), not the end of a clause.
    if (text[k] === ':' && /\d/.test(text[k - 1] ?? '') && /\d/.test(text[k + 1] ?? '')) continue;
    if (at.test(text[k]!)) {
      spans.push({ start, end: k });
      start = k + 1;
    }
  }
  spans.push({ start, end: to });
  return spans.filter((s) => s.end > s.start);
}

/** Target years stated in `text` between `from` and `to`, positions and years; baselines left out. */
function yearPhrases(text: string, from: number, to: number): { at: number; years: number[] }[] {
  const out: { at: number; years: number[] }[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(YEAR)) {
    const after = slice.slice(m.index! + m[0].length);
    const before = slice.slice(0, m.index!);
    if (BASELINE_AFTER.test(after) || BASELINE_BEFORE.test(before)) continue;
    out.push({ at: from + m.index!, years: [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])] });
  }
  return out;
}


/**
 * A second subject in one clause that names only what differs from the first:
 * `每千名儿童拥有儿科医生达到1.12名、床位增至3.17张` (床位 → 每千名儿童拥有床位),
 * `每天睡眠时间小学生达到10小时、初中生达到9小时` (初中生 → 每天睡眠时间初中生).
 */
function continueSubject(previous: string, subject: string): string {
  const per = previous.match(/^每[千万百][^、]{0,6}?拥有/);
  if (per && !subject.startsWith('每')) return per[0] + subject;
  const who = previous.match(POPULATION_ANYWHERE);
  if (who && new RegExp(`^${POPULATION_ANYWHERE.source}$`).test(subject)) return previous.replace(who[0], subject);
  return subject;
}
const POPULATION_ANYWHERE = /(?:小学生|初中生|高中生|中小学生|幼儿园幼儿|婴幼儿)/;

function comparatorOf(verb: string | undefined, suffix: string | null, past: boolean, targetYear: boolean): Comparator {
  const kind = verb ? (VERB_KIND.get(verb) ?? 'level') : 'level';
  // What happened: a level reached, or a change that happened (`比上年下降0.8个百分点`), never a level of 0.8.
  if (past) return kind === 'decreaseBy' ? 'decreasedBy' : kind === 'increaseBy' ? 'increasedBy' : 'reached';
  if (kind === 'reached') return targetYear ? 'hold' : 'reached';
  if (kind === 'decreaseBy' || kind === 'increaseBy') return kind;
  if (suffix === '以上' || suffix === '及以上') return 'atLeast';
  if (suffix === '以下' || suffix === '以内') return 'atMost';
  if (suffix === '左右') return 'about';
  if (kind === 'level') return verb === '在' ? 'hold' : 'atLeast';
  return kind;
}

/** `受教育青少年和儿童` 100万人次: who is counted, named as the count (`…人次`), not as the people. */
function countName(name: string, unit: string): string {
  if (hasHead(name) || /(人次|人数)$/.test(name)) return name;
  if (/人次$/.test(unit)) return `${name}人次`;
  if (unit === '人' || unit === '万人') return `${name}人数`;
  return name;
}

/** The clause shapes of clauses.ts, in the order they are tried; the first that reads anything wins. */
const SHAPES = [populationLists, perCapitaLists, figuresBeforeNouns, figuresBeforePredicates, countsBeforeNouns];

/** Every quantified target of `text` (an item's text), in reading order. */
export function extractTargets(text: string, options: ExtractOptions = { statesAims: true }): ExtractedTarget[] {
  const f = foldFigures(text);
  const folded = f.text;
  /** The source phrase of a folded span: exact, even where a Chinese figure became digits. */
  const phraseOf = (start: number, end: number) => ({ text: text.slice(f.from[start]!, f.to[end - 1]!), start: f.from[start]! });
  const targets: ExtractedTarget[] = [];
  for (const sentence of split(folded, /[。！？!?\n]/, 0, folded.length)) {
    // Most sentences hold no number at all: nothing to read there.
    if (!/\d/.test(folded.slice(sentence.start, sentence.end))) continue;
    const years = yearPhrases(folded, sentence.start, sentence.end);
    const aim = options.statesAims || AIM.test(folded.slice(sentence.start, sentence.end));
    const yearBefore = (at: number) => {
      const phrase = [...years].reverse().find((y) => y.at < at);
      const targetYear = phrase !== undefined && /(到|至)\s*$/.test(folded.slice(Math.max(sentence.start, phrase.at - 3), phrase.at));
      return { years: phrase?.years ?? [], targetYear };
    };
    let carried: { subject: string; start: number } | null = null;
    let previousClause: string | null = null;
    for (const clause of split(folded, /[，,；;：:]/, sentence.start, sentence.end)) {
      const body = folded.slice(clause.start, clause.end);
      const clauseBefore = previousClause;
      previousClause = body;
      if (!/\d/.test(body)) continue;

      const shaped = SHAPES.map((shape) => shape(body)).find((found) => found.length) ?? [];
      if (shaped.length) {
        for (const t of shaped) {
          const { years: ys, targetYear } = yearBefore(clause.start + t.start);
          const comparator = comparatorOf(t.verb, t.suffix, !aim, targetYear);
          const phrase = phraseOf(clause.start + t.start, clause.start + t.end);
          targets.push({ indicator: normaliseIndicator(t.subject), subject: t.subject, comparator, ...t.quantity, year: ys.at(-1) ?? null, ...phrase });
        }
        continue;
      }

      let subjectFrom = 0; // in body: where the next subject starts
      let previousSubject: string | null = null;
      for (const m of body.matchAll(TARGET)) {
        const [whole, already, verb, perfect, ownYear, list, tail] = m;
        const at = m.index!;
        const end = at + whole.replace(/\s+$/, '').length;
        // A value that qualifies a noun (`超过80%的景区`) is not a target.
        if (body[at + whole.length] === '的' || /^\s*的/.test(body.slice(end))) continue;
        const before = body.slice(subjectFrom, at);
        if (!verb || verb === '在' || verb === '为' || verb === '是' || verb === '至少') {
          if (!MEASURABLE.test(withoutYears(before))) continue;
        }
        let subject = cleanSubject(before);
        if (subject && previousSubject) subject = continueSubject(previousSubject, subject);
        // `…比例至少为3:2，人流量较大的场所提高到2:1`: a clause naming where, not what, qualifies the indicator before.
        else if (subject && verb && carried && !hasHead(subject) && !MEASURABLE.test(subject)) subject = `${carried.subject}（${subject}）`;
        let textStart: number;
        if (subject) {
          const lead = before.search(/\S/);
          textStart = clause.start + subjectFrom + Math.max(0, lead);
          // Skip separators and lead-in words the subject dropped, so the phrase starts at its name.
          const raw = folded.slice(textStart, clause.start + at);
          const firstChar = subject[0]!;
          const offset = raw.indexOf(firstChar);
          if (offset > 0) textStart += offset;
          else textStart += raw.search(/[^、，,和及与\s]|$/);
          carried = { subject, start: textStart };
        } else if (carried) {
          subject = carried.subject;
          textStart = clause.start + subjectFrom + Math.max(0, before.search(/\S/));
        } else continue;
        previousSubject = subject;
        subjectFrom = at + whole.length;

        const { values, suffix: innerSuffix } = parseValueList(list!);
        const suffix = tail ?? innerSuffix;
        const absoluteAt = clause.start + at;
        const { years: yearsBefore, targetYear } = yearBefore(absoluteAt);
        // `提高到2023年的93.1%`: the value's own year.
        const yearsHere = ownYear ? [Number(ownYear)] : yearsBefore;
        const past = Boolean(already || perfect) || !aim;
        // `到2025年…为40%` is a target; `2023年…为8.6/10万` a value reached.
        const comparator = comparatorOf(verb, suffix, past, yearsHere.length > 0 && (targetYear || Boolean(ownYear && aim)));
        const phrase = phraseOf(textStart, clause.start + end);

        // `人群覆盖率`, `防治知识知晓率`: only an indicator's ending; the sentence names the rest.
        const parts = splitParts(subject);
        const whole_ = parts.length === 1 && isSuffixOnly(subject) ? resolveSuffix(subject, folded.slice(sentence.start, textStart), clauseBefore) : null;
        const emit = (name: string, q: (typeof values)[number], year: number | null) =>
          targets.push({ indicator: normaliseIndicator(whole_ ?? countName(name, q.unit)), subject: name, comparator, ...q, year, ...phrase });
        if (values.length > 1) {
          if (parts.length === values.length) {
            const names = completeParts(parts);
            values.forEach((q, k) => emit(names[k]!, q, yearsHere.at(-1) ?? null));
          } else if (yearsHere.length === values.length) {
            values.forEach((q, k) => emit(subject, q, yearsHere[k]!));
          }
          // Otherwise the pairing is unclear: nothing is guessed, and the editor is told.
          else options.warn?.(`${values.length} 个数值对应 ${parts.length} 个指标名、${yearsHere.length || '无'}年份，无法一一对应，未读作目标：${phrase.text}`);
        } else {
          const q = values[0]!;
          const names = parts.length > 1 && parts.every(hasHead) ? completeParts(parts) : [subject];
          const ys = yearsHere.length ? yearsHere : [null];
          for (const name of names) for (const y of ys) emit(name, q, y);
        }
      }
    }
  }
  return targets;
}
