import type { Block, Item } from '../../types.ts';
import type { Recognised, StructureNote } from './notes.ts';
import { KNOWN_COLUMNS } from './tasklist/columns.ts';
import { tableItems } from './tasklist/items.ts';
import { readTables } from './tasklist/tables.ts';

// The parts live in tasklist/, one job each: tokens → header and tables → items and notes.

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
