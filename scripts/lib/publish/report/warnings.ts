/**
 * Warnings about one document that an editor can act on: a plan whose structure was not
 * recognised, numbered lists with numbers missing or printed twice, body text no item holds,
 * domains or lists not found, no city, a date that cannot be right. Each names where in the
 * source to look, worded in messages.ts. They never stop the build: the document is published
 * in full either way (cross-document warnings, near duplicates, are in duplicates.ts).
 */
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import { DOMAINS, STRUCTURED_DOCUMENT_KINDS } from '../../../../src/lib/vocabulary.ts';
import { parseNumeral } from '../../text/numerals.ts';
import { sidecarName } from '../../understand/sidecar.ts';
import type { Block, DomainName, Item, KbDocument, Population } from '../../types.ts';
import { dateWarnings, todayIso } from './dates.ts';
import { MESSAGES } from './messages.ts';

export interface WarningOptions {
  /** Runs of unassigned text listed one by one per document; the rest are reported as one. */
  maxUnassignedRuns: number;
  /** Characters of unassigned text quoted in its warning. */
  excerptChars: number;
  /** `YYYY-MM-DD`: dates after it are warned of. Absent: today by the real clock (tests fix it). */
  today?: string;
}

export const WARNING_OPTIONS: WarningOptions = { maxUnassignedRuns: 10, excerptChars: 30 };

/**
 * Levels at which a document has no city of its own (a provincial plan; the national outlines,
 * level `national`, once the vocabulary has it), so a missing city is not a problem there.
 */
const LEVELS_WITHOUT_CITY: ReadonlySet<string> = new Set(['province', 'national']);

export function documentWarnings(doc: KbDocument, options: WarningOptions = WARNING_OPTIONS): ReportWarning[] {
  const structured = STRUCTURED_DOCUMENT_KINDS.has(doc.kind);
  const warnings: ReportWarning[] = [];
  // What the recogniser itself could not read: why a plan has no items, lists outside a domain.
  const notes = doc.notes ?? [];
  const noItems = notes.find((n) => n.code === 'no-items')?.message;
  if (!structured && doc.items.length === 0 && noItems) {
    // A report whose recogniser found neither sections nor points says so too.
    warnings.push({ code: 'no-items', reason: noItems, message: MESSAGES.noItemsAround(doc.kind, sidecarName(doc.source), noItems) });
  }
  if (structured && doc.items.length === 0) {
    const reason = notes.find((n) => n.code === 'no-items')?.message;
    warnings.push({ code: 'no-items', ...(reason ? { reason } : {}), message: MESSAGES.noItems(doc.kind, sidecarName(doc.source), reason) });
  }
  for (const n of notes) {
    if (n.code === 'no-items') continue;
    // Not the recogniser's: what the format's reader was unsure of (a web page's article).
    const block = n.block === null ? undefined : doc.blocks[n.block];
    if (n.code === 'source') {
      warnings.push({ code: 'source', message: n.message, ...(block ? { lineStart: block.lineStart, lineEnd: block.lineEnd } : {}) });
      continue;
    }
    warnings.push({ code: 'structure', message: MESSAGES.structure(n.code, n.message), note: n.code, ...(block ? { lineStart: block.lineStart, lineEnd: block.lineEnd } : {}) });
  }
  warnings.push(...numberingWarnings(doc.items, doc.blocks));
  if (!structured) warnings.push(...paragraphWarnings(doc));
  if (structured && doc.items.length > 0) {
    warnings.push(...domainWarnings(doc.items, doc.kind === 'tasklist'));
    warnings.push(...unassignedText(doc, options));
  }
  if (doc.city === null && !LEVELS_WITHOUT_CITY.has(doc.level)) {
    warnings.push({ code: 'unknown-city', message: MESSAGES.unknownCity(sidecarName(doc.source)) });
  }
  warnings.push(...dateWarnings(doc, options.today ?? todayIso()));
  return warnings;
}

/** `4` → 4, `（二）` → 2, `三是` → 3, `一、` → 1; null when the marker holds no numeral. */
export function markerValue(printed: string): number | null {
  const core = printed.trim().replace(/^[（(]/, '').replace(/[）)、.．]$/, '').replace(/[是要]$/, '');
  return parseNumeral(core);
}

/**
 * Items of one numbered list: same kind under the same headings. Numbers missing between 1 and
 * the highest (a list that starts at 9 misses 1–8: an excerpt, or a lost paragraph) or printed
 * twice are reported once per list. Lists with a marker that is not a numeral are skipped.
 */
export function numberingWarnings(items: readonly Item[], blocks: readonly Block[]): ReportWarning[] {
  const lists = new Map<string, Item[]>();
  for (const item of items) {
    const key = `${item.kind}\u0000${item.section.join('\u0000')}`;
    lists.set(key, [...(lists.get(key) ?? []), item]);
  }
  const warnings: ReportWarning[] = [];
  for (const list of lists.values()) {
    const values = list.map((i) => markerValue(i.number));
    if (values.some((v) => v === null)) continue;
    const seen = new Map<number, number>();
    for (const v of values as number[]) seen.set(v, (seen.get(v) ?? 0) + 1);
    const max = Math.max(...seen.keys());
    const missing: number[] = [];
    for (let n = 1; n < max; n++) if (!seen.has(n)) missing.push(n);
    const repeated = [...seen].filter(([, count]) => count > 1).map(([n]) => n).sort((a, b) => a - b);
    if (missing.length === 0 && repeated.length === 0) continue;
    const first = list[0]!;
    const name = listName(first);
    const lineStart = blocks[first.blockStart]?.lineStart ?? 0;
    const lineEnd = blocks[list[list.length - 1]!.blockEnd]?.lineEnd ?? lineStart;
    warnings.push({
      code: 'numbering',
      message: MESSAGES.numbering(name, first.kind, list.map((i) => i.number), missing, repeated),
      list: name,
      kind: first.kind,
      missing,
      repeated,
      lineStart,
      lineEnd,
    });
  }
  return warnings;
}

/** A list by its domain when the structure gives one, else by its innermost heading. */
function listName(item: Item): string {
  if (item.domain && item.domainSource === 'structure') return item.domain;
  return item.section[item.section.length - 1] ?? '正文';
}

/** Domains per population the structure found, the canonical ones it did not, and domains with an empty list. */
function domainWarnings(items: readonly Item[], taskList = false): ReportWarning[] {
  const found = new Map<DomainName, Record<'goal' | 'measure', number>>();
  for (const item of items) {
    if (!item.domain || item.domainSource !== 'structure') continue;
    const counts = found.get(item.domain) ?? { goal: 0, measure: 0 };
    if (item.kind === 'goal' || item.kind === 'measure') counts[item.kind]++;
    found.set(item.domain, counts);
  }
  const warnings: ReportWarning[] = [];
  const populations = new Set<Population>(DOMAINS.filter((d) => found.has(d.name)).map((d) => d.population));
  for (const population of populations) {
    const missing = DOMAINS.filter((d) => d.population === population && !found.has(d.name)).map((d) => d.name);
    if (missing.length) {
      warnings.push({
        code: 'missing-domains',
        message: MESSAGES.missingDomains(population, missing),
        population,
        domains: missing,
      });
    }
  }
  // A task list without a goals column has no goals anywhere: not a list lost in each domain.
  const anywhere = (kind: 'goal' | 'measure') => items.some((i) => i.kind === kind);
  for (const d of DOMAINS) {
    const counts = found.get(d.name);
    if (!counts) continue;
    for (const kind of ['goal', 'measure'] as const) {
      const other = kind === 'goal' ? 'measure' : 'goal';
      if (counts[kind] === 0 && counts[other] > 0 && (kind !== 'goal' || !taskList || anywhere('goal'))) {
        warnings.push({ code: 'empty-list', message: MESSAGES.emptyList(d.name, other, kind), domain: d.name, kind });
      }
    }
  }
  return warnings;
}

/** `一、` `（二）` `(3)` `第一章` at the start of a heading. */
const HEADING_MARKER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|第[一二三四五六七八九十0-9]{1,3}[章节部分篇])/;

/**
 * A heading, page title or table fragment rather than body text: short, no sentence ending
 * inside it, and a comma only after a heading's marker (`（二）妇女与教育。`, `主要目标：`,
 * `妇女与` of a split table cell, `三、强化宣传引导，积极营造良好社会氛围`).
 */
export function looksLikeHeading(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (compact.length > 30 || /[。；！？;!?]./.test(compact)) return false;
  return !/[，,]/.test(compact) || HEADING_MARKER.test(compact);
}

/**
 * Body text of a plan or task list that no item holds, where items were expected: between the
 * first and the last item of each population's plan (before it is the title and preamble,
 * after it the closing parts such as 组织实施). Headings and empty table rows are not reported.
 * Contiguous blocks (nothing assigned between them) form one run, reported with its lines.
 */
export function unassignedText(doc: KbDocument, options: WarningOptions = WARNING_OPTIONS): Extract<ReportWarning, { code: 'unassigned-text' }>[] {
  const covered = new Uint8Array(doc.blocks.length);
  const spans = new Map<string, [number, number]>();
  for (const item of doc.items) {
    for (let b = item.blockStart; b <= item.blockEnd; b++) covered[b] = 1;
    const key = item.population ?? '';
    const span = spans.get(key);
    spans.set(key, span ? [Math.min(span[0], item.blockStart), Math.max(span[1], item.blockEnd)] : [item.blockStart, item.blockEnd]);
  }
  const inSpan = new Uint8Array(doc.blocks.length);
  for (const [from, to] of spans.values()) inSpan.fill(1, from, to + 1);

  const runs: Block[][] = [];
  let run: Block[] | null = null;
  for (const block of doc.blocks) {
    if (covered[block.index]) {
      run = null;
      continue;
    }
    if (!inSpan[block.index] || block.text.trim() === '' || looksLikeHeading(block.text)) continue;
    if (!run) runs.push((run = []));
    run.push(block);
  }
  const shown = runs.length > options.maxUnassignedRuns ? runs.slice(0, options.maxUnassignedRuns - 1).concat([runs.slice(options.maxUnassignedRuns - 1).flat()]) : runs;
  return shown.map((blocks, k) => {
    const lineStart = blocks[0]!.lineStart;
    const lineEnd = blocks[blocks.length - 1]!.lineEnd;
    const chars = blocks.reduce((n, b) => n + b.text.replace(/\s+/g, '').length, 0);
    const flat = blocks[0]!.text.replace(/\s+/g, ' ').trim();
    const excerpt = flat.length > options.excerptChars ? `${flat.slice(0, options.excerptChars)}…` : flat;
    const more = shown.length < runs.length && k === shown.length - 1 ? runs.length - k - 1 : 0;
    return {
      code: 'unassigned-text' as const,
      message: MESSAGES.unassignedText(blocks.length, chars, excerpt, more),
      blocks: blocks.length,
      chars,
      excerpt,
      lineStart,
      lineEnd,
    };
  });
}

/**
 * Opinions, reports and speeches whose paragraphs are their items (prose sections, or a section
 * read as one item): a paragraph of wrapped text joined across a full line that ends a sentence
 * may be two (normalise.ts records such breaks), and then two items became one. An item that
 * starts at its own point (`（一）`, `一是`) holds all its paragraphs anyway: not told.
 */
const WHOLE_PARAGRAPH_ITEM = /^(?:|[一二三四五六七八九十]{1,3}、)$/;

export function paragraphWarnings(doc: KbDocument): ReportWarning[] {
  return doc.items.flatMap((item) => {
    if (!WHOLE_PARAGRAPH_ITEM.test(item.number.trim())) return [];
    const breaks = doc.blocks.slice(item.blockStart, item.blockEnd + 1).flatMap((b) => b.uncertainBreaks ?? []);
    return breaks.map((line) => ({ code: 'paragraphs' as const, message: MESSAGES.uncertainBreak, lineStart: line, lineEnd: line }));
  });
}
