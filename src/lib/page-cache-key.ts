/**
 * Cache keys for Astro's incremental builds (`KB_INCREMENTAL=1`): a page whose key is the
 * same as in the previous build is reused instead of rendered again. A key must therefore
 * cover everything the page shows, not only its own entry; whatever is left out goes stale
 * silently. Plain data in, a string out, so the rule can be tested without Astro.
 */
import { createHash } from 'node:crypto';

/** A hash of what a page shows (JSON: the same data gives the same key in every build). */
export function hashShown(shown: unknown): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
}

/** The fields of an item entry its page key reads. */
export interface ItemPageEntry {
  docId: string;
  related: readonly { id: string }[];
  addresses?: readonly { id: string }[];
  addressedBy?: readonly { id: string }[];
  leadDepartments: readonly string[];
  partnerDepartments: readonly string[];
}

/** What an item page shows of another item it links to. */
export interface LinkedItem {
  cityName: string;
  number: string;
  title: string;
  kind: string;
  domain: string | null;
}

/** Lookups into the rest of the build. */
export interface ItemPageContext<T> {
  /** The document's title, issuer, 文号 and date (the breadcrumbs and the citation). */
  documentMeta: (docId: string) => unknown;
  /** Another item by id (related items, addressed measures, the opinions that address this one). */
  item: (id: string) => (T & LinkedItem) | undefined;
  /** A department's page id by its printed name (department links). */
  department: (printed: string) => string | undefined;
}

/**
 * Everything an item page shows, as plain data. What must invalidate a page:
 * - its own entry (text, domain, numbers, links and their scores, topic, targets' owner…);
 * - its document's title, issuer, 文号 and date, which the breadcrumbs and the citation print;
 * - each linked item's city, number, title, kind and domain, shown in the related table and the
 *   lists of addressed measures: relinking another document renames those rows;
 * - the department page each named department links to: a form added to the alias table
 *   moves a name to another page.
 */
export function itemPageShows<T extends ItemPageEntry>(item: T, context: ItemPageContext<T>): unknown {
  const linked = [...item.related, ...(item.addresses ?? []), ...(item.addressedBy ?? [])].map((r) => {
    const other = context.item(r.id);
    return other && [other.cityName, other.number, other.title, other.kind, other.domain];
  });
  const departments = [...item.leadDepartments, ...item.partnerDepartments].map((n) => context.department(n.trim()));
  return [item, context.documentMeta(item.docId), linked, departments];
}

/** The item page's cache key. */
export function itemPageCacheKey<T extends ItemPageEntry>(item: T, context: ItemPageContext<T>): string {
  return hashShown(itemPageShows(item, context));
}
