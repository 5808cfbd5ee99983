import { canonicalDomain, type Domain } from '../domains.ts';
import { itemId } from '../ids.ts';
import type { Block, Item, ItemKind, Population } from '../types.ts';
import { splitDepartments } from './departments.ts';
import type { Recognised, StructureNote } from './notes.ts';
import { isNextItem, leadingNumber, type LeadingNumber, type NumberStyle } from './numbering.ts';
import { titleSentence } from './title.ts';

/**
 * Goals, measures and departments of a key-task list (重点任务清单, 003 大安市): a Word table
 * flattened to text, one block per source line with `cells` split on tabs.
 *
 * In the flattened table every cell starts with a tab and a line without a leading tab
 * continues the cell above it (`市妇联、` newline `市卫健局`; `妇女与` newline `社会保障`).
 * So the blocks are first read back into cells, the cells into rows of the header's width
 * (发展领域 / 主要目标 / 策略措施 / 牵头部门 / 配合部门), and the rows into items. Merged
 * cells repeat as empty cells, so a domain or goal cell is filled only in a domain's first row.
 *
 * This needs the empty cells: a tab-only source line must reach us as a block with empty
 * cells, or the rows lose their alignment.
 */
export function recogniseTaskList(docId: string, blocks: Block[]): Recognised {
  const notes: StructureNote[] = [];
  const tables = readTables(blocks);
  const items = tables.flatMap((table) => tableItems(docId, table, notes));
  if (items.length === 0) {
    const known = Object.keys(COLUMN_ROLES).join('、');
    notes.push({
      code: 'no-items',
      block: null,
      message:
        tables.length === 0
          ? `未找到任务清单的表头（以制表符分隔的列名，如 ${known}），没有识别出目标和措施；全文仍作为文档正文发布`
          : '表格中没有编号的目标或措施（1. 或（1）等），没有识别出条目；全文仍作为文档正文发布',
    });
  }
  return { items, notes };
}

/** The items of a task list (see {@link recogniseTaskList} for its notes). */
export function parseTaskList(docId: string, blocks: Block[]): Item[] {
  return recogniseTaskList(docId, blocks).items;
}

type Role = 'domain' | 'goals' | 'measures' | 'lead' | 'partner' | 'other';

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
}

interface Table {
  title: string[];
  population: Population | null;
  columns: { role: Role; name: string }[];
  cells: Cell[];
}

/** Column names as task lists print them. */
const COLUMN_ROLES: Record<string, Role> = {
  发展领域: 'domain',
  领域: 'domain',
  主要目标: 'goals',
  目标: 'goals',
  策略措施: 'measures',
  主要措施: 'measures',
  重点任务: 'measures',
  牵头部门: 'lead',
  牵头单位: 'lead',
  责任部门: 'lead',
  责任单位: 'lead',
  配合部门: 'partner',
  配合单位: 'partner',
  参与部门: 'partner',
  协同部门: 'partner',
  // Columns some lists add, read as document text only.
  序号: 'other',
  完成时限: 'other',
  时限要求: 'other',
  完成时间: 'other',
  工作要求: 'other',
  备注: 'other',
};

function columnRole(text: string): Role | undefined {
  return COLUMN_ROLES[text.replace(/\s+/g, '')];
}

/** `附件1`, `附件 2：` — an attachment label ends the table before it. */
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$/;

/** `大安市儿童发展规划（2021—2030年）重点任务清单`: a short line naming the plan. */
function titlePopulation(text: string): Population | undefined {
  const m = /^[^，。；]{0,30}?(妇女|儿童)发展规划[^，。；]{0,30}$/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] as Population) : undefined;
}

/** Blocks → tables of cells. Text outside tables (titles, 附件 labels) only sets context. */
function readTables(blocks: Block[]): Table[] {
  const tables: Table[] = [];
  let title: string[] = [];
  let population: Population | null = null;
  let table: Table | null = null;
  let inHeader = false;
  let cell: Cell | null = null;

  for (const block of blocks) {
    const parts = block.cells ?? [block.text];
    const untabbed = parts[0]!.trim();
    const offsets = cellOffsets(block, parts);

    // A line outside any cell (no leading tab) that labels an attachment or names a plan
    // closes the table above it and starts the context of the next one.
    if (parts.length === 1 && (ATTACHMENT.test(untabbed) || titlePopulation(untabbed))) {
      if (table && !inHeader && table.cells.length > 0) {
        table = null;
        title = [];
        population = null;
      }
      title.push(untabbed);
      population = titlePopulation(untabbed) ?? population;
      cell = null;
      continue;
    }

    // The part before the first tab continues the current cell.
    if (untabbed && cell) cell.lines.push({ text: untabbed, block, offset: offsets[0]! });
    for (let j = 1; j < parts.length; j++) {
      const text = parts[j]!.trim();
      const role = columnRole(text);
      if (role && (!table || inHeader || table.cells.length === 0)) {
        // A header cell: start a table or add a column to the one being declared.
        if (!table || !inHeader) {
          table = { title, population, columns: [], cells: [] };
          tables.push(table);
          inHeader = true;
        }
        table.columns.push({ role, name: text });
        cell = null;
        continue;
      }
      if (!table) continue;
      inHeader = false;
      cell = { lines: text ? [{ text, block, offset: offsets[j]! }] : [], mergedAbove: block.mergedAbove };
      table.cells.push(cell);
    }
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

function tableItems(docId: string, table: Table, notes: StructureNote[]): Item[] {
  const width = table.columns.length;
  const roleIndex = (role: Role) => table.columns.findIndex((c) => c.role === role);
  const at = (row: Cell[], role: Role): Line[] => {
    const i = roleIndex(role);
    return i === -1 ? [] : (row[i]?.lines ?? []);
  };
  const columnName = (role: Role) => table.columns.find((c) => c.role === role)?.name ?? '';

  const items: Item[] = [];
  let domain: { domain: Domain | null; heading: string } | null = null;
  let goals = newList();
  let measures = newList();
  // Department cells merged down the column serve every measure row they span.
  let lastLead: string[] = [];
  let lastPartner: string[] = [];
  const mergedAbove = (row: Cell[], role: Role) => row[roleIndex(role)]?.mergedAbove === true;

  const emit = (entry: Entry, kind: ItemKind, lead: string[], partner: string[], rowEnd = -1) => {
    if (!domain) return;
    const text = [entry.number.rest, ...entry.lines.slice(1).map((l) => l.text)].join('\n');
    const d = domain.domain;
    items.push({
      id: itemId(docId, d?.slug ?? 'unclassified', (kind === 'goal' ? 'g' : 'm') + entry.number.value),
      docId,
      kind,
      population: table.population ?? d?.population ?? null,
      domain: d?.name ?? null,
      domainSource: d ? 'structure' : null,
      number: entry.number.printed,
      title: titleSentence(text),
      text,
      section: [...table.title, domain.heading, columnName(kind === 'goal' ? 'goals' : 'measures')],
      leadDepartments: lead,
      partnerDepartments: partner,
      blockStart: entry.lines[0]!.block.index,
      textStart: entry.lines[0]!.offset + entry.number.prefix.length,
      // The row's department cells belong with its measure, so the reader shows them together.
      blockEnd: Math.max(entry.lines[entry.lines.length - 1]!.block.index, rowEnd),
    });
  };

  for (let start = 0; start < table.cells.length; start += width) {
    const row = table.cells.slice(start, start + width);

    const domainLines = at(row, 'domain');
    if (domainLines.length > 0) {
      const raw = domainLines.map((l) => l.text).join('');
      domain = { domain: canonicalDomain(raw) ?? null, heading: raw.replace(/\s+/g, '') };
      if (!domain.domain) {
        notes.push({ code: 'unknown-domain', block: domainLines[0]!.block.index, message: `领域单元格「${domain.heading}」不是 15 个发展领域之一，其条目的领域将按文字推断` });
      }
      goals = newList();
      measures = newList();
    }

    // Goals carry no departments in a task list: the department columns belong to the measure.
    for (const entry of numberedEntries(at(row, 'goals'), goals)) emit(entry, 'goal', [], []);

    const leadLines = at(row, 'lead');
    const partnerLines = at(row, 'partner');
    const lead = mergedAbove(row, 'lead') ? lastLead : splitDepartments(leadLines.map((l) => l.text));
    const partner = mergedAbove(row, 'partner') ? lastPartner : splitDepartments(partnerLines.map((l) => l.text));
    lastLead = lead;
    lastPartner = partner;
    const rowEnd = Math.max(-1, ...[...leadLines, ...partnerLines].map((l) => l.block.index));
    const rowMeasures = numberedEntries(at(row, 'measures'), measures);
    rowMeasures.forEach((entry, k) => emit(entry, 'measure', lead, partner, k === rowMeasures.length - 1 ? rowEnd : -1));
  }
  return items;
}

interface NumberedList {
  /** The number expected next; undefined before the first entry. */
  expected: number | undefined;
  style: NumberStyle | undefined;
  last: Entry | null;
}

function newList(): NumberedList {
  return { expected: undefined, style: undefined, last: null };
}

/**
 * Numbered entries started in this cell, numbering continuing across the rows of a domain.
 * A line that is not the next number continues the entry before it in the same cell; lines
 * before a cell's first number belong to no item and stay document text.
 */
function numberedEntries(lines: Line[], list: NumberedList): Entry[] {
  const entries: Entry[] = [];
  for (const line of lines) {
    const number = leadingNumber(line.text, list.style);
    const previous = list.last?.lines[list.last.lines.length - 1]?.text;
    if (number && isNextItem(number, list.expected, previous)) {
      list.last = { number, lines: [line] };
      list.expected = number.value + 1;
      list.style = number.style;
      entries.push(list.last);
    } else if (list.last && entries.includes(list.last)) {
      list.last.lines.push(line);
    }
  }
  return entries;
}
