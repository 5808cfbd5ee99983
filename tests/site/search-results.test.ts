/**
 * Search results visitors can trust (issue 11): paging, counts, folding, no-results hints, Back,
 * title. At desktop width, and at phone width where layout matters. Real Pagefind, real Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../support/browser.ts';
import { askPagefind, atWidth as openAtWidth, entries, FILTERS, itemIdOf, optionCounts, pagefindTotal, showAll, squash, useSearchSite, WIDTHS, type KbItem } from '../support/search.ts';
import { synonymsOf } from '../../src/lib/search-synonyms.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
let itemsById: Map<string, KbItem>;
beforeAll(() => {
  ({ server, browser, page, errors, itemsById } = site);
});

// A heading is `城市 · 编号 标题`: the number is left out, as the page folds goal 7 with measure 7.
const stripNumber = (title: string) => squash(title.replace(/^[^·]+ · /, '').replace(/^\s*(?:[（(][^）)]{1,4}[）)]|[\d一二三四五六七八九十百]+[、.．]?)(?=\s)/, ''));

describe('paging: every result is reachable', () => {
  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`托育 at ${name} width: 20 first, then 显示更多结果 by keyboard until all Pagefind finds are shown, announced`, async () => {
      const { page: p, errors: errs } = await openAtWidth(browser, width);
      await search(p, server.url, '托育');
      // The browser cuts 托育 into 托|育: it is searched as a phrase (search-query.ts, pagefindSearch).
      const total = await pagefindTotal(p, '"托育"');
      expect(total).toBeGreaterThan(20);
      expect(total).toBeLessThan(await pagefindTotal(p, '托育'));
      expect(await p.textContent('#status')).toBe(`找到 ${total} 个结果，显示前 20 个。`);
      expect((await entries(p)).length).toBe(20);
      while (await p.isVisible('#more')) {
        const box = (await p.locator('#more').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        const before = (await entries(p)).length;
        await p.focus('#more');
        await p.keyboard.press('Enter');
        await p.waitForFunction((n) => document.querySelectorAll('#results [data-url]').length > n, before);
        const shown = (await entries(p)).length;
        expect(await p.textContent('#status')).toBe(shown < total ? `找到 ${total} 个结果，显示前 ${shown} 个。` : `找到 ${total} 个结果，已全部显示。`);
        // Focus moved to the first new result, not lost to <body>.
        expect(await p.evaluate(() => !!document.activeElement?.closest('#results'))).toBe(true);
      }
      const shown = await entries(p);
      expect(shown.length).toBe(total);
      expect(new Set(shown.map((e) => e.url)).size).toBe(total);
      // None is there for 托 and 育 apart (依托 … 教育): each item holds 托育 or its synonym.
      const holds = shown.map((e) => itemsById.get(itemIdOf(e) ?? '')).filter((i) => i).map((i) => squash(`${i!.title}${i!.text}`));
      expect(holds.length).toBeGreaterThan(10);
      expect(holds.filter((t) => !['托育', ...synonymsOf('托育')].some((w) => t.includes(w)))).toEqual([]);
      // No sideways scrolling at any width.
      const overflow = await p.evaluate(() => {
        const list = document.getElementById('results')!;
        return { page: document.documentElement.scrollWidth - innerWidth, list: list.scrollWidth - list.clientWidth };
      });
      expect(overflow).toEqual({ page: 0, list: 0 });
      expect(errs).toEqual([]);
      await p.close();
    });
  }
});

describe('filter counts follow the query', () => {
  it('托育: per filter, option counts add up to the results carrying that filter, value by value; 0 stays selectable', async () => {
    await search(page, server.url, '托育');
    await showAll(page);
    const shown = await entries(page);
    const counts = await optionCounts(page);
    for (const name of FILTERS) {
      const values = Object.entries(counts[name]!);
      expect(values.length, name).toBeGreaterThan(0);
      for (const [value, n] of values) expect(n, `${name} ${value}`).toBe(shown.filter((e) => e[name].split('|').includes(value)).length);
      expect(values.reduce((s, [, n]) => s + n, 0), name).toBe(shown.filter((e) => e[name]).length);
    }
    const zero = await page.$$eval('select[data-filter] option', (os) => os.filter((o) => /（0）$/.test(o.textContent!)).map((o) => (o as HTMLOptionElement).disabled));
    expect(zero.length).toBeGreaterThan(0);
    expect(zero).not.toContain(true);
    expect(errors).toEqual([]);
  });

  it('with a city chosen, each city option still shows what choosing it gives, and the choice is kept', async () => {
    const before = await search(page, server.url, '托育');
    const all = await optionCounts(page);
    const [city, n] = Object.entries(all.city!).find(([, c]) => c > 0 && c < before.length)!;
    await search(page, server.url, '托育', { city });
    expect(await page.$eval('select[name="city"]', (s) => (s as HTMLSelectElement).value)).toBe(city);
    expect((await optionCounts(page)).city).toEqual(all.city);
    await showAll(page);
    expect((await entries(page)).length).toBe(n);
  });

  it('without a query, options show the totals of the index', async () => {
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => /（\d+）$/.test(document.querySelector('select[name="city"] option:nth-child(2)')?.textContent ?? ''));
    const totals = await askPagefind<Record<string, Record<string, number>>>(page, 'pagefind.filters()');
    expect(await optionCounts(page)).toEqual(totals);
  });
});

describe('duplicates fold', () => {
  it('results with the same title in the same city are one entry whose note links the others', async () => {
    // Indexed items (repeats are not) sharing a title and a city.
    const groups = new Map<string, KbItem[]>();
    for (const i of itemsById.values()) {
      if (i.repeats) continue;
      const key = `${squash(i.title)}|${i.city}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const same = [...groups.values()].filter((g) => g.length > 1);
    expect(same.length).toBeGreaterThan(0);
    let checked = 0;
    for (const group of same) {
      await search(page, server.url, group[0]!.title);
      await showAll(page);
      const shown = await entries(page);
      const urls = shown.map((e) => e.url);
      const ids = group.map((i) => `/items/${i.id}/`);
      if (!ids.every((u) => urls.includes(u))) continue;
      checked++;
      // Nothing lost, and no two list entries with the same title and city.
      expect(new Set(urls).size).toBe(urls.length);
      const keys = shown.filter((e) => !e.folded).map((e) => `${stripNumber(e.title)}|${e.city}`);
      expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);
      const primary = ids.find((u) => shown.some((e) => e.url === u && !e.folded))!;
      const note = await page.$eval(`#results > li[data-url="${primary}"] .folded`, (p) => ({
        text: p.textContent,
        links: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      }));
      expect(note.text).toMatch(new RegExp(`^另有 ${group.length - 1} 条相同标题的结果`));
      expect(new Set(note.links)).toEqual(new Set(ids.filter((u) => u !== primary)));
    }
    expect(checked, 'at least one same-title group found by its title').toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('no results', () => {
  for (const [q, term] of [
    ['tuoyu', '托育'],
    ['tuō yù', '托育'],
    ['Tuo Yu', '托育'],
    ['childcare', '托育'],
    ['chilcare', '托育'],
    ['domestic violence', '家庭暴力'],
    ['nvganbu', '女干部'],
  ] as const) {
    // Issue 17: pinyin and English are searched as the glossary's Chinese terms, not only suggested.
    it(`${q} finds items that say ${term} in its first five results`, async () => {
      const results = await search(page, server.url, q);
      const top = results.slice(0, 5).map((r) => itemsById.get(r.url.match(/^\/items\/([^/]+)\/$/)?.[1] ?? ''));
      expect(top.some((i) => i && squash(`${i.title}${i.text}`).includes(term)), q).toBe(true);
      expect(await page.isVisible('#no-results')).toBe(false);
    });
  }

  it('a Latin query near no term finds nothing and suggests the common terms', async () => {
    expect(await search(page, server.url, 'zzqxw')).toEqual([]);
    expect(await page.textContent('#status')).toBe('找到 0 个结果。');
    expect(await page.isVisible('#no-results')).toBe(true);
    expect(await page.$$eval('#suggestions a', (as) => as.map((a) => a.textContent))).toContain('托育');
  });

  it('the hint links to the 15 domain pages and to browsing, and a suggestion runs its search', async () => {
    await search(page, server.url, 'zzqxw');
    const links = await page.$$eval('#no-results a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links.filter((h) => /^\/domains\/[a-z-]+\/$/.test(h))).toHaveLength(15);
    for (const h of ['/domains/', '/cities/', '/documents/']) expect(links).toContain(h);
    await page.click('#suggestions a:text-is("托育")');
    await page.waitForFunction(() => /^找到 [1-9]/.test(document.getElementById('status')?.textContent ?? ''));
    expect(new URL(page.url()).searchParams.get('q')).toBe('托育');
    expect(await page.isVisible('#no-results')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('a filter value with （0） leaves the way back: the count without filters and a link to it', async () => {
    await search(page, server.url, '托育');
    const total = await pagefindTotal(page, '"托育"');
    const [city] = Object.entries((await optionCounts(page)).city!).find(([, n]) => n === 0)!;
    await search(page, server.url, '托育', { city });
    expect(await page.textContent('#unfiltered')).toBe(`去掉筛选条件后有 ${total} 个结果：不限条件搜索「托育」。`);
    expect(await page.getAttribute('#unfiltered a', 'href')).toBe(`/search/?q=${encodeURIComponent('托育')}`);
  });

  it('every glossary term occurs in the documents (a suggestion never leads to nothing)', async () => {
    const { GLOSSARY } = await import('../../src/lib/search-glossary.ts');
    const texts = [...itemsById.values()].map((i) => squash(`${i.title}${i.text}`));
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40);
    expect(GLOSSARY.filter((g) => !texts.some((t) => t.includes(g.term))).map((g) => g.term)).toEqual([]);
  });
});

describe('Back to the results', () => {
  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`at ${name} width: as many results as were shown, at the same scroll position`, async () => {
      const { page: p, errors: errs } = await openAtWidth(browser, width);
      await search(p, server.url, '托育');
      await p.click('#more');
      await p.waitForFunction(() => document.querySelectorAll('#results [data-url]').length > 20);
      const shown = (await entries(p)).length;
      const link = p.locator('#results > li a.title').nth(25);
      await link.scrollIntoViewIfNeeded();
      const y = await p.evaluate(() => scrollY);
      expect(y).toBeGreaterThan(0);
      // Marks this document: if Back came from the back/forward cache, nothing was re-rendered.
      await p.evaluate(() => ((window as unknown as { __before?: boolean }).__before = true));
      await Promise.all([p.waitForURL(/\/items\//), link.click()]);
      await p.goBack();
      await p.waitForFunction((n) => document.querySelectorAll('#results [data-url]').length >= n && scrollY > 0, shown);
      const after = await p.evaluate(() => ({ y: scrollY, fresh: !(window as unknown as { __before?: boolean }).__before }));
      expect(after.fresh, 'the page was loaded again, not restored from the back/forward cache').toBe(true);
      expect((await entries(p)).length).toBe(shown);
      expect(Math.abs(after.y - y)).toBeLessThanOrEqual(2);
      expect(errs).toEqual([]);
      await p.close();
    });
  }
});

describe('page title', () => {
  it('carries the query, follows a new search, and is plain 搜索 without one', async () => {
    await search(page, server.url, '托育');
    expect(await page.title()).toBe('「托育」的搜索结果 · 妇女儿童发展规划知识库');
    await page.fill('#q', '留守儿童');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.title.startsWith('「留守儿童」'));
    expect(await page.title()).toBe('「留守儿童」的搜索结果 · 妇女儿童发展规划知识库');
    await page.goto(`${server.url}/search/`);
    expect(await page.title()).toBe('搜索 · 妇女儿童发展规划知识库');
  });
});
