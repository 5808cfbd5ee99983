/** Word's automatic numbering: the number each paragraph shows, counted the way Word counts. */
import type { Element } from '@xmldom/xmldom';
import { formatNumber } from './number-formats.ts';
import { children, first, type parseXml, val, W } from './package.ts';

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
export class Numbering {
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  /** Abstract lists counted as the continuation of another (joinSplitLists). */
  private readonly continues = new Map<string, string>();
  /** Each abstract list's place in numbering.xml. */
  private readonly order = new Map<string, number>();

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
      this.order.set(a.getAttributeNS(W, 'abstractNumId') ?? '', this.order.size);
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

  /** The list a paragraph is in (its own numPr, else its style's, through base styles), or undefined. */
  private listOf(p: Element): { numId: string; level: number } | undefined {
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
    if (!numId || numId === '0') return undefined;
    const num = this.nums.get(numId);
    const level = ilvl ?? 0;
    if (!num || !this.abstracts.get(num.abstract)?.get(level)) return undefined;
    return { numId, level };
  }

  /**
   * Count a one-paragraph list and the list that follows it as one list. For .doc and .wps
   * files saved by LibreOffice: its Word 97 writer saves a list that starts its numbering
   * again (a .docx list instance with a start override, Word's 重新开始编号) as two Word lists,
   * its first paragraph alone in a copy of the list that it appends to the file's list table,
   * the rest in the list itself, so the file numbers them 1, 1, 2, 3… (LibreOffice's own text
   * export prints that) where its author's list was 1, 2, 3, 4. Joined only when the next
   * numbered paragraph, at the same level, begins a list that is defined alike (every level's
   * start, format and text), sets no start of its own, and comes earlier in the list table
   * than the lone paragraph's: two lists the author made one after the other are never
   * joined, since the second comes later in the table. The converter turns this on for Word 97
   * and WPS sources only: in a .docx, two lists are two lists.
   * `paragraphs`: every w:p of the document, in document order.
   */
  joinSplitLists(paragraphs: Iterable<Element>): void {
    const numbered: { abstract: string; numId: string; level: number }[] = [];
    const uses = new Map<string, number>();
    for (const p of paragraphs) {
      const list = this.listOf(p);
      if (!list) continue;
      const abstract = this.nums.get(list.numId)!.abstract;
      numbered.push({ abstract, ...list });
      uses.set(abstract, (uses.get(abstract) ?? 0) + 1);
    }
    const begun = new Set<string>();
    for (const [i, alone] of numbered.entries()) {
      const next = numbered[i + 1];
      begun.add(alone.abstract);
      if (!next || uses.get(alone.abstract) !== 1 || next.level !== alone.level || begun.has(next.abstract)) continue;
      if (this.nums.get(next.numId)!.starts.size > 0) continue;
      const [a, b] = [this.abstracts.get(alone.abstract)!, this.abstracts.get(next.abstract)!];
      if (this.order.get(next.abstract)! < this.order.get(alone.abstract)! && sameLevels(a, b)) this.continues.set(next.abstract, alone.abstract);
    }
  }

  /** The printed number of paragraph `p` (`3.`, `（二）`), or '' when it has none. */
  label(p: Element): string {
    const list = this.listOf(p);
    if (!list) return '';
    const { numId, level } = list;
    const num = this.nums.get(numId)!;
    const levels = this.abstracts.get(num.abstract)!;
    let counted = num.abstract;
    for (let hops = 0; this.continues.has(counted) && hops < 100; hops++) counted = this.continues.get(counted)!;
    const counter = this.counters.get(counted) ?? [];
    this.counters.set(counted, counter);
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

function sameLevels(a: Map<number, Level>, b: Map<number, Level>): boolean {
  const key = (m: Map<number, Level>) => JSON.stringify([...m].sort(([x], [y]) => x - y));
  return key(a) === key(b);
}
