/** Page furniture: running headers, footers and page numbers, known by their place on the page and their repetition. */
import { editDistance } from '../../../../../src/lib/edit-distance.ts';
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
 *
 * Lines read by OCR (`misread`) repeat less exactly: `- 25 -` comes out as `25。`, `_33-`, `0`
 * or `1.`, and `阜新市…` as `时新市…`. There a line at an edge is a page number when it is a
 * number in any dress and such lines stand at that edge on at least half the pages, and a
 * running header when it is a few characters off a header found at that edge.
 */
export function findPdfFurniture(pages: PdfPage[], options: { misread?: boolean } = {}): Map<number, Removed['reason']> {
  const furniture = new Map<number, Removed['reason']>();
  const offsets: number[] = [];
  pages.reduce((offset, page) => (offsets.push(offset), offset + page.lines.length), 0);
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (let depth = 0; depth < EDGE_LINES; depth++) {
    const candidates: { index: number; key: string; text: string; page: number; edge: 'top' | 'bottom' }[] = [];
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
        candidates.push({ index: offsets[p]! + i, key: `${edge}${depth}:${text.replace(/\s+/g, '').replace(/[0-9]+/g, '#')}`, text, page: p, edge });
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
    if (options.misread) misreadFurniture(candidates, furniture, needed);
  }
  return new Map([...furniture].sort((a, b) => a[0] - b[0]));
}

/** A page number as OCR may read it: up to four digits (or look-alikes beside one) in dashes, dots or underscores. */
const MISREAD_PAGE_NUMBER = /^[-—–－_~=.。,，·:：'"`\s]*(?=[0-9lIO|]{0,3}[0-9])[0-9lIO|]{1,4}[-—–－_~=.。,，·:：'"`\s]*$/;

/** A line of a few signs, with no letter, digit or ideograph. */
const LOST_PAGE_NUMBER = /^[^\p{L}\p{N}]{1,6}$/u;

/** The edge lines OCR misread that are furniture all the same (see {@link findPdfFurniture}). */
function misreadFurniture(candidates: { index: number; text: string; page: number; edge: 'top' | 'bottom' }[], furniture: Map<number, Removed['reason']>, needed: number): void {
  for (const edge of ['top', 'bottom'] as const) {
    const atEdge = candidates.filter((c) => c.edge === edge);
    const numbers = atEdge.filter((c) => MISREAD_PAGE_NUMBER.test(c.text.trim()));
    if (new Set(numbers.map((c) => c.page)).size >= needed) {
      // Where the page numbers stand, a line of signs only (`，`, `.-`) is one whose digits were lost.
      for (const c of atEdge) if (!furniture.has(c.index) && (numbers.includes(c) || LOST_PAGE_NUMBER.test(c.text.trim()))) furniture.set(c.index, 'page-number');
    }
    const headers = [...new Set(atEdge.filter((c) => furniture.get(c.index) === 'running-header').map((c) => c.text.replace(/\s+/g, '')))];
    for (const c of atEdge) {
      if (furniture.has(c.index)) continue;
      const text = c.text.replace(/\s+/g, '');
      if (headers.some((h) => [...h].length >= 4 && editDistance(text, h) <= Math.max(1, Math.floor([...h].length / 5)))) furniture.set(c.index, 'running-header');
    }
  }
}
