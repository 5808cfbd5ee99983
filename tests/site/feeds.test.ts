/** sitemap and RSS feed: well-formed XML (parsed by Chromium's XML parser) listing the site's pages and documents. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentUrl } from '../../src/lib/urls.ts';
import { DIST } from '../support/kb.ts';
import { at, htmlFiles, kb, useSite } from '../support/site.ts';

useSite();

interface Parsed {
  error: string | null;
  locs: string[];
  items: { link: string; pubDate: string | null; title: string }[];
  alternate: string | null;
}

/** Parse XML with the browser's own parser: a `parsererror` means it is not well-formed. */
async function parseXml(xml: string): Promise<Parsed> {
  const { page } = await at('desktop', '/');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? error.textContent : null,
      locs: [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? ''),
      items: [...doc.getElementsByTagName('item')].map((i) => ({
        link: i.getElementsByTagName('link')[0]?.textContent ?? '',
        pubDate: i.getElementsByTagName('pubDate')[0]?.textContent ?? null,
        title: i.getElementsByTagName('title')[0]?.textContent ?? '',
      })),
      alternate: document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href') ?? null,
    };
  }, xml);
  await page.close();
  return parsed;
}

const read = (name: string) => readFileSync(`${DIST}/${name}`, 'utf8');
const pathOf = (url: string) => new URL(url).pathname;

describe('sitemap', () => {
  it('the index is valid XML and names the sitemap files, which list every page but the 404', async () => {
    const index = await parseXml(read('sitemap-index.xml'));
    expect(index.error).toBeNull();
    expect(index.locs.length).toBeGreaterThan(0);
    const paths = new Set<string>();
    for (const loc of index.locs) {
      const part = await parseXml(read(pathOf(loc).slice(1)));
      expect(part.error, loc).toBeNull();
      for (const l of part.locs) paths.add(pathOf(l));
    }
    const pages = htmlFiles(DIST)
      .map((f) => `/${relative(DIST, f)}`.replace(/index\.html$/, ''))
      .filter((p) => p !== '/404.html');
    expect([...paths].sort()).toEqual(pages.sort());
    for (const d of kb.documents) expect(paths.has(documentUrl(d.id))).toBe(true);
    expect(paths.has('/about/')).toBe(true);
  });
});

describe('RSS feed', () => {
  it('is valid XML with one item per document, newest first by date, undated last, linked from every page', async () => {
    const feed = await parseXml(read('rss.xml'));
    expect(feed.error).toBeNull();
    expect(feed.items.map((i) => pathOf(i.link)).sort()).toEqual(kb.documents.map((d) => documentUrl(d.id)).sort());
    const dateOf = new Map(kb.documents.map((d) => [documentUrl(d.id), d.date]));
    const dates = feed.items.map((i) => dateOf.get(pathOf(i.link)) ?? null);
    // The dated ones in descending order, then the undated.
    const dated = dates.filter((d): d is string => d !== null);
    expect(dates).toEqual([...[...dated].sort().reverse(), ...dates.filter((d) => d === null)]);
    expect(dated.length).toBeGreaterThan(1);
    for (const [k, item] of feed.items.entries()) {
      expect(item.pubDate !== null, item.title).toBe(dates[k] !== null);
      if (item.pubDate) expect(new Date(item.pubDate).toISOString().slice(0, 10) <= dates[k]!).toBe(true);
    }
    expect(feed.alternate).toBe('/rss.xml');
  });
});
