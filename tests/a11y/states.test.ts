/** States the sweep does not reach: the reader with its table of contents open on a phone, the topics index filtered. */
import { describe, expect, it } from 'vitest';
import { PAGES, WIDTHS, axeViolations, open, useA11y, type Width } from '../support/a11y.ts';

useA11y();

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
