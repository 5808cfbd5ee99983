/** A table's rows → goal and measure items with their domains and departments, and the notes on what did not fit. */
import type { Domain } from '../../domains.ts';
import { itemId } from '../../../ids.ts';
import type { Block, Item, ItemKind } from '../../../types.ts';
import { splitDepartments } from '../departments.ts';
import type { StructureNote } from '../notes.ts';
import { titleSentence } from '../title.ts';
import { cellDomain, domainRow } from './domains.ts';
import { listMode, newList, numberedEntries, restarts, type Entry, type NumberedList } from './lists.ts';
import type { Cell, ColumnRole, Line, Table } from './model.ts';
import { indexNote } from './row-numbers.ts';
import { sameText, squash } from './text.ts';

export function tableItems(docId: string, table: Table, notes: StructureNote[], knowsMerges: boolean): Item[] {
  const width = table.columns.length;
  const indices = (role: ColumnRole) => table.columns.flatMap((c, i) => (c.role === role ? [i] : []));
  const at = (row: Cell[], role: ColumnRole): Line[] => indices(role).flatMap((i) => row[i]?.lines ?? []);
  const columnName = (role: ColumnRole) => table.columns.find((c) => c.role === role)?.name ?? '';
  const mergedAbove = (row: Cell[], role: ColumnRole) => indices(role).some((i) => row[i]?.mergedAbove === true);
  const departments = (row: Cell[], role: ColumnRole) => indices(role).flatMap((i) => splitDepartments((row[i]?.lines ?? []).map((l) => l.text)));

  const rows: Cell[][] = [];
  for (let start = 0; start < table.cells.length; start += width) rows.push(table.cells.slice(start, start + width));
  const mode = { goal: listMode(rows, indices('goals')), measure: listMode(rows, indices('measures')) };
  const hasDomainColumn = indices('domain').length > 0;
  const lineOf = (b: Block) => b.lineStart;

  const items: Item[] = [];
  /**
   * The domain of the rows being read, and the heading it was read from (a domain cell or row);
   * without a domain column it starts unnamed, `heading` null or a group's `第2组`.
   */
  let domain: { domain: Domain | null; heading: string | null; named: boolean } | null = hasDomainColumn ? null : { domain: null, heading: null, named: false };
  let goals = newList();
  let measures = newList();
  // Department cells merged down the column serve every measure row they span.
  let lastLead: string[] = [];
  let lastPartner: string[] = [];
  let group = 1;
  const carried: number[] = [];
  const unknown: { heading: string; block: Block }[] = [];
  const withoutDomain: number[] = [];

  const emit = (kind: ItemKind, number: string, value: number, lines: Line[], textStart: number, first: string, lead: string[], partner: string[], rowEnd = -1) => {
    const text = [first, ...lines.slice(1).map((l) => l.text)].join('\n');
    const d = domain?.domain ?? null;
    // Rows under no domain heading (a cell naming no domain is noted where it is read).
    if (!domain?.named) withoutDomain.push(lineOf(lines[0]!.block));
    items.push({
      id: itemId(docId, d?.slug ?? 'unclassified', (kind === 'goal' ? 'g' : 'm') + value),
      docId,
      kind,
      population: table.population ?? d?.population ?? null,
      domain: d?.name ?? null,
      domainSource: d ? 'structure' : null,
      number,
      title: titleSentence(text),
      text,
      section: [...table.title, ...(domain?.heading ? [domain.heading] : []), columnName(kind === 'goal' ? 'goals' : 'measures')],
      leadDepartments: lead,
      partnerDepartments: partner,
      blockStart: lines[0]!.block.index,
      textStart,
      // The row's department cells belong with its measure, so the reader shows them together.
      blockEnd: Math.max(lines[lines.length - 1]!.block.index, rowEnd),
    });
  };
  /**
   * A numbered entry, under its printed number; or, when the cells number the tasks through
   * the whole table (Word's automatic numbering running on down a column: 妇女与教育 opens at
   * 13), under its place in its domain, as a 序号 through the table is read (see emitRow).
   */
  const emitEntry = (entry: Entry, kind: ItemKind, list: NumberedList, lead: string[], partner: string[], rowEnd = -1) => {
    const value = entry.number.value - list.offset;
    const number = list.offset > 0 ? String(value) : entry.number.printed;
    emit(kind, number, value, entry.lines, entry.lines[0]!.offset + entry.number.prefix.length, entry.number.rest, lead, partner, rowEnd);
  };
  /**
   * A task of a list that numbers rows, not tasks: the whole cell. Its number is its place in
   * its domain (1, 2, … as 003's cells number them), not the 序号 printed through the whole
   * table: so a measure keeps its id whichever way the list is laid out, a row added to one
   * domain does not renumber every domain after it, and the numbering warnings, which check
   * that each domain's list runs 1…n, stay true. The 序号 is checked here instead (see indexNote).
   */
  const emitRow = (list: NumberedList, kind: ItemKind, lines: Line[], lead: string[], partner: string[], rowEnd = -1) => {
    const value = (list.count += 1);
    emit(kind, String(value), value, lines, lines[0]!.offset, lines[0]!.text, lead, partner, rowEnd);
  };

  for (const row of rows) {
    const spanning = domainRow(row, table.population);
    const domainLines = spanning ?? (mergedAbove(row, 'domain') ? [] : at(row, 'domain'));
    if (domainLines.length > 0) {
      const raw = domainLines.map((l) => l.text).join('');
      const heading = squash(raw);
      // A domain cell repeated on every row (a spreadsheet) continues the domain.
      if (domain?.heading !== heading) {
        domain = { domain: cellDomain(raw, table.population), heading, named: true };
        if (!domain.domain) unknown.push({ heading, block: domainLines[0]!.block });
        goals = newList(goals);
        measures = newList(measures);
        lastLead = [];
        lastPartner = [];
      }
    }
    // A row that only names a domain holds nothing else.
    if (spanning) continue;

    // Goals carry no departments in a task list: the department columns belong to the measure.
    // Without a domain column, lists numbered again from 1 mark where the next (unnamed) domain
    // begins: its items are a list of their own, so the numbering warnings see each one whole.
    if (!hasDomainColumn && (restarts(at(row, 'goals'), goals) || restarts(at(row, 'measures'), measures))) {
      group++;
      domain = { domain: null, heading: `第${group}组`, named: false };
      goals = newList();
      measures = newList();
    }

    // A goals cell repeated on every row of its domain (a table filled down) gives its goals once.
    const goalCell = mergedAbove(row, 'goals') ? [] : at(row, 'goals');
    const goalLines = sameText(goalCell, goals.lastRow) ? [] : goalCell;
    if (goalCell.length > 0) goals.lastRow = goalCell;
    if (mode.goal === 'numbered') for (const entry of numberedEntries(goalLines, goals)) emitEntry(entry, 'goal', goals, [], []);
    else if (goalLines.length > 0) emitRow(goals, 'goal', goalLines, [], []);

    const measureLines = mergedAbove(row, 'measures') ? [] : at(row, 'measures');
    const rowMeasures: Line[][] =
      mode.measure === 'numbered'
        ? numberedEntries(measureLines, measures).map((e) => e.lines)
        : measureLines.length > 0 && !sameText(measureLines, measures.lastRow)
          ? [measureLines]
          : [];
    const entries = mode.measure === 'numbered' ? measures.started : [];
    if (measureLines.length > 0) measures.lastRow = measureLines;

    let lead = mergedAbove(row, 'lead') ? lastLead : departments(row, 'lead');
    const partner = mergedAbove(row, 'partner') ? lastPartner : departments(row, 'partner');
    // In a text copy a lead cell merged over several tasks prints once, its other rows empty:
    // a task without a lead takes the lead above it in its domain (noted, for the editor to check).
    if (lead.length === 0 && rowMeasures.length > 0 && !knowsMerges && lastLead.length > 0 && indices('lead').length > 0) {
      lead = lastLead;
      carried.push(lineOf(rowMeasures[0]![0]!.block));
    }
    if (rowMeasures.length > 0 || lead.length > 0) lastLead = lead;
    lastPartner = partner;
    const rowEnd = Math.max(-1, ...row.flatMap((c, i) => (['lead', 'partner', 'other'].includes(table.columns[i]!.role) ? c.lines.map((l) => l.block.index) : [])));
    rowMeasures.forEach((lines, k) => {
      const end = k === rowMeasures.length - 1 ? rowEnd : -1;
      if (mode.measure === 'numbered') emitEntry(entries[k]!, 'measure', measures, lead, partner, end);
      else emitRow(measures, 'measure', lines, lead, partner, end);
    });
  }

  const where = `任务清单${table.title.length ? `「${table.title[table.title.length - 1]}」` : ''}`;
  if (unknown.length > 0 && unknown.length <= 3) {
    for (const u of unknown) notes.push({ code: 'unknown-domain', block: u.block.index, message: `领域单元格「${u.heading}」不是 15 个发展领域之一，其条目的领域将按文字推断` });
  } else if (unknown.length > 3) {
    // Many cells naming no domain: more likely the columns are misread than the domains unknown.
    const shown = unknown.slice(0, 3).map((u) => `第 ${u.block.lineStart} 行「${u.heading.slice(0, 12)}」`);
    notes.push({
      code: 'unknown-domain',
      block: unknown[0]!.block.index,
      message: `${where}有 ${unknown.length} 个领域单元格不是 15 个发展领域之一（${shown.join('、')} 等），其条目的领域将按文字推断；如这些单元格本不是领域，请检查表头与各列是否对齐`,
    });
  }
  if (carried.length > 0) {
    notes.push({
      code: 'carried-department',
      block: null,
      message: `${where}第 ${lineList(carried)} 行的任务没有填写牵头单位，已按合并单元格沿用上一行的牵头单位；如原文确实没有牵头单位，请在原文中补上`,
    });
  }
  if (withoutDomain.length > 0) {
    notes.push({
      code: 'list-without-domain',
      block: null,
      message: hasDomainColumn
        ? `${where}第 ${lineList(withoutDomain)} 行的条目之前没有可识别的发展领域单元格，其领域将按文字推断；请检查这些行的「${columnName('domain')}」列`
        : `${where}没有发展领域列（表头：${table.columns.map((c) => c.name).join('、')}），其 ${withoutDomain.length} 条的领域将按文字推断；如原文另有领域，请在表头加上「发展领域」列`,
    });
  }
  const index = indexNote(where, rows.filter((row) => !domainRow(row, table.population)), indices('index')[0]);
  if (index) notes.push(index);
  return items;
}

/** `12、15、18`, at most ten lines, then `等`. */
function lineList(lines: number[]): string {
  return lines.length > 10 ? `${lines.slice(0, 10).join('、')} 等 ${lines.length} 处` : lines.join('、');
}
