/**
 * Text as a PDF's text layer gives it: each paragraph hard-wrapped at the page width, written
 * independently of the normaliser (its own widths and break rules), for tests of line joins.
 *
 * Widths are the page's, in half-em columns of a Chinese font with a Latin companion: an
 * ideograph or Chinese punctuation mark takes 2, `‰` 2, a digit or Latin letter 1, narrow marks
 * (`.`, `/`, a space) half of one. Lines break between ideographs, never inside a number or
 * word (`5.5‰`, `2030`), never before a closing mark or after an opening one (kinsoku: the mark
 * travels with its neighbour, and a closing mark may hang past the margin as Word lets it).
 */
const CLOSING = '，。、；：！？）》”’〕】」』…—%‰';
const OPENING = '（《“‘〔【「『';

function paperWidth(ch: string): number {
  if ('.,/:; \'|!'.includes(ch)) return 0.5;
  if (ch === '‰' || ch === '%') return 2;
  const code = ch.codePointAt(0)!;
  return code < 0x2000 ? 1 : 2;
}

/** Unbreakable pieces: an ideograph with the marks that must stay with it, or a Latin/number run. */
function pieces(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    let piece = '';
    while (i < chars.length && OPENING.includes(chars[i]!)) piece += chars[i++];
    if (i < chars.length && /[A-Za-z0-9]/.test(chars[i]!)) while (i < chars.length && /[A-Za-z0-9.%‰/]/.test(chars[i]!)) piece += chars[i++];
    else if (i < chars.length) piece += chars[i++];
    while (i < chars.length && CLOSING.includes(chars[i]!) && !(chars[i] === '—' && chars[i + 1] !== '—' && piece.endsWith('—'))) piece += chars[i++];
    out.push(piece);
  }
  return out;
}

/** One paragraph → lines no wider than `columns` (half-em columns), a closing mark allowed to hang. */
export function wrapParagraph(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const piece of pieces(text)) {
    const w = [...piece].reduce((n, ch) => n + paperWidth(ch), 0);
    const body = [...piece].filter((ch) => !CLOSING.includes(ch)).reduce((n, ch) => n + paperWidth(ch), 0);
    if (line && width + body > columns) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += piece;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Paragraphs → the text of a PDF's text layer: every paragraph wrapped at `columns`, one line each. */
export function wrapText(paragraphs: readonly string[], columns: number): string {
  return paragraphs.flatMap((p) => wrapParagraph(p, columns)).join('\n');
}
