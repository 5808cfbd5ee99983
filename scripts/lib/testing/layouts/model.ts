/**
 * A generated document before it is written in a container: paragraphs with their roles and
 * tables, plus the items it must give back. Renderers (render/) turn it into bytes.
 */
import type { TruthItem } from './truth.ts';

export type ParagraphRole = 'title' | 'meta' | 'part' | 'domain' | 'list' | 'item' | 'body' | 'closing';

export interface Paragraph {
  kind: 'paragraph';
  role: ParagraphRole;
  /** The paragraph's text after its marker. */
  text: string;
  /** A list marker printed before the text (`4.`, `（二）`, `①`); Word may number it itself. */
  marker?: string;
  /** Printed before the marker on the same line: `主要目标：` with the list's first item. */
  prefix?: string;
  /** Heading depth for Markdown (`##` → 2) and Word heading styles. */
  depth?: number;
  /** Word: the heading is only a bold run (no number, no style). */
  bold?: boolean;
  /** Word: the paragraph has a heading style (Heading 2). */
  headingStyle?: boolean;
  /** Word: the marker is Word's automatic numbering, restarted per list (`list` counts the lists). */
  autoNumber?: { list: number };
}

export interface TableCell {
  /** The cell's paragraphs (a cell may hold several: goals, departments on new lines). */
  paragraphs: string[];
  /** Continues the cell above it, merged down the column (Word's vMerge): printed empty. */
  merged?: boolean;
}

export interface Table {
  kind: 'table';
  header: string[];
  rows: TableCell[][];
}

export type DocBlock = Paragraph | Table;

export interface DocModel {
  blocks: DocBlock[];
  /** The issuing government (`阜新市人民政府`): running headers, web page footers. */
  issuer: string;
  /** The document's title (web pages print it in <title> and as the article heading). */
  title: string;
}

/** The composed document and the items a perfect ingest recovers from it. */
export interface Composed {
  model: DocModel;
  expected: TruthItem[];
}

/** The full text of a paragraph as printed (prefix, marker, text). */
export function paragraphText(p: Paragraph): string {
  return `${p.prefix ?? ''}${p.marker ?? ''}${p.text}`;
}
