/**
 * Scoring a generated document: the items the ingest recovered against the items the
 * document was generated from. An item is right when it comes back with the right kind,
 * domain, number and text (compared after whitespace is removed; nothing else is forgiven:
 * radicals or full-width digits left in the text count as a different text), and for a task
 * list's measures the right lead and partner departments.
 *
 * Then "no silent loss": a document that did not come back whole must carry a warning for the
 * editor that says what was not recognised.
 */
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import type { Item } from '../../types.ts';
import type { TruthItem } from './truth.ts';

export type Problem = 'missed' | 'wrong-kind' | 'wrong-domain' | 'wrong-number' | 'text-differs' | 'departments-differ' | 'extra';

export const PROBLEMS: readonly Problem[] = ['missed', 'wrong-kind', 'wrong-domain', 'wrong-number', 'text-differs', 'departments-differ', 'extra'];

/** An item as the scorer compares it. */
export interface Comparable {
  kind: string;
  domain: string | null;
  /** A value: `4`, `（4）`, `⑷` → 4; a report item: section × 1000 + ordinal. */
  number: number | null;
  /** As printed, for the report. */
  printed: string;
  text: string;
  lead?: string[];
  partner?: string[];
}

export interface ItemProblem {
  problems: Problem[];
  expected?: Comparable;
  got?: Comparable;
}

export interface DocumentScore {
  expected: number;
  right: number;
  /** Recovered items that match no expected item. */
  extra: number;
  /** Every expected item not right, and every extra item, with what is wrong. */
  wrong: ItemProblem[];
  /** Warnings that say what was not recognised (the ones the no-silent-loss check accepts). */
  warnings: string[];
  /** The ingest refused the file: its message. */
  refused?: string;
  /** Below 100 % without a warning saying so. */
  silentLoss: boolean;
}

const compact = (s: string) => s.replace(/\s+/g, '');

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `4` `４` `（4）` `⑷` `④` `4.` → 4; `（二）` `二、` `十二` → 2, 2, 12; null when the marker holds no number. */
export function numberValue(printed: string): number | null {
  const digits = printed.normalize('NFKC').replace(/[^0-9]/g, '');
  if (digits) return Number(digits);
  const cn = printed.replace(/[^一二三四五六七八九十]/g, '');
  if (!cn) return null;
  if (!cn.includes('十')) return cn.length === 1 ? CN[cn]! : null;
  const [tens, ones] = cn.split('十');
  return (tens ? CN[tens]! : 1) * 10 + (ones ? CN[ones]! : 0);
}

export function fromTruth(t: TruthItem): Comparable {
  const report = t.kind === 'report';
  return {
    kind: t.kind,
    domain: t.domain,
    number: report ? t.section! * 1000 + t.number : t.number,
    printed: report ? `${t.section}.${t.number}` : String(t.number),
    text: compact(t.text),
    ...(t.lead ? { lead: t.lead, partner: t.partner ?? [] } : {}),
  };
}

/** Recovered items as compared; report items are placed by their section heading (`二、…`) and number or position. */
export function fromItems(items: readonly Item[]): Comparable[] {
  const position = new Map<string, number>();
  return items.map((item) => {
    if (item.kind === 'report') {
      const heading = item.section[0] ?? '';
      const section = numberValue(/^[一二三四五六七八九十]+、/.exec(heading)?.[0] ?? '') ?? 0;
      const at = (position.get(heading) ?? 0) + 1;
      position.set(heading, at);
      const ordinal = numberValue(item.number) ?? at;
      return { kind: item.kind, domain: item.domain, number: section * 1000 + ordinal, printed: `${section}.${ordinal}`, text: compact(item.text) };
    }
    return {
      kind: item.kind,
      domain: item.domain,
      number: numberValue(item.number),
      printed: item.number,
      text: compact(item.text),
      lead: item.leadDepartments,
      partner: item.partnerDepartments,
    };
  });
}

const sameNames = (a: readonly string[] = [], b: readonly string[] = []) => {
  const x = [...a].map(compact).sort();
  const y = [...b].map(compact).sort();
  return x.length === y.length && x.every((n, k) => n === y[k]);
};

/** What is wrong with a recovered item taken for an expected one (empty: right). */
export function problemsOf(e: Comparable, g: Comparable): Problem[] {
  const p: Problem[] = [];
  if (e.kind !== g.kind) p.push('wrong-kind');
  // Report items get their domain from classification, after the parse: not scored here.
  if (e.kind !== 'report' && e.domain !== g.domain) p.push('wrong-domain');
  if (e.number !== g.number) p.push('wrong-number');
  if (e.text !== g.text) p.push('text-differs');
  if (e.lead && !(sameNames(e.lead, g.lead) && sameNames(e.partner, g.partner))) p.push('departments-differ');
  return p;
}

/** Character-bigram Dice similarity of two texts. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let k = 0; k + 1 < s.length; k++) m.set(s.slice(k, k + 2), (m.get(s.slice(k, k + 2)) ?? 0) + 1);
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * shared) / total;
}

/**
 * Pair expected with recovered items, most certain pairs first: the same text (preferring the
 * same kind, domain and number), then the same kind, domain and number, then the most similar
 * text (a text with radicals, two items run together). What stays unpaired is missed or extra.
 */
export function matchItems(expected: readonly Comparable[], got: readonly Comparable[]): { pairs: [number, number][]; missed: number[]; extra: number[] } {
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  const pair = (e: number, g: number) => {
    usedE.add(e);
    usedG.add(g);
    pairs.push([e, g]);
  };
  const pass = (accept: (e: Comparable, g: Comparable) => boolean, rank: (e: Comparable, g: Comparable) => number) => {
    expected.forEach((e, i) => {
      if (usedE.has(i)) return;
      let best = -1;
      let bestRank = -Infinity;
      got.forEach((g, j) => {
        if (usedG.has(j) || !accept(e, g)) return;
        const r = rank(e, g);
        if (r > bestRank) (best = j), (bestRank = r);
      });
      if (best >= 0) pair(i, best);
    });
  };
  const fields = (e: Comparable, g: Comparable) => -problemsOf(e, g).length;
  pass((e, g) => e.text === g.text, fields);
  pass((e, g) => e.kind === g.kind && e.domain === g.domain && e.number === g.number, (e, g) => similarity(e.text, g.text));
  pass((e, g) => similarity(e.text, g.text) >= 0.5, (e, g) => similarity(e.text, g.text));
  return {
    pairs,
    missed: expected.map((_, i) => i).filter((i) => !usedE.has(i)),
    extra: got.map((_, j) => j).filter((j) => !usedG.has(j)),
  };
}

/**
 * Warnings that say what was not recognised: no items, numbering gaps, text in no item, the
 * recogniser's notes, the format reader's doubts, paragraphs that may have been joined, empty
 * lists, and domains not found among those the document has.
 * Metadata warnings (no city) and near duplicates say nothing about lost structure.
 */
export function lossWarnings(warnings: readonly ReportWarning[], expectedDomains: ReadonlySet<string>): ReportWarning[] {
  return warnings.filter((w) => {
    switch (w.code) {
      case 'no-items':
      case 'numbering':
      case 'unassigned-text':
      case 'structure':
      case 'source':
      case 'paragraphs':
      case 'empty-list':
        return true;
      case 'missing-domains':
        return w.domains.some((d) => expectedDomains.has(d));
      default:
        return false;
    }
  });
}

export function scoreDocument(expectedItems: readonly TruthItem[], items: readonly Item[], warnings: readonly ReportWarning[]): DocumentScore {
  const expected = expectedItems.map(fromTruth);
  const got = fromItems(items);
  const { pairs, missed, extra } = matchItems(expected, got);
  const wrong: ItemProblem[] = [];
  let right = 0;
  for (const [e, g] of pairs) {
    const problems = problemsOf(expected[e]!, got[g]!);
    if (problems.length === 0) right++;
    else wrong.push({ problems, expected: expected[e], got: got[g] });
  }
  for (const e of missed) wrong.push({ problems: ['missed'], expected: expected[e] });
  for (const g of extra) wrong.push({ problems: ['extra'], got: got[g] });
  const loss = lossWarnings(warnings, new Set(expectedItems.map((t) => t.domain).filter((d): d is NonNullable<typeof d> => d !== null)));
  return {
    expected: expected.length,
    right,
    extra: extra.length,
    wrong,
    warnings: loss.map((w) => w.message),
    silentLoss: right < expected.length && loss.length === 0,
  };
}

/** A file the ingest refuses: nothing recovered, and the refusal is its warning. */
export function refusedScore(expectedItems: readonly TruthItem[], message: string): DocumentScore {
  return {
    expected: expectedItems.length,
    right: 0,
    extra: 0,
    wrong: expectedItems.map((t) => ({ problems: ['missed'] as Problem[], expected: fromTruth(t) })),
    warnings: [message],
    refused: message,
    silentLoss: false,
  };
}
