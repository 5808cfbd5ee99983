/** The numbered lists a column's cells hold: how a column numbers, and the entries each cell starts. */
import { isNextItem, leadingNumber, type LeadingNumber, type NumberStyle } from '../numbering.ts';
import type { Cell, Line } from './model.ts';
import { sameText } from './text.ts';

/** A list of numbered entries read out of one or more cells, continuing across rows. */
export interface Entry {
  number: LeadingNumber;
  lines: Line[];
}

/** How a column numbers its goals or measures: in the cells (`1.…`), or one per row. */
export type ListMode = 'numbered' | 'rows';

/** The mode most of a column's filled cells use; a cell that opens with a list number counts as numbered. */
export function listMode(rows: Cell[][], columns: number[]): ListMode {
  let filled = 0;
  let numbered = 0;
  for (const row of rows) {
    for (const c of columns) {
      const cell = row[c];
      if (!cell || cell.mergedAbove || cell.lines.length === 0) continue;
      filled++;
      if (leadingNumber(cell.lines[0]!.text)) numbered++;
    }
  }
  return numbered > 0 && numbered * 2 >= filled ? 'numbered' : 'rows';
}

/** Does this cell open its list again, at a number lower than the one expected next? */
export function restarts(lines: Line[], list: NumberedList): boolean {
  if (list.expected === undefined || lines.length === 0) return false;
  const number = leadingNumber(lines[0]!.text, list.style);
  return number !== undefined && (number.value < list.expected - 1 || (number.value === 1 && !sameText(lines, list.lastRow)));
}

export interface NumberedList {
  /** The number expected next; undefined before the first entry. */
  expected: number | undefined;
  style: NumberStyle | undefined;
  last: Entry | null;
  /** Entries started by the last call of {@link numberedEntries}. */
  started: Entry[];
  /** One task per row: how many so far, and the last cell read (a merged cell repeated on every row is one). */
  count: number;
  lastRow: Line[] | null;
  /** The last number printed in the domains before (0: none), and what to subtract when this list continues it. */
  before: number;
  offset: number;
}

/** A domain's list; `previous`, the list of the domain before it in the table. */
export function newList(previous?: NumberedList): NumberedList {
  const before = previous?.last?.number.value ?? previous?.before ?? 0;
  return { expected: undefined, style: undefined, last: null, started: [], count: 0, lastRow: null, before, offset: 0 };
}

/**
 * Numbered entries started in this cell, numbering continuing across the rows of a domain.
 * A line that is not the next number continues the entry before it in the same cell; lines
 * before a cell's first number belong to no item and stay document text. A cell never opens
 * mid-sentence, so a number opening one starts an entry whatever the sequence: a list that
 * starts again at 1 where no domain cell says a new domain begins.
 */
export function numberedEntries(lines: Line[], list: NumberedList): Entry[] {
  const entries: Entry[] = [];
  for (const [k, line] of lines.entries()) {
    const number = leadingNumber(line.text, list.style);
    const previous = list.last?.lines[list.last.lines.length - 1]?.text;
    const opensCell = k === 0 && number !== undefined && number.value >= 1 && /^[^0-9\s]/.test(number.rest);
    if (number && (opensCell || isNextItem(number, list.expected, previous))) {
      // A domain's list that opens where the one before it stopped is numbered through the table.
      if (list.expected === undefined && list.before > 0 && number.value === list.before + 1) list.offset = list.before;
      list.last = { number, lines: [line] };
      list.expected = number.value + 1;
      list.style = number.style;
      entries.push(list.last);
    } else if (list.last && entries.includes(list.last)) {
      list.last.lines.push(line);
    }
  }
  list.started = entries;
  return entries;
}
