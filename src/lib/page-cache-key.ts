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
  leadDepartments: readonly string[];
  partnerDepartments: readonly string[];
}

/** Lookups into the rest of the build. */
export interface ItemPageContext {
  /** The document's title, issuer, 文号 and date (the breadcrumbs and the citation). */
  documentMeta: (docId: string) => unknown;
  /** A department's page id by its printed name (department links). */
  department: (printed: string) => string | undefined;
}

/**
 * Everything an item page shows as Astro renders it, as plain data. What must invalidate a page:
 * - its own entry (text, domain, numbers, topic, targets' owner…);
 * - its document's title, issuer, 文号 and date, which the breadcrumbs and the citation print;
 * - the department page each named department links to: a form added to the alias table
 *   moves a name to another page.
 * Not the items it links to: the addressed measures and related items are filled in after
 * Astro (src/lib/item-links.ts), so Astro's page does not show them. The entry's own links
 * stay in the key (they are part of the entry); they change nothing Astro renders, so this
 * errs on the side of rendering again.
 */
export function itemPageShows<T extends ItemPageEntry>(item: T, context: ItemPageContext): unknown {
  const departments = [...item.leadDepartments, ...item.partnerDepartments].map((n) => context.department(n.trim()));
  return [item, context.documentMeta(item.docId), departments];
}

/** The item page's cache key. */
export function itemPageCacheKey<T extends ItemPageEntry>(item: T, context: ItemPageContext): string {
  return hashShown(itemPageShows(item, context));
}
