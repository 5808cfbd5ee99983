/** The built pages, in Chromium: lossless documents, item anchors, no JS errors, zh-CN. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/types.ts';
import { launch, openPage } from '../support/browser.ts';
import { DOMAINS, NO_DOMAIN } from '../../src/lib/vocabulary.ts';
import { DIST, ROOT, loadKb } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';

let server: StaticServer;
let browser: Browser;
let kb: KnowledgeBase;
/** What a reviewer tried: a desktop window and a phone. */
const WIDTHS = { desktop: 1280, phone: 390 } as const;
type Width = keyof typeof WIDTHS;
const contexts: Partial<Record<Width, BrowserContext>> = {};

beforeAll(async () => {
  kb = await loadKb();
  server = await serve(DIST);
  browser = await launch();
  for (const w of Object.keys(WIDTHS) as Width[]) {
    contexts[w] = await browser.newContext({ viewport: { width: WIDTHS[w], height: 844 }, locale: 'zh-CN' });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page at one of the two widths, with uncaught errors collected. */
async function at(width: Width, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await contexts[width]!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  return { page, errors };
}

/** Whether an element is shown, inside the viewport, and not covered at its centre. */
function reachable(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (els) =>
    els.some((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && (hit === el || el.contains(hit));
    }),
  );
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(`${DIST}/data/${name}.json`, 'utf8')) as T;
const longest = () => [...kb.documents].sort((a, b) => b.items.length - a.items.length)[0]!;
/** An item whose page has a related-items table, preferring one whose match is in a long city name. */
function relatedItemPath(): string {
  const link = kb.links[0];
  return link ? `/items/${link.source}/` : `/items/${kb.documents.flatMap((d) => d.items)[0]!.id}/`;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe('document reader', () => {
  it('every document page shows the full normalised text, and an anchor linking to each item page', async () => {
    const { page, errors } = await openPage(browser);
    for (const doc of kb.documents) {
      await page.goto(`${server.url}/documents/${doc.id}/`);
      const shown = await page.$eval('article.fulltext', (el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.item-link').forEach((a) => a.remove());
        document.body.append(copy); // innerText needs layout
        const t = copy.innerText;
        copy.remove();
        return t;
      });
      expect(squash(shown), doc.id).toBe(squash(doc.blocks.map((b) => b.text).join('')));
      const anchors = await page.$$eval('article.fulltext .item[id]', (els) =>
        els.map((e) => ({ id: e.id, href: e.querySelector(':scope > a.item-link')?.getAttribute('href') })),
      );
      expect(anchors.map((a) => a.id).sort(), doc.id).toEqual(doc.items.map((i) => i.id).sort());
      for (const a of anchors) expect(a.href).toBe(`/items/${a.id}/`);
    }
    expect(errors).toEqual([]);
  });
});

describe('item pages', () => {
  it('show city, document, number, full text, and link back to their place in the source', async () => {
    const { page, errors } = await openPage(browser);
    const doc = kb.documents.find((d) => d.items.some((i) => i.leadDepartments.length)) ?? kb.documents.find((d) => d.items.length)!;
    const item = doc.items.find((i) => i.leadDepartments.length) ?? doc.items[0]!;
    await page.goto(`${server.url}/items/${item.id}/`);
    const body = await page.innerText('main');
    expect(squash(body)).toContain(squash(item.text));
    if (doc.city) expect(body).toContain(doc.city);
    for (const dep of [...item.leadDepartments, ...item.partnerDepartments]) expect(body).toContain(dep);
    expect(await page.isVisible('section.related h2')).toBe(true);
    const href = await page.getAttribute('a.source-link', 'href');
    expect(href).toBe(`/documents/${doc.id}/#${item.id}`);
    await page.click('a.source-link');
    await page.waitForURL(`**/documents/${doc.id}/#${item.id}`);
    expect(await page.$eval(`[id="${item.id}"]`, (el) => el.matches(':target'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('list exactly their links (each item\'s best, from both ends of a pair), best first', async () => {
    if (!kb.links.length) return expect(kb.links).toEqual([]); // nothing linked: nothing to show
    const { page } = await openPage(browser);
    // A pair both items keep appears as two links: it shows on both pages.
    const keys = new Set(kb.links.map((l) => `${l.source}>${l.target}`));
    const both = kb.links.find((l) => keys.has(`${l.target}>${l.source}`))!;
    for (const from of [both.source, both.target]) {
      await page.goto(`${server.url}/items/${from}/`);
      const hrefs = await page.$$eval('section.related td a', (as) => as.map((a) => a.getAttribute('href')));
      const expected = kb.links.filter((l) => l.source === from).sort((a, b) => b.score - a.score || (a.target < b.target ? -1 : 1));
      expect(hrefs).toEqual(expected.map((l) => `/items/${l.target}/`));
    }
  });
});

describe('every page', () => {
  it('declares <html lang="zh-CN">', () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(kb.documents.length);
    const bad = files.filter((f) => !/<html lang="zh-CN"/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('has no uncaught JS error on the main page types', async () => {
    const { page, errors } = await openPage(browser);
    const item = kb.documents.flatMap((d) => d.items)[0];
    const paths = ['/', '/search/?q=%E6%AF%8D%E5%A9%B4', '/domains/', '/domains/women-health/', '/cities/', '/documents/', '/topics/', '/data/', '/about/', '/methodology/', `/documents/${kb.documents[0]!.id}/`];
    if (item) paths.push(`/items/${item.id}/`);
    if (kb.topics[0]) paths.push(`/topics/${kb.topics[0].id}/`);
    for (const p of paths) {
      const res = await page.goto(`${server.url}${p}`);
      expect(res?.status(), p).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang'), p).toBe('zh-CN');
    }
    expect(errors).toEqual([]);
  });

  it('renders hostile document text literally (no script executes, no markup injected)', async () => {
    const { page, errors } = await openPage(browser);
    await page.addInitScript(() => ((window as any).__alerted = false));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    for (const doc of kb.documents) {
      await page.goto(`${server.url}/documents/${doc.id}/`);
      expect(await page.$$eval('article.fulltext script', (s) => s.length), doc.id).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

describe('document reader: the table of contents stays reachable', () => {
  it('phone: a fixed 目录 button opens the contents (headings of the text); a choice lands on its heading; keyboard and no-JS work', async () => {
    const doc = longest();
    const { page, errors } = await at('phone', `/documents/${doc.id}/`);
    expect(await page.isVisible('#toc'), 'closed until asked for').toBe(false);
    // Deep in the text the button is still on screen, not covered.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    expect(await reachable(page, '.toc-button')).toBe(true);
    expect(await page.$eval('.toc-button', (b) => b.textContent?.trim())).toBe('目录');
    await page.click('.toc-button');
    expect(await page.isVisible('#toc')).toBe(true);
    const entries = await page.$$eval('#toc li a', (as) =>
      as.map((a) => {
        const target = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
        return { text: a.textContent!.trim(), tag: target?.tagName ?? null, heading: target?.textContent?.trim() ?? null, inArticle: !!target?.closest('article.fulltext') };
      }),
    );
    expect(entries.length).toBeGreaterThan(1);
    for (const e of entries) expect(e, e.text).toMatchObject({ tag: expect.stringMatching(/^H[2-6]$/), heading: e.text, inArticle: true });
    const topLevel = await page.$$eval('article.fulltext h2', (hs) => hs.map((h) => h.textContent!.trim()));
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(topLevel));
    expect(await reachable(page, '#toc li a')).toBe(true);
    // Choosing an entry closes the contents and brings its heading to the top of the screen.
    const pick = entries[Math.min(3, entries.length - 1)]!;
    await page.click(`#toc li a >> nth=${Math.min(3, entries.length - 1)}`);
    await page.waitForFunction(() => !document.getElementById('toc')!.matches(':popover-open'));
    const top = await page.$$eval('article.fulltext :is(h2, h3, h4, h5, h6)', (hs, text) => hs.find((h) => h.textContent!.trim() === text)!.getBoundingClientRect().top, pick.text);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(200);
    // By keyboard: Enter opens, Tab goes into the contents, Escape closes and returns to the button.
    await page.focus('.toc-button');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#toc')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#toc'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#toc')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('toc-button');
    expect(errors).toEqual([]);
    await page.close();

    // Declarative HTML: the button opens the contents without JavaScript too.
    const noJs = await browser.newContext({ viewport: { width: WIDTHS.phone, height: 844 }, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${server.url}/documents/${doc.id}/`);
    await plain.click('.toc-button');
    expect(await plain.isVisible('#toc li a')).toBe(true);
    await noJs.close();
  });

  it('desktop: the contents sit beside the text and stay in view while reading; no 目录 button', async () => {
    const doc = longest();
    const { page } = await at('desktop', `/documents/${doc.id}/`);
    expect(await page.isVisible('.toc-button')).toBe(false);
    expect(await page.isVisible('#toc li a')).toBe(true);
    for (const share of [0.3, 0.6, 0.9]) {
      await page.evaluate((f) => scrollTo(0, document.body.scrollHeight * f), share);
      const r = await page.$eval('#toc', (t) => { const b = t.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; });
      expect(r.top, `at ${share}`).toBeGreaterThanOrEqual(0);
      expect(r.top, `at ${share}`).toBeLessThan(844);
      expect(await reachable(page, '#toc li a'), `at ${share}`).toBe(true);
    }
    await page.close();
  });

  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: at the end of the longest document a back-to-top link is on screen and goes back up`, async () => {
      const { page } = await at(width, `/documents/${longest().id}/`);
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      const links = ':is(.to-top, .toc-top a)';
      expect(await reachable(page, links)).toBe(true);
      await page.locator(`${links}:visible`).first().click();
      await page.waitForFunction(() => scrollY < 300);
      expect(await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top)).toBeLessThan(844);
      await page.close();
    });
  }

  it('every document offers its original file for download, byte for byte', async () => {
    for (const width of Object.keys(WIDTHS) as Width[]) {
      for (const doc of kb.documents) {
        const { page } = await at(width, `/documents/${doc.id}/`);
        const link = page.locator('a.source-download');
        expect(await link.textContent(), doc.id).toBe('下载原文件');
        expect(await link.isVisible(), `${width} ${doc.id}`).toBe(true);
        const href = (await link.getAttribute('href'))!;
        if (width === 'desktop') {
          const res = await page.request.get(`${server.url}${href}`);
          expect(res.status(), href).toBe(200);
          expect(Buffer.compare(await res.body(), readFileSync(join(ROOT, 'seeds', doc.source))), href).toBe(0);
        }
        await page.close();
      }
    }
  });
});

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

describe('tables read on a phone', () => {
  const pages = () => [relatedItemPath(), '/domains/women-health/', '/domains/children-health/', '/documents/', '/data/'];
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

describe('counts that agree', () => {
  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: the home page counts as many cities as it shows city cards; documents without a place are listed apart`, async () => {
      const known = new Set(readJson<{ city: string | null }[]>('documents').flatMap((d) => (d.city ? [d.city] : [])));
      const unplaced = readJson<{ city: string | null }[]>('documents').filter((d) => !d.city).length;
      for (const path of ['/', '/cities/']) {
        const { page } = await at(width, path);
        const cards = await page.$$eval('main ul.grid li a[href^="/cities/"]', (as) => as.map((a) => a.textContent!.trim()));
        expect(new Set(cards), path).toEqual(known);
        if (path === '/') {
          const stat = await page.$$eval('.stats li', (lis) => lis.map((li) => li.textContent!.trim()).find((t) => t.endsWith('城市/区县')));
          expect(stat).toBe(`${known.size}城市/区县`);
        }
        const apart = await page.$$eval('.unknown-place', (ps) => ps.map((p) => p.textContent!.replace(/\s+/g, '')));
        expect(apart.length, path).toBe(unplaced ? 1 : 0);
        if (unplaced) expect(apart[0]).toContain(`${unplaced}份文档未写明所属地区`);
        await page.close();
      }
    });
  }

  it('links.json lists each item\'s best links, a pair both keep in both directions alike, and the data page says so', async () => {
    const links = readJson<{ source: string; target: string; score: number; sharedTerms: string[] }[]>('links');
    const byPair = new Map(links.map((l) => [`${l.source}>${l.target}`, l]));
    const perItem = new Map<string, number>();
    for (const l of links) perItem.set(l.source, (perItem.get(l.source) ?? 0) + 1);
    expect(Math.max(...perItem.values())).toBeLessThanOrEqual(8);
    const differ = links.filter((l) => {
      const back = byPair.get(`${l.target}>${l.source}`);
      return back && (back.score !== l.score || back.sharedTerms.join() !== l.sharedTerms.join());
    });
    expect(differ).toEqual([]);
    for (const width of Object.keys(WIDTHS) as Width[]) {
      const { page } = await at(width, '/data/');
      const note = page.locator('#links-note');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toMatch(/最多列出 8 条.*两个方向/);
      await page.close();
    }
  });
});
