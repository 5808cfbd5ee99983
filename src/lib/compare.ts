/**
 * Comparing two documents (the /compare/ page), DOM-free: the per-document data the ingest
 * emits (`/data/compare/<docId>.json`), how two documents' items are paired, and the rows of
 * the comparison's CSV. The page's script (src/scripts/compare.ts) only fetches and renders.
 */
import { diffTexts, sharedShare, type DiffPart } from './diff.ts';
import type { DocumentKind, DomainName, ItemKind, Population } from './vocabulary.ts';

/** One item of a comparable document. `related`: [other item id, link score 0–1], best first. */
export interface CompareItem {
  id: string;
  number: string;
  title: string;
  text: string;
  kind: ItemKind;
  population: Population | null;
  domain: DomainName | null;
  /** The text's words as cuts (src/lib/diff.ts). */
  cuts: string;
  related: [string, number][];
}

export interface CompareDocumentInfo {
  id: string;
  title: string;
  city: string;
  kind: DocumentKind;
  populations: Population[];
}

/** What `/data/compare/<docId>.json` holds. */
export interface CompareFile {
  document: CompareDocumentInfo;
  items: CompareItem[];
}

export interface ComparePair {
  a: CompareItem;
  b: CompareItem;
  /** The cross-link's score (0–1). */
  score: number;
  /** `b` against `a`: what B added (insert), dropped (delete) or reworded (both). */
  parts: DiffPart[];
}

export interface Comparison {
  /** Populations both documents cover; items of other populations are left out. */
  populations: Population[];
  /** Aligned items, in A's reading order. */
  pairs: ComparePair[];
  /** Items of A (in scope) paired with nothing in B, in reading order; likewise B. */
  onlyA: CompareItem[];
  onlyB: CompareItem[];
}

/**
 * Pair two lists of items one to one by their cross-links: every link between an item of `a`
 * and one of `b` (from either end) is a candidate; the best-scored candidate whose items are
 * both still free is taken first, and so on down. Pairs come back in `a`'s order.
 */
export function alignItems(a: readonly CompareItem[], b: readonly CompareItem[]): { pairs: { a: CompareItem; b: CompareItem; score: number }[]; onlyA: CompareItem[]; onlyB: CompareItem[] } {
  const posA = new Map(a.map((x, k) => [x.id, k]));
  const posB = new Map(b.map((x, k) => [x.id, k]));
  const best = new Map<string, { i: number; j: number; score: number }>();
  const offer = (i: number, j: number, score: number) => {
    const key = `${i} ${j}`;
    const seen = best.get(key);
    if (!seen || score > seen.score) best.set(key, { i, j, score });
  };
  a.forEach((x, i) => x.related.forEach(([id, s]) => posB.has(id) && offer(i, posB.get(id)!, s)));
  b.forEach((y, j) => y.related.forEach(([id, s]) => posA.has(id) && offer(posA.get(id)!, j, s)));
  const candidates = [...best.values()].sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: { i: number; j: number; score: number }[] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push(c);
  }
  pairs.sort((p, q) => p.i - q.i);
  return {
    pairs: pairs.map((p) => ({ a: a[p.i]!, b: b[p.j]!, score: p.score })),
    onlyA: a.filter((_, i) => !usedA.has(i)),
    onlyB: b.filter((_, j) => !usedB.has(j)),
  };
}

/** Populations both documents cover (a document that states none counts as covering both). */
export function sharedPopulations(a: CompareDocumentInfo, b: CompareDocumentInfo): Population[] {
  if (!a.populations.length) return b.populations;
  if (!b.populations.length) return a.populations;
  return a.populations.filter((p) => b.populations.includes(p));
}

/**
 * Two documents compared: their items of a shared population (and of `domain`, when given)
 * aligned by cross-links, each pair with its differences, and what only one of them has.
 */
export function compareDocuments(a: CompareFile, b: CompareFile, domain: DomainName | null = null): Comparison {
  const populations = sharedPopulations(a.document, b.document);
  const inScope = (i: CompareItem) => (domain === null || i.domain === domain) && (i.population === null || populations.includes(i.population));
  const { pairs, onlyA, onlyB } = alignItems(a.items.filter(inScope), b.items.filter(inScope));
  return {
    populations,
    pairs: pairs.map((p) => ({ ...p, parts: diffTexts(p.a, p.b) })),
    onlyA,
    onlyB,
  };
}

export const COMPARISON_COLUMNS = ['domain', 'status', 'a.id', 'a.number', 'a.text', 'b.id', 'b.number', 'b.text', 'score', 'shared'] as const;

/**
 * The comparison as table rows (header first) for its CSV: one row per pair (`status` paired,
 * with the link score and the share of text both versions have), then A's and B's own items.
 */
export function comparisonRows(c: Comparison): string[][] {
  const none = ['', '', ''];
  const side = (i: CompareItem) => [i.id, i.number, i.text];
  return [
    [...COMPARISON_COLUMNS],
    ...c.pairs.map((p) => [p.a.domain ?? p.b.domain ?? '', 'paired', ...side(p.a), ...side(p.b), p.score.toFixed(3), sharedShare(p.parts).toFixed(3)]),
    ...c.onlyA.map((i) => [i.domain ?? '', 'only-a', ...side(i), ...none, '', '']),
    ...c.onlyB.map((i) => [i.domain ?? '', 'only-b', ...none, ...side(i), '', '']),
  ];
}
