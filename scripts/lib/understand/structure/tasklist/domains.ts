/** The domain a cell or a row across the table names. */
import { canonicalDomain, type Domain } from '../../domains.ts';
import type { Population } from '../../../types.ts';
import type { Cell, Line } from './model.ts';
import { squash } from './text.ts';

/**
 * A domain cell's domain: a canonical name however numbered or spaced, or, in a list whose
 * title names the population, the domain's short name (`健康` in 妇女发展规划重点任务分工).
 */
export function cellDomain(raw: string, population: Population | null): Domain | null {
  const name = squash(raw).replace(/^【(.*)】$/, '$1');
  if (canonicalDomain(name)) return canonicalDomain(name)!;
  const short = name.replace(/^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）)、.．]|[（(][0-9一二三四五六七八九十]{1,3}[）)])/, '');
  return (population && !/^(?:妇女|儿童)/.test(short) ? canonicalDomain(`${population}与${short}`) : undefined) ?? null;
}

/**
 * A row that only names a domain (`一、妇女与健康` across the table, a Word cell spanning the
 * columns, or typed in its first cell): the domain of the rows under it, whatever its column.
 */
export function domainRow(row: Cell[], population: Population | null): Line[] | null {
  const filled = row.filter((c) => c.lines.length > 0 && !c.mergedAbove);
  if (filled.length !== 1) return null;
  const lines = filled[0]!.lines;
  return cellDomain(lines.map((l) => l.text).join(''), population) ? lines : null;
}
