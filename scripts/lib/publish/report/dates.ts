/**
 * Dates that cannot be right. A date comes from the editor's sidecar or from the text; either
 * can be mistyped (2032 for 2022). A date after today is wrong whatever the document; a plan or
 * task list dated outside the period its title names (`（2021—2030年）`) is almost surely wrong
 * (plans are issued in their first years), and no document about a plan predates its period.
 * A report after the period is fine (a final evaluation is written after it ends).
 */
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import { inferDate } from '../../understand/metadata.ts';
import { sidecarName } from '../../understand/sidecar.ts';
import type { KbDocument } from '../../types.ts';
import { MESSAGES } from './messages.ts';

/** `（2021—2030年）`, `(2021-2030年)`, `2021～2030 年`, `2021年—2030年`: a period of years. */
const PERIOD = /((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年/;

/** The plan period a title names, or null. */
export function planPeriod(title: string): { start: number; end: number } | null {
  const m = PERIOD.exec(title.normalize('NFKC'));
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start && end - start <= 30 ? { start, end } : null;
}

/** Today as `YYYY-MM-DD`, by the real clock (UTC): the build's default. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

type DateWarning = Extract<ReportWarning, { code: 'implausible-date' }>;

/** At most one warning per document: after today first, else outside the plan period. */
export function dateWarnings(doc: KbDocument, today: string): DateWarning[] {
  const date = doc.date;
  if (!date) return [];
  const from: DateWarning['from'] = doc.overridden.includes('date') ? 'sidecar' : 'text';
  const where = { from, sidecar: sidecarName(doc.source) };
  // The line the date was read from, when it came from the text.
  const block = from === 'text' ? doc.blocks.find((b) => inferDate([b]) === date) : undefined;
  const lines = block ? { lineStart: block.lineStart, lineEnd: block.lineEnd } : {};
  const base = { code: 'implausible-date' as const, date, from, ...lines };
  if (date > today) return [{ ...base, problem: 'after-today', today, message: MESSAGES.implausibleDate['after-today'](date, today, where) }];

  const period = planPeriod(doc.title);
  if (!period) return [];
  const year = Number(date.slice(0, 4));
  const printed = `${period.start}—${period.end}年`;
  const span = { periodStart: period.start, periodEnd: period.end };
  if (year < period.start) return [{ ...base, problem: 'before-period', ...span, message: MESSAGES.implausibleDate['before-period'](date, printed, where) }];
  if (year > period.end && (doc.kind === 'plan' || doc.kind === 'tasklist')) {
    return [{ ...base, problem: 'after-period', ...span, message: MESSAGES.implausibleDate['after-period'](date, printed, where) }];
  }
  return [];
}
