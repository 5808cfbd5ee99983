/**
 * A document model → a Word (.docx) file, written with the `docx` package (an independent
 * writer, never the reader under test): headings as text, as bold runs or in a heading style;
 * items numbered as typed text or by Word's automatic numbering (restarted per list); task
 * tables with cells merged down a column (vMerge) and several paragraphs per cell.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph as DocxParagraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import type { Layout } from '../dimensions.ts';
import { paragraphText, type DocModel, type Paragraph, type Table as ModelTable } from '../model.ts';
import { printed } from './characters.ts';

const AUTO = 'items';

export async function renderDocx(model: DocModel, layout: Layout): Promise<Uint8Array> {
  const p = (text: string) => new DocxParagraph({ children: [new TextRun(printed(text, layout))] });
  const children: (DocxParagraph | Table)[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'table') children.push(table(block, p));
    else children.push(paragraph(block, layout));
  }
  const doc = new Document({
    numbering: { config: [{ reference: AUTO, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function paragraph(block: Paragraph, layout: Layout): DocxParagraph {
  if (block.autoNumber) {
    // Word prints the number itself: the paragraph holds only the text (and a heading before it).
    return new DocxParagraph({ children: [new TextRun(printed(`${block.prefix ?? ''}${block.text}`, layout))], numbering: { reference: AUTO, level: 0, instance: block.autoNumber.list } });
  }
  const text = printed(paragraphText(block), layout);
  if (block.headingStyle) return new DocxParagraph({ text, heading: HeadingLevel.HEADING_2 });
  if (block.bold) return new DocxParagraph({ children: [new TextRun({ text, bold: true })] });
  if (block.role === 'title') return new DocxParagraph({ children: [new TextRun({ text, bold: true, size: 36 })], alignment: AlignmentType.CENTER });
  return new DocxParagraph({ children: [new TextRun(text)] });
}

function table(block: ModelTable, p: (text: string) => DocxParagraph): Table {
  // A cell merged down starts where the next row's cell continues it.
  const continues = (r: number, c: number) => block.rows[r + 1]?.[c]?.merged === true;
  const rows = [
    new TableRow({ children: block.header.map((h) => new TableCell({ children: [p(h)] })), tableHeader: true }),
    ...block.rows.map(
      (row, r) =>
        new TableRow({
          children: row.map((cell, c) => {
            const paragraphs = cell.merged || cell.paragraphs.length === 0 ? [p('')] : cell.paragraphs.map(p);
            const verticalMerge = cell.merged ? VerticalMergeType.CONTINUE : continues(r, c) ? VerticalMergeType.RESTART : undefined;
            return new TableCell({ children: paragraphs, ...(verticalMerge ? { verticalMerge } : {}) });
          }),
        }),
    ),
  ];
  return new Table({ rows });
}
