import { createRequire } from 'node:module';
import path from 'node:path';
import { displayWidth } from '../../text/width.ts';
import type { Removed } from '../../types.ts';
import { NoTextLayerError, SourceFormatError, type SourceText } from './types.ts';

/**
 * PDF with a text layer → its lines of text, page by page, for the normaliser, which rejoins
 * a PDF's wrapped lines into paragraphs as it does for text extracted from PDFs (seeds 000,
 * 001). Text comes from PDF.js (pdfjs-dist): its text items carry positions, so lines are
 * rebuilt from them (items on one baseline, left to right), and page furniture is found by
 * where it stands: a short line at the top or bottom of a page that repeats there on most
 * pages (`阜新市人民政府规范性文件`, `- 4 -`, `第 4 页`). Furniture stays in the text (nothing
 * is lost) and is handed to the normaliser to drop and record.
 */

const require = createRequire(import.meta.url);
/** PDF.js's character maps and standard fonts, which Chinese PDFs' CID fonts need. */
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page, in points. */
  top: number;
  /** Where the line's text starts and ends, from the left of the page, and its font size, in points. */
  left?: number;
  right?: number;
  size?: number;
  text: string;
}

export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

/** Lines on the first or last few lines of a page that may be running headers or footers. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:[-—–－]\s*[0-9]{1,4}\s*[-—–－]|第\s*[0-9]{1,4}\s*页(?:\s*[，,]?\s*共\s*[0-9]+\s*页)?|[0-9]{1,4}\s*\/\s*[0-9]{1,4}|[0-9]{1,4}|共\s*[0-9]+\s*页[，,]?\s*第\s*[0-9]+\s*页)$/;

export async function pdfToText(bytes: Uint8Array): Promise<SourceText> {
  return pagesToText(await readPages(bytes));
}

/** A PDF's lines, page by page (from its text layer, or recognised by OCR: ocr.ts) → text with the layout hints. */
export function pagesToText(pages: PdfPage[]): SourceText {
  const lines = pages.flatMap((p) => p.lines);
  const furniture = new Map<number, Removed['reason']>();
  for (const [index, reason] of findPdfFurniture(pages)) furniture.set(index + 1, reason);
  // A scan may carry a little text (a stamped page number or header): count the body's.
  const visible = lines.reduce((n, l, i) => n + (furniture.has(i + 1) ? 0 : l.text.replace(/\s/g, '').length), 0);
  if (visible < 10 * pages.length && visible < 200) {
    throw new NoTextLayerError(
      `没有文字层（${pages.length} 页中只有 ${visible} 个字符：是扫描件或图片）`,
      '请先做文字识别（OCR，例如 `ocrmypdf -l chi_sim in.pdf out.pdf`），或把文档另存为 .txt，然后重新构建',
      pages.length,
    );
  }
  const unreadable = lines.reduce((n, l) => n + (l.text.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0), 0);
  if (unreadable > 0.05 * visible) {
    throw new SourceFormatError(
      `文字层无法读成文字（${visible} 个字符中有 ${unreadable} 个是私用区或未知字形：字体没有 Unicode 对照）`,
      '请从原始文档重新导出 PDF，或先做文字识别（OCR），或把文档另存为 .txt，然后重新构建',
    );
  }
  const byPosition = new Map([...furniture].map(([line, reason]) => [line - 1, reason]));
  const apart = setApartLines(pages, byPosition);
  const full = new Set([...fullLines(pages)].filter((i) => !apart.has(i)));
  const hanging = hangingLines(pages, full, byPosition);
  const fullLines1 = new Set([...full].map((i) => i + 1));
  // A paragraph starts where a line is indented (unless it continues a hanging number) and
  // after a line set apart; the furniture between pages is no start.
  const starts = [...indentedLines(pages)].filter((i) => !hanging.has(i));
  for (const i of apart) if (i + 1 < lines.length) starts.push(nextBody(i, byPosition, lines.length));
  const paragraphStarts = new Set(starts.filter((i) => i < lines.length).map((i) => i + 1));
  // A PDF's lines are wrapped at the page width: rejoined where they run to the margin, as
  // known from their positions (a short line or an indented one starts afresh).
  const layout = 'wrapped';
  return { text: lines.map((l) => l.text).join('\n'), encoding: 'pdf', layout, furniture, fullLines: fullLines1, paragraphStarts };
}

/** The first line after `index` that is not furniture. */
function nextBody(index: number, furniture: ReadonlyMap<number, unknown>, count: number): number {
  let i = index + 1;
  while (i < count && furniture.has(i)) i++;
  return i;
}

async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  const task = getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    wasmUrl: `${PDFJS_DIR}/wasm/`,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (error) {
    const e = error as Error;
    if (e.name === 'PasswordException') {
      await task.destroy();
      throw new SourceFormatError('设有密码（已加密），无法读取文字', '请重新保存或打印为不设密码的 PDF，或把文档另存为 .txt，然后重新构建');
    }
    await task.destroy();
    throw new SourceFormatError(`无法作为 PDF 读取（${e.message}）：文件已损坏，或不是 PDF`, '请从原始文档重新导出 PDF，或另存为 .txt，然后重新构建');
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        // Blank items are kept only when they take room: a space drawn as a glyph of its own separates words (`15 分钟`).
        if (!('str' in item) || item.str === '' || (item.str.trim() === '' && !(item.width > 0))) continue;
        const [, , c, d, x, y] = item.transform as number[];
        items.push({ text: item.str.trim() === '' ? ' ' : item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || item.height || 10 });
      }
      const lines = buildLines(items).filter((l) => l.text !== '');
      pages.push({ height: top!, lines: lines.map((l) => ({ page: n, top: top! - l.y, left: l.left, right: l.right, size: l.size, text: l.text })) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * Text items → lines: items whose baselines are within a third of the font size are one
 * line, read left to right. A gap wider than a third of a character becomes a space only
 * between Latin letters or digits; Chinese text has no spaces between its characters.
 */
export function buildLines(items: TextItem[]): { y: number; left: number; right: number; size: number; text: string }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, item.size) / 3);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const items = line.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of items) {
        const gap = item.x - end;
        if (text && gap > item.size / 3 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(item.text)) text += ' ';
        text += item.text;
        if (item.text.trim()) end = item.x + item.width;
      }
      return { y: line.y, left: items.find((i) => i.text.trim())?.x ?? 0, right: end, size: line.size, text: text.replace(/\s+/g, ' ').trim() };
    });
}

/**
 * Running headers, footers and page numbers, by position and repetition. Working inwards
 * from each edge of every page (the first line, then the second if the first was
 * furniture and it stands apart from the body; likewise from the last line), a line is
 * furniture when it is a page number, or
 * when its text (digits aside) stands at that place on at least half the pages (two at
 * least). Body text that merely repeats (`同志们：`, a department's name) is not at the very
 * edge of most pages. Returns indexes into the document's lines (all pages, in order).
 */
export function findPdfFurniture(pages: PdfPage[]): Map<number, Removed['reason']> {
  const furniture = new Map<number, Removed['reason']>();
  const offsets: number[] = [];
  pages.reduce((offset, page) => (offsets.push(offset), offset + page.lines.length), 0);
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (let depth = 0; depth < EDGE_LINES; depth++) {
    const candidates: { index: number; key: string; text: string; page: number }[] = [];
    pages.forEach((page, p) => {
      const n = page.lines.length;
      for (const [edge, i] of [['top', depth], ['bottom', n - 1 - depth]] as const) {
        if (i < 0 || i >= n) continue;
        // Deeper lines count only under furniture: a header of two lines, a footer above a page number.
        const outer = edge === 'top' ? i - 1 : i + 1;
        if (depth > 0 && !furniture.has(offsets[p]! + outer)) continue;
        // …and set apart from the body: a wider gap to the next line inwards than between body lines.
        const inner = page.lines[edge === 'top' ? i + 1 : i - 1];
        if (depth > 0 && (!inner || Math.abs(inner.top - page.lines[i]!.top) <= 1.5 * lineGap(page))) continue;
        const text = page.lines[i]!.text.trim();
        candidates.push({ index: offsets[p]! + i, key: `${edge}${depth}:${text.replace(/\s+/g, '').replace(/[0-9]+/g, '#')}`, text, page: p });
      }
    });
    const pagesWith = new Map<string, Set<number>>();
    for (const c of candidates) pagesWith.set(c.key, (pagesWith.get(c.key) ?? new Set()).add(c.page));
    for (const c of candidates) {
      const repeats = (pagesWith.get(c.key)?.size ?? 0) >= needed;
      // A bare number counts as a page number only where numbers repeat at that edge.
      if (PAGE_NUMBER.test(c.text) && (repeats || !/^[0-9]+$/.test(c.text))) furniture.set(c.index, 'page-number');
      else if (repeats && c.text.length <= 40) furniture.set(c.index, 'running-header');
    }
  }
  return new Map([...furniture].sort((a, b) => a[0] - b[0]));
}

/** The usual distance between the baselines of consecutive lines on a page. */
function lineGap(page: PdfPage): number {
  const gaps = page.lines.slice(1).map((l, i) => l.top - page.lines[i]!.top).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Infinity;
}

/** Where the longer lines end: a high percentile, so that one wide line does not move it. */
function rightMargin(lines: PdfLine[]): number {
  const rights = lines.map((l) => l.right ?? 0).sort((a, b) => a - b);
  return rights[Math.floor(rights.length * 0.9)] ?? 0;
}

/**
 * Indexes (into all pages' lines) of the lines that end at the right margin of the text:
 * within two and a half characters of where most full lines end on that page. A line of a
 * wrapped paragraph ends there; a paragraph's last line, a heading or a title ends short.
 */
export function fullLines(pages: PdfPage[]): Set<number> {
  const full = new Set<number>();
  // The margin: where the longer lines end (a high percentile, so that one wide line does not
  // move it), per page (odd and even pages may have different margins) when a page has
  // enough lines to tell, else over the whole document.
  const documentMargin = rightMargin(pages.flatMap((p) => p.lines));
  let offset = 0;
  for (const page of pages) {
    const margin = page.lines.length >= 8 ? rightMargin(page.lines) : documentMargin;
    page.lines.forEach((l, i) => {
      // Two characters and a half: a line may end short where a closing mark may not start the next (`圈”`).
      if (l.right !== undefined && l.right >= margin - 2.5 * (l.size ?? 10)) full.add(offset + i);
    });
    offset += page.lines.length;
  }
  return full;
}

/**
 * The text's left edge on a page: the leftmost place where a good share of its lines start
 * (a quarter as many as at the most common place, two at least). In the common layout that is
 * where wrapped lines start, a paragraph's first line standing two characters right of it; in
 * a layout with hanging numbers it is where the numbers stand, whichever of the two is more
 * frequent on the page (a page of one-line goals has more numbers than wrapped lines).
 */
function leftEdge(lines: PdfLine[]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.left !== undefined) counts.set(Math.round(l.left), (counts.get(Math.round(l.left)) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return [...counts].filter(([, n]) => n >= Math.max(2, most / 4) || n === most).sort((a, b) => a[0] - b[0])[0]?.[0];
}

/**
 * Indexes of lines that start right of the text's left edge by a character or more: the
 * first line of a paragraph in Chinese documents (indented two characters), a centred title,
 * and the wrapped lines of a hanging item (see `hangingLines`, which takes those back).
 * The edge is per page (or the document's, on a page of few lines).
 */
export function indentedLines(pages: PdfPage[]): Set<number> {
  const documentEdge = leftEdge(pages.flatMap((p) => p.lines));
  const indented = new Set<number>();
  let offset = 0;
  for (const page of pages) {
    const left = (page.lines.length >= 8 ? leftEdge(page.lines) : undefined) ?? documentEdge;
    page.lines.forEach((l, i) => {
      if (left !== undefined && l.left !== undefined && l.left >= left + (l.size ?? 10)) indented.add(offset + i);
    });
    offset += page.lines.length;
  }
  return indented;
}

/** A page's body lines in reading order, across pages, furniture left out: the lines that can continue one another. */
function bodyLines(pages: PdfPage[], furniture: ReadonlyMap<number, unknown>): { index: number; line: PdfLine }[] {
  const body: { index: number; line: PdfLine }[] = [];
  let index = 0;
  for (const page of pages) for (const line of page.lines) (furniture.has(index) ? null : body.push({ index, line }), index++);
  return body;
}

/** A list marker at a line's start: `4.`, `（二）`, `一、`, `⑴`. */
const MARKER = /^(?:[0-9]{1,3}[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[）)]|[⑴-⒇①-⑳]|[一二三四五六七八九十]{1,3}、)/;

/**
 * Hanging numbers: an item's number stands at the left edge and its wrapped lines are aligned
 * after the number, not under it. Such a line starts right of the edge like a paragraph's
 * first line, but continues the item above it. A line continues a hanging item when the line
 * before it (furniture aside, across a page break) runs to the margin and either starts with
 * a number, this line starting after that number (within a character and a half of its
 * width: a tab may follow it), or is itself such a continuation starting where this line does.
 * In the common layout a new paragraph after a numbered line starts where that line starts
 * (both indented), never further right, so it is not taken for a continuation.
 */
export function hangingLines(pages: PdfPage[], full: ReadonlySet<number>, furniture: ReadonlyMap<number, unknown> = new Map()): Set<number> {
  const hanging = new Set<number>();
  const body = bodyLines(pages, furniture);
  for (let k = 1; k < body.length; k++) {
    const prev = body[k - 1]!;
    const cur = body[k]!;
    const size = cur.line.size ?? 10;
    if (!full.has(prev.index) || prev.line.left === undefined || cur.line.left === undefined) continue;
    const shift = cur.line.left - prev.line.left;
    if (hanging.has(prev.index) && Math.abs(shift) <= size / 2) {
      hanging.add(cur.index);
      continue;
    }
    const marker = MARKER.exec(prev.line.text)?.[0];
    if (!marker || prev.line.right === undefined) continue;
    // The marker's width from the line's own measure: its share of the line's columns.
    const column = (prev.line.right - prev.line.left) / Math.max(1, displayWidth(prev.line.text));
    const inset = displayWidth(marker) * column;
    if (shift >= size / 2 && shift <= inset + 1.5 * size) hanging.add(cur.index);
  }
  return hanging;
}

/**
 * Lines a paragraph ends after, whatever their width: the paragraph after them is set apart.
 * A change of type size (a title in 22 points above 16-point text), a wider space to the next
 * line than between lines of a paragraph (a title, a heading set off by spacing), or a
 * centred line (as far from the margin on the right as from the edge on the left, by three
 * characters or more, without the commas or full stops of a sentence: a title). A centred
 * title of nearly a full line otherwise reads as wrapped and swallows the heading after it.
 */
export function setApartLines(pages: PdfPage[], furniture: ReadonlyMap<number, unknown> = new Map()): Set<number> {
  const apart = new Set<number>();
  const documentEdge = leftEdge(pages.flatMap((p) => p.lines));
  const documentMargin = rightMargin(pages.flatMap((p) => p.lines));
  let offset = 0;
  for (const page of pages) {
    const edge = (page.lines.length >= 8 ? leftEdge(page.lines) : undefined) ?? documentEdge;
    const margin = page.lines.length >= 8 ? rightMargin(page.lines) : documentMargin;
    const gap = lineGap(page);
    page.lines.forEach((l, i) => {
      if (furniture.has(offset + i)) return;
      // The next line of the body on this page (a page's last line continues on the next page).
      let j = i + 1;
      while (j < page.lines.length && furniture.has(offset + j)) j++;
      const next = page.lines[j];
      const size = l.size ?? 10;
      const resized = next?.size !== undefined && l.size !== undefined && Math.abs(next.size - l.size) > 0.15 * Math.min(next.size, l.size);
      const spaced = next !== undefined && gap !== Infinity && next.top - l.top > 1.5 * gap;
      const before = l.left !== undefined && edge !== undefined ? l.left - edge : 0;
      const after = l.right !== undefined ? margin - l.right : 0;
      // Three characters in at least: a paragraph's first line is indented two, and may end two short.
      const centred = before >= 3 * size && after >= 3 * size && Math.abs(before - after) <= size / 2 && !/[，,、。；;：:]/.test(l.text);
      if (resized || spaced || centred) apart.add(offset + i);
    });
    offset += page.lines.length;
  }
  return apart;
}
