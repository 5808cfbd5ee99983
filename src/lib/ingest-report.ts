/**
 * The editor's report: what the ingest recognised in each document and what an editor should
 * check. Written by the ingest (scripts/lib/publish/report/) to `dist/data/ingest-report.json` and to
 * the `report` collection (one entry per document), which the about page summarises. This
 * schema is the contract between the two, like src/lib/schemas.ts for the other collections.
 *
 * Warnings are data (a code and its facts) with their `message` in Chinese, worded once by the
 * ingest (scripts/lib/publish/report/messages.ts): what was found and what to do, without the file and
 * the lines, which are the entry's `source` and the warning's `lineStart`/`lineEnd`. The
 * terminal and the about page print them the same way, repeated ones grouped
 * (`groupWarnings`, `linesText` below).
 */
import { z } from 'zod';
import { documentKind, domainName, itemKind, level, population } from './schemas.ts';
import { ITEM_KINDS, type ItemKind } from './vocabulary.ts';

const lines = { lineStart: z.number().int(), lineEnd: z.number().int() };
const optionalLines = { lineStart: z.number().int().optional(), lineEnd: z.number().int().optional() };

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
  /** What a plan's or task list's recogniser could not read (scripts/lib/understand/structure/notes.ts), in Chinese. */
  z.object({ code: z.literal('structure'), message: z.string(), note: z.enum(['list-without-domain', 'empty-list', 'unknown-domain', 'row-numbering', 'carried-department']), ...optionalLines }),
  /** What the format's reader was unsure of (a web page's article: formats/html.ts), in Chinese. */
  z.object({ code: z.literal('source'), message: z.string(), ...optionalLines }),
  /** A paragraph of wrapped text joined across a full line that ends a sentence: maybe two (report/warnings.ts). */
  z.object({ code: z.literal('paragraphs'), message: z.string(), ...optionalLines }),
  /** The text names no city and no sidecar gives one. */
  z.object({ code: z.literal('unknown-city'), message: z.string() }),
  /**
   * Most of this document's text is also another document's. `relation`: the same place and
   * kind (the same document twice: keep one), other places or levels (a county reusing its
   * city's wording: information only), the same place but another kind, or a place unknown.
   */
  z.object({
    code: z.literal('near-duplicate'),
    message: z.string(),
    other: z.string(),
    similarity: z.number(),
    containment: z.number(),
    relation: z.enum(['same-document', 'other-place', 'other-kind', 'place-unknown']).optional(),
  }),
  /**
   * A date that cannot be right: after today, or outside the plan period its title names
   * (`（2021—2030年）`). `from`: the sidecar or the text (then with the line it was read from).
   */
  z.object({
    code: z.literal('implausible-date'),
    message: z.string(),
    date: z.string(),
    problem: z.enum(['after-today', 'before-period', 'after-period']),
    from: z.enum(['sidecar', 'text']),
    today: z.string().optional(),
    periodStart: z.number().int().optional(),
    periodEnd: z.number().int().optional(),
    ...optionalLines,
  }),
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

/** `第 17 行`, `第 17–67 行`, `第 12、40–41、88 行`: where a warning (or a group of them) points. */
export function linesText(spans: readonly { lineStart?: number; lineEnd?: number }[]): string {
  const parts = spans.flatMap((w) => (w.lineStart === undefined ? [] : [w.lineEnd === undefined || w.lineEnd === w.lineStart ? `${w.lineStart}` : `${w.lineStart}–${w.lineEnd}`]));
  return parts.length ? `第 ${[...new Set(parts)].join('、')} 行` : '';
}

/** Warnings of one kind and one wording in one document, with every place they point to. */
export interface WarningGroup {
  code: ReportWarning['code'];
  message: string;
  warnings: ReportWarning[];
  /** `第 12、40、88 行`, or empty for a warning about the document as a whole. */
  lines: string;
}

/**
 * One document's warnings, those with the same code and the same message (a note printed for
 * every list of an excerpt) folded into one with all their lines, in first-seen order.
 */
export function groupWarnings(warnings: readonly ReportWarning[]): WarningGroup[] {
  const groups = new Map<string, ReportWarning[]>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.message}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  return [...groups.values()].map((ws) => ({
    code: ws[0]!.code,
    message: ws[0]!.message,
    warnings: ws,
    lines: linesText(ws.map((w) => ('lineStart' in w ? { lineStart: w.lineStart, lineEnd: w.lineEnd } : {}))),
  }));
}

/** A group that asks nothing of the editor: near duplicates of other places (a county reusing its city's wording). */
export function isInformation(g: WarningGroup): boolean {
  return g.warnings.every((w) => w.code === 'near-duplicate' && w.relation === 'other-place');
}

/** A group as one sentence: `第 17–67 行：…` or the message alone. */
export function groupText(g: WarningGroup): string {
  return g.lines ? `${g.lines}：${g.message}` : g.message;
}

/** The editors' guide (content/pages/guide.mdx), which explains every warning code. */
export const GUIDE_URL = '/guide/';

/** Every warning code, in the schema's order. */
export const WARNING_CODES = reportWarning.options.map((o) => o.shape.code.value);

/** Every note a recogniser can give (code `structure`). */
export const STRUCTURE_NOTES = reportWarning.options.flatMap((o) => (o.shape.code.value === 'structure' && 'note' in o.shape ? o.shape.note.options : []));

/**
 * Each kind's name, as the guide's headings and the about page's links to them say it. A new
 * code fails `tsc` here until it is named, and scripts/docs/guide.test.ts until the guide explains it.
 */
export const WARNING_TITLE: Record<ReportWarning['code'], string> = {
  'no-items': '未识别出任何目标或措施',
  numbering: '编号缺漏或重复',
  'unassigned-text': '不属于任何条目的文字',
  'missing-domains': '缺少领域',
  'empty-list': '领域只有目标或只有措施',
  structure: '结构无法识别',
  source: '原文读取不确定',
  paragraphs: '分段不确定',
  'unknown-city': '未写明所属城市',
  'near-duplicate': '与另一份文件大部分相同',
  'implausible-date': '日期不合理',
};

type StructureNote = Extract<ReportWarning, { code: 'structure' }>['note'];

/** The recognisers' notes (code `structure`), each with its own section in the guide. */
export const STRUCTURE_NOTE_TITLE: Record<StructureNote, string> = {
  'list-without-domain': '目标或措施不在任何领域之下',
  'empty-list': '标题下没有编号的条目',
  'unknown-domain': '领域名称无法识别',
  'row-numbering': '任务清单的序号不连续',
  'carried-department': '沿用上一行的牵头部门',
};

/** The guide's anchor for a warning: `warning-numbering`, or `warning-structure-unknown-domain` for a recogniser's note. */
export function warningAnchor(code: ReportWarning['code'], note?: string): string {
  return code === 'structure' && note ? `warning-structure-${note}` : `warning-${code}`;
}

/** Where the guide explains a group of warnings (one code and wording, so one note), and the kind's name. */
export function warningGuide(g: Pick<WarningGroup, 'code' | 'warnings'>): { href: string; title: string } {
  const first = g.warnings[0];
  const note = first && first.code === 'structure' ? first.note : undefined;
  return { href: `${GUIDE_URL}#${warningAnchor(g.code, note)}`, title: note ? STRUCTURE_NOTE_TITLE[note] : WARNING_TITLE[g.code] };
}
