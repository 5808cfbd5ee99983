/**
 * What the accessibility tests (tests/a11y/) share: the built site served, Chromium at a desktop
 * and a phone width, axe-core's WCAG 2.1 A/AA run, and the checks axe cannot make by itself
 * (document structure, contrast of chosen elements). Call `useA11y()` at the top of a file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { DIST } from './kb.ts';
import { serve, type StaticServer } from './server.ts';
import { representativePages } from './pages.ts';

export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const WIDTHS = { desktop: 1280, phone: 390 } as const;
export type Width = keyof typeof WIDTHS;

let server: StaticServer;
let browser: Browser;
const contexts: Partial<Record<Width, BrowserContext>> = {};
/** One page of every kind ([name, path]), read from the build once `useA11y`'s setup ran. */
export let PAGES: [string, string][] = [];

/** Serve dist/ and open Chromium at both widths for this file's tests. */
export function useA11y(): void {
  beforeAll(async () => {
    PAGES = representativePages();
    server = await serve(DIST);
    browser = await launch();
    for (const [name, width] of Object.entries(WIDTHS)) {
      contexts[name as Width] = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The path of the representative page of this name (see tests/support/pages.ts). */
export const pagePath = (name: string): string | undefined => PAGES.find(([n]) => n === name)?.[1];

/** A page at one width, loaded, with its search results or comparison rendered. */
export async function open(width: Width, path: string): Promise<Page> {
  const page = await contexts[width]!.newPage();
  await page.goto(`${server.url}${path}`);
  if (path.startsWith('/search/')) await waitForResults(page);
  if (path.startsWith('/compare/?')) await page.waitForFunction(() => /对应条目 \d+ 对/.test(document.getElementById('compare-status')?.textContent ?? ''), null, { timeout: 30_000 });
  return page;
}

/** Results, or the no-results hints. */
export async function waitForResults(page: Page): Promise<void> {
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
export async function axeViolations(page: Page, skipRules: string[] = []): Promise<string[]> {
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

/** Structure checks run in the page: one entry per problem. */
export function structureProblems(): string[] {
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

/** WCAG contrast of text against the nearest opaque background, for each selector (≥ 4.5:1). */
export function contrastProblems(page: Page, selectors: string[]): Promise<string[]> {
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
