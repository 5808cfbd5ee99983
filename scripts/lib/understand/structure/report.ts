import { canonicalDomain, type Domain } from '../domains.ts';
import { endsSentence } from '../../text/sentences.ts';
import type { Block, Item } from '../../types.ts';
import { isSectionHeading, parenMarker, sectionItem, sectionMarker, tidyHeading, type Marker } from './discourse.ts';
import { compactHeading } from './heading.ts';
import type { Recognised, StructureNote } from './notes.ts';
import { leadingNumber } from './numbering.ts';
import { titleSentence } from './title.ts';

/**
 * 落实情况报告, 实施情况报告, 工作报告: a government's report on implementing review opinions
 * or a plan. After a head (title, document number, addressee, a preamble that ends
 * `现将…报告如下：`) come sections `一、…` (printed `二、 聚焦…` or as Markdown headings too),
 * then the closing: a closing paragraph (`区政府将在区委的坚强领导下…`), `特此报告。`, the
 * issuer's signature, a date line, `附件：…`. Only the sections hold items.
 *
 * A section holds its points in one of these shapes:
 * - `（一）标题。正文…` (seed 002): each is an item, the paragraph; a following paragraph joins it
 *   only when the item stops mid-sentence (a line broken in the middle of a word);
 * - `（一）标题` alone on its line, its body in the paragraphs below: one item, the heading and
 *   its paragraphs;
 * - `（一）妇女与健康` alone, naming a domain: a field; each paragraph below is an item of that domain;
 * - `1.…` numbered paragraphs, read as `（一）` points;
 * - prose: each paragraph reports one field and is an item, without a number (its domain is
 *   inferred later); a section of one paragraph is one item, its heading its title.
 * A section's lead (the paragraph before its first point, or in prose a first paragraph of one
 * short sentence that sums up the section, or one ending `：`) is no item, nor is the closing:
 * all of it stays document text.
 */
export function recogniseReport(docId: string, blocks: Block[]): Recognised {
  const notes: StructureNote[] = [];
  const end = closingStart(blocks);
  const sections = splitSections(blocks.slice(0, end));
  const lines = (from: Block | undefined, to: Block | undefined) => (from && to ? `第 ${from.lineStart}–${to.lineEnd} 行` : '全文');
  if (sections.length === 0) {
    notes.push({
      code: 'no-items',
      block: null,
      message: `${lines(blocks[0], blocks[end - 1])}未找到「一、」「二、」式的部分标题，也没有「（一）」式的要点，没有识别出报告的条目；全文仍作为文档正文发布。如各段各是一项工作，可在段前加上部分标题（一、主要工作）`,
    });
    return { items: [], notes };
  }
  const items: Item[] = [];
  sections.forEach((section, k) => {
    const body = k === sections.length - 1 ? withoutClosingParagraph(section.body) : section.body;
    items.push(...sectionItems(docId, { ...section, body }));
  });
  if (items.length === 0) {
    const first = sections[0]!;
    const lastBody = sections.at(-1)!.body.at(-1);
    notes.push({ code: 'no-items', block: null, message: `${lines(first.block, lastBody ?? first.block)}的各部分之下没有成段的正文，没有识别出报告的条目；全文仍作为文档正文发布` });
  }
  return { items, notes };
}

/** The items of a report (see {@link recogniseReport} for its notes). */
export function parseReport(docId: string, blocks: Block[]): Item[] {
  return recogniseReport(docId, blocks).items;
}

interface Section {
  /** The heading as printed, or null for a report whose points stand under no section heading. */
  heading: string | null;
  /** The heading's block, or the first of the body. */
  block: Block;
  ordinal: number;
  body: Block[];
}

/** `特此报告。`, `以上报告，请予审议。`, `附件：…`: the report's text ends here. */
const CLOSING_FORMULA = /^\s*(?:特此报告|专此报告|以上报告|现予报告|请予审议|请审议|附件\s*[0-9０-９]*\s*[:：]|附件\s*$)/;

/** The first block of the closing formulas (after the last section's start), or the end. */
function closingStart(blocks: Block[]): number {
  const firstSection = blocks.findIndex(isReportSection);
  const at = blocks.findIndex((b, k) => k > firstSection && CLOSING_FORMULA.test(b.text));
  return at === -1 ? blocks.length : at;
}

function isReportSection(block: Block): boolean {
  // A Markdown heading is a section, unless it is the title (`#`) or a point (`### （一）…`).
  if (block.headingDepth !== undefined) return !parenMarker(block.text) && !canonicalDomain(block.text) && (block.headingDepth > 1 || sectionMarker(block.text) !== null);
  return isSectionHeading(block.text);
}

/**
 * `一、主要工作及成效。`: a short heading may end in a full stop, being one sentence, when a body
 * follows it; `一、部分指标进展缓慢。` followed by `二、…` is a list of one-sentence points.
 */
function isStoppedSection(block: Block, next: Block | undefined): boolean {
  if (block.headingDepth !== undefined || !sectionMarker(block.text) || block.text.trim().length > 30) return false;
  return /^[^。；！？]*[。！]$/.test(block.text.trim()) && next !== undefined && !sectionMarker(next.text);
}

/**
 * The sections, with their bodies. A report without section headings whose points are
 * `（一）`-numbered is one section without a heading, after its preamble.
 */
function splitSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  for (const [k, block] of blocks.entries()) {
    if (isReportSection(block) || isStoppedSection(block, blocks[k + 1])) sections.push({ heading: block.text, block, ordinal: sections.length + 1, body: [] });
    else sections.at(-1)?.body.push(block);
  }
  if (sections.length > 0) return sections;
  const first = blocks.findIndex((b) => parenMarker(b.text));
  return first === -1 ? [] : [{ heading: null, block: blocks[first]!, ordinal: 1, body: blocks.slice(first) }];
}

/**
 * The closing paragraph before `特此报告` (`区政府将在区委的坚强领导下，自觉接受…监督…`,
 * `下一步，我们将…`): the issuer's promise for the whole report, not a point of its last section.
 */
const CLOSING_PARAGRAPH = /^\s*(?:下一步|今后|接下来)?[，,]?\s*(?:[^，。；]{0,12}(?:人民)?政府|我们|我[区市县州省旗])(?:将|会|要)/;

/** What the closing paragraph promises: to work under the party committee's leadership and the congress's oversight. */
const PROMISE = /坚强领导|自觉接受|监督/;

function withoutClosingParagraph(body: Block[]): Block[] {
  const paragraphs = body.filter(isParagraph);
  const last = paragraphs.at(-1);
  // Only when the section holds more than it: a section of that one paragraph is a point.
  if (!last || paragraphs.length < 2 || !CLOSING_PARAGRAPH.test(last.text) || !PROMISE.test(last.text) || parenMarker(last.text) || leadingNumber(last.text)) return body;
  return body.slice(0, body.indexOf(last));
}

/** Text that reports something: a signature, a date or a title has no clause marks. */
function isParagraph(block: Block): boolean {
  return block.headingDepth === undefined && /[，。；,;]/.test(block.text);
}

interface Point {
  number: string;
  title: string;
  blocks: Block[];
  /** Where the item's text starts in its first block: after the marker and the spaces after it. */
  textStart: number;
  /** The point is a heading of its own line, its body in the blocks after it. */
  headed: boolean;
  domain?: Domain;
  /** The field heading the point stands under (`（一）妇女与健康`). */
  field?: string;
}

/** A marker that starts a point: `（一）`, or `1.` in a section that has no `（一）`. */
type PointMarker = Pick<Marker, 'number' | 'length'>;

function sectionItems(docId: string, section: Section): Item[] {
  const { body, heading } = section;
  const paren = body.some((b) => parenMarker(b.text) && !isFieldHeading(b));
  const arabic = (b: Block) => {
    const n = b.headingDepth === undefined ? leadingNumber(b.text, 'arabic') : undefined;
    return n && n.rest.trim() ? { number: n.printed, length: n.prefix.length } : null;
  };
  const byNumber = !paren && body.filter((b) => arabic(b)).length >= 2;
  const markerOf = (b: Block): PointMarker | null => (paren ? parenMarker(b.text) : byNumber ? arabic(b) : null);
  const fields = body.some(isFieldHeading);

  const points: Point[] = [];
  const prose: Block[][] = [];
  let field: { domain: Domain; heading: string } | null = null;
  let open: Point | null = null;
  for (const block of body) {
    if (isFieldHeading(block)) {
      field = { domain: canonicalDomain(block.text)!, heading: block.text.trim() };
      open = null;
      continue;
    }
    const m = markerOf(block);
    if (m) {
      const rest = block.text.slice(m.length);
      const headed = block.headingDepth !== undefined || standaloneHeading(rest);
      const title = titleSentence(rest, { semicolonEndsPoint: true }).replace(/[，,、：:]$/, '');
      open = { number: m.number, title, blocks: [block], textStart: block.text.length - rest.trimStart().length, headed };
      // Numbered points under a field heading (`（一）妇女与健康` / `1.…`) are that field's; a
      // `（二）` point after a `（一）` field heading is its sibling.
      if (field && paren && parenMarker(field.heading)) field = null;
      if (field) Object.assign(open, { domain: field.domain, field: field.heading });
      points.push(open);
      continue;
    }
    if (block.headingDepth !== undefined) {
      open = null;
      continue;
    }
    if (!isParagraph(block)) continue;
    if (open) {
      const current: Point = open;
      if (current.headed || !endsSentence(current.blocks.at(-1)!.text)) {
        current.blocks.push(block);
        continue;
      }
      open = null;
    }
    if (field && !points.some((p) => p.field === field!.heading && p.number !== '')) {
      // Under a field heading each paragraph is a point of that domain, unless its points are numbered.
      const previous = points.at(-1);
      if (previous?.field === field.heading && !endsSentence(previous.blocks.at(-1)!.text)) previous.blocks.push(block);
      else points.push({ ...paragraphPoint([block]), domain: field.domain, field: field.heading });
      continue;
    }
    if (paren || byNumber || fields) continue; // the section's lead, or text after a finished point
    const previous = prose.at(-1);
    if (previous && !endsSentence(previous.at(-1)!.text)) previous.push(block);
    else prose.push([block]);
  }
  const own = paren || byNumber || fields ? points : prosePoints(prose, heading);
  const path = heading ? [tidyHeading(heading)] : [];
  return own.map((p, k) =>
    sectionItem({
      docId,
      kind: 'report',
      sectionOrdinal: section.ordinal,
      ordinal: k + 1,
      number: p.number,
      title: p.title,
      text: pointText(p),
      section: p.field ? [...path, p.field] : path,
      domain: p.domain,
      blockStart: p.blocks[0]!.index,
      textStart: p.textStart,
      blockEnd: p.blocks.at(-1)!.index,
    }),
  );
}

/** The item's text: its first block after the marker, then its other blocks (a word cut over two joined without a break). */
function pointText(p: Point): string {
  return p.blocks.reduce((text, b, k) => (k === 0 ? b.text.slice(p.textStart) : text + (p.headed || endsSentence(text) ? '\n' : '') + b.text), '');
}

/** A short line naming only a domain (`（一）妇女与健康`, `【妇女与健康】`, `### 妇女与健康`): a field heading. */
function isFieldHeading(block: Block): boolean {
  return compactHeading(block.text).length <= 30 && canonicalDomain(block.text) !== undefined;
}

/** A point's marker followed by a short heading, no sentence: `（一）强化统筹协调，凝聚保障合力`. */
function standaloneHeading(rest: string): boolean {
  const compact = compactHeading(rest);
  return compact.length > 0 && compact.length <= 40 && !/[。；！？!?]/.test(compact);
}

function paragraphPoint(blocks: Block[]): Point {
  const first = blocks[0]!;
  const textStart = first.text.length - first.text.trimStart().length;
  return { number: '', title: titleSentence(first.text, { semicolonEndsPoint: true }), blocks, textStart, headed: false };
}

/**
 * The points of a section in prose: every paragraph (a word cut over two joined). The lead is
 * no point: a first paragraph ending `：`, or of one sentence with several clauses less than a
 * third as long as the section's other paragraphs are (by their median), when two or more
 * follow. A section of one paragraph is one point, its heading its title.
 */
function prosePoints(paragraphs: Block[][], heading: string | null): Point[] {
  if (paragraphs.length === 0) return [];
  const length = (p: Block[]) => p.reduce((n, b) => n + b.text.trim().length, 0);
  const [first, ...others] = paragraphs;
  const firstText = first!.map((b) => b.text).join('').trim();
  const oneSentence = !/[。！？!?；;]./.test(firstText);
  const median = others.map(length).sort((a, b) => a - b)[Math.floor(others.length / 2)] ?? 0;
  // A summing-up lead is one sentence of several clauses, far shorter than the fields it
  // introduces; a short field (`妇女常见病防治力度不断加大。`) has no clauses and stays a point.
  const lead = /[：:]$/.test(firstText) || (others.length >= 2 && oneSentence && /[，,]/.test(firstText) && length(first!) * 3 < median);
  const own = lead ? others : paragraphs;
  const m = heading ? sectionMarker(heading) : null;
  if (own.length === 1 && m) {
    const point = paragraphPoint(own[0]!);
    return [{ ...point, number: m.number, title: tidyHeading(heading!).slice(m.number.length).replace(/[。！]$/, '') }];
  }
  return own.map(paragraphPoint);
}
