/**
 * The layout space: every dimension a generated document varies along, its values, which
 * documents it applies to, and the rules that keep a combination one a government office would
 * publish (a Markdown heading only in a .md file, Word's bold headings only in a .docx, a list
 * numbered one level below its heading: 一、 > （一） > 1. > （1） > ①).
 */
import type { Random } from './random.ts';

export const DIMENSIONS = {
  /** Which ground truth the document renders: a plan (001), a key-task list (003), a report (002). */
  source: ['plan', 'tasklist', 'report'],
  container: ['txt', 'md', 'docx', 'pdf', 'html'],
  /** How much of the truth: a whole plan, both plans in one file, some domains, one, an excerpt (节选) from a measure on. */
  subset: ['whole', 'both', 'domains', 'one-domain', 'excerpt'],
  encoding: ['utf-8', 'utf-8-bom', 'gbk', 'gb18030', 'utf-16le-bom'],
  lineEnds: ['lf', 'crlf'],
  digits: ['ascii', 'full-width'],
  /** `（一）妇女与健康` `（一）妇女与健康。` `一、…` `第三章 …` `第一节 …` `【…】` `## …` `1.…` `（一）…领域`, Word bold, Word heading style. */
  domainHeading: ['paren', 'paren-stop', 'cn-comma', 'chapter', 'section', 'lenticular', 'markdown', 'arabic', 'paren-field', 'bold', 'word-heading'],
  /** `1.` `1．` `1、` `（1）` `(1)` `⑴` `①`, Word automatic numbering. */
  itemNumber: ['dot', 'fw-dot', 'comma', 'fw-paren', 'paren', 'paren-glyph', 'circled', 'word-auto'],
  /** `主要目标：` `主要目标` `（一）主要目标` `1.主要目标`, `主要目标：1.…` with the first item on its line. */
  listHeading: ['colon', 'bare', 'paren', 'arabic', 'inline'],
  /** Plain text: one paragraph per line, a blank line between, first-line indents, a PDF's text layer hard-wrapped. */
  text: ['line', 'blank-lines', 'indent', 'pdf-wrap'],
  /** Page numbers of PDFs and their text layer: `- 4 -` or `第 4 页`. */
  pageNumber: ['dash', 'page'],
  /** Running header on every page: the issuer, `XX市人民政府规范性文件`, or none. */
  runningHeader: ['issuer', 'normative', 'none'],
  /** Common characters as Kangxi radicals (U+2F00–), and CJK Radicals Supplement (U+2E80–) too. */
  radicals: ['none', 'kangxi', 'kangxi+supplement'],
  /** PDF paragraphs: first-line indent, or a hanging number (number in the margin, wrapped lines after it). */
  pdfIndent: ['first-line', 'hanging'],
  /** Task-table columns: seed 003's five, no 配合部门, no 主要目标, another order, `序号 | 发展领域 | 重点任务 | 牵头单位 | 责任单位`. */
  table: ['five', 'no-partner', 'no-goals', 'reordered', 'serial'],
  /** A task table as text: Word's plain-text export (seed 003), or copied from a spreadsheet. */
  tableText: ['word-export', 'spreadsheet'],
  /** Departments in one cell: `、`, `，`, one paragraph each. */
  departments: ['dunhao', 'comma', 'paragraphs'],
  /** Report items: `（一）` paragraphs, or prose (each paragraph one field, no marker). */
  report: ['numbered', 'prose'],
} as const satisfies Record<string, readonly string[]>;

export type Dimension = keyof typeof DIMENSIONS;
export type Layout = { [D in Dimension]: (typeof DIMENSIONS)[D][number] };
export type Source = Layout['source'];

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];

/** Each source's plainest layout: what one-dimension-at-a-time documents vary from. */
export const BASE: Record<Source, Layout> = {
  plan: {
    source: 'plan', container: 'txt', subset: 'domains', encoding: 'utf-8', lineEnds: 'lf', digits: 'ascii',
    domainHeading: 'paren-stop', itemNumber: 'dot', listHeading: 'colon', text: 'line', pageNumber: 'dash',
    runningHeader: 'none', radicals: 'none', pdfIndent: 'first-line', table: 'five', tableText: 'word-export',
    departments: 'dunhao', report: 'numbered',
  },
  tasklist: {
    source: 'tasklist', container: 'txt', subset: 'domains', encoding: 'utf-8', lineEnds: 'lf', digits: 'ascii',
    domainHeading: 'paren', itemNumber: 'dot', listHeading: 'colon', text: 'line', pageNumber: 'dash',
    runningHeader: 'none', radicals: 'none', pdfIndent: 'first-line', table: 'five', tableText: 'word-export',
    departments: 'dunhao', report: 'numbered',
  },
  report: {
    source: 'report', container: 'txt', subset: 'whole', encoding: 'utf-8', lineEnds: 'lf', digits: 'ascii',
    domainHeading: 'paren', itemNumber: 'dot', listHeading: 'colon', text: 'blank-lines', pageNumber: 'dash',
    runningHeader: 'none', radicals: 'none', pdfIndent: 'first-line', table: 'five', tableText: 'word-export',
    departments: 'dunhao', report: 'numbered',
  },
};

const TEXT_CONTAINERS = new Set(['txt', 'md']);

/** Does dimension `d` change anything in a document of this layout? (Not: the table's columns of a plan.) */
export function applies(d: Dimension, l: Layout): boolean {
  switch (d) {
    case 'source':
    case 'container':
    case 'digits':
      return true;
    case 'subset':
      return l.source !== 'report';
    case 'encoding':
    case 'lineEnds':
      return TEXT_CONTAINERS.has(l.container) || l.container === 'html';
    case 'domainHeading':
    case 'itemNumber':
    case 'listHeading':
      return l.source === 'plan';
    case 'text':
      return TEXT_CONTAINERS.has(l.container) && !(l.source === 'tasklist');
    case 'pageNumber':
    case 'runningHeader':
      return l.container === 'pdf' || (l.container === 'txt' && l.text === 'pdf-wrap');
    case 'radicals':
      return l.container === 'pdf' || (l.container === 'txt' && l.text === 'pdf-wrap');
    case 'pdfIndent':
      return l.container === 'pdf';
    case 'table':
    case 'departments':
      return l.source === 'tasklist';
    case 'tableText':
      return l.source === 'tasklist' && l.container === 'txt';
    case 'report':
      return l.source === 'report';
  }
}

/** Numbering levels of the Chinese outline: 第X章 > 一、 > （一） > 1. > （1） > ①. Unnumbered: none. */
const DOMAIN_LEVEL: Partial<Record<Layout['domainHeading'], number>> = { chapter: 0, section: 0.5, 'cn-comma': 1, paren: 2, 'paren-stop': 2, 'paren-field': 2, arabic: 3 };
const LIST_LEVEL: Partial<Record<Layout['listHeading'], number>> = { paren: 2, arabic: 3 };
const ITEM_LEVEL: Record<Layout['itemNumber'], number> = { dot: 3, 'fw-dot': 3, comma: 3, 'word-auto': 3, 'fw-paren': 4, paren: 4, 'paren-glyph': 4, circled: 5 };

/** The rules a combination breaks (empty: publishable). */
export function violations(l: Layout): string[] {
  const v: string[] = [];
  const rule = (ok: boolean, name: string) => ok || v.push(name);
  rule(l.source === 'plan' || l.container !== 'md', 'only plans are written in Markdown');
  rule(l.source !== 'tasklist' || l.container !== 'pdf', 'task tables are not printed to PDF here');
  rule(l.domainHeading !== 'markdown' || l.container === 'md' || l.source !== 'plan', 'Markdown headings need .md');
  rule(l.container !== 'md' || l.domainHeading === 'markdown' || l.source !== 'plan', 'a .md plan heads its domains with #');
  rule(!['bold', 'word-heading'].includes(l.domainHeading) || l.container === 'docx' || l.source !== 'plan', 'bold or styled headings need .docx');
  rule(l.itemNumber !== 'word-auto' || l.container === 'docx' || l.source !== 'plan', "Word's numbering needs .docx");
  rule(l.text !== 'pdf-wrap' || l.container === 'txt' || !applies('text', { ...l, text: 'line' }), 'a PDF text layer is .txt');
  rule(l.radicals === 'none' || applies('radicals', l), 'radicals come from PDF text layers');
  rule(l.encoding !== 'utf-16le-bom' || l.container !== 'html', 'web pages are not UTF-16');
  rule(l.container !== 'html' || l.encoding !== 'utf-8-bom', 'web pages declare their charset, no BOM');
  rule(l.source !== 'tasklist' || l.tableText !== 'spreadsheet' || l.departments !== 'paragraphs', 'a spreadsheet copy has no paragraphs in a cell');
  rule(!(l.source === 'tasklist' && l.table === 'serial' && l.tableText === 'spreadsheet'), 'serial tables come from Word');
  rule(!(l.subset === 'both' && l.source === 'plan' && l.container === 'pdf'), 'PDFs print one plan (kept small)');
  rule(!(l.subset === 'whole' && l.container === 'pdf'), 'PDFs print a part of a plan (kept small)');
  rule(!(l.source === 'tasklist' && l.subset === 'excerpt'), 'excerpts are of plans');
  rule(!(l.itemNumber === 'word-auto' && l.subset === 'excerpt' && l.source === 'plan'), "Word's numbering starts lists at 1, an excerpt does not");
  const gbk = l.encoding === 'gbk' && applies('encoding', l);
  rule(!(gbk && l.source === 'plan' && l.itemNumber === 'circled'), 'GBK has no ⑪–⑳');
  rule(!(gbk && l.radicals !== 'none'), 'GBK has no radicals');
  if (l.source === 'plan') {
    const d = DOMAIN_LEVEL[l.domainHeading] ?? -1;
    const h = LIST_LEVEL[l.listHeading] ?? d + 0.1;
    // Three rules, not one, so that a repair can mend them one dimension at a time.
    rule(d < h, 'list headings are numbered below domain headings');
    rule(h < ITEM_LEVEL[l.itemNumber], 'items are numbered below list headings');
    rule(d < ITEM_LEVEL[l.itemNumber], 'items are numbered below domain headings');
  }
  return v;
}

/**
 * Repair a combination: change dimensions not in `fixed`, one at a time, to the value that
 * breaks fewest rules (its base value preferred), until none is broken.
 */
export function repair(layout: Layout, fixed: ReadonlySet<Dimension>): Layout {
  const base = BASE[layout.source];
  // Dimensions that mean nothing for a layout go back to the base (radicals of a Word file).
  const settle = (l: Layout): Layout => {
    let out = l;
    for (let k = 0; k < 2; k++) for (const d of DIMENSION_NAMES) if (!fixed.has(d) && !applies(d, out) && out[d] !== base[d]) out = { ...out, [d]: base[d] };
    return out;
  };
  let l = settle({ ...layout });
  for (let pass = 0; pass < 4 && violations(l).length > 0; pass++) {
    for (const d of DIMENSION_NAMES) {
      if (fixed.has(d) || d === 'source' || violations(l).length === 0) continue;
      const values = [l[d], base[d], ...DIMENSIONS[d]] as Layout[typeof d][];
      let best = l;
      for (const value of values) {
        const candidate = settle({ ...l, [d]: value } as Layout);
        if (violations(candidate).length < violations(best).length) best = candidate;
      }
      l = best;
    }
  }
  const left = violations(l);
  if (left.length > 0) throw new Error(`layout ${JSON.stringify(layout)} cannot be made publishable: ${left.join('; ')}`);
  return l;
}

/**
 * Where each dimension is varied alone: the sources (and containers) it means something for.
 * Page furniture and radicals live in PDFs and their text layers, so they vary in those.
 */
const STARTS: Record<Exclude<Dimension, 'source'>, Partial<Layout>[]> = {
  container: [{ source: 'plan' }, { source: 'tasklist' }, { source: 'report' }],
  subset: [{ source: 'plan' }, { source: 'tasklist' }],
  encoding: [{ source: 'plan' }, { source: 'tasklist' }, { source: 'report' }],
  lineEnds: [{ source: 'plan' }, { source: 'tasklist' }, { source: 'report' }],
  digits: [{ source: 'plan' }, { source: 'tasklist' }, { source: 'report' }],
  domainHeading: [{ source: 'plan' }],
  itemNumber: [{ source: 'plan' }],
  listHeading: [{ source: 'plan' }],
  text: [{ source: 'plan' }, { source: 'report' }],
  pageNumber: [{ source: 'plan', text: 'pdf-wrap', runningHeader: 'issuer' }, { source: 'plan', container: 'pdf' }],
  runningHeader: [{ source: 'plan', text: 'pdf-wrap' }, { source: 'plan', container: 'pdf' }],
  radicals: [{ source: 'plan', text: 'pdf-wrap' }, { source: 'plan', container: 'pdf' }, { source: 'report', text: 'pdf-wrap' }],
  pdfIndent: [{ source: 'plan', container: 'pdf' }, { source: 'report', container: 'pdf' }],
  table: [{ source: 'tasklist' }, { source: 'tasklist', container: 'docx' }],
  tableText: [{ source: 'tasklist' }],
  departments: [{ source: 'tasklist' }, { source: 'tasklist', container: 'docx' }],
  report: [{ source: 'report' }, { source: 'report', container: 'docx' }],
};

export interface LayoutSpec {
  layout: Layout;
  /** The dimension this document varies alone, or null for a random combination. */
  varied: Dimension | null;
}

/**
 * One document per dimension, value and source it applies to, everything else at the base
 * (repaired where the value needs it: `bold` brings .docx along), `repeat` times; with
 * `firstStartOnly`, only the first source (and container) each dimension is varied in.
 */
export function oneAtATime({ dimension, repeat = 1, firstStartOnly = false }: { dimension?: Dimension; repeat?: number; firstStartOnly?: boolean } = {}): LayoutSpec[] {
  const specs: LayoutSpec[] = [];
  for (const d of DIMENSION_NAMES) {
    if (d === 'source' || (dimension && d !== dimension)) continue;
    for (const over of firstStartOnly ? STARTS[d].slice(0, 1) : STARTS[d]) {
      for (const value of DIMENSIONS[d]) {
        // A government web page is typically GBK, declared in its <meta>.
        const start = { ...BASE[over.source!], ...over, [d]: value, ...(d === 'container' && value === 'html' ? { encoding: 'gbk' } : {}) } as Layout;
        let layout: Layout;
        try {
          layout = repair(start, new Set<Dimension>([d, ...(Object.keys(over) as Dimension[])]));
        } catch {
          continue; // a value this source cannot be published with (a task table in Markdown)
        }
        if (!applies(d, layout)) continue;
        for (let k = 0; k < repeat; k++) specs.push({ layout, varied: d });
      }
    }
  }
  return specs;
}

/** Container weights in random combinations: PDFs are slow to write and read, so fewer. */
const CONTAINER_WEIGHTS: Record<Layout['container'], number> = { txt: 5, md: 1.5, docx: 3, pdf: 0.6, html: 1.5 };

export function randomLayout(rng: Random, source?: Source): Layout {
  const s = source ?? rng.pick(DIMENSIONS.source);
  const l = { ...BASE[s] } as Record<Dimension, string>;
  for (const d of DIMENSION_NAMES) {
    if (d === 'source') continue;
    if (d === 'container') {
      const entries = Object.entries(CONTAINER_WEIGHTS);
      let x = rng.next() * entries.reduce((n, [, w]) => n + w, 0);
      l.container = entries.find(([, w]) => (x -= w) < 0)?.[0] ?? 'txt';
      continue;
    }
    l[d] = rng.pick(DIMENSIONS[d]);
  }
  try {
    return repair(l as Layout, new Set<Dimension>(['source', 'container']));
  } catch {
    return repair(l as Layout, new Set<Dimension>(['source']));
  }
}
