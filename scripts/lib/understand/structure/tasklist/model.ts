/** The shapes a task list is read into: lines of a cell, cells, tables with their columns' roles, and tokens. */
import type { Block, Population } from '../../../types.ts';

/**
 * What a column holds. `responsible` (责任单位/责任部门) is the lead when the table has no 牵头
 * column, and the partners beside one (`牵头单位 | 责任单位`); `index` is a 序号 column.
 */
export type Role = 'index' | 'domain' | 'goals' | 'measures' | 'lead' | 'partner' | 'responsible' | 'other';
export type ColumnRole = Exclude<Role, 'responsible'>;

export interface Line {
  text: string;
  block: Block;
  /** Where `text` starts in `block.text`. */
  offset: number;
}

export interface Cell {
  lines: Line[];
  /** Continues the cell above it, merged down the column (a .docx's vMerge): same content. */
  mergedAbove?: boolean;
  /** The last cell of a row as the source marks it: a spreadsheet line, or Word's empty line after a row. */
  endsRow?: boolean;
}

export interface Table {
  title: string[];
  population: Population | null;
  columns: { role: ColumnRole; name: string }[];
  cells: Cell[];
}

export type Token = { kind: 'title'; text: string } | { kind: 'cell'; cell: Cell } | { kind: 'line'; line: Line };
