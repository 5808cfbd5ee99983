import { createRequire } from 'node:module';
import path from 'node:path';
import type { Removed } from '../types.ts';
import { SourceFormatError, type SourceText } from './types.ts';

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

interface PdfPage {
  height: number;
  lines: PdfLine[];
}

/** Lines on the first or last few lines of a page that may be running headers or footers. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:[-—–－]\s*[0-9]{1,4}\s*[-—–－]|第\s*[0-9]{1,4}\s*页(?:\s*[，,]?\s*共\s*[0-9]+\s*页)?|[0-9]{1,4}\s*\/\s*[0-9]{1,4}|[0-9]{1,4}|共\s*[0-9]+\s*页[，,]?\s*第\s*[0-9]+\s*页)$/;

export async function pdfToText(bytes: Uint8Array): Promise<SourceText> {
  const pages = await readPages(bytes);
  const lines = pages.flatMap((p) => p.lines);
  const furniture = new Map<number, Removed['reason']>();
  for (const [index, reason] of findPdfFurniture(pages)) furniture.set(index + 1, reason);
  // A scan may carry a little text (a stamped page number or header): count the body's.
  const visible = lines.reduce((n, l, i) => n + (furniture.has(i + 1) ? 0 : l.text.replace(/\s/g, '').length), 0);
  if (visible < 10 * pages.length && visible < 200) {
    throw new SourceFormatError(
      `没有文字层（${pages.length} 页中只有 ${visible} 个字符：是扫描件或图片）`,
      '请先做文字识别（OCR，例如 `ocrmypdf -l chi_sim in.pdf out.pdf`），或把文档另存为 .txt，然后重新构建',
    );
  }
  const unreadable = lines.reduce((n, l) => n + (l.text.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0), 0);
  if (unreadable > 0.05 * visible) {
    throw new SourceFormatError(
      `文字层无法读成文字（${visible} 个字符中有 ${unreadable} 个是私用区或未知字形：字体没有 Unicode 对照）`,
      '请从原始文档重新导出 PDF，或先做文字识别（OCR），或把文档另存为 .txt，然后重新构建',
    );
  }
  const full = fullLines(pages);
  const fullLines1 = new Set([...full].map((i) => i + 1));
  const paragraphStarts = new Set([...indentedLines(pages)].map((i) => i + 1));
  // A PDF's lines are wrapped at the page width: rejoined where they run to the margin, as
  // known from their positions (a short line or an indented one starts afresh).
  const layout = 'wrapped';
  return { text: lines.map((l) => l.text).join('\n'), encoding: 'pdf', layout, furniture, fullLines: fullLines1, paragraphStarts };
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
  const p90 = (lines: PdfLine[]) => {
    const rights = lines.map((l) => l.right ?? 0).sort((a, b) => a - b);
    return rights[Math.floor(rights.length * 0.9)] ?? 0;
  };
  const documentMargin = p90(pages.flatMap((p) => p.lines));
  let offset = 0;
  for (const page of pages) {
    const margin = page.lines.length >= 8 ? p90(page.lines) : documentMargin;
    page.lines.forEach((l, i) => {
      // Two characters and a half: a line may end short where a closing mark may not start the next (`圈”`).
      if (l.right !== undefined && l.right >= margin - 2.5 * (l.size ?? 10)) full.add(offset + i);
    });
    offset += page.lines.length;
  }
  return full;
}

/**
 * Indexes of lines that start right of the text's left edge by a character or more: the
 * first line of a paragraph in Chinese documents (indented two characters), a centred title.
 * The edge is where most lines start on the page (or in the document, on a page of few lines).
 */
export function indentedLines(pages: PdfPage[]): Set<number> {
  const edge = (lines: PdfLine[]) => {
    const counts = new Map<number, number>();
    for (const l of lines) if (l.left !== undefined) counts.set(Math.round(l.left), (counts.get(Math.round(l.left)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  };
  const documentEdge = edge(pages.flatMap((p) => p.lines));
  const indented = new Set<number>();
  let offset = 0;
  for (const page of pages) {
    const left = (page.lines.length >= 8 ? edge(page.lines) : undefined) ?? documentEdge;
    page.lines.forEach((l, i) => {
      if (left !== undefined && l.left !== undefined && l.left >= left + (l.size ?? 10)) indented.add(offset + i);
    });
    offset += page.lines.length;
  }
  return indented;
}
