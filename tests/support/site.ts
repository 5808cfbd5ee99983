/**
 * The built site in Chromium at the two widths a reviewer tried, shared by the page test files:
 * call `useSite()` once at the top of a file, then use `server`, `browser`, `kb` and `at()`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/types.ts';
import { launch } from './browser.ts';
import { DIST, loadKb } from './kb.ts';
import { serve, type StaticServer } from './server.ts';

export let server: StaticServer;
export let browser: Browser;
export let kb: KnowledgeBase;
/** What a reviewer tried: a desktop window and a phone. */
export const WIDTHS = { desktop: 1280, phone: 390 } as const;
export type Width = keyof typeof WIDTHS;
const contexts: Partial<Record<Width, BrowserContext>> = {};

export function useSite(): void {
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
}

/** A page at one of the two widths, with uncaught errors collected. */
export async function at(width: Width, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await contexts[width]!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  return { page, errors };
}

/** Whether an element is shown, inside the viewport, and not covered at its centre. */
export function reachable(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (els) =>
    els.some((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && (hit === el || el.contains(hit));
    }),
  );
}

export const readJson = <T>(name: string): T => JSON.parse(readFileSync(`${DIST}/data/${name}.json`, 'utf8')) as T;
export const longest = () => [...kb.documents].sort((a, b) => b.items.length - a.items.length)[0]!;
/** An item whose page has a related-items table, preferring one whose match is in a long city name. */
export function relatedItemPath(): string {
  const link = kb.links[0];
  return link ? `/items/${link.source}/` : `/items/${kb.documents.flatMap((d) => d.items)[0]!.id}/`;
}

export const squash = (s: string) => s.replace(/\s+/g, '');

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

