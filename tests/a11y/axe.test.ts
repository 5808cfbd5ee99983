/**
 * Accessibility of the built site in Chromium: axe-core (WCAG 2.1 A/AA) on one page of every
 * kind at desktop and phone widths, plus what axe cannot judge by itself: skip link, landmarks,
 * one h1 and headings in order, table headers and names, the domain matrix's cell names,
 * keyboard order and visible focus on the search page, contrast of muted text, live status.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { DIST } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { representativePages, SEARCH_QUERY } from '../support/pages.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = { desktop: 1280, phone: 390 } as const;
/**
 * Pages whose layout changes at phone width, checked there too: the reader (table of contents
 * behind a fixed 目录 button instead of beside the text), tables that become cards or scroll
 * sideways, the topics index and its filter, the search form and filters, and the home page's
 * grids. Every page shares the header, which wraps (home covers it).
 */
const PHONE_LAYOUT = ['home', 'documents index', 'reader 001', 'reader 003', 'domain matrix', 'item with related', 'topics index', 'search', 'data', 'departments index', 'compare', 'indicator'];

let server: StaticServer;
let browser: Browser;
const contexts: Partial<Record<Width, BrowserContext>> = {};
let PAGES: [string, string][] = [];
type Width = keyof typeof WIDTHS;
/** Per width, per page ("name path"): axe violations, and (desktop) structure problems. */
const swept: Record<Width, { axe: Record<string, string[]>; structure: Record<string, string[]> }> = {
  desktop: { axe: {}, structure: {} },
  phone: { axe: {}, structure: {} },
};

beforeAll(async () => {
  PAGES = representativePages();
  server = await serve(DIST);
  browser = await launch();
  for (const [name, width] of Object.entries(WIDTHS)) {
    contexts[name as Width] = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  }
  // One visit per page and width; two pages at a time (Chromium renders them in parallel).
  const jobs = (Object.keys(WIDTHS) as Width[]).flatMap((width) =>
    PAGES.filter(([name]) => width === 'desktop' || PHONE_LAYOUT.some((p) => name.startsWith(p))).map(([name, path]) => ({ width, name, path })),
  );
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const { width, name, path } = job;
      const page = await open(width, path);
      const key = `${name} ${path}`;
      // Colours do not change with the width: contrast (axe's slowest rule) runs at desktop only.
      const v = await axeViolations(page, width === 'desktop' ? [] : ['color-contrast']);
      if (v.length) swept[width].axe[key] = v;
      if (width === 'desktop') {
        const p = await page.evaluate(structureProblems);
        if (p.length) swept[width].structure[key] = p;
      }
      await page.close();
    }
  };
  await Promise.all([worker(), worker()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(width: Width, path: string): Promise<Page> {
  const page = await contexts[width]!.newPage();
  await page.goto(`${server.url}${path}`);
  if (path.startsWith('/search/')) await waitForResults(page);
  if (path.startsWith('/compare/?')) await page.waitForFunction(() => /对应条目 \d+ 对/.test(document.getElementById('compare-status')?.textContent ?? ''), null, { timeout: 30_000 });
  return page;
}

/** Results, or the no-results hints. */
async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /^找到/.test(document.getElementById('status')?.textContent ?? '') &&
      (document.querySelectorAll('#results > li').length > 0 || !document.getElementById('no-results')?.hidden),
    null,
    { timeout: 30_000 },
  );
}

interface Violation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** axe-core's WCAG 2.1 A/AA violations on the page, one readable line each. */
async function axeViolations(page: Page, skipRules: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(
    async ([tags, skip]) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    },
    [WCAG21_AA, skipRules] as const,
  );
  return violations.map((v) => `${v.id} [${v.impact}] ${v.nodes.length}× e.g. ${JSON.stringify(v.nodes[0]?.target)}: ${v.help}`);
}

describe('axe-core, WCAG 2.1 A/AA', () => {
  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`no violations on a page of every kind at ${width} width (${WIDTHS[width]} px)`, () => {
      expect(PAGES.length).toBe(23); // every kind above was found (5 readers, the indicators index and one indicator, an opinion item)
      expect(swept[width].axe).toEqual({});
    });
  }
});

/** Structure checks run in the page: one entry per problem. */
function structureProblems(): string[] {
  const problems: string[] = [];
  const describeEl = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}>`;
  if (document.documentElement.lang !== 'zh-CN') problems.push(`html lang="${document.documentElement.lang}"`);
  if (!document.title.trim()) problems.push('empty <title>');
  const mains = document.querySelectorAll('main');
  if (mains.length !== 1) problems.push(`${mains.length} <main> landmarks`);
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} <h1>`);
  // Headings in order: never more than one level deeper than the previous one.
  let prev = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > prev + 1) problems.push(`heading skips from h${prev} to h${level}: "${h.textContent?.trim().slice(0, 30)}"`);
    prev = level;
  }
  // The skip link is the first focusable thing and targets <main>.
  const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]');
  const skip = first?.getAttribute('href');
  if (!skip?.startsWith('#') || document.getElementById(skip.slice(1))?.tagName !== 'MAIN') {
    problems.push(`first focusable element is not a skip link to <main>: ${first ? describeEl(first) : 'none'}`);
  }
  // Tables: a name (caption or aria-label/labelledby), and every th scoped.
  for (const t of document.querySelectorAll('table')) {
    const named = t.querySelector(':scope > caption')?.textContent?.trim() || t.getAttribute('aria-label')?.trim() || t.getAttribute('aria-labelledby');
    if (!named) problems.push(`table without caption or aria-label: ${describeEl(t)} "${t.querySelector('th')?.textContent?.trim()}"`);
    for (const th of t.querySelectorAll('th')) {
      if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope') ?? '')) {
        problems.push(`th without scope in ${describeEl(t)}: "${th.textContent?.trim().slice(0, 20)}"`);
        break;
      }
    }
  }
  // Reader: the table of contents is unnumbered (an <ol> showed "0." for 10; headings carry their own numbers).
  for (const list of document.querySelectorAll('nav.toc ol, nav.toc ul')) {
    if (list.tagName === 'OL' || getComputedStyle(list).listStyleType !== 'none') problems.push(`numbered table of contents: <${list.tagName.toLowerCase()}>`);
  }
  return problems;
}

describe('structure axe does not check', () => {
  it('every page: lang zh-CN, one main, one h1, headings in order, skip link first, tables named with scoped headers', () => {
    expect(swept.desktop.structure).toEqual({});
  });

  it('the skip link is the first Tab stop, visible when focused, and moves focus into <main>', async () => {
    for (const width of Object.keys(WIDTHS) as Width[]) {
      const page = await open(width, PAGES.find(([n]) => n.startsWith('reader'))![1]);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const r = a.getBoundingClientRect();
        return { cls: a.className, text: a.textContent, inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.width > 0, outline: getComputedStyle(a).outlineStyle };
      });
      expect(skip, width).toMatchObject({ cls: 'skip', text: '跳到正文', inView: true });
      expect(skip.outline, width).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      expect(inMain, width).toBe(true);
      await page.close();
    }
  });
});

describe('domain matrix', () => {
  it('✓ links are named "城市：条目", — cells read "无", and both pass contrast', async () => {
    const path = PAGES.find(([n]) => n === 'domain matrix')?.[1];
    expect(path, 'a domain page with a city × topic matrix').toBeTruthy();
    const page = await open('desktop', path!);
    await page.addScriptTag({ content: AXE });
    const cells = await page.evaluate(() => {
      const axe = (window as unknown as { axe: { setup(): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } } }).axe;
      axe.setup();
      const table = document.querySelector('table.matrix')!;
      const cols = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      const out = { links: [] as { city: string; name: string }[], empty: [] as string[], caption: table.querySelector('caption')?.textContent ?? table.getAttribute('aria-label') };
      for (const tr of table.querySelectorAll('tbody tr')) {
        [...tr.children].forEach((cell, i) => {
          if (cell.tagName !== 'TD') return;
          const links = cell.querySelectorAll('a');
          if (links.length) for (const a of links) out.links.push({ city: cols[i]!, name: axe.commons.text.accessibleText(a).trim() });
          else out.empty.push(axe.commons.text.accessibleText(cell).trim());
        });
      }
      axe.teardown();
      return out;
    });
    expect(cells.caption).toBeTruthy();
    expect(cells.links.length).toBeGreaterThan(0);
    expect(cells.empty.length).toBeGreaterThan(0);
    for (const { city, name } of cells.links) expect(name).toMatch(new RegExp(`^${city}：\\S`));
    expect(new Set(cells.empty)).toEqual(new Set(['无']));
    expect(await contrastProblems(page, ['table.matrix td a', 'table.matrix td .missing'])).toEqual([]);
    await page.close();
  });
});

/** WCAG contrast of text against the nearest opaque background, for each selector (≥ 4.5:1). */
function contrastProblems(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const problems: string[] = [];
    for (const sel of sels) {
      const els = [...document.querySelectorAll(sel)];
      if (!els.length) problems.push(`${sel}: no element`);
      const seen = new Set<string>();
      for (const el of els) {
        const fg = rgb(getComputedStyle(el).color).slice(0, 3);
        const bg = background(el);
        const key = `${fg}/${bg}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        if (ratio < 4.5) problems.push(`${sel}: rgb(${fg}) on rgb(${bg}) is ${ratio.toFixed(2)}:1`);
      }
    }
    return problems;
  }, selectors);
}

describe('muted text', () => {
  it('muted text, tags and breadcrumbs keep 4.5:1 contrast on their backgrounds', async () => {
    const found: string[] = [];
    for (const [path, sels] of [
      ['/', ['.muted', '.tag', '.site-footer']],
      [PAGES.find(([n]) => n === 'item with related')?.[1] ?? '/', ['.crumbs', '.crumbs a', '.meta dt']],
      // Related items are named by domain, kind and number now, without a kind tag; a topic page's 对照基准 is one.
      [PAGES.find(([n]) => n === 'topic')?.[1] ?? '/', ['.side-by-side .tag']],
      [`/search/?q=${encodeURIComponent(SEARCH_QUERY)}`, ['#status', '.results .tag', '#more']],
      // A goal and a measure with one title (大安 预防和制止针对妇女的性骚扰): one entry with a note
      // linking the other. (The speeches printed twice with small changes are near-repeats, not indexed.)
      [`/search/?q=${encodeURIComponent('性骚扰')}`, ['.results .folded', '.results .folded a']],
      ['/search/?q=zzqxw', ['#suggest-intro', '#suggestions .muted']],
    ] as [string, string[]][]) {
      const page = await open('desktop', path);
      found.push(...(await contrastProblems(page, sels)).map((p) => `${path} ${p}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});

describe('search page by keyboard', () => {
  it('Tab goes search box → button → every filter → results in order, each with a visible focus style', async () => {
    const page = await open('desktop', `/search/?q=${encodeURIComponent(SEARCH_QUERY)}`);
    // Result titles and the links of results folded into them, in document order.
    const results = await page.$$eval('#results a', (as) => as.map((a) => a.getAttribute('href')));
    expect(results.length).toBeGreaterThan(0);
    await page.focus('#q');
    const stops: { what: string; focusStyle: boolean }[] = [];
    for (let i = 0; i < 1 + 4 + Math.min(results.length, 5); i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const s = getComputedStyle(el);
          const focusStyle = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          const what = el.tagName === 'SELECT' ? `select:${el.getAttribute('name')}` : el.tagName === 'A' ? `a:${el.getAttribute('href')}` : el.tagName.toLowerCase();
          return { what, focusStyle };
        }),
      );
    }
    expect(stops.map((s) => s.what)).toEqual([
      'button',
      'select:city',
      'select:domain',
      'select:kind',
      'select:population',
      ...results.slice(0, 5).map((h) => `a:${h}`),
    ]);
    expect(stops.filter((s) => !s.focusStyle)).toEqual([]);

    // Filters are labelled controls, and the result count is announced politely.
    const names = await page.$$eval('#filters select', (ss) => ss.map((s) => (s as HTMLSelectElement).labels?.[0]?.textContent?.replace(/全部.*$/s, '').trim()));
    expect(names).toEqual(['城市', '领域', '类型', '对象']);
    const status = await page.$eval('#status', (el) => ({ live: el.getAttribute('aria-live') ?? (el.getAttribute('role') === 'status' ? 'polite' : null), text: el.textContent }));
    expect(status.live).toBe('polite');
    expect(status.text).toMatch(/^找到 \d+ 个结果/);
    // Changing a filter by keyboard re-runs the search and updates the same live region.
    await page.focus('select[name="population"]');
    const option = await page.$eval('select[name="population"]', (s) => (s as HTMLSelectElement).options[1]?.value);
    await page.selectOption('select[name="population"]', option!);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('population') === v && /^找到/.test(document.getElementById('status')!.textContent!), option);
    await page.close();
  });

  it('after the last result, Tab reaches 显示更多结果; Enter shows more, announces the count and focuses the first new result', async () => {
    const page = await open('desktop', `/search/?q=${encodeURIComponent(SEARCH_QUERY)}`);
    const before = await page.$$eval('#results a', (as) => as.map((a) => a.getAttribute('href')));
    await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#results a')].at(-1)!.focus());
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { id: el.id, text: el.textContent, focusStyle: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none' };
    });
    expect(stop).toMatchObject({ id: 'more', focusStyle: true });
    expect(stop.text).toMatch(/^显示更多结果/);
    const status = await page.textContent('#status');
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.getElementById('status')!.textContent !== s, status);
    expect(await page.textContent('#status')).toMatch(/^找到 \d+ 个结果，(显示前 \d+ 个|已全部显示)。$/);
    const focused = await page.evaluate(() => (document.activeElement?.closest('#results') ? document.activeElement.getAttribute('href') : null));
    expect(focused).toBeTruthy();
    expect(before).not.toContain(focused);
    await page.close();
  });
});

describe('states the sweep does not reach', () => {
  it('phone: the reader with its table of contents open, and the topics index filtered, stay clean', async () => {
    const reader = PAGES.find(([n]) => n.startsWith('reader 001'))?.[1] ?? PAGES.find(([n]) => n.startsWith('reader'))![1];
    const found: Record<string, string[]> = {};
    for (const width of Object.keys(WIDTHS) as Width[]) {
      const page = await open(width, reader);
      if (width === 'phone') {
        await page.click('.toc-button');
        expect(await page.isVisible('#toc')).toBe(true);
      }
      const v = await axeViolations(page);
      if (v.length) found[`${width} ${reader} (contents open)`] = v;
      await page.close();

      const topics = await open(width, '/topics/');
      await topics.fill('#topic-q', '教育');
      const w = await axeViolations(topics);
      if (w.length) found[`${width} /topics/ (filtered)`] = w;
      await topics.close();
    }
    expect(found).toEqual({});
  });
});

describe('names that tell links apart', () => {
  it('every "条目页" link on a document page has its own accessible name, starting with its visible words', async () => {
    for (const [name, path] of PAGES.filter(([n]) => n.startsWith('reader'))) {
      for (const width of Object.keys(WIDTHS) as Width[]) {
        const page = await open(width, path);
        await page.addScriptTag({ content: AXE });
        const names = await page.evaluate(() => {
          const axe = (window as unknown as { axe: { setup(): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } } }).axe;
          axe.setup();
          const out = [...document.querySelectorAll('a.item-link')].map((a) => ({ name: axe.commons.text.accessibleText(a).trim(), visible: a.textContent!.replace(/[→\s]/g, '') }));
          axe.teardown();
          return out;
        });
        expect(names.length, name).toBeGreaterThan(0);
        const counts = new Map<string, number>();
        for (const n of names) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
        expect([...counts].filter(([, c]) => c > 1), `${width} ${name}`).toEqual([]);
        for (const n of names) expect(n.name.startsWith(n.visible), n.name).toBe(true);
        for (const n of names) expect(n.name.length, n.name).toBeGreaterThan(n.visible.length + 1);
        await page.close();
      }
    }
  });
});

describe('notes under tables', () => {
  it('the 相似度 note and the data page notes keep 4.5:1 contrast', async () => {
    const found: string[] = [];
    for (const path of [PAGES.find(([n]) => n === 'item with related')?.[1] ?? '/', '/data/']) {
      const page = await open('desktop', path);
      found.push(...(await contrastProblems(page, ['.note'])).map((p) => `${path} ${p}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
