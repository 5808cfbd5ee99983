/**
 * Query understanding on the real built site (issue 17): everyday words find the plans' words,
 * a match across a word boundary is dropped, questions are reduced, pinyin and English find
 * items, and every page's header has a search box that works without JavaScript.
 * Expected items come from the knowledge base by their text, never by id.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../support/browser.ts';
import { itemIdOf, squash, useSearchSite, type KbItem } from '../support/search.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ server, page, errors } = site);
});

const says = (i: KbItem, w: string) => squash(`${i.title}${i.text}`).includes(w);
const itemsOf = (results: { url: string }[]) => results.map((r) => site.itemsById.get(itemIdOf(r) ?? '')).filter((i): i is KbItem => !!i);

describe('queries as people type them', () => {
  it('托儿所 finds 托育 items and never an item that only says 依托儿…', async () => {
    const items = itemsOf(await search(page, server.url, '托儿所'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.slice(0, 5).some((i) => says(i, '托育'))).toBe(true);
    for (const i of items) if (!says(i, '托儿所')) expect(squash(i.text), i.id).not.toMatch(/依托儿(?!所)/);
  });
  for (const [q, word] of [
    ['孩子近视了政府管不管', '近视'],
    ['tuoyu', '托育'],
    ['liushou ertong', '留守儿童'],
    ['domestic violence', '家庭暴力'],
    ['left-behind children', '留守儿童'],
  ] as const) {
    it(`${q} finds items that say ${word} in its first five results`, async () => {
      const items = itemsOf(await search(page, server.url, q));
      expect(items.slice(0, 5).some((i) => says(i, word)), q).toBe(true);
    });
  }
  it('a term whose words no item holds together (产后恢复) finds the items that hold them apart, and says so', async () => {
    const all = [...site.itemsById.values()];
    // The case itself, read from the knowledge base: each word is there, never both in one item.
    expect(all.some((i) => says(i, '产后'))).toBe(true);
    expect(all.some((i) => says(i, '产后') && says(i, '恢复'))).toBe(false);
    const items = itemsOf(await search(page, server.url, '产后恢复'));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(says(i, '产后') || says(i, '恢复'), i.id).toBe(true);
    expect(items.some((i) => says(i, '产后'))).toBe(true);
    expect(await page.textContent('#status')).toContain('没有同时含有「产后恢复」各词的结果');
    // A term items do hold together is not widened.
    expect(itemsOf(await search(page, server.url, '母婴安全')).some((i) => says(i, '母婴安全'))).toBe(true);
    expect(await page.textContent('#status')).not.toContain('同时含有');
  });
  it('tells the visitor how a question was understood', async () => {
    await search(page, server.url, '孩子近视了政府管不管');
    expect(await page.textContent('#status')).toContain('按「儿童 近视」搜索');
    expect(errors).toEqual([]);
  });
});

describe('the header search box', () => {
  it('is on every kind of page and, without JavaScript, is a plain form to /search/', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      for (const path of ['/', '/domains/', '/documents/', '/about/']) {
        await p.goto(`${server.url}${path}`);
        const form = p.locator('header form[role="search"]');
        expect(await form.count(), path).toBe(1);
        expect(await form.getAttribute('action')).toBe('/search/');
      }
      await p.fill('header input[name="q"]', '托育');
      await Promise.all([p.waitForURL(/\/search\/\?q=/), p.press('header input[name="q"]', 'Enter')]);
      expect(new URL(p.url()).searchParams.get('q')).toBe('托育');
    } finally {
      await context.close();
    }
  });
  it('fits a 390 px phone without horizontal scrolling', async () => {
    const p = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
    try {
      await p.goto(`${server.url}/`);
      const box = await p.locator('header input[name="q"]').boundingBox();
      expect(box!.width).toBeGreaterThan(120);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await p.close();
    }
  });
});

describe('typos and pieces the index holds as one word', () => {
  it('单亲妈妈 finds items about single parents (the index holds 单亲, the browser cuts 单|亲)', async () => {
    const items = itemsOf(await search(page, server.url, '单亲妈妈'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.slice(0, 5).some((i) => says(i, '单亲'))).toBe(true);
  });
  it('a typo that finds nothing useful shows its correction’s results, saying so, with a way back to what was typed', async () => {
    const items = itemsOf(await search(page, server.url, '学钱教育'));
    expect(items.slice(0, 5).some((i) => says(i, '学前教育'))).toBe(true);
    const note = await page.textContent('#did-you-mean');
    expect(note).toContain('以下是「学前教育」的结果');
    const back = new URL((await page.getAttribute('#did-you-mean a', 'href')) ?? '', server.url);
    expect(back.searchParams.get('q')).toBe('学钱教育');
    expect(back.searchParams.get('typed')).toBe('1');
    expect(errors).toEqual([]);
  });
  it('a query without typos gets no correction', async () => {
    await search(page, server.url, '学前教育');
    expect(await page.isVisible('#did-you-mean')).toBe(false);
  });
});
