/**
 * Items as small integers (place, document, kind, domain), so the hot loops of the link
 * stage compare numbers, not strings; and which kinds of item may link to which.
 */
import { ITEM_KINDS } from '../../../../src/lib/vocabulary.ts';
import type { Item, ItemKind } from '../../types.ts';

export interface PlaceOfDocument {
  id: string;
  city: string | null;
}

/** Item kinds in the order the inverted index groups postings by. */
export const KINDS: readonly ItemKind[] = ITEM_KINDS;

const PLAN_KINDS: ReadonlySet<ItemKind> = new Set(['goal', 'measure']);

/**
 * Goals link to goals and measures to measures; recommendations, report items and
 * speeches (which have no such skeleton) may link to measures and to each other.
 */
export function kindsComparable(a: ItemKind, b: ItemKind): boolean {
  if (a === b) return true;
  if (PLAN_KINDS.has(a) && PLAN_KINDS.has(b)) return false;
  return a !== 'goal' && b !== 'goal';
}

/** kindsComparable as a table: entry a * KINDS.length + b for kind codes a and b. */
export function comparableKinds(): Uint8Array {
  const table = new Uint8Array(KINDS.length * KINDS.length);
  for (let a = 0; a < KINDS.length; a++)
    for (let b = 0; b < KINDS.length; b++) table[a * KINDS.length + b] = kindsComparable(KINDS[a], KINDS[b]) ? 1 : 0;
  return table;
}

/** Per item (by index), its codes; place, document and domain codes count from 0 in order of first appearance. */
export interface ItemCodes {
  /** Its city, or for a document without a city the document itself: items of one place never link. */
  place: Int32Array;
  doc: Int32Array;
  /** Index in KINDS. */
  kind: Int32Array;
  /** -1 for no domain. */
  domain: Int32Array;
  /** 1 for a goal or measure (held to the stricter threshold). */
  plan: Uint8Array;
  /** How many documents the items come from. */
  docCount: number;
}

export function encodeItems(items: readonly Item[], docs: readonly PlaceOfDocument[]): ItemCodes {
  const n = items.length;
  const cityOf = new Map(docs.map((d) => [d.id, d.city]));
  const placeIds = new Map<string, number>();
  const docIds = new Map<string, number>();
  const domainIds = new Map<string, number>();
  const codes: ItemCodes = {
    place: new Int32Array(n),
    doc: new Int32Array(n),
    kind: new Int32Array(n),
    domain: new Int32Array(n),
    plan: new Uint8Array(n),
    docCount: 0,
  };
  items.forEach((item, i) => {
    const key = cityOf.get(item.docId) ? `city:${cityOf.get(item.docId)}` : `doc:${item.docId}`;
    if (!placeIds.has(key)) placeIds.set(key, placeIds.size);
    if (!docIds.has(item.docId)) docIds.set(item.docId, docIds.size);
    codes.place[i] = placeIds.get(key)!;
    codes.doc[i] = docIds.get(item.docId)!;
    codes.kind[i] = Math.max(0, KINDS.indexOf(item.kind));
    codes.plan[i] = PLAN_KINDS.has(item.kind) ? 1 : 0;
    if (item.domain && !domainIds.has(item.domain)) domainIds.set(item.domain, domainIds.size);
    codes.domain[i] = item.domain ? domainIds.get(item.domain)! : -1;
  });
  codes.docCount = docIds.size;
  return codes;
}
