/** Contrast axe cannot judge by itself: muted text, tags, breadcrumbs and notes on their own backgrounds (≥ 4.5:1). */
import { describe, expect, it } from 'vitest';
import { PAGES, contrastProblems, open, useA11y } from '../support/a11y.ts';
import { SEARCH_QUERY } from '../support/pages.ts';

useA11y();

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
