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
