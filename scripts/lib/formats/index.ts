import path from 'node:path';
import { decode } from '../decode.ts';
import { SourceFormatError, type SourceText } from './types.ts';

export { SourceFormatError, type SourceText } from './types.ts';

/**
 * Source file → text, by the file's extension: plain text in any encoding (decode.ts), Word
 * (.docx) and PDF with a text layer. Each reader returns the same shape, so everything after
 * this (normalise, structure) is the same for every format.
 */
const READERS: Record<string, (bytes: Uint8Array, name: string) => SourceText | Promise<SourceText>> = {
  '.txt': (bytes, name) => decode(bytes, name),
  '.md': (bytes, name) => decode(bytes, name),
  // Loaded on first use: an ingest of text files does not pay for the XML and PDF libraries.
  '.docx': async (bytes) => (await import('./docx.ts')).docxToText(bytes),
  '.pdf': async (bytes) => (await import('./pdf.ts')).pdfToText(bytes),
};

/** Extensions of the files the ingest reads. */
export const SOURCE_EXTENSIONS = new Set(Object.keys(READERS));

/** Formats that look like sources but cannot be read: what to do with each. */
const UNREADABLE: Record<string, string> = {
  '.doc': 'is a Word 97–2003 document (.doc), which cannot be read; open it in Word or LibreOffice, save it as .docx (Word document) or .txt, and rebuild',
  '.wps': 'is a WPS document (.wps), which cannot be read; open it in WPS Office, save it as .docx or .txt, and rebuild',
  '.rtf': 'is a Rich Text file (.rtf), which cannot be read; open it in Word or LibreOffice, save it as .docx or .txt, and rebuild',
  '.odt': 'is an OpenDocument text (.odt), which cannot be read; open it in LibreOffice, save it as .docx or .txt, and rebuild',
};

/** Why a file with this extension is not read, and what to do: for the build's error list. */
export function unreadableReason(ext: string): string {
  return (
    UNREADABLE[ext.toLowerCase()] ??
    `${ext || 'a file without an extension'} cannot be read; save the document as .docx, .pdf (with a text layer) or UTF-8 text (.txt) and rebuild`
  );
}

/** Read one source file; throws an error naming the file, the problem and the fix. */
export async function readSource(name: string, bytes: Uint8Array): Promise<SourceText> {
  const ext = path.extname(name).toLowerCase();
  const reader = READERS[ext];
  if (!reader) throw new Error(`${name}: ${unreadableReason(ext)}`);
  try {
    return await reader(bytes, name);
  } catch (error) {
    if (error instanceof SourceFormatError) throw new Error(`${name}: ${error.message}`, { cause: error });
    throw error;
  }
}
