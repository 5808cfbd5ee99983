/**
 * Indexes over the collections, built once per build and shared by every page. Calling
 * `getCollection('items')` in each of thousands of pages would rebuild the same array for
 * each one (a known slowdown at that size); a topic or city page looks its items up here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byCodePoint } from './collation';
import { readSummaries, type ItemSummary } from './item-summaries';
import { listsFullTexts } from './limits';
import { hashShown } from './page-cache-key';
import { currentPartition, isAggregate } from './partition';

type ItemData = CollectionEntry<'items'>['data'];

export interface ItemIndex<T extends ItemSummary = ItemData> {
  /** Every item, documents in id order, items in reading order. */
  all: T[];
  byId: Map<string, T>;
  byCity: Map<string, T[]>;
  byDomain: Map<string, T[]>;
  /** Each document's items in reading order. */
  byDocument: Map<string, T[]>;
}

let items: Promise<ItemIndex> | undefined;
let summaries: Promise<ItemIndex<ItemSummary>> | undefined;

/** Whether this build is incremental (astro.config.mjs reads the same switch). */
export const INCREMENTAL = process.env.KB_INCREMENTAL === '1';

/**
 * A page's cache key for Astro's incremental builds: a hash of everything the page shows.
 * Undefined in a full build, so thousands of pages are not hashed for nothing.
 */
export const pageKey = (shown: () => unknown): string | undefined =>
  INCREMENTAL ? hashShown(shown()) : undefined;

function group<T>(list: T[], key: (i: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of list) {
    const k = key(i);
    if (k === null) continue;
    const bucket = out.get(k);
    if (bucket) bucket.push(i);
    else out.set(k, [i]);
  }
  return out;
}

function indexOf<T extends ItemSummary>(list: T[]): ItemIndex<T> {
  const all = list.sort((a, b) => byCodePoint(a.docId, b.docId) || a.order - b.order);
  return {
    all,
    byId: new Map(all.map((i) => [i.id, i])),
    byCity: group(all, (i) => i.citySlug),
    byDomain: group(all, (i) => i.domain),
    byDocument: group(all, (i) => i.docId),
  };
}

/** Every item this build loaded, whole (an item page, a document page). */
export function itemIndex(): Promise<ItemIndex> {
  items ??= getCollection('items').then((entries) => indexOf(entries.map((e) => e.data)));
  return items;
}

/**
 * What the pages that aggregate across documents show of every item (src/lib/item-summaries.ts).
 * The aggregate partition of a partitioned build loads no items through the collections and
 * reads the summaries from the ingest output; a whole-site build (and a document partition,
 * whose copies of these pages are dropped) takes them from the items it loaded, so a
 * one-partition site is built exactly as before.
 */
export function summaryIndex(): Promise<ItemIndex<ItemSummary>> {
  summaries ??= isAggregate(currentPartition())
    ? getCollection('domains').then(async (domains) => {
        // The domain pages that list every item's full text (src/pages/domains/[slug].astro).
        const fullText = new Set(domains.filter((d) => listsFullTexts(d.data)).map((d) => d.data.name as string));
        return indexOf(await readSummaries('content/generated/items', fullText));
      })
    : itemIndex();
  return summaries;
}
