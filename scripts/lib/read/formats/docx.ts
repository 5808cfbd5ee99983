import { unzipSync } from 'fflate';
import { detectLayout } from '../normalise.ts';
import { SourceFormatError, type SourceText } from './types.ts';
import { bodyBlocks } from './docx/body.ts';
import type { DocxBlock } from './docx/model.ts';
import { Numbering } from './docx/numbering.ts';
import { first, isOleFile, parseXml, W } from './docx/package.ts';

// The parts live in docx/, one job each; this module reads the package and prints the text.
export type { DocxBlock, DocxCell, DocxParagraph, DocxTable } from './docx/model.ts';
export { formatNumber } from './docx/number-formats.ts';

/**
 * Word (.docx) → the text Word itself writes when a document is saved as plain text, which the
 * ingest already reads (seed 003 is such a file): one line per paragraph; a table row as one
 * tab-led line per cell, a cell's further paragraphs on lines of their own, and an empty line
 * after the row. So a .docx and its .txt export parse alike, through the same normaliser.
 *
 * Read from the package's XML itself (fflate + xmldom) rather than through an HTML converter,
 * because the structure the recognisers need is in the XML: the table grid (w:gridSpan), cells
 * merged down a column (w:vMerge), and Word's automatic numbering (w:numPr), printed here as the
 * number Word shows (`1.`, `（二）`, `三、`).
 *
 * Merged cells: a cell merged down a column is one cell, carried to every row it spans in
 * the table model (`readDocx`). The text prints it once, in its first row, and its other rows
 * as empty cells, like Word; those lines are listed in `mergedLines` so a recogniser can carry
 * the cell down (a 牵头部门 cell shared by several measures). A cell spanning columns keeps
 * the grid: its covered columns print as empty cells, so every row has the header's width.
 */

export interface DocxOptions {
  /** Count a one-paragraph list and the list right after it as one (Numbering.joinSplitLists): set by the converter for Word 97 and WPS sources. */
  joinSplitLists?: boolean;
}

/** A .docx's body as paragraphs and tables, in document order. */
export function readDocx(bytes: Uint8Array, options: DocxOptions = {}): DocxBlock[] {
  if (isOleFile(bytes)) {
    throw new SourceFormatError(
      '不是 .docx 文件包，而是 OLE 文件：可能设有密码，或是改了扩展名的 Word 97–2003 文档',
      '请去掉密码，或用 Word 或 LibreOffice 打开并另存为 .docx（Word 文档）或 .txt，然后重新构建',
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('word/') && f.name.endsWith('.xml') });
  } catch (error) {
    throw new SourceFormatError(
      `无法作为 .docx（zip）文件包打开（${(error as Error).message}）：文件已损坏，或不是 Word 文档`,
      '请用 Word 或 LibreOffice 打开后重新另存为 .docx，或另存为 .txt，然后重新构建',
    );
  }
  const main = files['word/document.xml'];
  if (!main) {
    throw new SourceFormatError('是 zip 压缩包，但其中没有 word/document.xml，不是 Word 文档', '请在 Word 中把文档另存为 .docx 或 .txt，然后重新构建');
  }
  const numbering = new Numbering(parseXml(files['word/numbering.xml']), parseXml(files['word/styles.xml']));
  const body = first(parseXml(main)?.documentElement, 'body');
  if (!body) throw new SourceFormatError('没有正文（word/document.xml 中没有 w:body）', '请在 Word 中把文档另存为 .docx 或 .txt，然后重新构建');
  if (options.joinSplitLists) {
    const all = body.getElementsByTagNameNS(W, 'p');
    numbering.joinSplitLists(Array.from({ length: all.length }, (_, i) => all.item(i)!));
  }
  return bodyBlocks(body, numbering);
}

/** A .docx → its text as Word's plain-text export prints it (see the module comment). */
export function docxToText(bytes: Uint8Array, options: DocxOptions = {}): SourceText {
  const lines: string[] = [];
  const mergedLines = new Set<number>();
  const paragraphStarts = new Set<number>();
  for (const block of readDocx(bytes, options)) {
    if (block.kind === 'paragraph') {
      paragraphStarts.add(lines.length + 1);
      lines.push(...block.text.split('\n'));
      continue;
    }
    const width = Math.max(0, ...block.rows.map((r) => r.reduce((w, c) => Math.max(w, c.column + c.span), 0)));
    for (const row of block.rows) {
      for (let column = 0; column < width; ) {
        const cell = row.find((c) => c.column === column);
        if (!cell) {
          lines.push('\t'); // a column the row does not reach (w:gridBefore/After): an empty cell
          column++;
          continue;
        }
        if (cell.continued) {
          mergedLines.add(lines.length + 1);
          lines.push('\t');
        } else {
          const [head = '', ...rest] = cell.paragraphs.flatMap((p) => p.split('\n'));
          lines.push(`\t${head}`, ...rest.map(escapeLeadingTab));
        }
        // Columns covered by a horizontal merge print as empty cells, keeping the grid's width.
        for (let k = 1; k < cell.span; k++) lines.push('\t');
        column += cell.span;
      }
      lines.push('');
    }
  }
  // A Word paragraph is a paragraph: never rejoined like the wrapped lines of a PDF print,
  // nor joined to the one before it (a line break inside one may still be rejoined).
  const layout = detectLayout(lines) === 'wrapped' ? 'lines' : detectLayout(lines);
  return { text: lines.join('\n'), encoding: 'docx', layout, mergedLines, paragraphStarts };
}

/** A cell's later paragraph must not start with a tab, or it would read as a new cell. */
function escapeLeadingTab(line: string): string {
  return line.replace(/^\t+/, '');
}
