/**
 * The editor's report: what the ingest recognised in each document and what an editor should
 * check. Written by the ingest (scripts/lib/report/) to `dist/data/ingest-report.json` and to
 * the `report` collection (one entry per document), which the about page summarises. This
 * schema is the contract between the two, like src/lib/schemas.ts for the other collections.
 *
 * Warnings are data (a code and its facts); each medium words them: the ingest in English for
 * the terminal and the JSON's `message`, the site in Chinese (`warningText` below).
 */
import { z } from 'zod';
import { documentKind, domainName, itemKind, level, population } from './schemas.ts';
import { DOCUMENT_KIND_LABEL, ITEM_KIND_LABEL, ITEM_KINDS, type ItemKind } from './vocabulary.ts';

const lines = { lineStart: z.number().int(), lineEnd: z.number().int() };

export const reportWarning = z.discriminatedUnion('code', [
  /** A plan or task list in which no goal or measure was recognised. */
  z.object({ code: z.literal('no-items'), message: z.string(), reason: z.string().optional() }),
  /** A numbered list with numbers missing or printed twice (measures 1, 2, 4). */
  z.object({
    code: z.literal('numbering'),
    message: z.string(),
    list: z.string(),
    kind: itemKind,
    missing: z.array(z.number().int()),
    repeated: z.array(z.number().int()),
    ...lines,
  }),
  /** Text inside a plan's or task list's body that no item holds. */
  z.object({ code: z.literal('unassigned-text'), message: z.string(), blocks: z.number().int(), chars: z.number().int(), excerpt: z.string(), ...lines }),
  /** A population's plan without some of its canonical domains. */
  z.object({ code: z.literal('missing-domains'), message: z.string(), population, domains: z.array(domainName) }),
  /** A domain with goals but no measures, or measures but no goals. */
  z.object({ code: z.literal('empty-list'), message: z.string(), domain: domainName, kind: itemKind }),
  /** What a plan's or task list's recogniser could not read (scripts/lib/structure/notes.ts), in Chinese. */
  z.object({ code: z.literal('structure'), message: z.string(), note: z.enum(['list-without-domain', 'empty-list', 'unknown-domain']) }),
  /** What the format's reader was unsure of (a web page's article: formats/html.ts), in Chinese. */
  z.object({ code: z.literal('source'), message: z.string() }),
  /** The text names no city and no sidecar gives one. */
  z.object({ code: z.literal('unknown-city'), message: z.string() }),
  /** Most of this document's text is also another document's. */
  z.object({ code: z.literal('near-duplicate'), message: z.string(), other: z.string(), similarity: z.number(), containment: z.number() }),
]);

export const domainCount = z.object({ domain: domainName, population, goals: z.number().int(), measures: z.number().int() });
export const departmentCount = z.object({ name: z.string(), lead: z.number().int(), partner: z.number().int() });

export const documentReport = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  encoding: z.string(),
  kind: documentKind,
  level,
  city: z.string().nullable(),
  province: z.string().nullable(),
  date: z.string().nullable(),
  populations: z.array(population),
  /** Metadata the text does not state and no sidecar gives. */
  unknown: z.array(z.string()),
  blocks: z.number().int(),
  items: z.number().int(),
  itemsByKind: z.record(itemKind, z.number().int()),
  /** Domains the document's own structure gives (sections or table cells), in national order. */
  domains: z.array(domainCount),
  /** Items whose domain the structure does not give (the site may infer one from the text). */
  withoutDomain: z.number().int(),
  departments: z.array(departmentCount),
  warnings: z.array(reportWarning),
});

export type ReportWarning = z.infer<typeof reportWarning>;
export type DomainCount = z.infer<typeof domainCount>;
export type DepartmentCount = z.infer<typeof departmentCount>;
export type DocumentReport = z.infer<typeof documentReport>;

export interface ReportSummary {
  documents: number;
  items: number;
  itemsByKind: Record<ItemKind, number>;
  warnings: number;
}

/** Totals over the documents' reports: what the about page and the terminal's last line show. */
export function reportSummary(reports: readonly DocumentReport[]): ReportSummary {
  const itemsByKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const r of reports) for (const k of ITEM_KINDS) itemsByKind[k] += r.itemsByKind[k] ?? 0;
  return {
    documents: reports.length,
    items: reports.reduce((n, r) => n + r.items, 0),
    itemsByKind,
    warnings: reports.reduce((n, r) => n + r.warnings.length, 0),
  };
}

const at = (w: { lineStart: number; lineEnd: number }) => (w.lineStart === w.lineEnd ? `第 ${w.lineStart} 行` : `第 ${w.lineStart}–${w.lineEnd} 行`);
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A warning in Chinese, for the site. */
export function warningText(w: ReportWarning, kind: keyof typeof DOCUMENT_KIND_LABEL): string {
  switch (w.code) {
    case 'no-items':
      return `未识别出任何条目（${DOCUMENT_KIND_LABEL[kind]}），全文照原样发布${w.reason ? `：${w.reason}` : ''}`;
    case 'numbering': {
      const parts = [w.missing.length ? `缺少第 ${w.missing.join('、')} 条` : '', w.repeated.length ? `第 ${w.repeated.join('、')} 条出现两次` : ''].filter(Boolean);
      return `${w.list}（${ITEM_KIND_LABEL[w.kind]}）的编号${parts.join('，')}（${at(w)}）`;
    }
    case 'unassigned-text':
      return `${at(w)}的正文不属于任何条目（${w.blocks} 段，${w.chars} 字）：“${w.excerpt}”`;
    case 'missing-domains':
      return `${w.population}规划未识别出这些领域：${w.domains.join('、')}`;
    case 'empty-list':
      return `${w.domain}没有${ITEM_KIND_LABEL[w.kind]}`;
    case 'structure':
    case 'source':
      return w.message;
    case 'unknown-city':
      return '原文未写明城市，可在 .meta.json 中补充';
    case 'near-duplicate':
      return `与 ${w.other} 高度重复（相似度 ${percent(w.similarity)}，包含度 ${percent(w.containment)}）`;
  }
}
