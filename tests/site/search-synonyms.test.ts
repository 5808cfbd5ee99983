/**
 * Search that knows the vocabulary (issue 9): words readers swap (家暴/家庭暴力, 婴幼儿照护/托育)
 * find each other's items, show the item's own word marked, and never show the added word; and a
 * common word (女性) is not swapped for another (妇女), which would flood its results.
 * Real Pagefind over the built site, real Chromium; expected items come from the knowledge base.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS } from '../../src/lib/search-synonyms.ts';
import { search } from '../support/browser.ts';
import { itemIdOf, shownResults, showAll, squash, useSearchSite, type KbItem } from '../support/search.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let page: Page;
let errors: string[];
let indexed: KbItem[];
beforeAll(() => {
  ({ server, page, errors } = site);
  indexed = [...site.itemsById.values()].filter((i) => !i.repeats);
});

const says = (i: KbItem, w: string) => squash(`${i.title}${i.text}`).includes(w);

/** Every result of the query: list entries and the results folded into them. */
async function allUrls(p: Page): Promise<string[]> {
  return p.$$eval('#results [data-url]', (els) => els.map((e) => (e as HTMLElement).dataset.url!));
}

describe('synonyms find each other’s items', () => {
  for (const [query, word] of [
    ['家暴', '家庭暴力'],
    ['婴幼儿照护', '托育'],
    ['视力不良', '近视'],
    ['校园霸凌', '学生欺凌'],
  ] as const) {
    it(`${query} finds every item that says ${word}, shows ${word} marked in its own text, and never shows ${query} where the item does not say it`, async () => {
      const expected = indexed.filter((i) => says(i, word));
      expect(expected.length, `items saying ${word}`).toBeGreaterThan(0);
      await search(page, server.url, query);
      await showAll(page);
      const urls = await allUrls(page);
      for (const i of expected) expect(urls, `${query} → ${i.id} (${word})`).toContain(`/items/${i.id}/`);
      const shown = await shownResults(page);
      let marked = 0;
      for (const r of shown) {
        const id = itemIdOf(r);
        if (!id) continue;
        const item = site.itemsById.get(id)!;
        expect(squash(item.text), r.url).toContain(squash(r.excerpt.replace(/^…|…$/g, '')));
        if (!says(item, query)) expect(r.excerpt, r.url).not.toContain(query);
        if (says(item, word) && !says(item, query)) {
          expect(r.marks, r.url).toContain(word);
          marked++;
        }
      }
      expect(marked).toBeGreaterThan(0);
      // The items with the word itself or a synonym come before those matching only its characters.
      const ids = shown.map(itemIdOf);
      const hits = ids.map((id) => !!id && [query, word].some((w) => says(site.itemsById.get(id)!, w)));
      expect(hits.slice(0, hits.filter(Boolean).length).every(Boolean), hits.map(Number).join('')).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('every group: a query for any word finds the items saying another word of its group', async () => {
    let pairs = 0;
    for (const group of SYNONYM_GROUPS) {
      for (const query of group) {
        const others = indexed.filter((i) => group.some((w) => w !== query && says(i, w)));
        if (!others.length) continue;
        await search(page, server.url, query);
        await showAll(page);
        const urls = await allUrls(page);
        for (const i of others) expect(urls, `${query} → ${i.id}`).toContain(`/items/${i.id}/`);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(SYNONYM_GROUPS.length);
  });
});

describe('synonyms do not flood', () => {
  it('女性 finds the items that say 女性, not every item about 妇女', async () => {
    const women = indexed.filter((i) => says(i, '妇女') && !says(i, '女性'));
    expect(women.length).toBeGreaterThan(50);
    await search(page, server.url, '女性');
    await showAll(page);
    const ids = (await allUrls(page)).map((u) => itemIdOf({ url: u })).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(says(site.itemsById.get(id)!, '女性'), id).toBe(true);
  });
});
