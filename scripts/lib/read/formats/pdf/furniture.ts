/** Page furniture: running headers, footers and page numbers, known by their place on the page and their repetition. */
import type { Removed } from '../../../types.ts';
import { lineGap, type PdfPage } from './model.ts';

/** Lines on the first or last few lines of a page that may be running headers or footers. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:[-—–－]\s*[0-9]{1,4}\s*[-—–－]|第\s*[0-9]{1,4}\s*页(?:\s*[，,]?\s*共\s*[0-9]+\s*页)?|[0-9]{1,4}\s*\/\s*[0-9]{1,4}|[0-9]{1,4}|共\s*[0-9]+\s*页[，,]?\s*第\s*[0-9]+\s*页)$/;

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
