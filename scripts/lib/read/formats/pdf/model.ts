/** A PDF's pages as lines with their positions (from the text layer, or from OCR), and a page's usual line spacing. */

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

/** The usual distance between the baselines of consecutive lines on a page. */
export function lineGap(page: PdfPage): number {
  const gaps = page.lines.slice(1).map((l, i) => l.top - page.lines[i]!.top).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Infinity;
}
