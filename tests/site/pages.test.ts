/** The built pages, in Chromium: lossless documents, item anchors, no JS errors, zh-CN, counts that agree. */
import { readFileSync } from 'node:fs';
import { openPage } from '../support/browser.ts';
import { DIST } from '../support/kb.ts';
import { describe, expect, it } from 'vitest';
import { at, browser, htmlFiles, kb, readJson, server, squash, useSite, WIDTHS, type Width } from '../support/site.ts';

useSite();

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
