import { canonicalDomain, type Domain } from '../domains.ts';
import { itemId } from '../../ids.ts';
import { parseNumeral } from '../../text/numerals.ts';
import type { Block, Item, ItemKind, Population } from '../../types.ts';
import { splitDepartments } from './departments.ts';
import type { Recognised, StructureNote } from './notes.ts';
import { isNextItem, leadingNumber, type LeadingNumber, type NumberStyle } from './numbering.ts';
import { titleSentence } from './title.ts';

/**
 * Goals, measures and departments of a key-task list (重点任务清单, 003 大安市; 重点任务分工,
 * 任务分解表): a table, one block per source line with `cells` split on tabs.
 *
 * In a Word table flattened to text every cell starts with a tab and a line without a leading
 * tab continues the cell above it (`市妇联、` newline `市卫健局`; `妇女与` newline `社会保障`);
 * a spreadsheet copy reaches us in the same form (normalise.ts). So the blocks are first read
 * back into cells, the cells into rows of the header's width (发展领域 / 主要目标 / 策略措施 /
 * 牵头部门 / 配合部门, or 序号 / 领域 / 重点任务 / 牵头单位 / 责任单位 …, in any order), and the
 * rows into items. Merged cells repeat as empty cells, so a domain or goal cell is filled only
 * in a domain's first row; a domain cell repeated on every row is the same domain.
 *
 * Two ways of numbering tasks: the cells number their own goals and measures (`1.…` `2.…`,
 * restarting in each domain, 003), or a 序号 column numbers the rows and the cells carry no
 * number (one task per row). Which one a column uses is decided per table, from most of its
 * cells.
 *
 * This needs the empty cells: a tab-only source line must reach us as a block with empty
 * cells, or the rows lose their alignment.
 */
export function recogniseTaskList(docId: string, blocks: Block[]): Recognised {
  const notes: StructureNote[] = [];
  const tables = readTables(blocks);
  // A source that marks merged cells (.docx) tells an empty cell from a merged one; a text copy cannot.
  const knowsMerges = blocks.some((b) => b.mergedAbove);
  const items = tables.flatMap((table) => tableItems(docId, table, notes, knowsMerges));
  if (items.length === 0) {
    notes.push({
      code: 'no-items',
      block: null,
      message:
        tables.length === 0
          ? `未找到任务清单的表头（以制表符分隔的列名，如 ${KNOWN_COLUMNS}），没有识别出目标和措施；全文仍作为文档正文发布`
          : '表格中没有编号的目标或措施（1. 或（1）等），也没有可按行读取的任务单元格，没有识别出条目；全文仍作为文档正文发布',
    });
  }
  return { items, notes };
}

/**
 * Is the document a task list whatever its title says: most of its blocks are the cells of a
 * table headed with a task column and a lead column, and no 主要目标/策略措施 heading stands
 * outside a cell (a plan with a task table attached stays a plan).
 */
export function isTaskTable(blocks: Block[]): boolean {
  if (!blocks.some((b) => b.cells)) return false;
  // A heading outside the table: a block that is no cell (a line without a tab, in any layout).
  if (blocks.some((b) => (b.cells?.length ?? 1) === 1 && PLAN_LIST_HEADING.test(b.text.trim()))) return false;
  const tables = readTables(blocks).filter((t) => t.columns.some((c) => c.role === 'measures') && t.columns.some((c) => c.role === 'lead'));
  const inTables = new Set(tables.flatMap((t) => t.cells.flatMap((c) => c.lines.map((l) => l.block.index))));
  const filled = blocks.filter((b) => b.text.trim() !== '').length;
  return tables.length > 0 && inTables.size * 2 >= filled;
}

const PLAN_LIST_HEADING = /^(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?)?\s*(?:主要目标|策略措施)[:：]?$/;

/** The items of a task list (see {@link recogniseTaskList} for its notes). */
export function parseTaskList(docId: string, blocks: Block[]): Item[] {
  return recogniseTaskList(docId, blocks).items;
}

/**
 * What a column holds. `responsible` (责任单位/责任部门) is the lead when the table has no 牵头
 * column, and the partners beside one (`牵头单位 | 责任单位`); `index` is a 序号 column.
 */
type Role = 'index' | 'domain' | 'goals' | 'measures' | 'lead' | 'partner' | 'responsible' | 'other';
type ColumnRole = Exclude<Role, 'responsible'>;

interface Line {
  text: string;
  block: Block;
  /** Where `text` starts in `block.text`. */
  offset: number;
}

interface Cell {
  lines: Line[];
  /** Continues the cell above it, merged down the column (a .docx's vMerge): same content. */
  mergedAbove?: boolean;
  /** The last cell of a row as the source marks it: a spreadsheet line, or Word's empty line after a row. */
  endsRow?: boolean;
}

interface Table {
  title: string[];
  population: Population | null;
  columns: { role: ColumnRole; name: string }[];
  cells: Cell[];
}

/**
 * Column names as task lists print them, by what they hold. Checked in order on the name
 * without spaces and bracketed notes (`牵头单位（部门）`), so `任务完成时限` is a date column and
 * `目标任务` the goals. The vocabulary of real lists: 发展领域/领域; 主要目标/目标任务/目标;
 * 策略措施/重点任务/主要任务/工作任务/具体措施/任务措施; 牵头单位/牵头部门; 责任单位/责任部门;
 * 配合单位/配合部门/协同单位/参与单位; 序号/编号; 完成时限/时间进度 (kept as text).
 */
const COLUMN_PATTERNS: [RegExp, Role][] = [
  [/^(?:序号|编号|序|顺序号)$/, 'index'],
  [/^(?:发展|所属|重点)?领域(?:名称)?$/, 'domain'],
  [/时限|时间|进度|期限|节点|年度|备注|^工作要求$|^说明$/, 'other'],
  [/目标/, 'goals'],
  [/措施|任务|^(?:重点|主要|具体)?工作(?:内容)?$/, 'measures'],
  // People (牵头领导, 责任人) are not departments: such columns are text.
  [/^牵头(?!领导|人)/, 'lead'],
  [/^(?:配合|协同|协办|协助|协作|参与|参加)(?:单位|部门)/, 'partner'],
  [/^(?:责任|负责|主责)(?:单位|部门|主体)/, 'responsible'],
];
const KNOWN_COLUMNS = '发展领域、主要目标、策略措施、重点任务、牵头部门、牵头单位、配合部门、责任单位、序号';

function columnRole(text: string): Role | undefined {
  const compact = text.replace(/\s+/g, '');
  const name = compact.replace(/[（(][^（）()]{0,10}[）)]/g, '').replace(/[:：]$/, '');
  if (name.length === 0 || name.length > 8) return undefined;
  const role = COLUMN_PATTERNS.find(([re]) => re.test(name))?.[1];
  // `责任单位（牵头）`, `责任单位（配合）`: the note in brackets says which.
  if (role === 'responsible' && /[（(]牵头/.test(compact)) return 'lead';
  if (role === 'responsible' && /[（(](?:配合|协办|协同|参与)/.test(compact)) return 'partner';
  return role;
}

/** A header cell's role: its whole text (`牵头` newline `单位`), else its first line. */
function cellRole(cell: Cell): Role | undefined {
  if (cell.lines.length === 0) return undefined;
  return columnRole(cell.lines.map((l) => l.text).join('')) ?? columnRole(cell.lines[0]!.text);
}

/** `附件1`, `附件 2：` — an attachment label ends the table before it. */
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$/;

/** `大安市儿童发展规划（2021—2030年）重点任务清单`: a short line naming the plan. */
function titlePopulation(text: string): Population | undefined {
  const m = /^[^，。；]{0,30}?(妇女|儿童)发展规划[^，。；]{0,30}$/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] as Population) : undefined;
}

type Token = { kind: 'title'; text: string } | { kind: 'cell'; cell: Cell } | { kind: 'line'; line: Line };

/**
 * Blocks → titles and cells. A line outside any cell (no leading tab) that labels an
 * attachment or names a plan is a title; any other untabbed line continues the cell before it,
 * except after a spreadsheet row, which ends at its line's end: there it is a line of its own
 * (a domain row typed across the table, a note).
 */
function readTokens(blocks: Block[]): Token[] {
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
function readHeader(tokens: Token[], start: number): { columns: { role: Role; name: string }[]; end: number } {
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

/** 责任单位 is the lead where no column is headed 牵头, and the partners beside one. */
function resolveRoles(columns: { role: Role; name: string }[]): { role: ColumnRole; name: string }[] {
  const hasLead = columns.some((c) => c.role === 'lead');
  return columns.map((c) => (c.role === 'responsible' ? { ...c, role: hasLead ? 'partner' : 'lead' } : { ...c, role: c.role }));
}

/** Tokens → tables of cells. Text outside tables (titles, 附件 labels) only sets context. */
function readTables(blocks: Block[]): Table[] {
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

/** A list of numbered entries read out of one or more cells, continuing across rows. */
interface Entry {
  number: LeadingNumber;
  lines: Line[];
}

/** How a column numbers its goals or measures: in the cells (`1.…`), or one per row. */
type ListMode = 'numbered' | 'rows';

/** The mode most of a column's filled cells use; a cell that opens with a list number counts as numbered. */
function listMode(rows: Cell[][], columns: number[]): ListMode {
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

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * A domain cell's domain: a canonical name however numbered or spaced, or, in a list whose
 * title names the population, the domain's short name (`健康` in 妇女发展规划重点任务分工).
 */
function cellDomain(raw: string, population: Population | null): Domain | null {
  const name = squash(raw).replace(/^【(.*)】$/, '$1');
  if (canonicalDomain(name)) return canonicalDomain(name)!;
  const short = name.replace(/^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）)、.．]|[（(][0-9一二三四五六七八九十]{1,3}[）)])/, '');
  return (population && !/^(?:妇女|儿童)/.test(short) ? canonicalDomain(`${population}与${short}`) : undefined) ?? null;
}

function tableItems(docId: string, table: Table, notes: StructureNote[], knowsMerges: boolean): Item[] {
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

/** Does this cell open its list again, at a number lower than the one expected next? */
function restarts(lines: Line[], list: NumberedList): boolean {
  if (list.expected === undefined || lines.length === 0) return false;
  const number = leadingNumber(lines[0]!.text, list.style);
  return number !== undefined && (number.value < list.expected - 1 || (number.value === 1 && !sameText(lines, list.lastRow)));
}

/**
 * A row that only names a domain (`一、妇女与健康` across the table, a Word cell spanning the
 * columns, or typed in its first cell): the domain of the rows under it, whatever its column.
 */
function domainRow(row: Cell[], population: Population | null): Line[] | null {
  const filled = row.filter((c) => c.lines.length > 0 && !c.mergedAbove);
  if (filled.length !== 1) return null;
  const lines = filled[0]!.lines;
  return cellDomain(lines.map((l) => l.text).join(''), population) ? lines : null;
}

function sameText(a: Line[], b: Line[] | null): boolean {
  return b !== null && squash(a.map((l) => l.text).join('')) === squash(b.map((l) => l.text).join(''));
}

/** `12、15、18`, at most ten lines, then `等`. */
function lineList(lines: number[]): string {
  return lines.length > 10 ? `${lines.slice(0, 10).join('、')} 等 ${lines.length} 处` : lines.join('、');
}

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
function indexNote(where: string, rows: Cell[][], column: number | undefined): StructureNote | null {
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

interface NumberedList {
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
function newList(previous?: NumberedList): NumberedList {
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
function numberedEntries(lines: Line[], list: NumberedList): Entry[] {
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
