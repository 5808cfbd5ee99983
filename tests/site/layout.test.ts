/** Layout a visitor meets: tables on a phone, the topics index, titles and breadcrumbs. */
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { DOMAINS, NO_DOMAIN } from '../../src/lib/vocabulary.ts';
import { DIST } from '../support/kb.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { at, browser, htmlFiles, kb, longest, readJson, relatedItemPath, server, useSite, WIDTHS, type Width } from '../support/site.ts';

useSite();

/**
 * Cells whose visible text (two characters or more) is laid out in lines of fewer than two
 * characters on average: one character per line, as 城市 was in the related table and 大/安/市
 * in the matrix headers.
 */
function narrowCells(): string[] {
  const out: string[] = [];
  for (const cell of document.querySelectorAll('table th, table td')) {
    let text = '';
    const rects: DOMRect[] = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent!.replace(/\s+/g, '');
      if (!t || n.parentElement!.closest('.sr-only')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const shown = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      if (!shown.length) continue;
      text += t;
      rects.push(...shown);
    }
    // Lines: rects that do not overlap vertically with the previous line.
    rects.sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const r of rects) {
      if (r.top >= bottom - 2) lines++;
      bottom = Math.max(r.top >= bottom - 2 ? r.bottom : bottom, r.bottom);
    }
    const chars = [...text].length;
    if (chars >= 2 && chars / lines < 2) out.push(`<${cell.tagName.toLowerCase()}> "${text.slice(0, 20)}" in ${lines} lines`);
  }
  return out;
}

/** The indicator page with the most target rows (its table is the widest to read on a phone). */
const firstIndicatorPage = (): string[] => {
  const rows = readJson<{ indicator: string }[]>('indicators');
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.indicator, (count.get(r.indicator) ?? 0) + 1);
  const html = readFileSync(join(DIST, 'indicators/index.html'), 'utf8');
  const top = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  const slug = top && html.match(new RegExp(`href="(/indicators/[a-z0-9-]+/)">${top}</a>`))?.[1];
  return slug ? [slug] : [];
};

describe('tables read on a phone', () => {
  const pages = () => [relatedItemPath(), '/domains/women-health/', '/domains/children-health/', '/documents/', '/data/', '/indicators/', ...firstIndicatorPage()];
  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: no table cell wraps one character per line, and no page scrolls sideways (wide tables scroll in their own box)`, async () => {
      const found: Record<string, string[]> = {};
      for (const path of pages()) {
        const { page } = await at(width, path);
        expect(await page.$$eval('table', (t) => t.length), path).toBeGreaterThan(0);
        const problems = await page.evaluate(narrowCells);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        if (overflow > 1) problems.push(`page is ${overflow}px wider than the screen`);
        if (problems.length) found[path] = problems;
        await page.close();
      }
      expect(found).toEqual({});
    });

    it(`${width}: the related-items table explains 相似度 (0–1, shared key terms) where it appears`, async () => {
      const { page } = await at(width, relatedItemPath());
      const id = await page.getAttribute('section.related table', 'aria-describedby');
      expect(id).toBeTruthy();
      const note = page.locator(`[id="${id}"]`);
      await note.scrollIntoViewIfNeeded();
      expect(await note.isVisible()).toBe(true);
      const text = (await note.textContent())!;
      expect(text).toMatch(/相似度/);
      expect(text).toMatch(/0\s*(到|–|-|~)\s*1/);
      expect(text).toMatch(/共有的关键词|共有关键词/);
      await page.close();
    });
  }
});

describe('topics index', () => {
  const topics = () => readJson<{ title: string; domain: string | null }[]>('topics');
  /** Domains with topics in national order, then topics without a domain. */
  const expectedGroups = () =>
    [...DOMAINS.map((d) => d.name as string), NO_DOMAIN]
      .map((name) => ({ name, count: topics().filter((t) => (t.domain ?? NO_DOMAIN) === name).length }))
      .filter((g) => g.count);
  const visibleGroups = (page: Page) =>
    page.$$eval('main h2', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => ({ text: h.textContent!.replace(/\s+/g, ' ').trim(), items: h.closest('section')?.querySelectorAll('li').length ?? 0 })));

  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: one heading per domain in national order with its count; the filter shows only titles with the words`, async () => {
      const { page, errors } = await at(width, '/topics/');
      const groups = await visibleGroups(page);
      const expected = expectedGroups();
      expect(groups.map((g) => g.text.replace(/\s*（.*$/, ''))).toEqual(expected.map((g) => g.name));
      groups.forEach((g, i) => {
        expect(g.items).toBe(expected[i]!.count);
        expect(g.text).toContain(`（${expected[i]!.count} 个）`);
      });

      // A word some titles have and others do not.
      const all = topics();
      const word = ['母婴', '教育', '家庭'].find((w) => all.some((t) => t.title.includes(w)) && all.some((t) => !t.title.includes(w)))!;
      expect(await page.isVisible('#topic-q')).toBe(true);
      await page.fill('#topic-q', word);
      const shown = await page.$$eval('.topic-list li', (lis) => lis.filter((li) => li.checkVisibility()).map((li) => (li as HTMLElement).dataset.title!));
      expect(shown.length).toBe(all.filter((t) => t.title.includes(word)).length);
      for (const t of shown) expect(t).toContain(word);
      expect(shown.length).toBeLessThan(all.length);
      // Groups with no match disappear; the status says how many are shown.
      const left = await visibleGroups(page);
      const domainsWithWord = new Set(all.filter((t) => t.title.includes(word)).map((t) => t.domain ?? NO_DOMAIN));
      expect(left.map((g) => g.text.replace(/\s*（.*$/, ''))).toEqual(expected.map((g) => g.name).filter((n) => domainsWithWord.has(n)));
      expect(await page.textContent('#topic-count')).toContain(`显示 ${shown.length} 个主题`);
      // Two words: both must occur.
      await page.fill('#topic-q', `${word} 不存在的词语`);
      expect(await page.$$eval('.topic-list li', (lis) => lis.filter((li) => li.checkVisibility()).length)).toBe(0);
      expect(await page.isVisible('#topic-none')).toBe(true);
      await page.fill('#topic-q', '');
      expect(await page.$$eval('.topic-list li', (lis) => lis.filter((li) => li.checkVisibility()).length)).toBe(all.length);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('without JavaScript the whole grouped list shows and no dead filter box', async () => {
    const noJs = await browser.newContext({ viewport: { width: WIDTHS.phone, height: 844 }, javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.url}/topics/`);
    expect(await page.isVisible('#topic-q')).toBe(false);
    expect(await page.$$eval('.topic-list li', (lis) => lis.filter((li) => li.checkVisibility()).length)).toBe(topics().length);
    expect((await visibleGroups(page)).length).toBe(expectedGroups().length);
    await noJs.close();
  });
});

describe('titles and breadcrumbs', () => {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');

  it('every <title> has at most 80 characters, long ones cut with …; the h1 keeps the whole title', async () => {
    const long: string[] = [];
    let cut = 0;
    for (const f of htmlFiles(DIST)) {
      const title = decode(readFileSync(f, 'utf8').match(/<title>([\s\S]*?)<\/title>/)?.[1] ?? '');
      if (title.length > 80) long.push(`${title.length} ${f.slice(DIST.length)}`);
      if (/… · 妇女儿童发展规划知识库$/.test(title)) cut++;
    }
    expect(long).toEqual([]);
    const doc = [...kb.documents].sort((a, b) => b.title.length - a.title.length)[0]!;
    if (doc.title.length + ' · 妇女儿童发展规划知识库'.length > 80) {
      expect(cut).toBeGreaterThan(0);
      for (const width of Object.keys(WIDTHS) as Width[]) {
        const { page } = await at(width, `/documents/${doc.id}/`);
        expect((await page.title()).length).toBeLessThanOrEqual(80);
        expect((await page.textContent('h1'))!.trim()).toBe(doc.title);
        await page.close();
      }
    }
  });

  it('breadcrumbs are one hierarchy (首页 › 城市 › city › document › item; 首页 › 发展领域 › domain): an ordered list, links except the current page', async () => {
    const doc = longest();
    const item = doc.items[0]!;
    const speech = kb.documents.flatMap((d) => d.items).find((i) => !i.domain); // an item without a domain: no 未归类 step
    const cases: { path: string; hrefs: (page: Page) => Promise<string[]> }[] = [
      { path: `/documents/${doc.id}/`, hrefs: async (p) => ['/', '/cities/', (await p.getAttribute('.meta a[href^="/cities/"]', 'href'))!] },
      { path: `/items/${item.id}/`, hrefs: async (p) => ['/', '/cities/', (await p.getAttribute('.meta a[href^="/cities/"]', 'href'))!, `/documents/${doc.id}/`] },
      ...(speech ? [{ path: `/items/${speech.id}/`, hrefs: async (p: Page) => ['/', '/cities/', (await p.getAttribute('.meta a[href^="/cities/"]', 'href'))!, `/documents/${speech.docId}/`] }] : []),
      { path: '/domains/women-health/', hrefs: async () => ['/', '/domains/'] },
      { path: '/domains/', hrefs: async () => ['/'] },
      { path: '/cities/', hrefs: async () => ['/'] },
      { path: `/cities/${readdirSync(join(DIST, 'cities')).find((n) => n !== 'index.html')}/`, hrefs: async () => ['/', '/cities/'] },
      { path: '/documents/', hrefs: async () => ['/'] },
      { path: '/topics/', hrefs: async () => ['/'] },
      ...(kb.topics[0] ? [{ path: `/topics/${kb.topics[0].id}/`, hrefs: async () => ['/', '/topics/'] }] : []),
      { path: '/data/', hrefs: async () => ['/'] },
      { path: '/about/', hrefs: async () => ['/'] },
    ];
    for (const width of Object.keys(WIDTHS) as Width[]) {
      for (const { path, hrefs } of cases) {
        const { page } = await at(width, path);
        const crumbs = await page.$$eval('nav.crumbs', (navs) =>
          navs.map((nav) => ({
            label: nav.getAttribute('aria-label'),
            list: nav.querySelector(':scope > ol') ? 'ol' : null,
            steps: [...nav.querySelectorAll(':scope > ol > li')].map((li) => ({
              links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')),
              current: li.querySelector('[aria-current="page"]')?.textContent ?? null,
            })),
            text: (nav as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
          })),
        );
        expect(crumbs.length, `${width} ${path}`).toBe(1);
        const c = crumbs[0]!;
        expect(c.label).toBe('位置');
        expect(c.list, `${width} ${path}`).toBe('ol');
        const steps = c.steps;
        const last = steps.at(-1)!;
        expect(last.links, `${width} ${path}: current page is not a link`).toEqual([]);
        expect(last.current, `${width} ${path}`).toBeTruthy();
        for (const s of steps.slice(0, -1)) expect(s.links.length, `${width} ${path}`).toBe(1);
        expect(steps.slice(0, -1).map((s) => s.links[0]), `${width} ${path}`).toEqual(await hrefs(page));
        // One separator with a space either side between steps, none elsewhere.
        expect(c.text.split(' › ').length, `${width} ${path}: "${c.text}"`).toBe(steps.length);
        expect(c.text.startsWith('首页 › ')).toBe(true);
        expect(c.text).not.toContain(NO_DOMAIN);
        // No dead step: every link answers.
        for (const href of steps.slice(0, -1).map((s) => s.links[0]!)) expect((await page.request.get(`${server.url}${href}`)).status(), href).toBe(200);
        await page.close();
      }
    }
  });
});
