import type { Item } from '../../types.ts';

/**
 * Why a recogniser found less structure than a document of its kind should have: a plan
 * without `主要目标`/`策略措施` headings, a list outside any domain, a task list without a
 * header row. Plain data, for whoever reports to the editor; the recognisers never drop text
 * because of them (what is not an item stays document text).
 */
export interface StructureNote {
  code: StructureNoteCode;
  /** The block the note is about, or null for the document as a whole. */
  block: number | null;
  /** What was (not) found, in the editor's words, with the heading or cell as printed. */
  message: string;
}

export type StructureNoteCode =
  /** The recogniser found no item at all; `message` says what it looked for. */
  | 'no-items'
  /** A `主要目标`/`策略措施` list outside a recognised domain: its items' domains are inferred. */
  | 'list-without-domain'
  /** A list heading with no numbered item under it. */
  | 'empty-list'
  /** A task list's domain cell that names none of the 15 domains. */
  | 'unknown-domain'
  /** A task list's 序号 column that skips or repeats a number, or holds no number: a row lost or misread. */
  | 'row-numbering'
  /** Task-list rows without a lead department that took the lead of the row above (a merged cell in a text copy). */
  | 'carried-department'
  /** Not the recogniser's but the format reader's: what it was unsure of (a web page's article). */
  | 'source';

/** A recogniser's result: the items, and notes on what it could not read. */
export interface Recognised {
  items: Item[];
  notes: StructureNote[];
}
