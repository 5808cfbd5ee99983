/**
 * axe-core (WCAG 2.1 A/AA) on one page of every kind (tests/support/pages.ts) at desktop and
 * phone widths, and the structure axe does not check on each: lang, one main, one h1, headings
 * in order, skip link first, tables named with scoped headers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES, WIDTHS, axeViolations, open, structureProblems, useA11y, type Width } from '../support/a11y.ts';

useA11y();

/**
 * Pages whose layout changes at phone width, checked there too: the reader (table of contents
 * behind a fixed 目录 button instead of beside the text), tables that become cards or scroll
 * sideways, the topics index and its filter, the search form and filters, and the home page's
 * grids, and the editors' guide (tables and code blocks in prose). Every page shares the
 * header, which wraps (home covers it).
 */
const PHONE_LAYOUT = ['home', 'documents index', 'reader 001', 'reader 003', 'domain matrix', 'item with related', 'topics index', 'search', 'data', 'departments index', 'compare', 'indicator', 'guide'];

/** Per width, per page ("name path"): axe violations, and (desktop) structure problems. */
const swept: Record<Width, { axe: Record<string, string[]>; structure: Record<string, string[]> }> = {
  desktop: { axe: {}, structure: {} },
  phone: { axe: {}, structure: {} },
};

beforeAll(async () => {
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

describe('axe-core, WCAG 2.1 A/AA', () => {
  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`no violations on a page of every kind at ${width} width (${WIDTHS[width]} px)`, () => {
      expect(PAGES.length).toBe(24); // every kind above was found (5 readers, the indicators index and one indicator, an opinion item, the editors' guide)
      expect(swept[width].axe).toEqual({});
    });
  }
});

describe('structure axe does not check', () => {
  it('every page: lang zh-CN, one main, one h1, headings in order, skip link first, tables named with scoped headers', () => {
    expect(swept.desktop.structure).toEqual({});
  });
});
