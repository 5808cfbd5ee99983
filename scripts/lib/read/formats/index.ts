import path from 'node:path';
import { unzipSync } from 'fflate';
import { decode } from '../decode.ts';
import { NoTextLayerError, SourceFormatError, type SourceText } from './types.ts';

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
  // Old office formats: converted to .docx by LibreOffice (convert.ts), then read as Word.
  '.doc': (bytes, name) => readConverted(bytes, '.doc', name),
  '.wps': (bytes, name) => readConverted(bytes, '.wps', name),
  '.rtf': (bytes, name) => readConverted(bytes, '.rtf', name),
  '.odt': (bytes, name) => readConverted(bytes, '.odt', name),
};

async function readConverted(bytes: Uint8Array, ext: string, name: string): Promise<SourceText> {
  const convert = await import('./convert.ts');
  const docx = await convert.convertToDocx(bytes, ext, { name });
  const options = { joinSplitLists: convert.mayHoldSplitLists(bytes, ext) };
  return { ...(await (await import('./docx.ts')).docxToText(docx, options)), encoding: `docx（由 ${ext} 转换）` };
}

/** Extensions of the files the ingest reads. */
export const SOURCE_EXTENSIONS = new Set(Object.keys(READERS));

/** Formats that look like sources but cannot be read: what to do with each (in the editors' words). */
const UNREADABLE: Record<string, string> = {
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
    let failed = error;
    if (error instanceof SourceFormatError) {
      try {
        const second = await secondReading(error, ext, bytes, name);
        if (second) return second;
      } catch (again) {
        failed = again;
      }
    }
    if (failed instanceof SourceFormatError) throw new Error(`${name}：${failed.message}`, { cause: failed });
    throw failed;
  }
}

/**
 * What a converter can still read when the format's own reader could not: a .docx that Word
 * saved as strict Open XML (or that is otherwise unreadable) through LibreOffice, a scanned
 * PDF through OCR (ocr.ts). Without the converter the reader's own error stands, which says
 * what to do; a converter that fails too adds its reason to it.
 */
async function secondReading(error: SourceFormatError, ext: string, bytes: Uint8Array, name: string): Promise<SourceText | undefined> {
  if (ext === '.pdf' && error instanceof NoTextLayerError) return (await import('./ocr.ts')).ocrPdfToText(bytes, error, { name });
  // Only a .docx that is a sound zip: a damaged archive or an encrypted file (an OLE container)
  // LibreOffice cannot read either, and the Word reader's message already says what to do.
  if (ext !== '.docx' || !isZip(bytes)) return undefined;
  const { ConverterMissingError } = await import('./convert.ts');
  try {
    return await readConverted(bytes, '.docx', name);
  } catch (converting) {
    if (converting instanceof ConverterMissingError) throw error;
    const why = converting instanceof SourceFormatError ? converting.problem.replace(/^是[^，]*，/, '') : (converting as Error).message;
    throw new SourceFormatError(`${error.problem}；${why}`, error.fix);
  }
}

function isZip(bytes: Uint8Array): boolean {
  try {
    unzipSync(bytes, { filter: () => false });
    return true;
  } catch {
    return false;
  }
}
