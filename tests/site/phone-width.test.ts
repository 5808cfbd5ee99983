/**
 * No page kind scrolls sideways on a phone (390 px): one page of every kind (the same list as
 * the accessibility sweep), its scripts run (the compare page's results rendered). A wide table
 * may scroll inside its own box; the page itself must not be wider than the screen.
 */
import { describe, expect, it } from 'vitest';
import { representativePages } from '../support/pages.ts';
import { at, useSite } from '../support/site.ts';

useSite();

/** The page's width beyond the viewport, and the widest elements that stick out of it. */
function overflow(): { extra: number; culprits: string[] } {
  const width = document.documentElement.clientWidth;
  const culprits: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 || !r.width) continue;
    // Inside a box that scrolls sideways on its own: allowed.
    let scroller = el.parentElement;
    while (scroller && getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement;
    if (scroller && scroller !== document.body && scroller !== document.documentElement) continue;
    culprits.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}> right edge at ${Math.round(r.right)}`);
  }
  return { extra: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) };
}

describe('at 390 px no page scrolls sideways', () => {
  it('holds for one page of every kind', async () => {
    const wide: Record<string, unknown> = {};
    const pages = representativePages();
    expect(pages.length).toBeGreaterThan(15);
    for (const [name, path] of pages) {
      const { page } = await at('phone', path);
      if (path.startsWith('/compare/?')) await page.waitForFunction(() => /对应条目 \d+ 对/.test(document.getElementById('compare-status')?.textContent ?? ''), null, { timeout: 30_000 });
      if (path.startsWith('/search/?')) await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
      const o = await page.evaluate(overflow);
      if (o.extra > 0) wide[`${name} ${path}`] = o;
      await page.close();
    }
    expect(wide).toEqual({});
  });
});
