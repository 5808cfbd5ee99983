/** The document reader on a phone and a desktop: a reachable table of contents, back to top, the original file. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support/kb.ts';
import { describe, expect, it } from 'vitest';
import { at, browser, kb, longest, reachable, server, useSite, WIDTHS, type Width } from '../support/site.ts';

useSite();

describe('document reader: the table of contents stays reachable', () => {
  it('phone: a fixed 目录 button opens the contents (headings of the text); a choice lands on its heading; keyboard and no-JS work', async () => {
    const doc = longest();
    const { page, errors } = await at('phone', `/documents/${doc.id}/`);
    expect(await page.isVisible('#toc'), 'closed until asked for').toBe(false);
    // Deep in the text the button is still on screen, not covered.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    expect(await reachable(page, '.toc-button')).toBe(true);
    expect(await page.$eval('.toc-button', (b) => b.textContent?.trim())).toBe('目录');
    await page.click('.toc-button');
    expect(await page.isVisible('#toc')).toBe(true);
    const entries = await page.$$eval('#toc li a', (as) =>
      as.map((a) => {
        const target = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
        return { text: a.textContent!.trim(), tag: target?.tagName ?? null, heading: target?.textContent?.trim() ?? null, inArticle: !!target?.closest('article.fulltext') };
      }),
    );
    expect(entries.length).toBeGreaterThan(1);
    for (const e of entries) expect(e, e.text).toMatchObject({ tag: expect.stringMatching(/^H[2-6]$/), heading: e.text, inArticle: true });
    const topLevel = await page.$$eval('article.fulltext h2', (hs) => hs.map((h) => h.textContent!.trim()));
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(topLevel));
    expect(await reachable(page, '#toc li a')).toBe(true);
    // Choosing an entry closes the contents and brings its heading to the top of the screen.
    const pick = entries[Math.min(3, entries.length - 1)]!;
    await page.click(`#toc li a >> nth=${Math.min(3, entries.length - 1)}`);
    await page.waitForFunction(() => !document.getElementById('toc')!.matches(':popover-open'));
    const top = await page.$$eval('article.fulltext :is(h2, h3, h4, h5, h6)', (hs, text) => hs.find((h) => h.textContent!.trim() === text)!.getBoundingClientRect().top, pick.text);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(200);
    // By keyboard: Enter opens, Tab goes into the contents, Escape closes and returns to the button.
    await page.focus('.toc-button');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#toc')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#toc'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#toc')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('toc-button');
    expect(errors).toEqual([]);
    await page.close();

    // Declarative HTML: the button opens the contents without JavaScript too.
    const noJs = await browser.newContext({ viewport: { width: WIDTHS.phone, height: 844 }, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${server.url}/documents/${doc.id}/`);
    await plain.click('.toc-button');
    expect(await plain.isVisible('#toc li a')).toBe(true);
    await noJs.close();
  });

  it('desktop: the contents sit beside the text and stay in view while reading; no 目录 button', async () => {
    const doc = longest();
    const { page } = await at('desktop', `/documents/${doc.id}/`);
    expect(await page.isVisible('.toc-button')).toBe(false);
    expect(await page.isVisible('#toc li a')).toBe(true);
    for (const share of [0.3, 0.6, 0.9]) {
      await page.evaluate((f) => scrollTo(0, document.body.scrollHeight * f), share);
      const r = await page.$eval('#toc', (t) => { const b = t.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; });
      expect(r.top, `at ${share}`).toBeGreaterThanOrEqual(0);
      expect(r.top, `at ${share}`).toBeLessThan(844);
      expect(await reachable(page, '#toc li a'), `at ${share}`).toBe(true);
    }
    await page.close();
  });

  for (const width of Object.keys(WIDTHS) as Width[]) {
    it(`${width}: at the end of the longest document a back-to-top link is on screen and goes back up`, async () => {
      const { page } = await at(width, `/documents/${longest().id}/`);
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      const links = ':is(.to-top, .toc-top a)';
      expect(await reachable(page, links)).toBe(true);
      await page.locator(`${links}:visible`).first().click();
      await page.waitForFunction(() => scrollY < 300);
      expect(await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top)).toBeLessThan(844);
      await page.close();
    });
  }

  it('every document offers its original file for download, byte for byte', async () => {
    for (const width of Object.keys(WIDTHS) as Width[]) {
      for (const doc of kb.documents) {
        const { page } = await at(width, `/documents/${doc.id}/`);
        const link = page.locator('a.source-download');
        expect(await link.textContent(), doc.id).toBe('下载原文件');
        expect(await link.isVisible(), `${width} ${doc.id}`).toBe(true);
        const href = (await link.getAttribute('href'))!;
        if (width === 'desktop') {
          const res = await page.request.get(`${server.url}${href}`);
          expect(res.status(), href).toBe(200);
          expect(Buffer.compare(await res.body(), readFileSync(join(ROOT, 'seeds', doc.source))), href).toBe(0);
        }
        await page.close();
      }
    }
  });
});
