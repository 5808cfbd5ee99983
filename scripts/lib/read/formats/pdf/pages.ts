/** Reading a PDF's pages with PDF.js: its text items, rebuilt into lines (items on one baseline, left to right). */
import { createRequire } from 'node:module';
import path from 'node:path';
import { SourceFormatError } from '../types.ts';
import type { PdfPage } from './model.ts';

const require = createRequire(import.meta.url);
/** PDF.js's character maps and standard fonts, which Chinese PDFs' CID fonts need. */
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

export async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  const task = getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    wasmUrl: `${PDFJS_DIR}/wasm/`,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (error) {
    const e = error as Error;
    if (e.name === 'PasswordException') {
      await task.destroy();
      throw new SourceFormatError('设有密码（已加密），无法读取文字', '请重新保存或打印为不设密码的 PDF，或把文档另存为 .txt，然后重新构建');
    }
    await task.destroy();
    throw new SourceFormatError(`无法作为 PDF 读取（${e.message}）：文件已损坏，或不是 PDF`, '请从原始文档重新导出 PDF，或另存为 .txt，然后重新构建');
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        // Blank items are kept only when they take room: a space drawn as a glyph of its own separates words (`15 分钟`).
        if (!('str' in item) || item.str === '' || (item.str.trim() === '' && !(item.width > 0))) continue;
        const [, , c, d, x, y] = item.transform as number[];
        items.push({ text: item.str.trim() === '' ? ' ' : item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || item.height || 10 });
      }
      const lines = buildLines(items).filter((l) => l.text !== '');
      pages.push({ height: top!, lines: lines.map((l) => ({ page: n, top: top! - l.y, left: l.left, right: l.right, size: l.size, text: l.text })) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * Text items → lines: items whose baselines are within a third of the font size are one
 * line, read left to right. A gap wider than a third of a character becomes a space only
 * between Latin letters or digits; Chinese text has no spaces between its characters.
 */
export function buildLines(items: TextItem[]): { y: number; left: number; right: number; size: number; text: string }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, item.size) / 3);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const items = line.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of items) {
        const gap = item.x - end;
        if (text && gap > item.size / 3 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(item.text)) text += ' ';
        text += item.text;
        if (item.text.trim()) end = item.x + item.width;
      }
      return { y: line.y, left: items.find((i) => i.text.trim())?.x ?? 0, right: end, size: line.size, text: text.replace(/\s+/g, ' ').trim() };
    });
}
