/**
 * Indexes over the collections, built once per build and shared by every page. Calling
 * `getCollection('items')` in each of thousands of pages would rebuild the same array for
 * each one (a known slowdown at that size); a topic or city page looks its items up here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byCodePoint } from './collation';
import { hashShown } from './page-cache-key';

type ItemData = CollectionEntry<'items'>['data'];

export interface ItemIndex {
  /** Every item, documents in id order, items in reading order. */
  all: ItemData[];
  byId: Map<string, ItemData>;
  byCity: Map<string, ItemData[]>;
  byDomain: Map<string, ItemData[]>;
  /** Each document's items in reading order. */
  byDocument: Map<string, ItemData[]>;
}

let items: Promise<ItemIndex> | undefined;

/** Whether this build is incremental (astro.config.mjs reads the same switch). */
export const INCREMENTAL = process.env.KB_INCREMENTAL === '1';

/**
 * A page's cache key for Astro's incremental builds: a hash of everything the page shows.
 * Undefined in a full build, so thousands of pages are not hashed for nothing.
 */
export const pageKey = (shown: () => unknown): string | undefined =>
  INCREMENTAL ? hashShown(shown()) : undefined;

function group(list: ItemData[], key: (i: ItemData) => string | null): Map<string, ItemData[]> {
  const out = new Map<string, ItemData[]>();
  for (const i of list) {
    const k = key(i);
    if (k === null) continue;
    const bucket = out.get(k);
    if (bucket) bucket.push(i);
    else out.set(k, [i]);
  }
  return out;
}

export function itemIndex(): Promise<ItemIndex> {
  items ??= getCollection('items').then((entries) => {
    const all = entries.map((e) => e.data).sort((a, b) => byCodePoint(a.docId, b.docId) || a.order - b.order);
    return {
      all,
      byId: new Map(all.map((i) => [i.id, i])),
      byCity: group(all, (i) => i.citySlug),
      byDomain: group(all, (i) => i.domain),
      byDocument: group(all, (i) => i.docId),
    };
  });
  return items;
}
