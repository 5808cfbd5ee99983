import { hasRadicalInWord, readRadicals } from '../text/radicals.ts';
import { CLAUSE_END, endsSentence, stopsMidSentence } from '../text/sentences.ts';
import { displayWidth } from '../text/width.ts';
import type { Block, NormalisedText, Removed, Replaced } from '../types.ts';

/**
 * Decoded text → paragraph blocks, with page furniture removed and recorded.
 *
 * Source files come in four layouts, recognised from the text itself:
 * - `wrapped`: extracted from a PDF, every line broken at the page width (000, 001);
 *   lines are rejoined into paragraphs.
 * - `lines`: one paragraph per line, a few broken mid-word (002, 004).
 * - `table`: a Word table flattened to tab-led cells (003); one block per line, with cells.
 *   A table copied from a spreadsheet (one row per line, cells between tabs) is read alike:
 *   each row gets the leading tab a flattened Word cell has, and the row width of the widest.
 * - Markdown headings (`##`) are recognised in any layout.
 */
export type Layout = 'wrapped' | 'lines' | 'table';

/**
 * Starts of numbered items and headings: `1.`, `（二）`, `（1）`, `1）`, `⑴`, `①`, `三、`, `第一章`, `附件2`.
 * `9.5岁以下…` matches too (goal 9 whose text starts `5岁`): whether a number is an item is
 * decided by the structure stage, which knows the expected sequence.
 */
export const ITEM_START =
  /^(?:[0-9]{1,3}[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[）)]|[⑴-⒇①-⑳]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+[章节条部分篇]|附件\s*[0-9]*)/;

const PAGE_NUMBER =
  /^(?:[-—–－]\s*[0-9]{1,4}\s*[-—–－]|第\s*[0-9]{1,4}\s*页(?:\s*共\s*[0-9]+\s*页)?|共\s*[0-9]+\s*页[，,]\s*当前第\s*[0-9]+\s*页[0-9]*)$/;
const RESIDUE = /\[bookmark:\s*[^\]]*\]/g;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Unicode-level clean-up that keeps every character's meaning: line ends, full-width ASCII. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFEFF\u200B\u200C\u200D\u2060]/g, '')
    .replace(/\u3000/g, ' ')
    // Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) become ASCII so numbering reads
    // the same however it was typed; Chinese punctuation is kept as published.
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Widths count `‰`, `①` and curly quotes as a Chinese font sets them: a full em (text/width.ts).
export { displayWidth };

export function detectLayout(lines: string[]): Layout {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) return 'lines';
  const tabLed = nonEmpty.filter((l) => l.startsWith('\t')).length;
  if (tabLed / nonEmpty.length >= 0.2 || isSpreadsheet(nonEmpty)) return 'table';
  const { full } = lineWidthStats(nonEmpty);
  const atFull = nonEmpty.filter((l) => displayWidth(l.trim()) >= full).length;
  return atFull / nonEmpty.length >= 0.4 ? 'wrapped' : 'lines';
}

/**
 * One table row per line: a flattened Word table has one cell per line (a tab only at its
 * start); a spreadsheet row has tabs between its cells, so most lines with a tab have one
 * after the line's first character.
 */
function isSpreadsheet(nonEmpty: string[]): boolean {
  const tabbed = nonEmpty.filter((l) => l.includes('\t'));
  const rows = tabbed.filter((l) => l.slice(1).includes('\t')).length;
  return tabbed.length / nonEmpty.length >= 0.2 && rows / tabbed.length >= 0.5;
}

/**
 * Spreadsheet rows → the flattened-Word form the task-list reader knows: a tab before every
 * cell, and short rows (a spreadsheet drops trailing empty cells) padded to the widest row.
 */
function spreadsheetRows(lines: Line[]): Line[] {
  const width = Math.max(...lines.map((l) => (l.text.includes('\t') ? l.text.split('\t').length : 0)));
  return lines.map((l) => (l.text.includes('\t') ? { ...l, text: `\t${l.text}${'\t'.repeat(width - l.text.split('\t').length)}` } : l));
}

/** The width a wrapped line reaches when it is full (a little under the typical maximum). */
function lineWidthStats(lines: string[]): { full: number } {
  const widths = lines.map((l) => displayWidth(l.trim())).sort((a, b) => a - b);
  const p90 = widths[Math.floor(widths.length * 0.9)] ?? 0;
  // Lines with a few ASCII digits or a trailing punctuation mark fall a few columns short.
  return { full: Math.max(10, p90 - 6) };
}

/**
 * Page furniture: page numbers, and the short lines that repeat next to them (running
 * headers such as `阜新市人民政府规范性文件`, `X`). Only lines near a page number count,
 * so that repeated content (`同志们：`, department names in tables) is never dropped.
 */
export function findFurniture(lines: string[]): Map<number, Removed['reason']> {
  const furniture = new Map<number, Removed['reason']>();
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const breaks = lines.flatMap((l, i) => (PAGE_NUMBER.test(l.trim()) ? [i] : []));
  // The short repeated lines next to each page break, walking outwards from its page number.
  const walk = (i: number, isHeader: (t: string) => boolean, visit: (j: number, t: string) => void) => {
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = i + step; j >= 0 && j < lines.length && seen < 4; j += step) {
        const t = lines[j]!.trim();
        if (!t) continue;
        seen++;
        if (!isHeader(t)) break;
        visit(j, t);
      }
    }
  };
  // Two occurrences are enough (a three-page document) when both stand beside page numbers.
  const candidate = (t: string) => t.length <= 25 && (counts.get(t) ?? 0) >= 2 && !ITEM_START.test(t);
  // A running header stands at (nearly) every page break it occurs at; a list heading that repeats in
  // the text (`策略措施：` in every domain) and once happens to fall before a page number is
  // text, not furniture.
  const atBreaks = new Map<string, Set<number>>();
  for (const i of breaks) walk(i, candidate, (_, t) => atBreaks.set(t, (atBreaks.get(t) ?? new Set()).add(i)));
  const header = (t: string) => candidate(t) && (atBreaks.get(t)?.size ?? 0) >= 2 && atBreaks.get(t)!.size >= 0.8 * counts.get(t)!;
  for (const i of breaks) {
    furniture.set(i, 'page-number');
    walk(i, header, (j) => furniture.set(j, 'running-header'));
  }
  return furniture;
}

interface Line {
  no: number;
  text: string;
}

/** What a source format knows about its text (see scripts/lib/read/formats/types.ts). */
export interface NormaliseOptions {
  /** The layout, when the format knows it (a Word paragraph is never a wrapped line). */
  layout?: Layout;
  /** 1-based lines known to be page furniture (a PDF's headers, found by their position), instead of guessing. */
  furniture?: Map<number, Removed['reason']>;
  /** 1-based lines holding a table cell that continues the merged cell above it. */
  mergedLines?: Set<number>;
  /**
   * 1-based lines that reach the right margin, when the format knows where lines end (PDF):
   * a wrapped line continues its paragraph, whatever its count of characters.
   */
  fullLines?: Set<number>;
  /** 1-based lines that begin a paragraph (a PDF line's indent, a Word paragraph): never a continuation. */
  paragraphStarts?: Set<number>;
}

export function normalise(rawText: string, options: NormaliseOptions = {}): NormalisedText {
  const lines = cleanText(rawText).split('\n');
  const layout = options.layout ?? detectLayout(lines);
  const removed: Removed[] = [];
  const replaced: Replaced[] = [];
  // One radical inside a word (`妇⼥`) shows the text layer lies: then every radical is read.
  const lyingTextLayer = lines.some((l) => hasRadicalInWord(l));
  // A format that knows its furniture by position (PDF) is trusted over the guess from text
  // alone; the guess reads radicals first, so that `第 1 ⻚` is a page number.
  const furniture: Map<number, Removed['reason']> = options.furniture
    ? new Map([...options.furniture].map(([line, reason]) => [line - 1, reason]))
    : layout === 'table'
      ? new Map()
      : findFurniture(lyingTextLayer ? lines.map((l) => readRadicals(l, true).text) : lines);

  const kept: Line[] = [];
  lines.forEach((raw, i) => {
    const reason = furniture.get(i);
    if (reason) {
      removed.push({ line: i + 1, text: raw.trim(), reason });
      return;
    }
    let text = raw;
    for (const m of raw.match(RESIDUE) ?? []) removed.push({ line: i + 1, text: m, reason: 'residue' });
    text = text.replace(RESIDUE, '');
    // Radical code points a PDF's text layer put for common characters (`妇⼥`): read as the
    // characters, and recorded, so the blocks plus `replaced` still give back the source.
    const read = readRadicals(text, lyingTextLayer);
    text = read.text;
    for (const r of read.readings) replaced.push({ line: i + 1, ...r, reason: 'radical' });
    // In a table a tab-only line is an empty cell: keep it, or the cells after it shift columns.
    const emptyCells = layout === 'table' && text.includes('\t');
    if (text.trim() !== '' || emptyCells) kept.push({ no: i + 1, text: layout === 'table' ? text.replace(/[^\S\t]+$/, '') : text.trim() });
  });

  const rows = layout === 'table' && isSpreadsheet(lines.filter((l) => l.trim() !== '')) ? spreadsheetRows(kept) : kept;
  const blocks = layout === 'table' ? tableBlocks(rows) : paragraphBlocks(kept, layout, lines, options);
  const merged = options.mergedLines;
  return {
    blocks: blocks.map((b, index) => (merged?.has(b.lineStart) && b.cells ? { ...b, index, mergedAbove: true } : { ...b, index })),
    removed,
    ...(replaced.length > 0 ? { replaced } : {}),
  };
}

function tableBlocks(lines: Line[]): Omit<Block, 'index'>[] {
  return lines.flatMap((l) => {
    // A tab-only line becomes a block with empty text and empty cells: merged cells and
    // empty department cells keep the table's rows aligned for the task-list parser.
    const cells = l.text.split('\t').map((c) => c.trim());
    return [{ text: cells.filter(Boolean).join(' '), lineStart: l.no, lineEnd: l.no, cells }];
  });
}

function paragraphBlocks(lines: Line[], layout: Layout, allLines: string[], { fullLines, paragraphStarts }: NormaliseOptions): Omit<Block, 'index'>[] {
  const { full } = lineWidthStats(allLines.filter((l) => l.trim() !== ''));
  let openLastNo = 0;
  const isFull = (text: string, no: number) => (fullLines ? fullLines.has(no) : displayWidth(text) >= full);
  const blocks: Omit<Block, 'index'>[] = [];
  let open: Omit<Block, 'index'> | null = null;
  let openLast = '';

  for (const line of lines) {
    const heading = HEADING.exec(line.text);
    if (heading) {
      if (open) blocks.push(open);
      open = null;
      blocks.push({ text: heading[2]!.trim(), lineStart: line.no, lineEnd: line.no, headingDepth: heading[1]!.length });
      continue;
    }
    if (open && !paragraphStarts?.has(line.no) && continues(openLast, line.text, layout, full, isFull(openLast, openLastNo))) {
      // A full line that ends a sentence, and no indent to tell: the paragraph may end here or go
      // on. Joined, as most do, but recorded, so the editor can be told where to look.
      if (layout === 'wrapped' && !paragraphStarts && isFull(openLast, openLastNo) && endsSentence(openLast)) open.uncertainBreaks = [...(open.uncertainBreaks ?? []), openLastNo];
      open.text = joinText(open.text, line.text);
      open.lineEnd = line.no;
    } else {
      if (open) blocks.push(open);
      open = { text: line.text, lineStart: line.no, lineEnd: line.no };
    }
    openLast = line.text;
    openLastNo = line.no;
  }
  if (open) blocks.push(open);
  return blocks;
}

/**
 * How many columns (half-em) a wrapped line of a paragraph may fall short of a full one, past
 * the margin of `lineWidthStats`, when the next piece would not fit: a number with its unit, a
 * Latin word, a bracketed year (`（2021—2030年）`), six characters at most.
 */
const SHORT_OF_FULL = 12;
/** A figure, a unit or a Latin word at a line's end or start (a bracketed year too): a run a line does not break inside. */
const UNBREAKABLE_END = /[0-9A-Za-z%‰]$/;
const UNBREAKABLE_START = /^[（(《“〔]?[0-9A-Za-z]/;
/** A decimal at a line's start (`3.0‰、…`): a figure, not the number of an item. */
const DECIMAL_START = /^[0-9]{1,3}[.．][0-9]/;

/** The end of a document's title (`…落实情况的报告`, `…发展规划（2021—2030年）`). */
const TITLE_END = /(?:报告|意见|通知|规划|纲要|方案|决定|办法|清单|讲话|批复|函)(?:[（(][^（）()]*[）)])?$/;

/** Does `next` continue the paragraph whose last source line is `prev`? */
function continues(prev: string, next: string, layout: Layout, full: number, prevFull: boolean): boolean {
  const terminated = endsSentence(prev); // a paragraph may end here, never before
  // A title and then its addressee (`区人大常委会：`, `各县（市）区人民政府：`): two paragraphs,
  // though neither ends a sentence.
  if (TITLE_END.test(prev) && /[:：]$/.test(next) && !next.includes('。') && displayWidth(next) < full * 0.75) return false;
  if (layout === 'wrapped') {
    // A short line ends its paragraph, unless it stops inside a sentence a little short of the
    // margin (`…和5.5‰` + `以下，…`): a paragraph never ends mid-sentence. A line that starts
    // with a number may be a heading (`一、完善工作机制，切实加强…`): it continues only when a
    // sentence ends inside it (no heading holds one) or a run that does not break (a figure, a
    // Latin word, a bracketed year) explains the gap.
    if (!prevFull) return displayWidth(prev) >= full - SHORT_OF_FULL && stopsMidSentence(prev) && (!ITEM_START.test(prev) || CLAUSE_END.test(prev) || UNBREAKABLE_END.test(prev) || UNBREAKABLE_START.test(next)) && (!ITEM_START.test(next) || DECIMAL_START.test(next)) && !looksLikeHeading(next, full);
    if (!terminated) return true; // a paragraph never ends mid-sentence (`…全市孕产妇` + `4.01‰，…`)
    return !ITEM_START.test(next) && !looksLikeHeading(next, full);
  }
  // One paragraph per line: only prose cut off mid-sentence continues (`…多措并举` + `举促进…`);
  // a title without a full stop (`一、完善工作机制，…`) does not.
  return !terminated && CLAUSE_END.test(prev) && !ITEM_START.test(next) && !looksLikeHeading(next, full);
}

/** Short lines that stand alone: `主要目标：`, `策略措施：`, `前 言`. */
function looksLikeHeading(line: string, full: number): boolean {
  if (displayWidth(line) >= full / 2 || CLAUSE_END.test(line)) return false;
  return /[:：]$/.test(line) || !/[，、,]/.test(line);
}

/** Join wrapped lines: no space between CJK; one space between two Latin words. */
function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
