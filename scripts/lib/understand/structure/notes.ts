import type { Item, StructureNote } from '../../types.ts';

// The notes themselves are plain data the parsed document carries, so they live in types.ts.
export type { StructureNote, StructureNoteCode } from '../../types.ts';

/** A recogniser's result: the items, and notes on what it could not read. */
export interface Recognised {
  items: Item[];
  notes: StructureNote[];
}
