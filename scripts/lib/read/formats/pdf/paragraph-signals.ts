/** Where paragraphs end and start, measured from the lines' positions: full, indented, hanging and set-apart lines. */
import { displayWidth } from '../../../text/width.ts';
import { lineGap, type PdfLine, type PdfPage } from './model.ts';

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
