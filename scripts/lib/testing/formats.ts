/**
 * Fixtures in the formats editors bring, written by independent libraries (the `docx`
 * package, pdfkit), never by the readers under test.
 */
import { existsSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import PDFDocument from 'pdfkit';

/**
 * PDF fixtures are printed here with pdfkit (an independent PDF writer) in a CJK font that
 * Debian's fonts-noto-cjk installs (the CI script installs it for the browser tests too).
 */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSerifCJKsc-Regular';

export interface PrintOptions {
  header?: string;
  pageNumbers?: boolean;
  userPassword?: string;
  /** Body font size in points (default 14). */
  fontSize?: number;
  /**
   * Hanging numbers: a paragraph that starts with a list marker (`4.`, `（二）`, `一、`) prints
   * the marker at the left margin and every line of its text aligned after it; other
   * paragraphs as usual, their first line indented two characters.
   */
  hanging?: boolean;
  /** A title centred above the text, in a larger size (one line or more, as it wraps). */
  title?: string;
  titleSize?: number;
  /** Fixed creation date: pdfkit stamps the time otherwise, so every print is another file (and misses the OCR cache). */
  creationDate?: Date;
}

/** List markers a hanging layout sets in the margin. */
const MARKER = /^(?:[0-9]{1,3}[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

/** Paragraphs → an A4 PDF: first lines indented (or hanging numbers), a running header from page 2, `- n -` at the foot. */
export function printPdf(paragraphs: string[], options: PrintOptions = {}): Promise<Uint8Array> {
  // A missing font fails the test, never skips it: the PDF tests are the only proof the PDF reader works.
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: install Debian's fonts-noto-cjk (apt-get install -y fonts-noto-cjk), as .ci/run does`);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 90, bottom: 90, left: 80, right: 80 }, bufferPages: true, userPassword: options.userPassword, ...(options.creationDate ? { info: { CreationDate: options.creationDate } } : {}) });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  const size = options.fontSize ?? 14;
  doc.font(CJK_FONT, CJK_FONT_NAME);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (options.title) doc.fontSize(options.titleSize ?? 22).text(options.title, { align: 'center', lineGap: 8 }).moveDown(0.5);
  doc.fontSize(size);
  for (const p of paragraphs) {
    const marker = options.hanging ? MARKER.exec(p)?.[0] : undefined;
    if (!options.hanging) doc.text(p, { indent: 2 * size, lineGap: 6 });
    else if (!marker) doc.text(p, left, doc.y, { width, indent: 2 * size, lineGap: 6 });
    else {
      // The marker in the margin, the text after it: a page break inside the text keeps its column.
      if (doc.y + size > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      const inset = doc.widthOfString(marker);
      doc.text(marker, left, y, { lineBreak: false });
      doc.text(p.slice(marker.length), left + inset, y, { width: width - inset, lineGap: 6 });
    }
  }
  doc.x = left;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.fontSize(10);
    if (options.header && i > 0) doc.text(options.header, 80, 50, { width: doc.page.width - 160, align: 'center', lineBreak: false });
    if (options.pageNumbers) doc.text(`- ${i + 1} -`, 80, doc.page.height - 60, { width: doc.page.width - 160, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}

/** A small key-task table with every kind of merge, written with the docx package. */
export async function keyTaskDocx(): Promise<Uint8Array> {
  const p = (text: string) => new Paragraph(text);
  const cell = (texts: string[], extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: texts.map(p), ...extra });
  const restart = { verticalMerge: VerticalMergeType.RESTART };
  const cont = { verticalMerge: VerticalMergeType.CONTINUE };
  const doc = new Document({
    sections: [
      {
        children: [
          p('某市儿童发展规划（2021—2030年）重点任务清单'),
          new Table({
            rows: [
              new TableRow({ children: ['发展领域', '主要目标', '策略措施', '牵头部门', '配合部门'].map((t) => cell([t])) }),
              new TableRow({ children: [cell(['儿童与健康'], restart), cell(['1.儿童健康水平不断提高。'], restart), cell(['1.加强儿童医疗保健。']), cell(['市卫健局', '市医保局'], restart), cell(['市妇联，市教育局'])] }),
              new TableRow({ children: [cell([''], cont), cell([''], cont), cell(['2.提升儿童营养水平。']), cell([''], cont), cell(['市市场监管局'])] }),
              // A row spanning the table: a note, kept as text, with the grid kept for the rows after it.
              new TableRow({ children: [cell(['说明：以下为儿童与安全领域'], { columnSpan: 5 })] }),
              new TableRow({ children: [cell(['儿童与安全'], restart), cell(['1.儿童伤害死亡率下降。'], restart), cell(['1.预防儿童溺水。']), cell(['市教育局']), cell(['市应急局'], restart)] }),
              new TableRow({ children: [cell([''], cont), cell([''], cont), cell(['2.加强道路交通安全。']), cell(['市公安局']), cell([''], cont)] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

