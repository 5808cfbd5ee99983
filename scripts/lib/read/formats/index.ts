import path from 'node:path';
import { decode } from '../decode.ts';
import { SourceFormatError, type SourceText } from './types.ts';

export { SourceFormatError, type SourceText } from './types.ts';

/**
 * Source file → text, by the file's extension: plain text in any encoding (decode.ts), Word
 * (.docx), PDF with a text layer, and web pages saved from the browser (.html/.htm). Each reader returns the same shape, so everything after
 * this (normalise, structure) is the same for every format.
 */
const READERS: Record<string, (bytes: Uint8Array, name: string) => SourceText | Promise<SourceText>> = {
  '.txt': (bytes, name) => decode(bytes, name),
  '.md': (bytes, name) => decode(bytes, name),
  // Loaded on first use: an ingest of text files does not pay for the XML and PDF libraries.
  '.docx': async (bytes) => (await import('./docx.ts')).docxToText(bytes),
  '.pdf': async (bytes) => (await import('./pdf.ts')).pdfToText(bytes),
  '.html': async (bytes, name) => (await import('./html.ts')).htmlToText(bytes, name),
  '.htm': async (bytes, name) => (await import('./html.ts')).htmlToText(bytes, name),
};

/** Extensions of the files the ingest reads. */
export const SOURCE_EXTENSIONS = new Set(Object.keys(READERS));

/** Formats that look like sources but cannot be read: what to do with each (in the editors' words). */
const UNREADABLE: Record<string, string> = {
  '.doc': '是 Word 97–2003 文档（.doc），无法读取。请用 Word 或 WPS、LibreOffice 打开，另存为 .docx（Word 文档）或 .txt 后重新构建。',
  '.wps': '是 WPS 文档（.wps），无法读取。请用 WPS Office 打开，另存为 .docx 或 .txt 后重新构建。',
  '.rtf': '是 RTF 文档（.rtf），无法读取。请用 Word 或 LibreOffice 打开，另存为 .docx 或 .txt 后重新构建。',
  '.odt': '是 OpenDocument 文档（.odt），无法读取。请用 LibreOffice 打开，另存为 .docx 或 .txt 后重新构建。',
  '.mht': '是浏览器保存的单个网页文件（.mht），无法读取。请在浏览器中把该网页另存为“网页，仅 HTML”（.html），或把正文复制为 .txt 后重新构建。',
  '.mhtml': '是浏览器保存的单个网页文件（.mhtml），无法读取。请在浏览器中把该网页另存为“网页，仅 HTML”（.html），或把正文复制为 .txt 后重新构建。',
};

/** Why a file with this extension is not read, and what to do: for the build's error list. */
export function unreadableReason(ext: string): string {
  return (
    UNREADABLE[ext.toLowerCase()] ??
    `${ext ? `扩展名为 ${ext} 的文件` : '没有扩展名的文件'}无法读取。请把文档另存为 .docx、.pdf（带文字层）、.html（网页）或 UTF-8 文本（.txt）后重新构建。`
  );
}

/** Read one source file; throws an error naming the file, the problem and the fix. */
export async function readSource(name: string, bytes: Uint8Array): Promise<SourceText> {
  const ext = path.extname(name).toLowerCase();
  const reader = READERS[ext];
  if (!reader) throw new Error(`${name}：${unreadableReason(ext)}`);
  try {
    return await reader(bytes, name);
  } catch (error) {
    if (error instanceof SourceFormatError) throw new Error(`${name}：${error.message}`, { cause: error });
    throw error;
  }
}
