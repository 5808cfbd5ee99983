/**
 * Search quality on the real built site: real Pagefind index, real Chromium.
 * Expected items are looked up in the knowledge base by their content, not hard-coded ids.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, KnowledgeBase } from '../../scripts/lib/types.ts';
import { launch, openPage, readResults, search } from '../support/browser.ts';
import { DIST, loadKb } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
let kb: KnowledgeBase;
const itemsById = new Map<string, Item & { city: string | null }>();

beforeAll(async () => {
  kb = await loadKb();
  for (const d of kb.documents) for (const i of d.items) itemsById.set(i.id, { ...i, city: d.city });
  server = await serve(DIST);
  browser = await launch();
  ({ page, errors } = await openPage(browser));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const itemIdOf = (r: { url: string }) => r.url.match(/^\/items\/([^/]+)\/$/)?.[1];
const squash = (s: string) => s.replace(/\s+/g, '');

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

// ---- Search results visitors can trust (issue 11): paging, counts, folding, highlighting,
// no-results hints, Back, title. At desktop width, and at phone width where layout matters.

const WIDTHS = { desktop: 1280, phone: 390 } as const;
const FILTERS = ['city', 'domain', 'kind', 'population'] as const;
type Entry = { url: string; title: string; folded: boolean } & Record<(typeof FILTERS)[number], string>;

/** Every result on the page: list items, and the links of results folded into them. */
function entries(p: Page): Promise<Entry[]> {
  return p.$$eval('#results [data-url]', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      const title = e.tagName === 'LI' ? (e.querySelector('a.title')?.textContent ?? '') : '';
      return { url: d.url!, city: d.city!, domain: d.domain!, kind: d.kind!, population: d.population!, title, folded: e.tagName === 'A' };
    }),
  );
}

/**
 * Pagefind's own answer, asked in the page (the module instance the page uses). A string, so that
 * vitest does not rewrite the import() for Node.
 */
function askPagefind<T>(p: Page, expression: string): Promise<T> {
  return p.evaluate(`import('/pagefind/pagefind.js').then((pagefind) => ${expression})`) as Promise<T>;
}
const pagefindTotal = (p: Page, q: string) => askPagefind<number>(p, `pagefind.search(${JSON.stringify(q)}).then((s) => s.results.length)`);

/** Per filter, per value: the count its option shows. */
function optionCounts(p: Page): Promise<Record<string, Record<string, number>>> {
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
async function showAll(p: Page): Promise<void> {
  while (await p.isVisible('#more')) {
    const before = (await entries(p)).length;
    await p.click('#more');
    await p.waitForFunction((n) => document.querySelectorAll('#results [data-url]').length > n, before);
  }
}

const stripNumber = (title: string) => squash(title.replace(/^\s*(?:[（(][^）)]{1,4}[）)]|[\d一二三四五六七八九十百]+[、.．]?)(?=\s)/, ''));

async function atWidth(width: number): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser);
  await opened.page.setViewportSize({ width, height: 844 });
  return opened;
}

describe('paging: every result is reachable', () => {
  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`托育 at ${name} width: 20 first, then 显示更多结果 by keyboard until all Pagefind finds are shown, announced`, async () => {
      const { page: p, errors: errs } = await atWidth(width);
      await search(p, server.url, '托育');
      const total = await pagefindTotal(p, '托育');
      expect(total).toBeGreaterThan(30);
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
    const groups = new Map<string, (Item & { city: string | null })[]>();
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

describe('highlighting', () => {
  it('托育 marks only 托育, never 生育, 养育 or 教育 (Pagefind splits the query into characters)', async () => {
    await search(page, server.url, '托育');
    await showAll(page);
    const marks = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(20);
    expect(new Set(marks)).toEqual(new Set(['托育']));
    // Results whose excerpt only has 生育/养育 are still listed, unmarked.
    const texts = await page.$$eval('#results > li > p:not(.folded)', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(texts.some((t) => /生育|养育|教育/.test(t))).toBe(true);
  });

  it('two terms: each marked where it occurs whole, case-insensitive for Latin letters', async () => {
    await search(page, server.url, '母婴 安全');
    const marks = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(['母婴', '安全']).toContain(m);
  });

  for (const q of ['<b>托育</b>', '<img src=x onerror="window.__injected=1"> 托育']) {
    it(`markup in the query stays text: ${q}`, async () => {
      await search(page, server.url, q);
      const found = await page.evaluate(() => ({
        elements: document.querySelectorAll('main b, main img, main script').length,
        injected: (window as unknown as { __injected?: number }).__injected ?? null,
        marks: [...new Set([...document.querySelectorAll('#results mark')].map((m) => m.textContent))],
        title: document.title,
      }));
      expect(found.elements).toBe(0);
      expect(found.injected).toBeNull();
      expect(found.title).toBe(`「${q}」的搜索结果 · 妇女儿童发展规划知识库`);
      // Only a whole term is marked: 托育, never a piece of the markup.
      for (const m of found.marks) expect(m).toBe('托育');
      expect(errors).toEqual([]);
    });
  }
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
    it(`${q} finds nothing and suggests ${term}`, async () => {
      expect(await search(page, server.url, q)).toEqual([]);
      expect(await page.textContent('#status')).toBe('找到 0 个结果。');
      expect(await page.isVisible('#no-results')).toBe(true);
      expect(await page.$$eval('#suggestions a', (as) => as.map((a) => a.textContent))).toContain(term);
    });
  }

  it('the hint links to the 15 domain pages and to browsing, and a suggestion runs its search', async () => {
    await search(page, server.url, 'childcare');
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
    const total = await pagefindTotal(page, '托育');
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
      const { page: p, errors: errs } = await atWidth(width);
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
