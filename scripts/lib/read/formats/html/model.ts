/** The lines the web page reader prints, each with why it is not the document's text. */
import type { Removed } from '../../../types.ts';

/** Lines the reader prints, each with why it is not the document's text (or null: it is). */
export interface Line {
  text: string;
  reason: Removed['reason'] | null;
  /** Begins a paragraph (a `<p>`, a heading, a cell…): never joined to the line before. */
  start: boolean;
  /** An empty cell continuing a cell merged down from the row above (rowspan). */
  merged?: boolean;
  /** Kept although it stands outside the article: prose the reader was unsure of. */
  outside?: boolean;
}

export type Reason = Removed['reason'];
