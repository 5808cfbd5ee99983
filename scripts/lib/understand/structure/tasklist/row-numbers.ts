/** The 序号 column read as a check on the rows: a number skipped, repeated or unreadable is noted. */
import { parseNumeral } from '../../../text/numerals.ts';
import type { StructureNote } from '../notes.ts';
import type { Cell } from './model.ts';
import { squash } from './text.ts';

/** `12`, `12.`, `（12）`, `十二`: a row number, or null. */
function rowNumber(text: string): number | null {
  const core = squash(text).normalize('NFKC').replace(/^\((.*)\)$/, '$1').replace(/[.、]$/, '');
  return parseNumeral(core);
}

/**
 * The 序号 column read as a check on the rows: it counts 1, 2, 3 … through the table (or
 * again from 1, per domain). A number skipped or printed twice, or a cell that is no number,
 * means a row lost, a cell misread or the columns shifted: noted with the lines.
 */
export function indexNote(where: string, rows: Cell[][], column: number | undefined): StructureNote | null {
  if (column === undefined) return null;
  const problems: string[] = [];
  let previous: number | null = null;
  for (const row of rows) {
    const lines = row[column]?.lines ?? [];
    if (lines.length === 0 || row[column]?.mergedAbove) continue;
    const text = lines.map((l) => l.text).join('');
    const line = lines[0]!.block.lineStart;
    const value = rowNumber(text);
    if (value === null) {
      problems.push(`第 ${line} 行的序号单元格是「${text.slice(0, 12)}」而不是数字（列可能错位）`);
      continue;
    }
    if (previous !== null && value !== previous + 1 && value !== 1) {
      problems.push(value === previous ? `第 ${line} 行的序号 ${value} 重复` : `第 ${line} 行的序号是 ${value}，上一行是 ${previous}`);
    }
    previous = value;
  }
  if (problems.length === 0) return null;
  const shown = problems.length > 5 ? [...problems.slice(0, 5), `等 ${problems.length} 处`] : problems;
  return {
    code: 'row-numbering',
    block: null,
    message: `${where}的序号列不连续：${shown.join('；')}。可能漏掉、重复或误读了一行，请对照原文检查这些行的表格`,
  };
}
