/**
 * Comparing two documents (the /compare/ page), DOM-free: the per-document data the ingest
 * emits (`/data/compare/<docId>.json`), how two documents' items are paired, and the rows of
 * the comparison's CSV. The page's script (src/scripts/compare.ts) only fetches and renders.
 */
import { maxWeightAssignment } from './assignment.ts';
import { containment, cosine, linkScore, sharedIndicators, termVectors } from './compare-evidence.ts';
import { diffTexts, sharedShare, type DiffPart } from './diff.ts';
import { itemName, placedItemName } from './item-name.ts';
import { ITEM_KIND_LABEL, NO_DOMAIN, type DocumentKind, type DomainName, type ItemKind, type Population } from './vocabulary.ts';

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
  /** Canonical names of the indicators the item sets targets for (scripts/lib/relate/indicators), sorted; absent: none. */
  indicators?: string[];
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

/** Why two items are taken to correspond: the evidence the pairing weighed. */
export interface PairEvidence {
  /** The combined score (0–1 and above with shared indicators) the assignment maximised. */
  score: number;
  /** The ingest's cross-link score, null when neither item lists the other among its best. */
  link: number | null;
  /** Likeness in words (cosine of TF-IDF vectors over both documents' items, 0–1). */
  text: number;
  /** Indicators both items set targets for. */
  indicators: string[];
}

export interface ComparePair extends PairEvidence {
  a: CompareItem;
  b: CompareItem;
  /**
   * Part of a split: one side wrote as one item what the other wrote as two, so `a` or `b`
   * is in more than one pair (法规对比's 一对多).
   */
  split: boolean;
  /** `b` against `a`: what B added (insert), dropped (delete) or reworded (both). */
  parts: DiffPart[];
}

/**
 * A pair the evidence does not settle (可能对应): shown apart from the pairs, never claimed
 * as a match nor as a difference. `why`: `weak`, the two are each other's only candidates but
 * alike in few words; `split`, the item may be the second half of what the other side wrote
 * as one, already paired (with `with`).
 */
export interface ComparePossible extends PairEvidence {
  a: CompareItem;
  b: CompareItem;
  why: 'weak' | 'split';
  /** For `split`: the side of the item left over (`a` or `b`), and the items of that side the other item is already paired with. */
  left: 'a' | 'b' | null;
  with: CompareItem[];
  parts: DiffPart[];
}

/** An item only one side has, with the other side's nearest item and why it is not a pair. */
export interface CompareOwn {
  item: CompareItem;
  /** The other side's most alike item of the same domain and kind; null: there is none. */
  nearest: (PairEvidence & { item: CompareItem; pairedWith: CompareItem[] }) | null;
}

export interface Comparison {
  /** Populations both documents cover; items of other populations are left out. */
  populations: Population[];
  /** Aligned items, in A's reading order (splits next to their partner). */
  pairs: ComparePair[];
  /** Pairs the evidence does not settle, in A's reading order. */
  possible: ComparePossible[];
  /** Items of A (in scope) with no counterpart in B, in reading order; likewise B. */
  onlyA: CompareOwn[];
  onlyB: CompareOwn[];
}

/** Every threshold of the pairing, with why it is where it is (calibrated on src/lib/fixtures/compare-fuxin-daan.json). */
export interface PairingOptions {
  /** A pair the assignment chose scoring at least this is shown as a pair; below, as 可能对应. */
  pairFloor: number;
  /** Pairs scoring less are never considered (different measures share a few words by chance). */
  candidateFloor: number;
  /** Added to a pair's score, times the share of the fewer indicators both set targets for. */
  indicatorBonus: number;
  /**
   * An item left over this alike to a paired item is 可能对应, not "only": about the likeness
   * in words that 99 in 100 non-corresponding items of one domain and kind stay below.
   */
  doubtFloor: number;
  /** A second partner joins a pair as a split when alike at least this much… */
  splitFloor: number;
  /** …and it explains at least this share of the shared item's weight its first partner does not. */
  splitGain: number;
}

export const DEFAULT_PAIRING_OPTIONS: PairingOptions = {
  pairFloor: 0.3,
  candidateFloor: 0.12,
  indicatorBonus: 0.3,
  doubtFloor: 0.25,
  splitFloor: 0.15,
  splitGain: 0.12,
};

type Aligned = Omit<Comparison, 'populations' | 'pairs' | 'possible'> & {
  pairs: Omit<ComparePair, 'parts'>[];
  possible: Omit<ComparePossible, 'parts'>[];
};

/**
 * Pair two lists of items with everything known: the cross-link score, likeness in words and
 * shared indicators (src/lib/compare-evidence.ts), only goal with goal and measure with measure
 * of one domain. Within each domain and kind the pairs are an optimal assignment (the highest
 * total score, src/lib/assignment.ts), not best-first, so one early pair cannot take the item a
 * later one needed. An item left over whose nearest item is paired already joins that pair as a
 * split when it explains words of it its partner does not; otherwise it is 可能对应 when alike
 * enough to doubt, and only then "only A". Pairs come back in A's order.
 */
export function alignItems(
  a: readonly CompareItem[],
  b: readonly CompareItem[],
  options: Partial<PairingOptions> = {},
  /** The items whose words weigh the words (at least `a` and `b`). */
  weighBy: readonly CompareItem[] = [...a, ...b],
): Aligned {
  const opt = { ...DEFAULT_PAIRING_OPTIONS, ...options };
  const vectors = termVectors(weighBy);
  const specific = termVectors(weighBy, 2);
  const evidence = (x: CompareItem, y: CompareItem): PairEvidence => {
    const link = linkScore(x, y);
    const text = cosine(vectors.get(x.id)!, vectors.get(y.id)!);
    const indicators = sharedIndicators(x, y);
    const fewer = Math.min(x.indicators?.length ?? 0, y.indicators?.length ?? 0);
    const score = Math.max(link ?? 0, text) + (fewer ? (opt.indicatorBonus * indicators.length) / fewer : 0);
    return { score, link, text, indicators };
  };
  const group = (x: CompareItem) => `${x.domain ?? ''} ${x.kind}`;
  const posA = new Map(a.map((x, k) => [x.id, k]));
  const posB = new Map(b.map((x, k) => [x.id, k]));
  const pairs: Omit<ComparePair, 'parts'>[] = [];
  const possible: Omit<ComparePossible, 'parts'>[] = [];
  const onlyA: CompareOwn[] = [];
  const onlyB: CompareOwn[] = [];
  for (const key of [...new Set([...a, ...b].map(group))]) {
    const xs = a.filter((x) => group(x) === key);
    const ys = b.filter((y) => group(y) === key);
    const grid = xs.map((x) => ys.map((y) => evidence(x, y)));
    const chosen = maxWeightAssignment(grid.map((row) => row.map((e) => (e.score >= opt.candidateFloor ? e.score : 0))));
    const partners = new Map<string, CompareItem[]>();
    const join = (x: CompareItem, y: CompareItem) => {
      partners.set(x.id, [...(partners.get(x.id) ?? []), y]);
      partners.set(y.id, [...(partners.get(y.id) ?? []), x]);
    };
    for (const [i, j] of chosen) {
      const e = grid[i]![j]!;
      if (e.score >= opt.pairFloor) {
        pairs.push({ a: xs[i]!, b: ys[j]!, ...e, split: false });
        join(xs[i]!, ys[j]!);
      } else possible.push({ a: xs[i]!, b: ys[j]!, ...e, why: 'weak', left: null, with: [] });
    }
    const hedged = new Set(possible.flatMap((p) => [p.a.id, p.b.id]));
    // Items left over, most alike to their nearest first: each may join its nearest item's pair.
    const left = [
      ...xs.map((x, i) => ({ item: x, side: 'a' as const, row: ys.map((_, j) => grid[i]![j]!) })),
      ...ys.map((y, j) => ({ item: y, side: 'b' as const, row: xs.map((_, i) => grid[i]![j]!) })),
    ]
      .filter((l) => !partners.has(l.item.id) && !hedged.has(l.item.id))
      .map((l) => {
        const others = l.side === 'a' ? ys : xs;
        let best = -1;
        l.row.forEach((e, k) => {
          if (best < 0 || e.score > l.row[best]!.score) best = k;
        });
        return { ...l, nearest: best < 0 ? null : { item: others[best]!, ...l.row[best]! } };
      })
      .sort((p, q) => (q.nearest?.score ?? 0) - (p.nearest?.score ?? 0));
    for (const l of left) {
      const near = l.nearest;
      const taken = near ? (partners.get(near.item.id) ?? []) : [];
      if (near && near.score >= opt.candidateFloor && taken.length) {
        // The share of the shared item's specific words this item holds and its partners do not.
        const whole = specific.get(near.item.id)!;
        const held = (items: CompareItem[]) => containment(whole, union(items.map((t) => specific.get(t.id)!)));
        const gain = held([...taken, l.item]) - held(taken);
        const [x, y] = l.side === 'a' ? [l.item, near.item] : [near.item, l.item];
        const e = { score: near.score, link: near.link, text: near.text, indicators: near.indicators };
        if (near.score >= opt.splitFloor && gain >= opt.splitGain) {
          pairs.push({ a: x, b: y, ...e, split: true });
          join(l.item, near.item);
          continue;
        }
        if (near.score >= opt.doubtFloor || gain >= opt.splitGain) {
          possible.push({ a: x, b: y, ...e, why: 'split', left: l.side, with: taken });
          continue;
        }
      }
      (l.side === 'a' ? onlyA : onlyB).push({ item: l.item, nearest: near ? { ...near, pairedWith: partners.get(near.item.id) ?? [] } : null });
    }
  }
  // A pair is part of a split when one of its items is in another pair.
  const count = new Map<string, number>();
  for (const p of pairs) for (const id of [p.a.id, p.b.id]) count.set(id, (count.get(id) ?? 0) + 1);
  for (const p of pairs) p.split = count.get(p.a.id)! > 1 || count.get(p.b.id)! > 1;
  const inA = (p: { a: CompareItem; b: CompareItem }) => [posA.get(p.a.id)!, posB.get(p.b.id)!] as const;
  const byA = (p: { a: CompareItem; b: CompareItem }, q: { a: CompareItem; b: CompareItem }) => inA(p)[0] - inA(q)[0] || inA(p)[1] - inA(q)[1];
  const own = (pos: Map<string, number>) => (p: CompareOwn, q: CompareOwn) => pos.get(p.item.id)! - pos.get(q.item.id)!;
  return { pairs: pairs.sort(byA), possible: possible.sort(byA), onlyA: onlyA.sort(own(posA)), onlyB: onlyB.sort(own(posB)) };
}

/** Several items' vectors as one: each word at its highest weight (for containment only). */
function union(vectors: ReadonlyMap<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) out.set(t, Math.max(out.get(t) ?? 0, w));
  return out;
}

/** Populations both documents cover (a document that states none counts as covering both). */
export function sharedPopulations(a: CompareDocumentInfo, b: CompareDocumentInfo): Population[] {
  if (!a.populations.length) return b.populations;
  if (!b.populations.length) return a.populations;
  return a.populations.filter((p) => b.populations.includes(p));
}

/**
 * Two documents compared: their items of a shared population (and of `domain`, when given)
 * paired (alignItems), each pair with its differences, and what only one of them has. Likeness
 * in words is weighted over the items in scope of the shared populations, not of the chosen
 * domain only, so a domain's pairs are the same whether or not the domain is chosen.
 */
export function compareDocuments(a: CompareFile, b: CompareFile, domain: DomainName | null = null, options: Partial<PairingOptions> = {}): Comparison {
  const populations = sharedPopulations(a.document, b.document);
  const shared = (i: CompareItem) => i.population === null || populations.includes(i.population);
  const inScope = (i: CompareItem) => shared(i) && (domain === null || i.domain === domain);
  const weighBy = [...a.items.filter(shared), ...b.items.filter(shared)];
  const { pairs, possible, onlyA, onlyB } = alignItems(a.items.filter(inScope), b.items.filter(inScope), options, weighBy);
  return {
    populations,
    pairs: pairs.map((p) => ({ ...p, parts: diffTexts(p.a, p.b) })),
    possible: possible.map((p) => ({ ...p, parts: diffTexts(p.a, p.b) })),
    onlyA,
    onlyB,
  };
}

/** Cities (or other names) of the two documents, for the notes. */
export interface CompareSides {
  a: string;
  b: string;
}

const score2 = (x: number) => x.toFixed(2);
const names = (city: string, items: readonly CompareItem[]) => items.map((i) => placedItemName(city, i)).join('、');

/** Why a pair is 可能对应 and not a pair: for the page and the CSV's note. */
export function possibleNote(p: Omit<ComparePossible, 'parts'>, sides: CompareSides): string {
  if (p.why === 'weak') return `两条是彼此仅有的候选，但相同的词不多（相似度 ${score2(p.score)}），请对照原文确认是否对应。`;
  const [part, partCity, whole, wholeCity] = p.left === 'a' ? [p.a, sides.a, p.b, sides.b] : [p.b, sides.b, p.a, sides.a];
  return `${placedItemName(wholeCity, whole)} 已与 ${names(partCity, p.with)} 对应；${placedItemName(partCity, part)} 可能是${partCity}把同一内容分开写的另一条（相似度 ${score2(p.score)}），请对照原文确认。`;
}

/** Why an item is listed as one side's own: its nearest item on the other side and why that is no pair. */
export function ownNote(own: CompareOwn, city: string, otherCity: string): string {
  const n = own.nearest;
  if (!n) return `${otherCity}没有${own.item.domain ?? NO_DOMAIN}的${ITEM_KIND_LABEL[own.item.kind]}可以对照。`;
  const nearest = `最接近的是${placedItemName(otherCity, n.item)}（相似度 ${score2(n.score)}）`;
  if (n.pairedWith.length) return `${nearest}，它已与${names(city, n.pairedWith)} 对应，这一条没有补充它的其他内容。`;
  return `${nearest}，相同的词太少，不算对应。`;
}

export const COMPARISON_COLUMNS = ['domain', 'kind', 'status', 'a.id', 'a.name', 'a.text', 'b.id', 'b.name', 'b.text', 'score', 'link', 'shared', 'indicators', 'note'] as const;

/**
 * The comparison as table rows (header first) for its CSV: one row per pair (`status` paired,
 * or split where one item is in two pairs; with the pairing score, the cross-link score and the
 * share of text both versions have), then the 可能对应 pairs (possible) and A's and B's own items
 * (only-a, only-b), each with a note saying why.
 */
export function comparisonRows(c: Comparison, sides: CompareSides): string[][] {
  const none = ['', '', ''];
  const side = (i: CompareItem) => [i.id, itemName(i), i.text];
  const evidence = (p: PairEvidence & { parts: DiffPart[] }) => [p.score.toFixed(3), p.link === null ? '' : p.link.toFixed(3), sharedShare(p.parts).toFixed(3), p.indicators.join('；')];
  const head = (x: CompareItem) => [x.domain ?? NO_DOMAIN, ITEM_KIND_LABEL[x.kind]];
  return [
    [...COMPARISON_COLUMNS],
    ...c.pairs.map((p) => [...head(p.a), p.split ? 'split' : 'paired', ...side(p.a), ...side(p.b), ...evidence(p), '']),
    ...c.possible.map((p) => [...head(p.a), 'possible', ...side(p.a), ...side(p.b), ...evidence(p), possibleNote(p, sides)]),
    ...c.onlyA.map((o) => [...head(o.item), 'only-a', ...side(o.item), ...none, '', '', '', '', ownNote(o, sides.a, sides.b)]),
    ...c.onlyB.map((o) => [...head(o.item), 'only-b', ...none, ...side(o.item), '', '', '', '', ownNote(o, sides.b, sides.a)]),
  ];
}
