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
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

export async function loadPagefind(url = '/pagefind/pagefind.js'): Promise<Pagefind> {
  return (await import(/* @vite-ignore */ url)) as Pagefind;
}
