/**
 * What each search result shows (issue 9): under a heading `城市 · 编号 标题`, a passage of the
 * page's own text around the match, the match marked; labels, departments and synonyms never run
 * into that passage. Checked for every kind of item page and for the other indexed pages, against
 * the knowledge base and the pages themselves. Real Pagefind, real Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cityName } from '../../scripts/lib/publish/emit/entries.ts';
import { synonymsOf } from '../../src/lib/search-synonyms.ts';
import { search } from '../support/browser.ts';
import { itemIdOf, shownResults, showAll, squash, useSearchSite, type KbItem, type Shown } from '../support/search.ts';
import type { StaticServer } from '../support/server.ts';

const site = useSearchSite();
let server: StaticServer;
let page: Page;
let errors: string[];
let itemsById: Map<string, KbItem>;
let docKindOf: Map<string, string>;
beforeAll(() => {
  ({ server, page, errors, itemsById } = site);
  docKindOf = new Map(site.kb.documents.map((d) => [d.id, d.kind]));
});

/** The excerpt as the text it was cut from: without the ellipses at its ends and without spaces. */
const passage = (excerpt: string) => squash(excerpt.replace(/^…|…$/g, ''));

/** A run of 6 Han characters from the middle of the item's text: a query only it is likely to match whole. */
function queryFor(item: KbItem): string | undefined {
  const runs = [...squash(item.text).matchAll(/\p{Script=Han}{6,}/gu)].map((m) => m[0]);
  return runs[Math.floor(runs.length / 2)]?.slice(0, 6);
}

const heading = (i: KbItem) => `${cityName(i.city)} · ${`${i.number} ${i.title.trim()}`.trim()}`;

/** Runs a query and returns what the result for `url` shows, every result loaded. */
async function shownFor(q: string, url: string): Promise<{ all: Shown[]; mine: Shown | undefined }> {
  await search(page, server.url, q);
  await showAll(page);
  const all = await shownResults(page);
  return { all, mine: all.find((r) => r.url === url) };
}

describe('the excerpt under an item result is a passage of that item', () => {
  it('for items of every kind of document and item (goals, measures, task-list measures, opinions, reports, speeches)', async () => {
    // Up to 3 indexed items per document kind and item kind, spread over the document.
    const byKind = new Map<string, KbItem[]>();
    for (const i of itemsById.values()) {
      if (i.repeats) continue;
      const key = `${docKindOf.get(i.docId)}/${i.kind}`;
      byKind.set(key, [...(byKind.get(key) ?? []), i]);
    }
    expect(byKind.size, [...byKind.keys()].join(' ')).toBeGreaterThanOrEqual(5);
    const checked = new Map<string, number>();
    for (const [kind, items] of byKind) {
      const picks = [items[0]!, items[Math.floor(items.length / 2)]!, items.at(-1)!];
      for (const item of new Set(picks)) {
        const q = queryFor(item);
        if (!q) continue;
        const { all, mine } = await shownFor(q, `/items/${item.id}/`);
        // Every result of the query, not only this item's, shows a passage of its own item.
        for (const r of all) {
          const id = itemIdOf(r);
          if (!id) continue;
          const other = itemsById.get(id)!;
          const text = squash(other.text);
          expect(text, `${q}: excerpt of ${r.url}`).toContain(passage(r.excerpt));
          // An ellipsis says where the passage is cut out of a longer text, and only there.
          expect(r.excerpt.startsWith('…'), `${q}: start of ${r.url}: ${r.excerpt}`).toBe(!text.startsWith(passage(r.excerpt)));
          expect(r.excerpt.endsWith('…'), `${q}: end of ${r.url}: ${r.excerpt}`).toBe(!text.endsWith(passage(r.excerpt)));
          expect(r.title, `${q}: heading of ${r.url}`).toBe(heading(other));
        }
        // A result of the same title may be folded into another entry: then there is nothing to see.
        if (!mine) continue;
        expect(mine.marks, `${q} marked in ${mine.url}`).toContain(q);
        checked.set(kind, (checked.get(kind) ?? 0) + 1);
      }
    }
    expect([...checked.keys()].sort()).toEqual([...byKind.keys()].sort());
    expect(errors).toEqual([]);
  });

  it('task-list measures show their departments on a line of their own, not in the excerpt', async () => {
    const measure = [...itemsById.values()].find((i) => !i.repeats && i.leadDepartments.length > 0 && i.partnerDepartments.length > 0);
    expect(measure, 'the 大安 task lists name lead and partner departments').toBeTruthy();
    const q = queryFor(measure!)!;
    const { mine } = await shownFor(q, `/items/${measure!.id}/`);
    expect(mine).toBeTruthy();
    expect(mine!.departments).toBe(`牵头部门：${measure!.leadDepartments.join('、')}；配合部门：${measure!.partnerDepartments.join('、')}`);
    expect(squash(measure!.text)).toContain(passage(mine!.excerpt));
  });

  it('a department finds the measures it leads or joins: its name is marked in the departments line, the excerpt is the item text', async () => {
    const counts = new Map<string, number>();
    for (const i of itemsById.values()) if (!i.repeats) for (const d of new Set([...i.leadDepartments, ...i.partnerDepartments])) counts.set(d, (counts.get(d) ?? 0) + 1);
    // A department named in a few measures, not in most.
    const [dept] = [...counts].filter(([, n]) => n >= 3 && n <= 20).sort((a, b) => b[1] - a[1])[0]!;
    const expected = [...itemsById.values()].filter((i) => !i.repeats && [...i.leadDepartments, ...i.partnerDepartments].includes(dept)).map((i) => `/items/${i.id}/`);
    await search(page, server.url, dept);
    await showAll(page);
    const all = await shownResults(page);
    const urls = all.map((r) => r.url);
    // Listed, or folded into an entry of the same title.
    const everywhere = await page.$$eval('#results [data-url]', (els) => els.map((e) => (e as HTMLElement).dataset.url));
    for (const u of expected) expect(everywhere, `${dept}: ${u}`).toContain(u);
    for (const u of expected.filter((x) => urls.includes(x))) {
      const r = all.find((x) => x.url === u)!;
      expect(r.departments, u).toContain(dept);
      const marked = await page.$$eval(`#results > li[data-url="${u}"] p.departments mark`, (ms) => ms.map((m) => m.textContent));
      expect(marked, u).toContain(dept);
      expect(squash(itemsById.get(itemIdOf(r)!)!.text)).toContain(passage(r.excerpt));
    }
  });
});

describe('other indexed pages', () => {
  for (const q of ['阜新', '儿童与健康', '方法', '发展规划']) {
    it(`${q}: a document, domain, city or text page shows a passage of its own indexed text`, async () => {
      await search(page, server.url, q);
      const others = (await shownResults(page)).filter((r) => !itemIdOf(r));
      expect(others.length, `${q} finds a page that is not an item`).toBeGreaterThan(0);
      for (const r of others) {
        const p = await site.browser.newPage();
        await p.goto(`${server.url}${r.url}`);
        // What Pagefind reads: the data-pagefind-body elements without what they ignore.
        const text = await p.$$eval('[data-pagefind-body]', (bodies) =>
          bodies
            .map((b) => {
              const copy = b.cloneNode(true) as HTMLElement;
              for (const x of copy.querySelectorAll('[data-pagefind-ignore]')) x.remove();
              return copy.textContent ?? '';
            })
            .join(''),
        );
        await p.close();
        // Pagefind ends a heading with '. ' in the text it indexes.
        const dropStops = (t: string) => squash(t.replace(/\.(?=\s|$)/g, ''));
        expect(dropStops(text), `${q}: excerpt of ${r.url}`).toContain(dropStops(r.excerpt.replace(/^…|…$/g, '')));
        expect(r.title.length, r.url).toBeGreaterThan(0);
      }
    });
  }
});

describe('highlighting', () => {
  it('托育 marks only 托育 (or its synonym 婴幼儿照护), never 生育, 养育 or 教育 (Pagefind splits the query into characters)', async () => {
    await search(page, server.url, '托育');
    await showAll(page);
    const marks = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(20);
    expect(new Set(marks)).toContain('托育');
    for (const m of marks) expect(['托育', ...synonymsOf('托育')]).toContain(m);
    // Results whose excerpt only has 生育/养育 are still listed, unmarked.
    const texts = await page.$$eval('#results > li > p.excerpt', (ps) => ps.map((p) => p.textContent ?? ''));
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
      // Only a whole term (or its synonym) is marked: 托育, never a piece of the markup.
      for (const m of found.marks) expect(['托育', ...synonymsOf('托育')]).toContain(m);
      expect(errors).toEqual([]);
    });
  }
});
