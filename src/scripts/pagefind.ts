/**
 * The part of Pagefind's browser API the site uses, typed. The bundle (`/pagefind/pagefind.js`)
 * exists only after `postbuild` has indexed dist/, so it is loaded at run time, not bundled.
 */
export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts per filter value among this query's results. */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

/**
 * Pagefind, ready to search. A large site is indexed in shards (scripts/postbuild.ts lists the
 * extra bundles in shards.json): they are merged in, so one search covers them all.
 */
export async function loadPagefind(options: Record<string, unknown>, base = '/pagefind/'): Promise<Pagefind> {
  // A plain variable, not a template literal: Vite would rewrite the latter with its preload helper.
  const bundle = base + 'pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  await pagefind.options(options);
  const shards = (await fetch(`${base}shards.json`).then((r) => (r.ok ? r.json() : []))) as string[];
  for (const bundle of shards) await pagefind.mergeIndex(bundle);
  await pagefind.init();
  return pagefind;
}
