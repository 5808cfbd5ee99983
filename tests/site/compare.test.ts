/**
 * Comparing cities: the /compare/ page (two documents chosen in the URL, paired and marked in
 * the browser, a CSV of the comparison) and the topic pages' marks, which need no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/kb.ts';
import { at, browser, kb, server, useSite } from '../support/site.ts';

useSite();

// 阜新's plans (seed 001) and 大安's task lists (seed 003: one document holding both the
// women's and the children's list), compared on 妇女与健康.
const fuxin = () => kb.documents.find((d) => d.city === '阜新市' && d.kind === 'plan')!;
const daan = () => kb.documents.find((d) => d.city === '大安市' && d.kind === 'tasklist')!;
const DOMAIN = { name: '妇女与健康', slug: 'women-health' } as const;
const itemsById = () => new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));

/** A marked text as its version reads: without the hidden labels and the struck-out words. */
const markedText = (page: Page, selector: string) =>
  page.$$eval(selector, (ps) =>
    ps.map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.sr-only, del').forEach((n) => n.remove());
      return copy.textContent ?? '';
    }),
  );

async function waitForComparison(page: Page): Promise<string> {
  await page.waitForFunction(() => /对应条目 \d+ 对/.test(document.getElementById('compare-status')?.textContent ?? ''), null, { timeout: 30_000 });
  return (await page.textContent('#compare-status')) ?? '';
}

describe('/compare/: two documents chosen in the URL', () => {
  it('阜新 vs 大安 on 妇女与健康: aligned pairs with marks, each side’s own items, in the right documents and domain', async () => {
    const a = fuxin();
    const b = daan();
    expect(b.populations).toEqual(expect.arrayContaining(['妇女', '儿童']));
    const { page, errors } = await at('desktop', `/compare/?a=${a.id}&b=${b.id}&domain=${DOMAIN.slug}`);
    const status = await waitForComparison(page);
    expect(status).toContain('阜新市与大安市（妇女与健康）');
    expect(await page.inputValue('#compare-a')).toBe(a.id);
    expect(await page.inputValue('#compare-b')).toBe(b.id);
    expect(await page.inputValue('#compare-domain')).toBe(DOMAIN.slug);

    const pairs = await page.$$eval('.compare-pair', (lis) => lis.map((li) => [...li.querySelectorAll('.compare-side a')].map((x) => decodeURIComponent(x.getAttribute('href')!))));
    expect(pairs.length).toBeGreaterThan(5);
    expect(status).toContain(`对应条目 ${pairs.length} 对`);
    const items = itemsById();
    const id = (href: string) => href.replace(/^\/items\/|\/$/g, '');
    for (const [ha, hb] of pairs) {
      const ia = items.get(id(ha!))!;
      const ib = items.get(id(hb!))!;
      expect([ia.docId, ib.docId]).toEqual([a.id, b.id]);
      expect([ia.domain, ib.domain]).toEqual([DOMAIN.name, DOMAIN.name]);
    }
    // One to one: no item in two pairs.
    expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);

    // Differences marked: <ins> and <del> with their hidden labels; B's marked text reads as B's item.
    expect(await page.locator('.compare-pair ins').count()).toBeGreaterThan(0);
    expect(await page.locator('.compare-pair del').count()).toBeGreaterThan(0);
    expect(await page.$eval('.compare-pair ins .sr-only', (s) => s.textContent)).toBe('增加：');
    expect(await page.$eval('.compare-pair del .sr-only', (s) => s.textContent)).toBe('删去：');
    expect(await markedText(page, '.compare-pair .diff')).toEqual(pairs.map(([, hb]) => items.get(id(hb!))!.text));

    // What only one of them has: non-empty, from the right document, not paired.
    const own = (section: string) => page.$$eval(`#${section} ~ ul li > a, section[aria-labelledby="${section}"] li > a`, (as) => [...new Set(as.map((x) => decodeURIComponent(x.getAttribute('href')!)))]);
    const onlyA = await own('only-a');
    const onlyB = await own('only-b');
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyB.length).toBeGreaterThan(0);
    for (const h of onlyA) expect(items.get(id(h))!.docId).toBe(a.id);
    for (const h of onlyB) expect(items.get(id(h))!.docId).toBe(b.id);
    // Every item of both documents in the domain is in exactly one place.
    const inDomain = (d: typeof a) => d.items.filter((i) => i.domain === DOMAIN.name && !i.repeats).map((i) => i.id).sort();
    expect([...pairs.map((p) => id(p[0]!)), ...onlyA.map(id)].sort()).toEqual(inDomain(a));
    expect([...pairs.map((p) => id(p[1]!)), ...onlyB.map(id)].sort()).toEqual(inDomain(b));
    expect(errors).toEqual([]);

    // The CSV download: a Blob link whose rows are the pairs and each side's own items.
    const link = page.locator('#compare-csv');
    expect(await link.getAttribute('download')).toBe(`compare-${a.id}-${b.id}-${DOMAIN.slug}.csv`);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^blob:/);
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pairs.length + onlyA.length + onlyB.length);
    const paired = rows.filter((r) => r.status === 'paired');
    expect(paired.map((r) => [r['a.id'], r['b.id']])).toEqual(pairs.map(([ha, hb]) => [id(ha!), id(hb!)]));
    for (const r of paired) {
      expect(r['a.text']).toBe(items.get(r['a.id']!)!.text);
      expect(r['b.text']).toBe(items.get(r['b.id']!)!.text);
      expect(r.domain).toBe(DOMAIN.name);
      expect(Number(r.score)).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.status === 'only-a').map((r) => r['a.id'])).toEqual(onlyA.map(id));
    // The browser downloads it as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`compare-${a.id}-${b.id}-${DOMAIN.slug}.csv`);
    await page.close();
  });

  it('the form puts the choice in the URL and announces the result politely', async () => {
    const { page, errors } = await at('phone', '/compare/');
    expect(await page.textContent('#compare-status')).toBe('');
    expect(await page.getAttribute('#compare-status', 'aria-live')).toBe('polite');
    for (const s of ['compare-a', 'compare-b', 'compare-domain']) expect(await page.locator(`label[for="${s}"]`).count(), s).toBe(1);
    await page.selectOption('#compare-a', daan().id);
    await page.selectOption('#compare-b', fuxin().id);
    await page.selectOption('#compare-domain', 'children-health');
    // By keyboard: Tab from the last select reaches the button, Enter submits.
    await page.focus('#compare-domain');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('对比');
    await page.keyboard.press('Enter');
    const status = await waitForComparison(page);
    expect(status).toContain('大安市与阜新市（儿童与健康）');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ a: daan().id, b: fuxin().id, domain: 'children-health' });
    expect(await page.locator('.compare-pair').count()).toBeGreaterThan(0);
    // Back returns to the empty choice.
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('compare-status')?.textContent === '');
    expect(await page.locator('.compare-pair').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a document that is not in the site gets a clear message, not a broken page', async () => {
    const { page, errors } = await at('desktop', `/compare/?a=${fuxin().id}&b=no-such-document`);
    await page.waitForFunction(() => (document.getElementById('compare-status')?.textContent ?? '') !== '');
    expect(await page.textContent('#compare-status')).toContain('不在本站');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the page says what it needs and links to the topic pages', async () => {
    const html = readFileSync(`${DIST}/compare/index.html`, 'utf8');
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    expect(noscript).toContain('需要启用 JavaScript');
    expect(noscript).toContain('href="/topics/"');
    // Linked from the documents it can compare and from the topics index.
    expect(readFileSync(`${DIST}/documents/${fuxin().id}/index.html`, 'utf8')).toContain(`href="/compare/?a=${fuxin().id}"`);
    expect(readFileSync(`${DIST}/topics/index.html`, 'utf8')).toContain('href="/compare/"');
  });
});

describe('topic pages: differences marked without JavaScript', () => {
  it('each member’s text is marked against the reference, and reads as its own text', async () => {
    const topics = JSON.parse(readFileSync(`${DIST}/data/topics.json`, 'utf8')) as { id: string; items: string[] }[];
    const items = itemsById();
    // A topic joining 阜新 and 大安 measures of 妇女与健康.
    const topic = topics.find((t) => t.items.some((i) => i.startsWith(`${fuxin().id}-women-health-m`)) && t.items.some((i) => i.startsWith(`${daan().id}-women-health-m`)))!;
    expect(topic).toBeTruthy();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/topics/${topic.id}/`);
    expect(await page.locator('.diff-legend').count()).toBe(1);
    expect(await page.locator('.side-by-side ins, .side-by-side del').count()).toBeGreaterThan(0);
    // Marks are told apart without colour: underline and line-through, and hidden labels.
    expect(await page.$eval('.side-by-side ins', (e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    expect(await page.$eval('.side-by-side del', (e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    const members = await page.$$eval('.side-by-side h3 a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!).replace(/^\/items\/|\/$/g, '')));
    const marked = await markedText(page, '.side-by-side .diff');
    expect(marked.length).toBe(members.length - 1); // every member but the reference
    const reference = await page.$$eval('.side-by-side h3', (hs) => hs.findIndex((h) => h.textContent!.includes('对照基准')));
    expect(reference).toBeGreaterThanOrEqual(0);
    expect(marked).toEqual(members.filter((_, k) => k !== reference).map((m) => items.get(m)!.text));
    // Printed, the marks stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.side-by-side del', (e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await page.$eval('.side-by-side ins', (e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    await context.close();
  });
});
