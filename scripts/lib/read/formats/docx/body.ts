/**
 * The body's blocks: paragraphs (their text, automatic number and text boxes) and tables (rows
 * of cells on the grid, merged cells carried down). One module, because they nest both ways:
 * a cell holds paragraphs and tables, and a paragraph's text box holds both again.
 */
import type { Element } from '@xmldom/xmldom';
import type { DocxBlock, DocxCell, DocxTable } from './model.ts';
import type { Numbering } from './numbering.ts';
import { children, first, val, W, wrapped } from './package.ts';
import { textBoxes } from './text-boxes.ts';

/** Paragraphs and tables of a container (body, cell, content control), in order. */
export function bodyBlocks(container: Element, numbering: Numbering): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  for (const el of children(container)) {
    if (el.localName === 'p') blocks.push({ kind: 'paragraph', text: paragraphText(el, numbering) });
    else if (el.localName === 'tbl') blocks.push(readTable(el, numbering));
    else if (el.localName === 'sdt') blocks.push(...bodyBlocks(first(el, 'sdtContent') ?? el, numbering));
    else if (el.localName === 'customXml') blocks.push(...bodyBlocks(el, numbering));
  }
  return blocks;
}

function paragraphText(p: Element, numbering: Numbering): string {
  let text = '';
  const walk = (el: Element) => {
    for (const child of children(el)) {
      switch (child.localName) {
        case 'pPr':
        case 'rPr':
        case 'del': // tracked deletions are not the document's text
        case 'instrText': // field codes (`PAGE`, `TOC \o`), not text
        case 'fldData':
        case 'drawing': // text boxes in shapes: read by textBoxes(), once
        case 'pict':
        case 'txbxContent':
          break;
        case 't':
          text += child.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          text += ' '; // a tab inside a paragraph is spacing, not a table cell
          break;
        case 'br':
          if (child.getAttributeNS(W, 'type') !== 'page' && child.getAttributeNS(W, 'type') !== 'column') text += '\n';
          break;
        case 'cr':
          text += '\n';
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        default:
          walk(child); // runs, hyperlinks, insertions, smart tags, fields' results
      }
    }
  };
  walk(p);
  const own = numbering.label(p) + text;
  // Text boxes anchored in the paragraph (drawn shapes, not W children) follow it as lines of their own.
  const boxes = textBoxes(p)
    .flatMap((box) => bodyBlocks(box, numbering).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => (c.continued ? [] : c.paragraphs))))))
    .filter((t) => t.trim() !== '');
  // A paragraph that only anchors a box is not an empty line of its own.
  return (own === '' && boxes.length > 0 ? boxes : [own, ...boxes]).join('\n');
}

function readTable(tbl: Element, numbering: Numbering): DocxTable {
  const rows: DocxCell[][] = [];
  for (const tr of wrapped(tbl, 'tr')) {
    const row: DocxCell[] = [];
    let column = Number(val(first(tr, 'trPr', 'gridBefore')) ?? 0);
    for (const tc of wrapped(tr, 'tc')) {
      const span = Math.max(1, Number(val(first(tc, 'tcPr', 'gridSpan')) ?? 1));
      const vMerge = first(tc, 'tcPr', 'vMerge');
      const continued = vMerge !== undefined && (val(vMerge) ?? 'continue') === 'continue';
      let paragraphs = cellParagraphs(tc, numbering);
      if (continued) {
        // The same cell as the one above it: carried down, so every row holds its content.
        const above = rows[rows.length - 1]?.find((c) => c.column === column);
        paragraphs = above ? above.paragraphs : paragraphs;
      }
      row.push({ paragraphs, column, span, continued: continued && rows.length > 0 });
      column += span;
    }
    rows.push(row);
  }
  return { kind: 'table', rows };
}

/** A cell's paragraphs; a table nested in the cell gives its cells' paragraphs in order. */
function cellParagraphs(tc: Element, numbering: Numbering): string[] {
  const out: string[] = [];
  for (const block of bodyBlocks(tc, numbering)) {
    if (block.kind === 'paragraph') out.push(block.text);
    else for (const row of block.rows) for (const cell of row) if (!cell.continued) out.push(...cell.paragraphs);
  }
  // Empty paragraphs only space a cell out; a cell of nothing but them is an empty cell.
  return out.filter((p) => p.trim() !== '');
}
