/**
 * Documents that are the same document twice.
 *
 * - Exact: the same bytes, or the same text once decoded and normalised (the same file saved as
 *   GBK and as UTF-8, with CRLF or LF, with or without its page numbers). The build stops.
 * - Near: most of the text is shared (a copy with a few edits, or one plan of a file that holds
 *   two). A warning: the editor decides. Between documents of different places or levels (a
 *   county plan reusing its city's wording) it is information only: both are legitimate.
 *
 * Near duplicates are found with character 5-gram shingles over the text without spaces and
 * punctuation, summarised per document by a bottom-k sketch (the k smallest shingle hashes:
 * one hash per shingle, where a k-permutation MinHash would need k) from which the Jaccard
 * similarity of two documents is estimated. Every pair is screened on the first 128 hashes
 * (standard error about 0.04); a pair not clearly apart is judged on all 2,048 (about 0.01).
 * Comparing full shingle sets instead would cost up to 200,000 steps per pair: 9 s for a
 * 300-document corpus of reworded copies.
 */
import { createHash } from 'node:crypto';
import type { ReportWarning } from '../../../../src/lib/ingest-report.ts';
import { DOCUMENT_KIND_LABEL } from '../../../../src/lib/vocabulary.ts';
import { sidecarName } from '../../understand/sidecar.ts';
import type { KbDocument } from '../../types.ts';
import { MESSAGES } from './messages.ts';

export interface DuplicateOptions {
  /** Characters per shingle. */
  shingle: number;
  /** Hashes kept per document sketch, and the first so many that screen every pair. */
  sketchSize: number;
  screenSize: number;
  /** Jaccard similarity of the two texts' shingles from which a pair is a near duplicate. */
  minSimilarity: number;
  /** Or: share of the smaller text's shingles found in the other (one document inside another). */
  minContainment: number;
  /** Pairs screened this far or more below both thresholds are apart: several standard errors of the screen. */
  margin: number;
}

export const DUPLICATE_OPTIONS: DuplicateOptions = {
  shingle: 5,
  sketchSize: 2048,
  screenSize: 128,
  minSimilarity: 0.8,
  minContainment: 0.9,
  margin: 0.15,
};

/** A document's text as compared: its blocks (page furniture already removed), NFKC, without spaces. */
export function comparableText(doc: Pick<KbDocument, 'blocks'>): string {
  return doc.blocks
    .map((b) => b.text)
    .join('')
    .normalize('NFKC')
    .replace(/\s+/g, '');
}

export interface ExactDuplicate {
  /** The document kept first (by file name order). */
  first: KbDocument;
  second: KbDocument;
  same: 'bytes' | 'text';
}

/** Every document whose bytes or text an earlier one already has. */
export function exactDuplicates(docs: readonly KbDocument[]): ExactDuplicate[] {
  const byBytes = new Map<string, KbDocument>();
  const byText = new Map<string, KbDocument>();
  const found: ExactDuplicate[] = [];
  for (const doc of docs) {
    const textHash = createHash('sha256').update(comparableText(doc)).digest('hex');
    const sameBytes = byBytes.get(doc.sha256);
    const sameText = byText.get(textHash);
    if (sameBytes) found.push({ first: sameBytes, second: doc, same: 'bytes' });
    else if (sameText) found.push({ first: sameText, second: doc, same: 'text' });
    if (!byBytes.has(doc.sha256)) byBytes.set(doc.sha256, doc);
    if (!byText.has(textHash)) byText.set(textHash, doc);
  }
  return found;
}

/** The build's error for an exact duplicate, naming both files (as `rel` shows them) and the fix. */
export function exactDuplicateMessage(d: ExactDuplicate, rel: (source: string) => string = (s) => s, fix = '请保留其一，删除另一份（连同它的 .meta.json）。'): string {
  const what =
    d.same === 'bytes'
      ? `与 ${rel(d.first.source)} 是完全相同的文件`
      : `与 ${rel(d.first.source)} 的文字完全相同（分别按 ${d.second.encoding} 和 ${d.first.encoding} 读取，页眉页码等不计）`;
  return `${rel(d.second.source)}：${what}。${fix}`;
}

/** FNV-1a over a shingle's UTF-16 code units, then murmur3's finaliser for well-spread low bits. */
function shingleHashes(text: string, k: number): Uint32Array {
  const n = Math.max(1, text.length - k + 1);
  const out = new Uint32Array(text.length === 0 ? 0 : n);
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + k, text.length); j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h >>> 0;
  }
  return out;
}

/** Sorted distinct values of a typed array. */
function distinct(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r]!;
  return sorted.subarray(0, w);
}

export interface Sketch {
  /** Distinct shingles in the text. */
  size: number;
  /** The smallest `sketchSize` distinct shingle hashes, ascending. */
  mins: Uint32Array;
}

export function sketch(text: string, options: DuplicateOptions = DUPLICATE_OPTIONS): Sketch {
  const all = distinct(shingleHashes(text, options.shingle));
  return { size: all.length, mins: all.slice(0, options.sketchSize) };
}

/** Jaccard estimate from two bottom-k sketches: of the k smallest hashes of the union, the share both hold. */
export function estimateSimilarity(a: Sketch, b: Sketch, k: number): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < k && (i < a.mins.length || j < b.mins.length)) {
    const x = i < a.mins.length ? a.mins[i]! : Infinity;
    const y = j < b.mins.length ? b.mins[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return taken === 0 ? 0 : both / taken;
}

/** |A∩B| from J and the set sizes (|A∩B| = J·|A∪B|, |A∪B| = |A|+|B|−|A∩B|), over the smaller set. */
function containmentFrom(similarity: number, a: number, b: number): number {
  const small = Math.min(a, b);
  return small === 0 ? 0 : Math.min(1, (similarity * (a + b)) / (1 + similarity) / small);
}

/** Exact Jaccard similarity and containment of two texts' shingle sets. */
export function overlap(a: string, b: string, options: DuplicateOptions = DUPLICATE_OPTIONS): { similarity: number; containment: number } {
  return setOverlap(distinct(shingleHashes(a, options.shingle)), distinct(shingleHashes(b, options.shingle)));
}

/** The same, over two sorted distinct shingle-hash arrays. */
function setOverlap(x: Uint32Array, y: Uint32Array): { similarity: number; containment: number } {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      both++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  const union = x.length + y.length - both;
  const small = Math.min(x.length, y.length);
  return { similarity: union ? both / union : 0, containment: small ? both / small : 0 };
}

export interface NearDuplicate {
  a: KbDocument;
  b: KbDocument;
  similarity: number;
  containment: number;
}

/**
 * A document's sketch, kept while the document lives: the ingest reports the same documents
 * to the terminal, the collection and the open data. Kept with a hash of the text it was made
 * from, not the text: every document lives to the end of the ingest, and their texts would
 * stay with it (a second copy of the corpus text: about 90 MB at 1,000 bench documents).
 */
const sketches = new WeakMap<KbDocument, { textHash: string; options: DuplicateOptions; sketch: Sketch }>();
function sketchOf(doc: KbDocument, text: string, options: DuplicateOptions): Sketch {
  const textHash = createHash('sha256').update(text).digest('base64');
  const kept = sketches.get(doc);
  if (kept && kept.textHash === textHash && kept.options === options) return kept.sketch;
  const fresh = sketch(text, options);
  sketches.set(doc, { textHash, options, sketch: fresh });
  return fresh;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Pairs of documents sharing most of their text. Every pair is screened on the first
 * `screenSize` hashes of its sketches; a pair that is not clearly apart is judged on the whole
 * sketch, whose figures the warning gives.
 */
export function nearDuplicates(docs: readonly KbDocument[], options: DuplicateOptions = DUPLICATE_OPTIONS): NearDuplicate[] {
  const { margin, minSimilarity, minContainment } = options;
  // One text at a time: only the sketches are needed for the pairs.
  const sketched = docs.map((d) => sketchOf(d, comparableText(d), options));
  const found: NearDuplicate[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = sketched[i]!;
      const b = sketched[j]!;
      if (a.size === 0 || b.size === 0) continue;
      const screen = estimateSimilarity(a, b, options.screenSize);
      if (screen < minSimilarity - margin && containmentFrom(screen, a.size, b.size) < minContainment - margin) continue;
      const similarity = estimateSimilarity(a, b, options.sketchSize);
      const containment = containmentFrom(similarity, a.size, b.size);
      if (similarity >= minSimilarity || containment >= minContainment) {
        const [first, second] = docs[i]!.source < docs[j]!.source ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
        found.push({ a: first, b: second, similarity: round(similarity), containment: round(containment) });
      }
    }
  }
  // By file names, whatever order the documents came in: the report is deterministic.
  return found.sort((x, y) => (x.a.source < y.a.source ? -1 : x.a.source > y.a.source ? 1 : x.b.source < y.b.source ? -1 : x.b.source > y.b.source ? 1 : 0));
}

/**
 * How two near-duplicate documents stand to each other: the same document twice (same place,
 * same kind), documents of other places or levels (a county reusing its city's wording), the
 * same place but another kind, or a place one of them does not state.
 */
export function duplicateRelation(a: KbDocument, b: KbDocument): NonNullable<Extract<ReportWarning, { code: 'near-duplicate' }>['relation']> {
  const known = (x: string | null, y: string | null) => x !== null && y !== null;
  if (known(a.city, b.city) && a.city !== b.city) return 'other-place';
  if (known(a.province, b.province) && a.province !== b.province) return 'other-place';
  if (a.level !== 'unknown' && b.level !== 'unknown' && a.level !== b.level) return 'other-place';
  if (a.city === null && b.city === null && a.province === null && b.province === null) return 'place-unknown';
  if ((a.city === null) !== (b.city === null) && a.level !== 'province' && b.level !== 'province' && a.level !== 'national' && b.level !== 'national') return 'place-unknown';
  return a.kind === b.kind ? 'same-document' : 'other-kind';
}

/** The near-duplicate warning of each document of a pair, naming the other. */
export function nearDuplicateWarnings(pairs: readonly NearDuplicate[]): Map<KbDocument, ReportWarning[]> {
  const warnings = new Map<KbDocument, ReportWarning[]>();
  const add = (doc: KbDocument, other: KbDocument, p: NearDuplicate) => {
    const relation = duplicateRelation(doc, other);
    const share = MESSAGES.share(p.similarity, p.containment);
    const said = MESSAGES.nearDuplicate;
    const place = (d: KbDocument) => MESSAGES.place(d.city, d.province, d.level);
    const message =
      relation === 'other-place'
        ? said['other-place'](other.source, share, place(doc), place(other), sidecarName(doc.source))
        : relation === 'other-kind'
          ? said['other-kind'](other.source, share, DOCUMENT_KIND_LABEL[doc.kind], DOCUMENT_KIND_LABEL[other.kind])
          : relation === 'place-unknown'
            ? said['place-unknown'](other.source, share, sidecarName(doc.city === null ? doc.source : other.source))
            : said['same-document'](other.source, share);
    warnings.set(doc, [
      ...(warnings.get(doc) ?? []),
      { code: 'near-duplicate', message, other: other.source, similarity: p.similarity, containment: p.containment, relation },
    ]);
  };
  for (const p of pairs) {
    add(p.a, p.b, p);
    add(p.b, p.a, p);
  }
  return warnings;
}
