/** A page's tables: data or layout, and a data table's rows on its grid with rowspans and colspans placed. */
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { isElement, plainText, squash } from './hast.ts';

interface Slot {
  cell: Element | null;
  /** Covered by a cell above (rowspan). */
  merged: boolean;
}

/** A table's rows on its grid: every row as wide as the widest, rowspans and colspans placed. */
export function tableGrid(table: Element): Slot[][] {
  const carried: number[] = []; // per column: rows a rowspan from above still covers
  const grid: Slot[][] = [];
  for (const tr of tableRows(table)) {
    const row: Slot[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((carried[col] ?? 0) > 0) {
        row[col] = { cell: null, merged: true };
        carried[col]!--;
        col++;
      }
    };
    for (const td of tr.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'))) {
      skipCovered();
      const colSpan = Math.min(100, Math.max(1, Number(td.properties?.colSpan ?? 1) || 1));
      const rowSpan = Math.min(1000, Math.max(1, Number(td.properties?.rowSpan ?? 1) || 1));
      for (let k = 0; k < colSpan; k++) {
        row[col + k] = { cell: k === 0 ? td : null, merged: false };
        carried[col + k] = rowSpan - 1;
      }
      col += colSpan;
    }
    skipCovered();
    for (let c = col; c < carried.length; c++) {
      if ((carried[c] ?? 0) > 0) {
        row[c] = { cell: null, merged: true };
        carried[c]!--;
      }
    }
    grid.push(row);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? { cell: null, merged: false }));
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (/^(thead|tbody|tfoot)$/.test(c.tagName)) rows.push(...c.children.filter((r): r is Element => isElement(r) && r.tagName === 'tr'));
  }
  return rows;
}

/**
 * A table of data, not of layout: some row has two cells or more with text, and no cell holds
 * a table of its own (pages laid out in tables nest them: the sidebar beside the article).
 */
export function isDataTable(table: Element): boolean {
  const rows = tableRows(table);
  const cells = rows.flatMap((tr) => tr.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')));
  if (cells.some((td) => selectAll('table', td).length > 0)) return false;
  return rows.some((tr) => tr.children.filter((c) => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && squash(plainText(c)) !== '').length >= 2);
}
