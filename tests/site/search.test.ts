/**
 * Search quality on the real built site: real Pagefind index, real Chromium.
 * Expected items are looked up in the knowledge base by their content, not hard-coded ids.
 * Paging, counts and folding: search-results.test.ts; excerpts and headings:
 * search-excerpts.test.ts; synonyms: search-synonyms.test.ts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, search } from '../support/browser.ts';
import { entries, itemIdOf, squash, useSearchSite, type KbItem } from '../support/search.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let page: Page;
let errors: string[];
let itemsById: Map<string, KbItem>;
beforeAll(() => {
  ({ server, page, errors, itemsById } = site);
});


describe('Chinese queries find the right item pages first', () => {
  const queries: [string, string[]][] = [
    ['母婴安全', ['母婴安全']],
    ['留守儿童', ['留守儿童']],
    ['就业性别歧视', ['就业', '性别歧视']],
    ['12338', ['12338']],
  ];
  for (const [q, terms] of queries) {
    it(`${q}: the top results are item pages whose text contains the query`, async () => {
      // As many top places as there are matching items, up to 3 (12338 is in only a few).
      // Repeated passages (word for word or nearly) are not indexed: they cannot be results.
      const matching = [...itemsById.values()].filter((i) => !i.repeats && terms.every((t) => squash(i.text).includes(t)));
      expect(matching.length).toBeGreaterThan(0);
      const k = Math.min(3, matching.length);
      await search(page, server.url, q);
      // In display order, results folded into an entry with the same title right after it.
      const results = await entries(page);
      expect(results.length).toBeGreaterThanOrEqual(k);
      const top = results.slice(0, k);
      for (const r of top) {
        const id = itemIdOf(r);
        expect(id, `${r.url} should be an item page`).toBeTruthy();
        const text = squash(itemsById.get(id!)!.text);
        for (const t of terms) expect(text, `${r.url}`).toContain(t);
      }
      expect(errors).toEqual([]);
    });
  }

  it('母婴安全: the 阜新 measure 加强母婴安全保障 is among the top 3, above every document and domain page', async () => {
    const expected = [...itemsById.values()].find((i) => i.city === '阜新市' && i.kind === 'measure' && i.title.includes('加强母婴安全保障'));
    expect(expected, '阜新 measure 加强母婴安全保障 in the kb').toBeTruthy();
    const results = await search(page, server.url, '母婴安全');
    const urls = results.map((r) => r.url);
    const at = urls.indexOf(`/items/${expected!.id}/`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(3);
    const firstListing = urls.findIndex((u) => /^\/(documents|domains|cities|topics)\//.test(u));
    if (firstListing >= 0) expect(firstListing).toBeGreaterThan(at);
  });
});

describe('passages a document prints twice', () => {
  it('are found once, at their first occurrence, and the repeat says where that is', async () => {
    const repeat = [...itemsById.values()].find((i) => i.repeats && i.title.length >= 4);
    expect(repeat, 'the 2023 speech compilation reprints speeches').toBeTruthy();
    const results = await search(page, server.url, repeat!.title);
    const ids = results.map(itemIdOf);
    expect(ids).toContain(repeat!.repeats);
    expect(ids).not.toContain(repeat!.id);
    await page.goto(`${server.url}/items/${repeat!.id}/`);
    expect(await page.getAttribute('.notice a', 'href')).toBe(`/items/${repeat!.repeats}/`);
    expect(errors).toEqual([]);
  });
});

describe('search filters', () => {
  it('the city filter narrows results to that city, through the select control', async () => {
    const all = await search(page, server.url, '母婴安全');
    const cities = [...new Set(all.flatMap((r) => r.city.split('|')).filter(Boolean))];
    expect(cities.length).toBeGreaterThanOrEqual(2);
    const city = cities.includes('大安市') ? '大安市' : cities[0]!;
    const before = await page.textContent('#status');
    await page.selectOption('select[data-filter="city"]', city);
    await page.waitForFunction((b) => document.getElementById('status')?.textContent !== b, before);
    await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''));
    const filtered = await readResults(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    for (const r of filtered) expect(r.city.split('|')).toContain(city);
    expect(new URL(page.url()).searchParams.get('city')).toBe(city);
  });

  it('kind and population filters from the URL restrict results', async () => {
    const measures = await search(page, server.url, '母婴安全', { kind: '策略措施' });
    expect(measures.length).toBeGreaterThan(0);
    for (const r of measures) expect(r.kind).toBe('策略措施');
    const children = await search(page, server.url, '留守儿童', { population: '儿童' });
    expect(children.length).toBeGreaterThan(0);
    for (const r of children) {
      const id = itemIdOf(r);
      if (id) expect(itemsById.get(id)!.population).toBe('儿童');
    }
    expect(errors).toEqual([]);
  });
});
