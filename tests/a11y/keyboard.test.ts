/** Keyboard use: the skip link, and the search page's Tab order, focus styles and live status. */
import { describe, expect, it } from 'vitest';
import { PAGES, WIDTHS, open, useA11y, type Width } from '../support/a11y.ts';
import { SEARCH_QUERY } from '../support/pages.ts';

useA11y();

describe('skip link', () => {
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
