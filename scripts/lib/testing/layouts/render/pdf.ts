/**
 * A document model → a PDF with a text layer, printed with pdfkit in Noto CJK (as
 * scripts/lib/testing/formats.ts does): a centred title, headings on their own lines,
 * paragraphs with a first-line indent or with a hanging number (the number in the margin,
 * wrapped lines aligned after it), a running header from page 2 and page numbers at the foot.
 * Radical code points, when the layout has them, are in the text layer as in a PDF printed
 * from a browser: the page looks the same.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Layout } from '../dimensions.ts';
import { paragraphText, type DocModel } from '../model.ts';
import { CJK_FONT } from '../../formats.ts';
import { printed } from './characters.ts';

const FONT_NAME = 'NotoSerifCJKsc-Regular';
const SIZE = 14;
const MARGIN = { top: 90, bottom: 90, left: 80, right: 80 };

export function renderPdf(model: DocModel, layout: Layout): Promise<Uint8Array> {
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: install Debian's fonts-noto-cjk (apt-get install -y fonts-noto-cjk), as .ci/run does`);
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.font(CJK_FONT, FONT_NAME).fontSize(SIZE);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const fits = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  for (const block of model.blocks) {
    if (block.kind === 'table') throw new Error('task tables are not printed to PDF by this generator');
    const text = printed(paragraphText(block), layout);
    if (block.role === 'title') {
      doc.fontSize(20).text(text, MARGIN.left, doc.y, { width, align: 'center', lineGap: 8 });
      doc.fontSize(SIZE).moveDown(0.5);
      continue;
    }
    const marker = block.marker ? printed(`${block.prefix ?? ''}${block.marker}`, layout) : undefined;
    if (layout.pdfIndent === 'hanging' && marker && (block.role === 'item' || block.role === 'closing')) {
      const hang = doc.widthOfString(marker) + 2;
      const body = printed(block.text, layout);
      fits(doc.heightOfString(body, { width: width - hang, lineGap: 6 }));
      const y = doc.y;
      doc.text(marker, MARGIN.left, y, { lineBreak: false });
      doc.text(body, MARGIN.left + hang, y, { width: width - hang, lineGap: 6 });
      doc.x = MARGIN.left;
      continue;
    }
    const indent = ['body', 'item', 'closing'].includes(block.role) ? SIZE * 2 : 0;
    fits(doc.heightOfString(text, { width, indent, lineGap: 6 }));
    doc.text(text, MARGIN.left, doc.y, { width, indent, lineGap: 6 });
  }
  const header = layout.runningHeader === 'none' ? undefined : layout.runningHeader === 'issuer' ? model.issuer : `${model.issuer}规范性文件`;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.fontSize(10);
    if (header && i > 0) doc.text(printed(header, layout), MARGIN.left, 50, { width, align: 'center', lineBreak: false });
    const number = layout.pageNumber === 'dash' ? `- ${i + 1} -` : `第 ${i + 1} 页`;
    doc.text(number, MARGIN.left, doc.page.height - 60, { width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
