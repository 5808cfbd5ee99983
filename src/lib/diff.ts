/**
 * What one city added, dropped or reworded, compared with another city's version of the same
 * measure: a word diff for Chinese, merged into readable phrases. DOM-free, so the topic pages
 * (at build time) and the compare page (in the browser) mark differences with the same code.
 *
 * Words are jieba's lossless segmentation of the item text, cut by the ingest (a Chinese
 * dictionary is far too large for the browser) and shipped as a compact string of word
 * lengths (`encodeCuts`). The diff itself is jsdiff's `diffArrays` (Myers) over those words;
 * what this module adds is the merging: a short run of shared words between two changes
 * (`的`, `、`, `妇女`) is folded into one rewording, so the reader sees phrases, not confetti.
 */
import { diffArrays } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';

/** A run of text: in both versions, only in the second (`insert`) or only in the first (`delete`). */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Longest word one cut character can state (`z` in base 36); longer words take several. */
const MAX_CUT = 35;

/**
 * Words → their lengths (UTF-16 units) as one base-36 character each: `['加强', '母婴', '。']`
 * → `'221'`. A word longer than 35 units is cut into pieces, which changes nothing for a diff
 * but keeps the code one character per piece.
 */
export function encodeCuts(words: readonly string[]): string {
  let out = '';
  for (const w of words) {
    let n = w.length;
    while (n > MAX_CUT) {
      out += MAX_CUT.toString(36);
      n -= MAX_CUT;
    }
    if (n > 0) out += n.toString(36);
  }
  return out;
}

/**
 * A text's words from its cuts. Without cuts, or with cuts that do not add up to the text
 * (a stale or foreign entry), the text is split into characters: the diff is then finer but
 * never loses or invents text.
 */
export function splitWords(text: string, cuts?: string | null): string[] {
  if (cuts) {
    const words: string[] = [];
    let at = 0;
    for (const c of cuts) {
      const n = parseInt(c, 36);
      if (!(n > 0)) break;
      words.push(text.slice(at, (at += n)));
    }
    if (at === text.length) return words;
  }
  return Array.from(text);
}

export interface MergeOptions {
  /**
   * Longest shared run (in characters, punctuation and spaces not counted) that may be folded
   * into the changes around it, when it is at most a third of each of them. A run of one
   * character (`的`, `和`) or of punctuation only is always folded.
   */
  maxAbsorbed?: number;
  /**
   * Most edits a diff may take (in words) before it gives up and reports the whole of one
   * text replaced by the other: two unrelated long texts cost quadratic time otherwise.
   */
  maxEditLength?: number;
}

const DEFAULTS: Required<MergeOptions> = { maxAbsorbed: 4, maxEditLength: 4000 };

/** A run both texts share, or a place where they differ (words `del` from the first, `ins` from the second). */
type Hunk = { equal: string[] } | { del: string[]; ins: string[] };

/** Characters that count for a run's size: letters, digits and Chinese characters. */
const CONTENT = /[\p{L}\p{N}]/gu;
const size = (words: readonly string[]) => words.reduce((n, w) => n + (w.match(CONTENT)?.length ?? 0), 0);
/** A sentence or line ends here: changes on either side belong to different sentences. */
const SENTENCE_END = /[。；！？;!?\n]/;

/**
 * Spaces and line breaks ride on the word before them (or the first word), so a city whose
 * PDF text spaced its numbers (`在 90%`) does not differ from one that did not (`在90%`) in
 * which words it has, only in spacing.
 */
function withSpacing(words: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const w of words) {
    if (!/\S/.test(w)) {
      if (out.length) out[out.length - 1] += w;
      else pending += w;
    } else {
      out.push(pending + w);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}

const squash = (w: string) => w.replace(/\s+/g, '');

/** Two words that differ only in spacing, as shared characters and spacing-only changes. */
function spacingHunks(a: string, b: string, out: Hunk[]): void {
  let i = 0;
  let j = 0;
  const emit = (h: Hunk) => {
    const last = out[out.length - 1];
    if ('equal' in h && last && 'equal' in last) last.equal.push(...h.equal);
    else if ('del' in h && last && 'del' in last) (last.del.push(...h.del), last.ins.push(...h.ins));
    else out.push(h);
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      emit({ equal: [a[i]!] });
      i++;
      j++;
    }
    else if (i < a.length && /\s/.test(a[i]!)) emit({ del: [a[i++]!], ins: [] });
    else emit({ del: [], ins: [b[j++]!] });
  }
}

function hunks(a: readonly string[], b: readonly string[], maxEditLength: number): Hunk[] {
  const wa = withSpacing(a);
  const wb = withSpacing(b);
  // Compared without their spacing, as numbers (one per distinct word, squashed once rather
  // than on every comparison); the walk below takes each side's own words by position.
  const codes = new Map<string, number>();
  const code = (w: string) => {
    const k = squash(w);
    let n = codes.get(k);
    if (n === undefined) codes.set(k, (n = codes.size));
    return n;
  };
  const changes = diffArrays(wa.map(code), wb.map(code), { maxEditLength });
  if (!changes) return [{ del: [...a], ins: [...b] }];
  const out: Hunk[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    if (!c.count) continue;
    if (!c.added && !c.removed) {
      // Equal words: from each side its own spelling (the diff reports only the second's).
      for (let k = 0; k < c.count; k++) {
        const x = wa[ia++]!;
        const y = wb[ib++]!;
        if (x === y) {
          const last = out[out.length - 1];
          if (last && 'equal' in last) last.equal.push(x);
          else out.push({ equal: [x] });
        } else spacingHunks(x, y, out);
      }
      continue;
    }
    const words = c.removed ? wa.slice(ia, (ia += c.count)) : wb.slice(ib, (ib += c.count));
    const last = out[out.length - 1];
    if (last && 'del' in last) (c.removed ? last.del : last.ins).push(...words);
    else out.push(c.removed ? { del: words, ins: [] } : { del: [], ins: words });
  }
  return out;
}

/** A change of spacing only. */
const isSpacing = (h: Hunk) => 'del' in h && !/\S/.test(h.del.join('') + h.ins.join(''));

/**
 * Fold short shared runs between two changes into one change: `坚持预防为主，[健全]多部门` vs
 * `推进[健全]妇女…` reads better as one rewording than as two changes around a shared word.
 * A shared run is folded when it is a single character or only punctuation, or when it is
 * at most `maxAbsorbed` characters and a third of the change on each side of it (a bounded
 * form of the semantic clean-up of diff-match-patch); never across the end of a sentence.
 */
function merge(list: Hunk[], maxAbsorbed: number): Hunk[] {
  const out: Hunk[] = [];
  for (const h of list) {
    out.push(h);
    // Fold while the last three are change, short shared run, change.
    for (;;) {
      const n = out.length;
      if (n < 3) break;
      const [left, mid, right] = [out[n - 3]!, out[n - 2]!, out[n - 1]!];
      if (!('del' in left) || !('equal' in mid) || !('del' in right) || isSpacing(left) || isSpacing(right)) break;
      const shared = size(mid.equal);
      const around = Math.min(Math.max(size(left.del), size(left.ins)), Math.max(size(right.del), size(right.ins)));
      const small = !mid.equal.some((w) => SENTENCE_END.test(w)) && (shared <= 1 || (shared <= maxAbsorbed && 3 * shared <= around));
      if (!small) break;
      out.splice(n - 3, 3, { del: [...left.del, ...mid.equal, ...right.del], ins: [...left.ins, ...mid.equal, ...right.ins] });
    }
  }
  return out;
}

/** Offsets (UTF-16 units) between the words of a run. */
function boundaries(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const w of words) out.add((at += w.length));
  return out;
}

const isHighSurrogate = (s: string, k: number) => k > 0 && /[\uD800-\uDBFF]/.test(s[k - 1]!);

/**
 * The characters a change's two sides share at its start and its end, when they end at a
 * word of either side: jieba cuts `服务水平` as one word and `服务` as another, so the words
 * differ while `服务` is shared. Never part of a word on both sides (`保健`/`保障` stay whole).
 */
function trimmed(del: readonly string[], ins: readonly string[]): { head: string; del: string; ins: string; tail: string } {
  const d = del.join('');
  const i = ins.join('');
  const bd = boundaries(del);
  const bi = boundaries(ins);
  let p = 0;
  while (p < d.length && p < i.length && d[p] === i[p]) p++;
  while (p > 0 && (isHighSurrogate(d, p) || !(bd.has(p) || bi.has(p)))) p--;
  let q = 0; // shared characters at the end, not overlapping the head
  while (q < d.length - p && q < i.length - p && d[d.length - 1 - q] === i[i.length - 1 - q]) q++;
  const endsAtWord = (n: number) => (bd.has(d.length - n) || d.length - n === 0) || (bi.has(i.length - n) || i.length - n === 0);
  while (q > 0 && (isHighSurrogate(d, d.length - q) || !endsAtWord(q))) q--;
  return { head: d.slice(0, p), del: d.slice(p, d.length - q), ins: i.slice(p, i.length - q), tail: d.slice(d.length - q) };
}

/**
 * The differences between two texts given as words: shared runs, then for each place they
 * differ what the first has (`delete`) followed by what the second has instead (`insert`).
 * The equal and deleted parts spell the first text exactly, the equal and inserted parts the
 * second.
 */
export function diffWords(a: readonly string[], b: readonly string[], options: MergeOptions = {}): DiffPart[] {
  const { maxAbsorbed, maxEditLength } = { ...DEFAULTS, ...options };
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  for (const h of merge(hunks(a, b, maxEditLength), maxAbsorbed)) {
    if ('equal' in h) push('equal', h.equal.join(''));
    else if (!h.del.length || !h.ins.length) push(h.del.length ? 'delete' : 'insert', (h.del.length ? h.del : h.ins).join(''));
    else {
      const t = trimmed(h.del, h.ins);
      push('equal', t.head);
      push('delete', t.del);
      push('insert', t.ins);
      push('equal', t.tail);
    }
  }
  return parts;
}

/** A text with its word cuts, as item entries and the compare data carry them. */
export interface CutText {
  text: string;
  cuts?: string | null;
}

/** `diffWords` over two texts with their cuts: what `b` added to, dropped from or reworded in `a`. */
export const diffTexts = (a: CutText, b: CutText, options?: MergeOptions): DiffPart[] =>
  diffWords(splitWords(a.text, a.cuts), splitWords(b.text, b.cuts), options);

/** One side of a diff spelled out again: `'a'` = equal + deleted, `'b'` = equal + inserted. */
export const sideOf = (parts: readonly DiffPart[], side: 'a' | 'b'): string =>
  parts
    .filter((p) => p.op === 'equal' || p.op === (side === 'a' ? 'delete' : 'insert'))
    .map((p) => p.text)
    .join('');

/** How much of the two texts is shared: 2 × shared ÷ (length a + length b), 0–1, counting letters, digits and Chinese characters. */
export function sharedShare(parts: readonly DiffPart[]): number {
  let equal = 0;
  let other = 0;
  for (const p of parts) {
    if (p.op === 'equal') equal += size([p.text]);
    else other += size([p.text]);
  }
  return equal + other === 0 ? 1 : (2 * equal) / (2 * equal + other);
}

/**
 * The parts as a reader should see them marked, for the second text: a change that is only
 * spacing (PDF extraction leaves `1 所` in one city's text and `1所` in another's) is not a
 * difference a reader cares about, so an inserted space shows as plain text and a deleted one
 * is left out. The result spells the second text exactly (equal + insert parts).
 */
export function displayParts(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const spacing = p.op !== 'equal' && !/\S/.test(p.text);
    if (spacing && p.op === 'delete') continue;
    const op: DiffOp = spacing ? 'equal' : p.op;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += p.text;
    else out.push({ op, text: p.text });
  }
  return out;
}

/** Labels that say what a mark is without colour or line style (read by screen readers, printed). */
export const DIFF_LABEL = { insert: '增加', delete: '删去' } as const;
