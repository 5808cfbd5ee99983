import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { detectLayout } from '../normalise.ts';
import { SourceFormatError, type SourceText } from './types.ts';

/**
 * Word (.docx) → the text Word itself writes when a document is saved as plain text, which the
 * ingest already reads (seed 003 is such a file): one line per paragraph; a table row as one
 * tab-led line per cell, a cell's further paragraphs on lines of their own, and an empty line
 * after the row. So a .docx and its .txt export parse alike, through the same normaliser.
 *
 * Read from the package's XML itself (fflate + xmldom) rather than through an HTML converter,
 * because the structure the recognisers need is in the XML: the table grid (w:gridSpan), cells
 * merged down a column (w:vMerge), and Word's automatic numbering (w:numPr), printed here as the
 * number Word shows (`1.`, `（二）`, `三、`).
 *
 * Merged cells: a cell merged down a column is one cell, carried to every row it spans in
 * the table model (`readDocx`). The text prints it once, in its first row, and its other rows
 * as empty cells, like Word; those lines are listed in `mergedLines` so a recogniser can carry
 * the cell down (a 牵头部门 cell shared by several measures). A cell spanning columns keeps
 * the grid: its covered columns print as empty cells, so every row has the header's width.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

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

/** A .docx's body as paragraphs and tables, in document order. */
export function readDocx(bytes: Uint8Array): DocxBlock[] {
  if (isOleFile(bytes)) {
    throw new SourceFormatError(
      '不是 .docx 文件包，而是 OLE 文件：可能设有密码，或是改了扩展名的 Word 97–2003 文档',
      '请去掉密码，或用 Word 或 LibreOffice 打开并另存为 .docx（Word 文档）或 .txt，然后重新构建',
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('word/') && f.name.endsWith('.xml') });
  } catch (error) {
    throw new SourceFormatError(
      `无法作为 .docx（zip）文件包打开（${(error as Error).message}）：文件已损坏，或不是 Word 文档`,
      '请用 Word 或 LibreOffice 打开后重新另存为 .docx，或另存为 .txt，然后重新构建',
    );
  }
  const main = files['word/document.xml'];
  if (!main) {
    throw new SourceFormatError('是 zip 压缩包，但其中没有 word/document.xml，不是 Word 文档', '请在 Word 中把文档另存为 .docx 或 .txt，然后重新构建');
  }
  const numbering = new Numbering(parseXml(files['word/numbering.xml']), parseXml(files['word/styles.xml']));
  const body = first(parseXml(main)?.documentElement, 'body');
  if (!body) throw new SourceFormatError('没有正文（word/document.xml 中没有 w:body）', '请在 Word 中把文档另存为 .docx 或 .txt，然后重新构建');
  return bodyBlocks(body, numbering);
}

/** A .docx → its text as Word's plain-text export prints it (see the module comment). */
export function docxToText(bytes: Uint8Array): SourceText {
  const lines: string[] = [];
  const mergedLines = new Set<number>();
  const paragraphStarts = new Set<number>();
  for (const block of readDocx(bytes)) {
    if (block.kind === 'paragraph') {
      paragraphStarts.add(lines.length + 1);
      lines.push(...block.text.split('\n'));
      continue;
    }
    const width = Math.max(0, ...block.rows.map((r) => r.reduce((w, c) => Math.max(w, c.column + c.span), 0)));
    for (const row of block.rows) {
      for (let column = 0; column < width; ) {
        const cell = row.find((c) => c.column === column);
        if (!cell) {
          lines.push('\t'); // a column the row does not reach (w:gridBefore/After): an empty cell
          column++;
          continue;
        }
        if (cell.continued) {
          mergedLines.add(lines.length + 1);
          lines.push('\t');
        } else {
          const [head = '', ...rest] = cell.paragraphs.flatMap((p) => p.split('\n'));
          lines.push(`\t${head}`, ...rest.map(escapeLeadingTab));
        }
        // Columns covered by a horizontal merge print as empty cells, keeping the grid's width.
        for (let k = 1; k < cell.span; k++) lines.push('\t');
        column += cell.span;
      }
      lines.push('');
    }
  }
  // A Word paragraph is a paragraph: never rejoined like the wrapped lines of a PDF print,
  // nor joined to the one before it (a line break inside one may still be rejoined).
  const layout = detectLayout(lines) === 'wrapped' ? 'lines' : detectLayout(lines);
  return { text: lines.join('\n'), encoding: 'docx', layout, mergedLines, paragraphStarts };
}

/** A cell's later paragraph must not start with a tab, or it would read as a new cell. */
function escapeLeadingTab(line: string): string {
  return line.replace(/^\t+/, '');
}

function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

function parseXml(bytes: Uint8Array | undefined) {
  if (!bytes) return undefined;
  try {
    return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');
  } catch (error) {
    throw new SourceFormatError(`其中的 XML 有错误（${(error as Error).message.split('\n')[0]}）`, '请用 Word 或 LibreOffice 打开后重新另存为 .docx，然后重新构建');
  }
}

function children(el: Element | null | undefined, name?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (!name || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}

function first(el: Element | null | undefined, ...path: string[]): Element | undefined {
  let at: Element | undefined = el ?? undefined;
  for (const name of path) at = children(at, name)[0];
  return at;
}

/** Children named `name`, also inside content controls (w:sdt) and custom XML that wrap rows or cells. */
function wrapped(el: Element, name: string): Element[] {
  return children(el).flatMap((c) =>
    c.localName === name ? [c] : c.localName === 'sdt' ? wrapped(first(c, 'sdtContent') ?? c, name) : c.localName === 'customXml' ? wrapped(c, name) : [],
  );
}

function val(el: Element | undefined): string | undefined {
  return el?.getAttributeNS(W, 'val') || undefined;
}

/** Paragraphs and tables of a container (body, cell, content control), in order. */
function bodyBlocks(container: Element, numbering: Numbering): DocxBlock[] {
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

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * The text boxes (w:txbxContent) anchored in a paragraph, outermost only. Word writes each
 * box twice, as a DrawingML shape (mc:Choice) and as VML for old readers (mc:Fallback): the
 * fallback copy is skipped.
 */
function textBoxes(p: Element): Element[] {
  const boxes: Element[] = [];
  const all = p.getElementsByTagNameNS(W, 'txbxContent');
  for (let i = 0; i < all.length; i++) {
    const box = all[i]!;
    let nested = false;
    for (let at = box.parentNode as Element | null; at && at !== p; at = at.parentNode as Element | null) {
      if ((at.namespaceURI === MC && at.localName === 'Fallback') || (at.namespaceURI === W && at.localName === 'txbxContent')) nested = true;
    }
    if (!nested) boxes.push(box);
  }
  return boxes;
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

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  suffix: string;
}

/**
 * Word's automatic numbering (word/numbering.xml): the number a paragraph shows, counted the
 * way Word counts — per abstract list, a level's counter restarting when a higher level
 * advances, a list instance's start override applied when it is first used.
 */
class Numbering {
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numbering?: ReturnType<typeof parseXml>, styles?: ReturnType<typeof parseXml>) {
    const root = numbering?.documentElement;
    for (const a of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of children(a, 'lvl')) {
        levels.set(Number(lvl.getAttributeNS(W, 'ilvl') ?? 0), {
          start: Number(val(first(lvl, 'start')) ?? 1),
          format: val(first(lvl, 'numFmt')) ?? 'decimal',
          text: val(first(lvl, 'lvlText')) ?? '',
          legal: first(lvl, 'isLgl') !== undefined,
          suffix: val(first(lvl, 'suff')) ?? 'tab',
        });
      }
      this.abstracts.set(a.getAttributeNS(W, 'abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const start = val(first(o, 'startOverride'));
        if (start !== undefined) starts.set(Number(o.getAttributeNS(W, 'ilvl') ?? 0), Number(start));
      }
      this.nums.set(n.getAttributeNS(W, 'numId') ?? '', { abstract: val(first(n, 'abstractNumId')) ?? '', starts });
    }
    for (const s of children(styles?.documentElement, 'style')) {
      const numPr = first(s, 'pPr', 'numPr');
      const ilvl = val(first(numPr, 'ilvl'));
      this.styles.set(s.getAttributeNS(W, 'styleId') ?? '', {
        numId: val(first(numPr, 'numId')),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: val(first(s, 'basedOn')),
      });
    }
  }

  /** The printed number of paragraph `p` (`3.`, `（二）`), or '' when it has none. */
  label(p: Element): string {
    const pPr = first(p, 'pPr');
    const numPr = first(pPr, 'numPr');
    let numId = val(first(numPr, 'numId'));
    let ilvl = val(first(numPr, 'ilvl')) === undefined ? undefined : Number(val(first(numPr, 'ilvl')));
    // Numbering can come from the paragraph's style (heading styles), through its base styles.
    for (let style = val(first(pPr, 'pStyle')), depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      style = s.basedOn;
    }
    if (!numId || numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = ilvl ?? 0;
    if (!num || !levels?.get(level)) return '';
    const counter = this.counters.get(num.abstract) ?? [];
    this.counters.set(num.abstract, counter);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.starts) counter[l] = start - 1;
    }
    counter[level] = (counter[level] ?? (levels.get(level)!.start - 1)) + 1;
    counter.length = level + 1; // deeper levels restart
    const lvl = levels.get(level)!;
    if (lvl.format === 'bullet' || lvl.format === 'none') return '';
    const printed = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const at = levels.get(l);
      const value = counter[l] ?? at?.start ?? 1;
      return formatNumber(value, lvl.legal && l < level ? 'decimal' : (at?.format ?? 'decimal'));
    });
    return printed + (lvl.suffix === 'space' ? ' ' : '');
  }
}

const DIGITS = '〇一二三四五六七八九';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** A counter in one of Word's number formats (the ones Chinese documents use, and Latin ones). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return latinLetters(n).toLowerCase();
    case 'upperLetter':
      return latinLetters(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n); // decimal, decimalFullWidth (read as ASCII digits later), unknown formats
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  let out = '';
  let zero = false;
  String(n)
    .split('')
    .forEach((d, i, all) => {
      const digit = Number(d);
      const unit = units[all.length - 1 - i]!;
      if (digit === 0) zero = out !== '';
      else {
        out += (zero ? '零' : '') + DIGITS[digit] + unit;
        zero = false;
      }
    });
  return out;
}

function latinLetters(n: number): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}
