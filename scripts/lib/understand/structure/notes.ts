import type { Item, OcrRepair, StructureNote } from '../../types.ts';

// The notes themselves are plain data the parsed document carries, so they live in types.ts.
export type { StructureNote, StructureNoteCode } from '../../types.ts';

/** A recogniser's result: the items, and notes on what it could not read. */
export interface Recognised {
  items: Item[];
  notes: StructureNote[];
  /** In a document read by OCR: what was read otherwise than printed (a domain heading, an item's number). */
  repairs?: OcrRepair[];
}

/** What the recogniser may rely on besides the blocks. */
export interface RecogniseOptions {
  /** The text was read by OCR from a scan: misreadings the document's own order confirms may be repaired. */
  ocr?: boolean;
}
