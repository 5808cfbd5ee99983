import type { Removed } from '../../types.ts';
import { NoTextLayerError, SourceFormatError, type SourceText } from './types.ts';
import { findPdfFurniture } from './pdf/furniture.ts';
import type { PdfPage } from './pdf/model.ts';
import { readPages } from './pdf/pages.ts';
import { fullLines, hangingLines, indentedLines, setApartLines } from './pdf/paragraph-signals.ts';

// The parts live in pdf/, one job each; this module turns the pages' lines into the text with its layout hints.
export type { PdfLine, PdfPage } from './pdf/model.ts';
export { buildLines } from './pdf/pages.ts';
export { findPdfFurniture } from './pdf/furniture.ts';
export { fullLines, hangingLines, indentedLines, setApartLines } from './pdf/paragraph-signals.ts';

/**
 * PDF with a text layer → its lines of text, page by page, for the normaliser, which rejoins
 * a PDF's wrapped lines into paragraphs as it does for text extracted from PDFs (seeds 000,
 * 001). Text comes from PDF.js (pdfjs-dist): its text items carry positions, so lines are
 * rebuilt from them (items on one baseline, left to right), and page furniture is found by
 * where it stands: a short line at the top or bottom of a page that repeats there on most
 * pages (`阜新市人民政府规范性文件`, `- 4 -`, `第 4 页`). Furniture stays in the text (nothing
 * is lost) and is handed to the normaliser to drop and record.
 */

export async function pdfToText(bytes: Uint8Array): Promise<SourceText> {
  return pagesToText(await readPages(bytes));
}

/** A PDF's lines, page by page (from its text layer, or recognised by OCR: ocr.ts) → text with the layout hints. */
export function pagesToText(pages: PdfPage[], options: { misread?: boolean } = {}): SourceText {
  const lines = pages.flatMap((p) => p.lines);
  const furniture = new Map<number, Removed['reason']>();
  for (const [index, reason] of findPdfFurniture(pages, options)) furniture.set(index + 1, reason);
  // A scan may carry a little text (a stamped page number or header): count the body's.
  const visible = lines.reduce((n, l, i) => n + (furniture.has(i + 1) ? 0 : l.text.replace(/\s/g, '').length), 0);
  if (visible < 10 * pages.length && visible < 200) {
    throw new NoTextLayerError(
      `没有文字层（${pages.length} 页中只有 ${visible} 个字符：是扫描件或图片）`,
      '请先做文字识别（OCR，例如 `ocrmypdf -l chi_sim in.pdf out.pdf`），或把文档另存为 .txt，然后重新构建',
      pages.length,
    );
  }
  const unreadable = lines.reduce((n, l) => n + (l.text.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0), 0);
  if (unreadable > 0.05 * visible) {
    throw new SourceFormatError(
      `文字层无法读成文字（${visible} 个字符中有 ${unreadable} 个是私用区或未知字形：字体没有 Unicode 对照）`,
      '请从原始文档重新导出 PDF，或先做文字识别（OCR），或把文档另存为 .txt，然后重新构建',
    );
  }
  const byPosition = new Map([...furniture].map(([line, reason]) => [line - 1, reason]));
  const apart = setApartLines(pages, byPosition);
  const full = new Set([...fullLines(pages)].filter((i) => !apart.has(i)));
  const hanging = hangingLines(pages, full, byPosition);
  const fullLines1 = new Set([...full].map((i) => i + 1));
  // A paragraph starts where a line is indented (unless it continues a hanging number) and
  // after a line set apart; the furniture between pages is no start.
  const starts = [...indentedLines(pages)].filter((i) => !hanging.has(i));
  for (const i of apart) if (i + 1 < lines.length) starts.push(nextBody(i, byPosition, lines.length));
  const paragraphStarts = new Set(starts.filter((i) => i < lines.length).map((i) => i + 1));
  // A PDF's lines are wrapped at the page width: rejoined where they run to the margin, as
  // known from their positions (a short line or an indented one starts afresh).
  const layout = 'wrapped';
  return { text: lines.map((l) => l.text).join('\n'), encoding: 'pdf', layout, furniture, fullLines: fullLines1, paragraphStarts };
}

/** The first line after `index` that is not furniture. */
function nextBody(index: number, furniture: ReadonlyMap<number, unknown>, count: number): number {
  let i = index + 1;
  while (i < count && furniture.has(i)) i++;
  return i;
}
