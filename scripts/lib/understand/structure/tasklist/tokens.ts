/** The blocks read back into tokens: titles above a table, the cells of its rows, and lines of their own. */
import type { Block, Population } from '../../../types.ts';
import type { Cell, Token } from './model.ts';

/** `附件1`, `附件 2：` — an attachment label ends the table before it. */
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$/;

/** `大安市儿童发展规划（2021—2030年）重点任务清单`: a short line naming the plan. */
export function titlePopulation(text: string): Population | undefined {
  const m = /^[^，。；]{0,30}?(妇女|儿童)发展规划[^，。；]{0,30}$/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] as Population) : undefined;
}

/**
 * Blocks → titles and cells. A line outside any cell (no leading tab) that labels an
 * attachment or names a plan is a title; any other untabbed line continues the cell before it,
 * except after a spreadsheet row, which ends at its line's end: there it is a line of its own
 * (a domain row typed across the table, a note).
 */
export function readTokens(blocks: Block[]): Token[] {
  const tokens: Token[] = [];
  let cell: Cell | null = null;
  let previous: Block | null = null;
  let previousParts: number | undefined;
  for (const block of blocks) {
    // Word's text export ends a row with an empty line: a gap in the source lines.
    if (cell && previous && block.lineStart > previous.lineEnd + 1) cell.endsRow = true;
    previous = block;
    const parts = block.cells ?? [block.text];
    const untabbed = parts[0]!.trim();
    const offsets = cellOffsets(block, parts);
    if (parts.length === 1 && (ATTACHMENT.test(untabbed) || titlePopulation(untabbed))) {
      tokens.push({ kind: 'title', text: untabbed });
      cell = null;
      previousParts = parts.length;
      continue;
    }
    const afterRow = (previousParts ?? 0) > 2;
    previousParts = parts.length;
    if (parts.length === 1 && untabbed && afterRow) {
      tokens.push({ kind: 'line', line: { text: untabbed, block, offset: offsets[0]! } });
      cell = null;
      continue;
    }
    // The part before the first tab continues the current cell.
    if (untabbed && cell) cell.lines.push({ text: untabbed, block, offset: offsets[0]! });
    for (let j = 1; j < parts.length; j++) {
      const text = parts[j]!.trim();
      cell = { lines: text ? [{ text, block, offset: offsets[j]! }] : [], mergedAbove: block.mergedAbove };
      tokens.push({ kind: 'cell', cell });
    }
    // A spreadsheet line is one whole row.
    if (parts.length > 2 && cell) cell.endsRow = true;
  }
  return tokens;
}

/**
 * Where each cell's trimmed text starts in the block's text, which holds the non-empty cells
 * in order (normalise joins them with a space). Cells that are empty get the offset they
 * would have; they are never read.
 */
function cellOffsets(block: Block, parts: string[]): number[] {
  let pos = 0;
  return parts.map((part) => {
    const text = part.trim();
    if (!text) return pos;
    const at = block.text.indexOf(text, pos);
    pos = at + text.length;
    return at;
  });
}
