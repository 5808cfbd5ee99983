/**
 * Comparing cities: the /compare/ page (two documents chosen in the URL, paired and marked in
 * the browser, a CSV of the comparison) and the topic pages' marks, which need no JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/kb.ts';
import { compareLabels } from '../../scripts/lib/testing/compare-labels.ts';
import { parseStrictCsv } from '../../scripts/lib/testing/strict-csv.ts';
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
  it('阜新 vs 大安 on 妇女与健康: the labelled pairs with marks (a split shown as 一对多), 可能对应 with its reason, each side’s own items with the nearest', async () => {
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
    const items = itemsById();
    const id = (href: string) => href.replace(/^\/items\/|\/$/g, '');
    // What the labelled set (src/lib/fixtures/compare-fuxin-daan.json) says of this domain:
    // 21 pairs, two of them 阜新 7 and 8 with 大安 8; 阜新 9 ↔ 大安 7 alike in few words; 阜新 3, 12 and measure 5 without counterpart.
    expect(status).toBe('阜新市与大安市（妇女与健康）：对应条目 21 对（其中一对多 2 对），可能对应 1 对，仅阜新市有 3 条，仅大安市有 0 条。');
    expect(pairs).toHaveLength(21);
    const labels = compareLabels();
    const right = new Set(labels.groups.flatMap((g) => g.a.flatMap((x) => g.b.map((y) => `${x} ${y}`))));
    for (const [ha, hb] of pairs) {
      const ia = items.get(id(ha!))!;
      const ib = items.get(id(hb!))!;
      expect([ia.docId, ib.docId]).toEqual([a.id, b.id]);
      expect([ia.domain, ib.domain]).toEqual([DOMAIN.name, DOMAIN.name]);
      expect(ia.kind).toBe(ib.kind);
      expect(right.has(`${ia.id} ${ib.id}`), `${ia.id} ↔ ${ib.id}`).toBe(true);
    }
    // Headings name domain, kind and number, so goal 1 and measure 1 are told apart; a split is tagged.
    const headings = await page.$$eval('.compare-pair h3', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings[0]).toBe('阜新市 妇女与健康 主要目标 1 ↔ 大安市 妇女与健康 主要目标 1');
    expect(headings.filter((h) => h.endsWith('一对多'))).toEqual([
      '阜新市 妇女与健康 主要目标 7 ↔ 大安市 妇女与健康 主要目标 8 一对多',
      '阜新市 妇女与健康 主要目标 8 ↔ 大安市 妇女与健康 主要目标 8 一对多',
    ]);
    expect(headings).toContain('阜新市 妇女与健康 策略措施 1 ↔ 大安市 妇女与健康 策略措施 1');

    // Differences marked: <ins> and <del> with their hidden labels; B's marked text reads as B's item.
    expect(await page.locator('.compare-pair ins').count()).toBeGreaterThan(0);
    expect(await page.locator('.compare-pair del').count()).toBeGreaterThan(0);
    expect(await page.$eval('.compare-pair ins .sr-only', (s) => s.textContent)).toBe('增加：');
    expect(await page.$eval('.compare-pair del .sr-only', (s) => s.textContent)).toBe('删去：');
    expect(await markedText(page, '.compare-pair .diff')).toEqual(pairs.map(([, hb]) => items.get(id(hb!))!.text));

    // 可能对应: 阜新 9 (健康素养水平提高) and 大安 7 (健康意识普遍增强), with why.
    const possible = await page.$$eval('.compare-possible > li', (lis) => lis.map((li) => ({ links: [...li.querySelectorAll(':scope > p > a')].map((x) => decodeURIComponent(x.getAttribute('href')!)), note: li.querySelector('.compare-note')?.textContent ?? '' })));
    expect(possible.map((p) => p.links.map(id))).toEqual([[`${a.id}-women-health-g9`, `${b.id}-women-health-g7`]]);
    expect(possible[0]!.note).toMatch(/^两条是彼此仅有的候选，但相同的词不多（相似度 0\.\d\d），请对照原文确认是否对应。$/);

    // What only one of them has, each with the other side's nearest item and why it is no pair.
    const own = (section: string) => page.$$eval(`section[aria-labelledby="${section}"] li`, (lis) => lis.map((li) => ({ href: decodeURIComponent(li.querySelector(':scope > a')!.getAttribute('href')!), note: li.querySelector('.compare-note')?.textContent ?? '' })));
    const onlyA = await own('only-a');
    const onlyB = await own('only-b');
    expect(onlyA.map((o) => id(o.href))).toEqual(['women-health-g3', 'women-health-g12', 'women-health-m5'].map((x) => `${a.id}-${x}`));
    expect(onlyB).toEqual([]);
    expect(await page.textContent('section[aria-labelledby="only-b"]')).toContain('无。');
    for (const o of onlyA) expect(o.note).toMatch(/^最接近的是大安市 妇女与健康 (主要目标|策略措施) \d+（相似度 0\.\d\d），/);
    // Every item of both documents in the domain is in at least one place, and an own item in no other.
    const inDomain = (d: typeof a) => d.items.filter((i) => i.domain === DOMAIN.name && !i.repeats).map((i) => i.id).sort();
    const placedA = [...pairs.map((p) => id(p[0]!)), ...possible.map((p) => id(p.links[0]!))];
    const placedB = [...pairs.map((p) => id(p[1]!)), ...possible.map((p) => id(p.links[1]!))];
    expect([...new Set([...placedA, ...onlyA.map((o) => id(o.href))])].sort()).toEqual(inDomain(a));
    expect([...new Set([...placedB, ...onlyB.map((o) => id(o.href))])].sort()).toEqual(inDomain(b));
    for (const o of onlyA) expect(placedA).not.toContain(id(o.href));
    expect(errors).toEqual([]);

    // The CSV download: a Blob link whose records (read strictly: RFC 4180, CRLF only) are the pairs, 可能对应 and each side's own items.
    const link = page.locator('#compare-csv');
    expect(await link.getAttribute('download')).toBe(`compare-${a.id}-${b.id}-${DOMAIN.slug}.csv`);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^blob:/);
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href);
    const strict = parseStrictCsv(csv);
    expect(strict[0]).toEqual(expect.arrayContaining(['domain', 'kind', 'status', 'a.name', 'b.name', 'note']));
    const rows = strict.slice(1).map((r) => Object.fromEntries(strict[0]!.map((k, n) => [k, r[n]!])));
    expect(rows).toHaveLength(pairs.length + possible.length + onlyA.length + onlyB.length);
    const paired = rows.filter((r) => r.status === 'paired' || r.status === 'split');
    expect(paired.map((r) => [r['a.id'], r['b.id']])).toEqual(pairs.map(([ha, hb]) => [id(ha!), id(hb!)]));
    expect(paired.filter((r) => r.status === 'split')).toHaveLength(2);
    for (const r of paired) {
      expect(r['a.text']).toBe(items.get(r['a.id']!)!.text);
      expect(r['b.text']).toBe(items.get(r['b.id']!)!.text);
      expect(r.domain).toBe(DOMAIN.name);
      expect(['主要目标', '策略措施']).toContain(r.kind);
      expect(r['a.name']).toBe(`${DOMAIN.name} ${r.kind} ${items.get(r['a.id']!)!.number}`);
      expect(Number(r.score)).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.status === 'possible').map((r) => [r['a.id'], r['b.id']])).toEqual(possible.map((p) => p.links.map(id)));
    expect(rows.filter((r) => r.status === 'only-a').map((r) => [r['a.id'], r.note])).toEqual(onlyA.map((o) => [id(o.href), o.note]));
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
    // The case: 大安 goal 8 (贫血率、生长迟缓率 and 超重、肥胖) pairs with 阜新 goals 9 and 10.
    const g8 = await page.$$eval('.compare-pair h3', (hs) => hs.map((h) => h.textContent ?? '').filter((t) => t.startsWith('大安市 儿童与健康 主要目标 8 ↔')));
    expect(g8).toEqual(['大安市 儿童与健康 主要目标 8 ↔ 阜新市 儿童与健康 主要目标 9 一对多', '大安市 儿童与健康 主要目标 8 ↔ 阜新市 儿童与健康 主要目标 10 一对多']);
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
