/** The table model of a .docx body: paragraphs and tables of cells on the grid, in document order. */

export interface DocxParagraph {
  kind: 'paragraph';
  /** The paragraph's text with its automatic number, if any, in front. */
  text: string;
}

export interface DocxCell {
  /** The cell's paragraphs (a merged cell's paragraphs in every row it spans). */
  paragraphs: string[];
  /** First grid column the cell covers, 0-based, and how many it covers (w:gridSpan). */
  column: number;
  span: number;
  /** Continues a cell merged from the row above (w:vMerge): same content, printed empty. */
  continued: boolean;
}

export interface DocxTable {
  kind: 'table';
  rows: DocxCell[][];
}

export type DocxBlock = DocxParagraph | DocxTable;
