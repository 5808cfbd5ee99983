/**
 * A document model → plain text (.txt, .md) as editors receive it: one paragraph per line, a
 * blank line between paragraphs, first-line indents of full-width spaces, or a PDF's text
 * layer (lines hard-wrapped at 30–45 characters, page numbers and a running header between
 * pages). Task tables as Word's plain-text export (seed 003: a tab before every cell, a cell's
 * further paragraphs on lines of their own, an empty line after each row) or as copied from a
 * spreadsheet (one row per line, tabs between cells).
 */
import type { Layout } from '../dimensions.ts';
import { paragraphText, type DocModel, type Paragraph, type Table } from '../model.ts';
import type { Random } from '../random.ts';
import { printed } from './characters.ts';

export function renderText(model: DocModel, layout: Layout, rng: Random): string {
  const lines: string[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'table') lines.push(...(layout.tableText === 'spreadsheet' ? spreadsheetLines(block) : wordExportLines(block)));
    else lines.push(...paragraphLines(block, layout));
  }
  const text = layout.text === 'pdf-wrap' && layout.source !== 'tasklist' ? wrapAsPdf(lines, model, layout, rng) : lines;
  return `${text.map((l) => printed(l, layout)).join('\n')}\n`;
}

function paragraphLines(p: Paragraph, layout: Layout): string[] {
  let text = paragraphText(p);
  if (layout.container === 'md' && p.depth !== undefined && (p.role === 'title' || layout.domainHeading === 'markdown')) text = `${'#'.repeat(p.depth)} ${text}`;
  const indented = layout.text === 'indent' && ['body', 'item', 'closing'].includes(p.role);
  if (indented) text = `\u3000\u3000${text}`;
  return layout.text === 'blank-lines' ? [text, ''] : [text];
}

/** Word's plain-text export of a table, as seed 003 is. */
export function wordExportLines(table: Table): string[] {
  const lines: string[] = table.header.map((h) => `\t${h}`);
  lines.push('');
  for (const row of table.rows) {
    for (const cell of row) {
      const [first = '', ...rest] = cell.merged ? [] : cell.paragraphs;
      lines.push(`\t${first}`, ...rest);
    }
    lines.push('');
  }
  return lines;
}

/** A spreadsheet copied as text: a row per line, trailing empty cells dropped. */
export function spreadsheetLines(table: Table): string[] {
  const rows = [table.header, ...table.rows.map((r) => r.map((c) => (c.merged ? '' : c.paragraphs.join(''))))];
  return rows.map((cells) => {
    const kept = [...cells];
    while (kept.length > 1 && kept[kept.length - 1] === '') kept.pop();
    return kept.join('\t');
  });
}

/** Display width as a PDF sets it: CJK and full-width characters 1, ASCII ½. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** A line does not start with closing punctuation: it stays at the end of the line above (禁则). */
const NO_LINE_START = /^[，。、；：？！）》」』”’%‰]/;

export function hardWrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const c of text) {
    if (displayWidth(line + c) > width && line !== '' && !NO_LINE_START.test(c)) {
      out.push(line);
      line = '';
    }
    line += c;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

/**
 * A PDF's text layer: every paragraph hard-wrapped at one width (30–45 characters), headings
 * on their own lines, and at every page break the page number (`- 4 -` or `第 4 页`) and, from
 * page 2, the running header (the issuer, or `XX人民政府规范性文件`).
 */
function wrapAsPdf(lines: string[], model: DocModel, layout: Layout, rng: Random): string[] {
  const width = rng.int(30, 45);
  const perPage = rng.int(22, 30);
  const header = layout.runningHeader === 'none' ? undefined : layout.runningHeader === 'issuer' ? model.issuer : `${model.issuer}规范性文件`;
  const out: string[] = [];
  let page = 1;
  let onPage = 0;
  for (const line of lines.filter((l) => l !== '')) {
    for (const wrapped of hardWrap(line, width)) {
      if (onPage === perPage) {
        out.push(layout.pageNumber === 'dash' ? `- ${page} -` : `第 ${page} 页`);
        page++;
        onPage = 0;
        if (header) out.push(header);
      }
      out.push(wrapped);
      onPage++;
    }
  }
  out.push(layout.pageNumber === 'dash' ? `- ${page} -` : `第 ${page} 页`);
  return out;
}
