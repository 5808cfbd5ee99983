/**
 * The header box's results as you type (issue 17): a combobox with a listbox of the top results,
 * arrow keys, Enter opens the highlighted item (or the search page), Esc closes, a live status,
 * Pagefind loaded only once the visitor focuses the box. Expected items come from the knowledge
 * base by their text, never by id.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { itemIdOf, squash, useSearchSite } from '../support/search.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let page: Page;
const pagefindRequests: string[] = [];
beforeAll(() => {
  ({ server } = site);
});
beforeEach(async () => {
  page = await site.browser.newPage();
  pagefindRequests.length = 0;
  page.on('request', (r) => {
    if (/\/pagefind\/|search-vocabulary/.test(r.url())) pagefindRequests.push(r.url());
  });
});
afterEach(async () => {
  await page.close();
});

const BOX = '#site-q';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const options = () => page.locator('#site-q-list [role=option]');
const typeQuery = async (q: string) => {
  await page.click(BOX);
  await page.fill(BOX, q);
  await page.waitForFunction(() => /结果/.test(document.getElementById('site-q-status')?.textContent ?? ''), null, { timeout: 15_000 });
};

describe('the header box: results as you type', () => {
  it('loads nothing for search until the box is focused', async () => {
    await page.goto(`${server.url}/domains/`);
    await page.waitForLoadState('networkidle');
    expect(pagefindRequests).toEqual([]);
    expect(await page.getAttribute(BOX, 'role')).toBe('combobox');
    expect(await page.getAttribute(BOX, 'aria-expanded')).toBe('false');
  });
  it('shows the top results for 托育, each an item about it, with a live status', async () => {
    await page.goto(`${server.url}/domains/`);
    await typeQuery('托育');
    expect(pagefindRequests.length).toBeGreaterThan(0);
    const n = await options().count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(8);
    expect(await page.getAttribute(BOX, 'aria-expanded')).toBe('true');
    expect(await page.textContent('#site-q-status')).toContain(`有 ${n} 个结果`);
    const urls = await options().evaluateAll((os) => os.map((o) => (o as HTMLElement).dataset.url ?? ''));
    const items = urls.map((u) => site.itemsById.get(itemIdOf({ url: u }) ?? '')).filter((i) => !!i);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => squash(`${i!.title}${i!.text}`).includes('托育'))).toBe(true);
  });
  it('arrow keys move the highlight (aria-activedescendant), Enter opens the highlighted item', async () => {
    await page.goto(`${server.url}/`);
    await typeQuery('托育');
    await page.press(BOX, 'ArrowDown');
    await page.press(BOX, 'ArrowDown');
    const second = await options().nth(1).getAttribute('id');
    expect(await page.getAttribute(BOX, 'aria-activedescendant')).toBe(second);
    expect(await options().nth(1).getAttribute('aria-selected')).toBe('true');
    await page.press(BOX, 'ArrowUp');
    expect(await page.getAttribute(BOX, 'aria-activedescendant')).toBe(await options().nth(0).getAttribute('id'));
    const url = await options().nth(0).getAttribute('data-url');
    await Promise.all([page.waitForURL((u) => u.pathname === url), page.press(BOX, 'Enter')]);
  });
  // The search page reads English and pinyin through the glossary and English through CC-CEDICT's
  // glosses (breastfeeding is in no glossary) (search-query.ts): the box reads them the same way.
  for (const [q, term] of [['domestic violence', '家庭暴力'], ['tuoyu', '托育'], ['breastfeeding', '母乳']] as const) {
    it(`reads ${q} as the search page does: results about ${term}, among the search page's own`, async () => {
      await page.goto(`${server.url}/domains/`);
      await typeQuery(q);
      const urls = await options().evaluateAll((os) => os.map((o) => (o as HTMLElement).dataset.url ?? ''));
      expect(urls.length).toBeGreaterThan(0);
      const items = urls.map((u) => site.itemsById.get(itemIdOf({ url: u }) ?? '')).filter((i) => !!i);
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i) => squash(`${i!.title}${i!.text}`).includes(term))).toBe(true);
      await page.goto(`${server.url}/search/?${new URLSearchParams({ q })}`);
      await page.waitForFunction(() => /^找到 [1-9]/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
      while (await page.isVisible('#more')) {
        const before = await page.locator('#results [data-url]').count();
        await page.click('#more');
        await page.waitForFunction((n) => document.querySelectorAll('#results [data-url]').length > n, before);
      }
      const found = await page.$$eval('#results [data-url]', (els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));
      for (const u of urls) expect(found, u).toContain(u);
    });
  }
  it('shows results for a term whose words no item holds together (产后恢复), as the search page does', async () => {
    await page.goto(`${server.url}/domains/`);
    await typeQuery('产后恢复');
    const urls = await options().evaluateAll((os) => os.map((o) => (o as HTMLElement).dataset.url ?? ''));
    const items = urls.map((u) => site.itemsById.get(itemIdOf({ url: u }) ?? '')).filter((i) => !!i);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(/产后|恢复/.test(squash(`${i!.title}${i!.text}`)), i!.id).toBe(true);
  });
  it('Enter with nothing highlighted goes to the search page for the query', async () => {
    await page.goto(`${server.url}/about/`);
    await typeQuery('托育');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press(BOX, 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('托育');
  });
  it('Esc closes the list and keeps the query', async () => {
    await page.goto(`${server.url}/`);
    await typeQuery('托育');
    await page.press(BOX, 'Escape');
    expect(await page.isVisible('#site-q-list')).toBe(false);
    expect(await page.getAttribute(BOX, 'aria-expanded')).toBe('false');
    expect(await page.inputValue(BOX)).toBe('托育');
  });
  it('fits a 390 px phone: the list stays inside the screen', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/`);
    await typeQuery('家庭暴力');
    const box = await page.locator('#site-q-list').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
  it('passes axe (WCAG 2.1 AA) with the list open and an option highlighted', async () => {
    await page.goto(`${server.url}/domains/`);
    await typeQuery('托育');
    await page.press(BOX, 'ArrowDown');
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run('header', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
