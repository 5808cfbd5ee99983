/** The built pages, in Chromium: lossless documents, item anchors, no JS errors, zh-CN. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/types.ts';
import { launch, openPage } from '../support/browser.ts';
import { DIST, loadKb } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';

let server: StaticServer;
let browser: Browser;
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKb();
  server = await serve(DIST);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

  it('list related items from other cities from both ends of each link', async () => {
    if (!kb.links.length) return expect(kb.links).toEqual([]); // nothing linked: nothing to show
    const { page } = await openPage(browser);
    const link = kb.links[0]!;
    for (const [from, to] of [[link.source, link.target], [link.target, link.source]]) {
      await page.goto(`${server.url}/items/${from}/`);
      const hrefs = await page.$$eval('section.related a', (as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(`/items/${to}/`);
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
