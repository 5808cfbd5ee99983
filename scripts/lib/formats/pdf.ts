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
  const visible = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (visible < 10 * pages.length && visible < 200) {
    throw new SourceFormatError(
      `has no text layer (${visible} characters of text on ${pages.length} page(s): a scan or an image)`,
      'run OCR on it (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`), or save the document as .txt, and rebuild',
    );
  }
  const unreadable = lines.reduce((n, l) => n + (l.text.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0), 0);
  if (unreadable / visible > 0.05) {
    throw new SourceFormatError(
      `has a text layer that cannot be read as characters (${unreadable} of ${visible} are private-use or unknown glyphs: fonts without a Unicode mapping)`,
      'export the PDF again from the original document, run OCR on it, or save the document as .txt, and rebuild',
    );
  }
  const furniture = new Map<number, Removed['reason']>();
  for (const [index, reason] of findPdfFurniture(pages)) furniture.set(index + 1, reason);
  return { text: lines.map((l) => l.text).join('\n'), encoding: 'pdf', furniture };
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
      throw new SourceFormatError('is password-protected (encrypted): its text cannot be read', 'save or print it again as a PDF without a password, or save the document as .txt, and rebuild');
    }
    await task.destroy();
    throw new SourceFormatError(`cannot be read as a PDF (${e.message}); the file is damaged or not a PDF`, 'export the PDF again from the original document, or save it as .txt, and rebuild');
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item && item.str.trim() !== ''
          ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height || 10 }]
          : [],
      );
      pages.push({ height: top!, lines: buildLines(items).map((l) => ({ page: n, top: top! - l.y, text: l.text })) });
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
export function buildLines(items: TextItem[]): { y: number; text: string }[] {
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
        end = item.x + item.width;
      }
      return { y: line.y, text: text.trim() };
    });
}

/**
 * Running headers, footers and page numbers, by position and repetition: among the first and
 * last lines of each page, a line that is a page number, or whose text (digits aside)
 * stands at the same edge on at least half the pages (two at least). Body text that merely
 * repeats (`同志们：`, a department's name) is not at a page's edge on most pages.
 * Returns indexes into the document's lines (all pages, in order).
 */
export function findPdfFurniture(pages: PdfPage[]): Map<number, Removed['reason']> {
  const candidates: { index: number; edge: 'top' | 'bottom'; key: string; line: PdfLine }[] = [];
  let offset = 0;
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const edge = i < EDGE_LINES ? 'top' : i >= page.lines.length - EDGE_LINES ? 'bottom' : undefined;
      if (edge) candidates.push({ index: offset + i, edge, key: `${edge}:${line.text.replace(/\s+/g, '').replace(/[0-9]+/g, '#')}`, line });
    });
    offset += page.lines.length;
  }
  const pagesWith = new Map<string, Set<number>>();
  for (const c of candidates) {
    const set = pagesWith.get(c.key) ?? new Set();
    set.add(c.line.page);
    pagesWith.set(c.key, set);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = new Map<number, Removed['reason']>();
  for (const c of candidates) {
    const pageNumber = PAGE_NUMBER.test(c.line.text.trim());
    const repeats = (pagesWith.get(c.key)?.size ?? 0) >= needed;
    // A bare number counts as a page number only where numbers repeat at that edge.
    if (pageNumber && (repeats || !/^[0-9]+$/.test(c.line.text.trim()))) furniture.set(c.index, 'page-number');
    else if (repeats && c.line.text.trim().length <= 40) furniture.set(c.index, 'running-header');
  }
  return furniture;
}
