/** A table's header row: the cells naming its columns, on one row or two. */
import { canonicalDomain } from '../../domains.ts';
import { leadingNumber } from '../numbering.ts';
import { cellRole } from './columns.ts';
import type { Cell, Role, Token } from './model.ts';

/** Short like a column name: no sentence, no list number. */
function looksLikeColumnName(cell: Cell): boolean {
  const text = cell.lines.map((l) => l.text).join('').replace(/\s+/g, '');
  return text.length > 0 && text.length <= 10 && !/[。；，,;]/.test(text) && !leadingNumber(text) && !canonicalDomain(text);
}

/**
 * The header row starting at `tokens[start]` (a cell naming a column): the cells naming
 * columns after it, and a column name the vocabulary does not know (`考核指标`) when a known one
 * follows it or it ends the row. Stops at the end of the row, where the source marks one.
 */
export function readHeader(tokens: Token[], start: number): { columns: { role: Role; name: string }[]; end: number } {
  const first = wholeHeaderRow(tokens, start);
  if (!first) return headerRun(tokens, start);
  // A header of two rows: a name spanning columns (责任单位 over 牵头单位 | 配合单位), the columns
  // it covers printed empty, and under it the sub-names, the other cells merged down (empty).
  const width = first.columns.length;
  const below = tokens.slice(first.end, first.end + width);
  const cells = below.flatMap((t) => (t.kind === 'cell' ? [t.cell] : []));
  const subNames =
    first.columns.some((c) => c.name === '') &&
    cells.length === width &&
    cells.every((c) => c.lines.length === 0 || cellRole(c) !== undefined) &&
    cells.some((c) => cellRole(c) !== undefined);
  if (!subNames) return first;
  return {
    columns: first.columns.map((c, i) => (cells[i]!.lines.length > 0 ? { role: cellRole(cells[i]!)!, name: cellName(cells[i]!) } : c)),
    end: first.end + width,
  };
}

const cellName = (cell: Cell) => cell.lines.map((l) => l.text).join('').replace(/\s+/g, '');

/**
 * Where the source marks the end of the header row (a spreadsheet line, Word's empty line
 * after a row), the header is the whole row, the empty cells a span leaves included: when
 * every cell names a column, looks like one, or is empty, and two or more are known names.
 */
function wholeHeaderRow(tokens: Token[], start: number): { columns: { role: Role; name: string }[]; end: number } | null {
  let end = start;
  while (end < tokens.length && end - start < 20) {
    const token = tokens[end]!;
    if (token.kind !== 'cell') return null;
    if (token.cell.endsRow) break;
    end++;
  }
  const last = tokens[end];
  if (last?.kind !== 'cell' || !last.cell.endsRow) return null;
  const row = tokens.slice(start, end + 1).flatMap((t) => (t.kind === 'cell' ? [t.cell] : []));
  if (!row.every((c) => c.lines.length === 0 || cellRole(c) !== undefined || looksLikeColumnName(c))) return null;
  if (row.filter((c) => cellRole(c) !== undefined).length < 2) return null;
  return { columns: row.map((c) => ({ role: cellRole(c) ?? 'other', name: cellName(c) })), end: end + 1 };
}

/** Without a marked row end: the run of cells naming columns. */
function headerRun(tokens: Token[], start: number): { columns: { role: Role; name: string }[]; end: number } {
  const columns: { role: Role; name: string }[] = [];
  let k = start;
  for (; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind !== 'cell') break;
    const role = cellRole(token.cell);
    const next = tokens[k + 1];
    const nextNames = next?.kind === 'cell' && cellRole(next.cell) !== undefined;
    if (!role && !(columns.length > 0 && looksLikeColumnName(token.cell) && (nextNames || token.cell.endsRow))) break;
    columns.push({ role: role ?? 'other', name: cellName(token.cell) });
    if (token.cell.endsRow) {
      k++;
      break;
    }
  }
  return { columns, end: k };
}
