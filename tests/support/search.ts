/**
 * Shared by the search suites (tests/site/search*.test.ts): the site, the knowledge base it was
 * built from, a browser, and readers for what the search page shows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Item, KnowledgeBase } from '../../scripts/lib/types.ts';
import { launch, openPage } from './browser.ts';
import { DIST, loadKb } from './kb.ts';
import { serve, type StaticServer } from './server.ts';

export type KbItem = Item & { city: string | null };

export interface SearchSite {
  server: StaticServer;
  browser: Browser;
  page: Page;
  errors: string[];
  kb: KnowledgeBase;
  itemsById: Map<string, KbItem>;
}

/** Registers beforeAll/afterAll: the returned object is filled in before the first test runs. */
export function useSearchSite(): SearchSite {
  const site = { itemsById: new Map<string, KbItem>() } as SearchSite;
  beforeAll(async () => {
    site.kb = await loadKb();
    for (const d of site.kb.documents) for (const i of d.items) site.itemsById.set(i.id, { ...i, city: d.city });
    site.server = await serve(DIST);
    site.browser = await launch();
    ({ page: site.page, errors: site.errors } = await openPage(site.browser));
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export const itemIdOf = (r: { url: string }) => r.url.match(/^\/items\/([^/]+)\/$/)?.[1];
export const squash = (s: string) => s.replace(/\s+/g, '');

export const WIDTHS = { desktop: 1280, phone: 390 } as const;
export const FILTERS = ['city', 'domain', 'kind', 'population'] as const;
export type Entry = { url: string; title: string; folded: boolean } & Record<(typeof FILTERS)[number], string>;

/** Every result on the page: list items, and the links of results folded into them. */
export function entries(p: Page): Promise<Entry[]> {
  return p.$$eval('#results [data-url]', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      const title = e.tagName === 'LI' ? (e.querySelector('a.title')?.textContent ?? '') : '';
      return { url: d.url!, city: d.city!, domain: d.domain!, kind: d.kind!, population: d.population!, title, folded: e.tagName === 'A' };
    }),
  );
}

/** What each listed result shows: heading, excerpt (text and marked runs) and departments line. */
export interface Shown {
  url: string;
  title: string;
  excerpt: string;
  marks: string[];
  departments: string | null;
}

export function shownResults(p: Page): Promise<Shown[]> {
  return p.$$eval('#results > li', (lis) =>
    lis.map((li) => {
      const excerpt = li.querySelector('p.excerpt');
      return {
        url: (li as HTMLElement).dataset.url ?? '',
        title: li.querySelector('a.title')?.textContent ?? '',
        excerpt: excerpt?.textContent ?? '',
        marks: [...(excerpt?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? ''),
        departments: li.querySelector('p.departments')?.textContent ?? null,
      };
    }),
  );
}

/**
 * Pagefind's own answer, asked in the page (the module instance the page uses). A string, so that
 * vitest does not rewrite the import() for Node.
 */
export function askPagefind<T>(p: Page, expression: string): Promise<T> {
  return p.evaluate(`import('/pagefind/pagefind.js').then((pagefind) => ${expression})`) as Promise<T>;
}
export const pagefindTotal = (p: Page, q: string) => askPagefind<number>(p, `pagefind.search(${JSON.stringify(q)}).then((s) => s.results.length)`);

/** Per filter, per value: the count its option shows. */
export function optionCounts(p: Page): Promise<Record<string, Record<string, number>>> {
  return p.$$eval('select[data-filter]', (sels) =>
    Object.fromEntries(
      sels.map((s) => [
        (s as HTMLSelectElement).dataset.filter!,
        Object.fromEntries(
          [...(s as HTMLSelectElement).options].filter((o) => o.value).map((o) => [o.value, Number(o.textContent!.match(/（(\d+)）$/)?.[1] ?? NaN)]),
        ),
      ]),
    ),
  );
}

/** Clicks 显示更多结果 until it is gone. */
export async function showAll(p: Page): Promise<void> {
  while (await p.isVisible('#more')) {
    const before = (await entries(p)).length;
    await p.click('#more');
    await p.waitForFunction((n) => document.querySelectorAll('#results [data-url]').length > n, before);
  }
}

export async function atWidth(browser: Browser, width: number): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser);
  await opened.page.setViewportSize({ width, height: 844 });
  return opened;
}
