/** Printing the page: one line per paragraph, headings as Markdown, tables as tab-led cells, chrome on lines of its own with its reason. */
import type { Element, ElementContent } from 'hast';
import type { Removed } from '../../../types.ts';
import { chromeReason, type Page } from './chrome.ts';
import { ATTACHMENT_FILE, BLOCK, CODE, isElement, plainText, squash } from './hast.ts';
import type { Line, Reason } from './model.ts';
import { isDataTable, tableGrid } from './tables.ts';

const WIDE = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u2018-\\u201d\\u2014\\u2026]';
/** A line break in the page's source between two Chinese characters is no space (CSS Text's segment-break rule). */
const SEGMENT_BREAK = new RegExp(`(?<=${WIDE})\\u0001(?=${WIDE})`, 'g');

/** One line in the making: text runs, and whether every visible run was bold. */
class LineBuffer {
  text = '';
  allBold = true;
  add(text: string, bold: boolean, pre: boolean) {
    const t = pre ? text : text.replace(/[\t\n\r\f ]*[\n\r][\t\n\r\f ]*/g, '\u0001').replace(/[\t\f ]+/g, ' ');
    if (t.replace(/[\s\u0001\u00a0\u3000]/g, '') !== '' && !bold) this.allBold = false;
    this.text += t;
  }
  /** The line as printed: indent measured, spaces tidied; null when empty. */
  take(): { text: string; indented: boolean; bold: boolean } | null {
    const raw = this.text.replace(SEGMENT_BREAK, '').replace(/\u0001/g, ' ').replace(/\u00a0/g, ' ');
    const bold = this.allBold;
    this.text = '';
    this.allBold = true;
    const text = raw.replace(/ {2,}/g, (m, at: number) => (at === 0 ? m : ' ')).trim();
    if (text === '') return null;
    return { text, indented: /^[ \u3000]{2,}|^\u3000/.test(raw.replace(/^ (?=\u3000)/, '')), bold };
  }
}

/** Where the printer is: in the article, in its heading outside it, or in the page around them. */
type Where = 'article' | 'title' | 'outside';

export class Printer {
  readonly lines: Line[] = [];
  readonly attachments: string[] = [];
  images = 0;
  private readonly buffer = new LineBuffer();
  private reason: Reason | null = null;
  private nextStart = true;
  /** Printing prose found outside the article, kept. */
  private outside = false;
  /** The line after a bold-only line begins a paragraph: the bold line is a heading. */
  private afterBold = false;
  /** The number of the ordered list's item about to be printed. */
  private number = '';

  constructor(
    private readonly page: Page,
    reason: Reason | null = null,
  ) {
    this.reason = reason;
  }

  /** Close the line in the making. `start`: the next line begins a paragraph. */
  flush(start = true): void {
    const line = this.buffer.take();
    if (line) {
      this.lines.push({ text: line.text, reason: this.reason, start: this.nextStart || line.indented || line.bold || this.afterBold, ...(this.outside ? { outside: true } : {}) });
      this.afterBold = line.bold;
      this.nextStart = start;
    } else if (start) this.nextStart = true;
  }

  /** A whole line: a cell, a heading, a removed script's description. Removed chrome prints no empty lines. */
  line(text: string, reason: Reason | null, extra: Partial<Line> = {}): void {
    this.flush();
    if (reason === null || text.trim() !== '') this.lines.push({ text, reason, start: true, ...extra });
    this.nextStart = true;
    this.afterBold = false;
  }

  walk(node: ElementContent | Element, where: Where, bold = false, pre = false): void {
    if (node.type === 'text') {
      // Text standing loose in the page around the article (`<body>欢迎访问…`) is chrome.
      if (where === 'outside' && this.reason === null && !this.outside && node.value.trim() !== '') {
        return this.withReason('page-chrome', () => this.buffer.add(node.value, bold, pre));
      }
      this.buffer.add(node.value, bold, pre);
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    const here: Where = el === this.page.article ? 'article' : el === this.page.title ? 'title' : where;
    if (this.reason !== null) {
      // Inside removed chrome: printed as it is, so that the record of it is whole.
      if (!CODE.has(el.tagName)) this.content(el, here, bold, pre);
      return;
    }
    const decided = chromeReason(el, this.page, here === 'article');
    if (decided === 'page-code') {
      if (/^(script|style|noscript|iframe|object|embed)$/.test(el.tagName)) this.line(describeCode(el), 'page-code');
      return;
    }
    if (decided !== null && decided !== 'descend') return this.withReason(decided, () => this.content(el, here, bold, pre));
    if (decided === null && here === 'outside' && !this.outside) {
      // Prose outside the article: kept, and noted.
      this.flush();
      this.outside = true;
      this.content(el, here, bold, pre);
      this.flush();
      this.outside = false;
      return;
    }
    this.content(el, here, bold, pre);
  }

  private withReason(reason: Reason, run: () => void): void {
    this.flush();
    const before = this.reason;
    this.reason = reason;
    run();
    this.flush();
    this.reason = before;
  }

  private content(el: Element, where: Where, bold: boolean, pre: boolean): void {
    const tag = el.tagName;
    if (tag === 'br') return this.flush(false);
    // A table around the article lays the page out: walked through, never printed as data.
    if (tag === 'table' && !this.page.through.has(el) && el !== this.page.article && isDataTable(el)) return this.table(el, where);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const inner = new Printer(this.page, this.reason);
      for (const c of el.children) inner.walk(c, where, true, pre);
      inner.flush();
      this.attachments.push(...inner.attachments);
      const text = inner.lines.map((l) => l.text).join(' ');
      if (text) this.line(this.reason === null ? `${'#'.repeat(Number(heading[1]))} ${text}` : text, this.reason);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    if (tag === 'li' && this.number) {
      // An ordered list's item shows its number, as a browser draws it.
      this.buffer.add(this.number, bold, true);
      this.number = '';
    }
    const strong = bold || tag === 'strong' || tag === 'b' || /font-weight\s*:\s*(bold|[6-9]00)/.test(String(el.properties?.style ?? ''));
    const isPre = pre || tag === 'pre';
    if (tag === 'ol') {
      let n = Number(el.properties?.start ?? 1) || 1;
      for (const c of el.children) {
        if (isElement(c) && c.tagName === 'li') this.number = `${n++}.`;
        this.walk(c, where, strong, isPre);
      }
      this.flush();
      return;
    }
    for (const c of el.children) this.walk(c, where, strong, isPre);
    if (tag === 'a') this.attachment(el, strong);
    if (tag === 'img' && this.reason === null && where === 'article') this.images++;
    if (block) this.flush();
  }

  /** A link to an attachment keeps its file named in the text (the file is not fetched). */
  private attachment(a: Element, bold: boolean): void {
    const href = String(a.properties?.href ?? '');
    const file = decodeURIComponentSafe(href.split(/[?#]/)[0]!.split('/').pop() ?? '');
    if (!ATTACHMENT_FILE.test(file)) return;
    const text = squash(plainText(a));
    if (this.reason === null) this.attachments.push(ATTACHMENT_FILE.test(text) ? text : `${text ? `${text}（${file}）` : file}`);
    if (!ATTACHMENT_FILE.test(text)) this.buffer.add(`（${file}）`, bold, true);
  }

  /**
   * A data table, printed as formats/docx.ts prints Word's: a tab-led line per cell (its further
   * paragraphs on lines of their own), an empty line after each row; a cell a rowspan carries
   * down prints empty, in `mergedLines`; columns a colspan covers print empty. Removed tables
   * (a metadata table) print their cells as plain lines.
   */
  private table(el: Element, where: Where): void {
    this.flush();
    const caption = el.children.find((c): c is Element => isElement(c) && c.tagName === 'caption');
    if (caption) this.walk(caption, where);
    for (const row of tableGrid(el)) {
      for (const slot of row) {
        if (!slot.cell) {
          this.line('\t', this.reason, slot.merged ? { merged: true } : {});
          continue;
        }
        const inner = new Printer(this.page, this.reason);
        for (const child of slot.cell.children) inner.walk(child, where);
        inner.flush();
        this.attachments.push(...inner.attachments);
        this.images += inner.images;
        const [head, ...rest] = inner.lines.map((l) => l.text.replace(/^\t+/, '')).filter((t) => t.trim() !== '');
        if (this.reason !== null) {
          for (const t of [head, ...rest]) if (t) this.line(t, this.reason);
          continue;
        }
        this.line(`\t${head ?? ''}`, null);
        for (const t of rest) this.lines.push({ text: t, reason: null, start: false });
      }
      this.line('', this.reason);
    }
  }
}


function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function describeCode(el: Element): string {
  const src = el.properties?.src ?? el.properties?.href;
  if (src) return `<${el.tagName} src="${String(src)}">`;
  const code = plainText(el).replace(/\s+/g, ' ').trim();
  return `<${el.tagName}>（${code.length} 个字符）`;
}
