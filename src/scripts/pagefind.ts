/**
 * The part of Pagefind's browser API the site uses, typed. The bundle (`/pagefind/pagefind.js`)
 * exists only after `postbuild` has indexed dist/, so it is loaded at run time, not bundled.
 */
export interface PagefindResultData {
  url: string;
  /** The page's indexed text, plain (not HTML). */
  content: string;
  /** HTML-escaped text around the hits, with <mark> around every matched segment. */
  excerpt: string;
  /** The same excerpt without <mark>s, still escaped (Pagefind ≥ 1.5). */
  plain_excerpt?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  /** Loads the result's fragment: call it only for results about to be shown. */
  data(): Promise<PagefindResultData>;
}

/** Per filter name, per value: a number of results. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  /** Results of the query before the filters were applied. */
  unfilteredResultCount: number;
  /** Per filter value: results of this query with the current filters and that value. */
  filters: FilterCounts;
  /** Per filter value: results of this query with that value and no other filter. */
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Loads the index chunks a search for `term` will need, without searching. */
  preload(term: string): Promise<void>;
  /** Per filter value: indexed pages carrying it. */
  filters(): Promise<FilterCounts>;
  search(query: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<PagefindSearch>;
}

/** What postbuild wrote into the search page's head (scripts/search-preload.ts, SearchBoot); undefined on other pages. */
export interface Boot {
  tag: string;
  shards: string[];
  /** Per filter name, per value: indexed pages carrying it, as `filters()` would count them. */
  filters?: FilterCounts;
  /** The filter chunks are large: fetch them only once a filter is used. */
  countsOnDemand?: true;
}

export function readBoot(): Boot | undefined {
  const boot = document.getElementById('kb-pagefind')?.textContent;
  return boot ? (JSON.parse(boot) as Boot) : undefined;
}

/**
 * Pagefind, ready to search. A large site is indexed in shards (scripts/postbuild.ts lists the
 * extra bundles in shards.json): they are merged in, so one search covers them all.
 */
export async function loadPagefind(options: Record<string, unknown>, base = '/pagefind/'): Promise<Pagefind> {
  // A plain variable, not a template literal: Vite would rewrite the latter with its preload helper.
  const bundle = base + 'pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  // Written into the page's head by postbuild (scripts/search-preload.ts), with preloads of the
  // entry, meta and wasm: the tag makes Pagefind's entry URL the preloaded one. Without it
  // (a page not post-built), the shard list costs a round trip.
  const boot = readBoot();
  const { tag, shards } = boot ?? { tag: undefined, shards: (await fetch(`${base}shards.json`).then((r) => (r.ok ? r.json() : []))) as string[] };
  // With preloads, no worker: its script would be one more round trip before the entry, and a
  // worker's fetches do not see the page's preloads. Elsewhere (the header box) the worker keeps
  // typing smooth on a large index.
  await pagefind.options({ ...options, ...(tag ? { noWorker: true, metaCacheTag: tag } : {}) });
  for (const bundle of shards) await pagefind.mergeIndex(bundle, tag ? { metaCacheTag: tag } : {});
  await pagefind.init();
  return pagefind;
}
