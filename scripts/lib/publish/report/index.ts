/**
 * The editor's report over a set of documents: each document's summary (summary.ts) with its
 * warnings (warnings.ts) and near duplicates among the set (duplicates.ts). The ingest prints it
 * (format.ts), writes it to dist/data/ingest-report.json and the `report` collection; the add
 * command prints one document's.
 */
import { reportSummary, type DocumentReport, type ReportSummary } from '../../../../src/lib/ingest-report.ts';
import type { KbDocument } from '../../types.ts';
import { nearDuplicateWarnings, nearDuplicates } from './duplicates.ts';
import { documentReport } from './summary.ts';
import { todayIso } from './dates.ts';
import { documentWarnings, WARNING_OPTIONS } from './warnings.ts';

export interface ReportOptions {
  /** `YYYY-MM-DD` for the dates check; absent: the corpus's last report's, else today by the real clock. */
  today?: string;
}

export function reportDocuments(docs: readonly KbDocument[], options: ReportOptions = {}): DocumentReport[] {
  const today = options.today ?? todayIso();
  const kept = made.get(docs);
  // Without a date of its own, a later report of the same corpus (emit's) is the build's own.
  if (kept && (options.today === undefined || kept.today === today) && kept.items.length === docs.length && kept.items.every((items, k) => items === docs[k]!.items)) return kept.reports;
  const near = nearDuplicateWarnings(nearDuplicates(docs));
  const reports = docs.map((doc) => documentReport(doc, [...documentWarnings(doc, { ...WARNING_OPTIONS, today }), ...(near.get(doc) ?? [])]));
  made.set(docs, { today, items: docs.map((d) => d.items), reports });
  return reports;
}

/**
 * The ingest reports one corpus three times (terminal, collection, open data): the reports of a
 * documents array are kept while it lives and its documents keep the same items.
 */
const made = new WeakMap<readonly KbDocument[], { today: string; items: KbDocument['items'][]; reports: DocumentReport[] }>();

/** `dist/data/ingest-report.json`: totals, then every document's report, sorted by id. */
export function reportData(reports: readonly DocumentReport[]): { summary: ReportSummary; documents: DocumentReport[] } {
  const documents = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { summary: reportSummary(documents), documents };
}
