import type { Layout } from '../normalise.ts';
import type { MetadataHints, OcrReading, Removed } from '../../types.ts';

/**
 * A source file read as text, whatever its format: what the normaliser reads next.
 * Line numbers here are those of `text`, so items and removals point into the full text.
 */
export interface SourceText {
  text: string;
  /** How the bytes were read: a text encoding (`utf-8`, `gb18030`), or `docx` / `pdf`. */
  encoding: string;
  /** The layout when the format knows it (a Word paragraph is one line, never wrapped). */
  layout?: Layout;
  /** Lines (1-based) the format knows to be page furniture, e.g. a PDF's running headers. */
  furniture?: Map<number, Removed['reason']>;
  /**
   * Lines (1-based) holding a table cell printed empty because it continues a cell merged
   * down from the row above (Word's w:vMerge): the same content as the cell above it.
   */
  mergedLines?: Set<number>;
  /** Lines (1-based) that reach the right margin (a PDF's wrapped lines), by position. */
  fullLines?: Set<number>;
  /** Lines (1-based) that begin a paragraph: a Word paragraph, a PDF line indented like a paragraph's first. */
  paragraphStarts?: Set<number>;
  /** What the source states about itself outside the text (a web page's metadata table). */
  meta?: MetadataHints;
  /** What the reader was unsure of, for the editor's report (the text is published in full). */
  notes?: SourceNote[];
  /** Set when the text was recognised from page images (a scan): formats/ocr.ts. */
  ocr?: OcrReading;
}

/** A reader's note to the editor: what it could not be sure of, and what to do. */
export interface SourceNote {
  /** The line (1-based, of `text`) it is about, or null for the file as a whole. */
  line: number | null;
  /** In the editor's words (Simplified Chinese), with the fix. */
  message: string;
}

/** A file that cannot be read in its format: the problem, and what the editor can do. */
export class SourceFormatError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem}。${fix}。`);
  }
}

/** A PDF without a text layer (a scan): what OCR (ocr.ts) needs to know to read it instead. */
export class NoTextLayerError extends SourceFormatError {
  constructor(
    problem: string,
    fix: string,
    readonly pages: number,
  ) {
    super(problem, fix);
  }
}
