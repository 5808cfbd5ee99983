/** Tokens → tables of cells under their headers; text outside the tables only sets context. */
import type { Block, Population } from '../../../types.ts';
import { cellRole, resolveRoles } from './columns.ts';
import { cellDomain } from './domains.ts';
import { readHeader } from './header.ts';
import type { Table } from './model.ts';
import { readTokens, titlePopulation } from './tokens.ts';

/** Tokens → tables of cells. Text outside tables (titles, 附件 labels) only sets context. */
export function readTables(blocks: Block[]): Table[] {
  const tokens = readTokens(blocks);
  const tables: Table[] = [];
  let title: string[] = [];
  let population: Population | null = null;
  let table: Table | null = null;

  for (let k = 0; k < tokens.length; ) {
    const token = tokens[k]!;
    if (token.kind === 'title') {
      // A title after a table's rows closes it and starts the context of the next one.
      if (table && table.cells.length > 0) {
        table = null;
        title = [];
        population = null;
      }
      title.push(token.text);
      population = titlePopulation(token.text) ?? population;
      k++;
      continue;
    }
    const width = table?.columns.length ?? 0;
    const atRowStart = table !== null && table.cells.length % width === 0;
    if (token.kind === 'line') {
      // A domain typed on a line of its own between spreadsheet rows is a domain row across
      // the table; any other such line stays document text, never part of a cell.
      if (table && atRowStart && cellDomain(token.line.text, table.population)) {
        table.cells.push({ lines: [token.line] }, ...Array.from({ length: width - 1 }, () => ({ lines: [] })));
      }
      k++;
      continue;
    }
    if (cellRole(token.cell) && (!table || table.cells.length === 0 || atRowStart)) {
      const header = readHeader(tokens, k);
      const columns = resolveRoles(header.columns);
      const sameHeader = table !== null && columns.length === width && columns.every((c, i) => c.name === table!.columns[i]!.name);
      // A header repeated over the rows (a table continued on the next page) is skipped; a
      // different one starts a table of its own, under the same titles. A lone cell naming a
      // column inside the rows is data.
      if (!table || table.cells.length === 0 || (columns.length >= 2 && columns.some((c) => c.role === 'measures' || c.role === 'goals'))) {
        if (!sameHeader) {
          table = { title, population, columns, cells: [] };
          tables.push(table);
        }
        k = header.end;
        continue;
      }
    }
    if (table) table.cells.push(token.cell);
    k++;
  }
  return tables;
}
