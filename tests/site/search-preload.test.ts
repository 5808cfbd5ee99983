/**
 * Issue 17 (phone speed): the search page's head preloads Pagefind's entry, meta and wasm, so
 * they load beside the page's own files, not one after another, and an inline script preloads
 * the index chunks of the query in the URL; the filter chunks wait for the first results. Each preload names a file of dist/,
 * and Pagefind fetches exactly the preloaded URLs: each of them is requested once (a missed
 * preload shows as a second request, e.g. the entry with another ?ts=).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST } from '../support/kb.ts';
import { useSearchSite } from '../support/search.ts';

const site = useSearchSite();
let page: Page;
const requests: string[] = [];
beforeEach(async () => {
  page = await site.browser.newPage();
  requests.length = 0;
  page.on('request', (r) => void requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
});
afterEach(async () => {
  await page.close();
});

const head = () => /<head>[\s\S]*<\/head>/.exec(readFileSync(path.join(DIST, 'search', 'index.html'), 'utf8'))![0];
const preloads = () => [...head().matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin fetchpriority="(?:high|low)">/g)].map((m) => m[1]!);

describe('search page preloads', () => {
  it('preloads the entry, meta and wasm of the index, files that exist in dist/', () => {
    const hrefs = preloads();
    expect(hrefs.some((h) => /^\/pagefind\/pagefind-entry\.json\?ts=\w+$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(h))).toBe(true);
    for (const h of hrefs) expect(existsSync(path.join(DIST, h.replace(/\?.*$/, ''))), h).toBe(true);
    expect(hrefs.filter((h) => h.includes('/filter/'))).toEqual([]);
    expect(head()).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js" fetchpriority="high">');
    expect(existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
    // The search page's own modules' imports, so they do not wait for the module that imports them.
    const modules = [...head().matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(modules.filter((m) => m.startsWith('/_astro/')).length).toBeGreaterThan(0);
    for (const m of modules) expect(existsSync(path.join(DIST, m)), m).toBe(true);
  });

  // Queries the page searches as typed (no thesaurus words): Pagefind needs exactly the chunks of the query.
  const chunksOf = async (q: string) => {
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
    const preloaded = await page.$$eval('head link[rel=preload][href*="/index/"]', (ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    const fetched = requests.filter((r) => /\/index\/[\w-]+\.pf_index$/.test(r));
    expect(preloaded.length).toBeGreaterThan(0);
    expect(new Set(fetched).size, 'no chunk fetched twice').toBe(fetched.length);
    return { preloaded: preloaded.sort(), fetched: fetched.sort() };
  };
  for (const q of ['母婴安全', '托育', '留守儿童', '就业性别歧视', '12338']) {
    it(`preloads from the head exactly the index chunks Pagefind fetches for ${q} (searched as typed), each fetched once`, async () => {
      const { preloaded, fetched } = await chunksOf(q);
      expect(preloaded).toEqual(fetched);
    });
  }
  // Searched as typed and as other words too (the thesaurus' 托育, the glossary's 家庭暴力): the head knows only the query.
  for (const q of ['托儿所', 'Domestic Violence']) {
    it(`preloads the chunks of ${q} as typed, and the page fetches those of its other searches once each`, async () => {
      const { preloaded, fetched } = await chunksOf(q);
      expect(fetched).toEqual(expect.arrayContaining(preloaded));
      expect(fetched.length).toBeGreaterThan(preloaded.length);
    });
  }

  it('preloads no index chunk without a query', async () => {
    await page.goto(`${site.server.url}/search/`);
    await page.waitForFunction(() => (document.querySelector('select[data-filter]') as HTMLSelectElement | null)?.options.length! > 1, null, { timeout: 30_000 });
    expect(await page.$$eval('head link[rel=preload][href*="/index/"]', (ls) => ls.length)).toBe(0);
    expect(requests.filter((r) => r.includes('/index/'))).toEqual([]);
  });

  it('has Pagefind fetch the preloaded files, each once, and no shard list', async () => {
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('母婴安全')}`);
    await page.waitForSelector('#results > li', { timeout: 30_000 });
    for (const h of preloads()) expect(requests.filter((r) => r === h), h).toHaveLength(1);
    // Any other request for an entry, meta or wasm is one the preloads missed.
    const boot = requests.filter((r) => /pagefind-entry\.json|\.pf_meta$|\/wasm\.[\w-]+\.pagefind$/.test(r));
    expect(boot.sort()).toEqual([...preloads()].sort());
    expect(requests).not.toContain('/pagefind/shards.json');
    expect(requests).not.toContain('/pagefind/pagefind-worker.js');
  });

  it('lists the filters’ options from the head, and fetches the filter chunks only once the first results are on screen', async () => {
    await page.addInitScript(() => {
      const seen = { options: -1, first: -1 };
      (globalThis as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        if (seen.options < 0 && (document.querySelector('select[data-filter="city"]') as HTMLSelectElement | null)?.options.length! > 1) seen.options = performance.now();
        if (seen.first < 0 && document.querySelector('#results > li')) seen.first = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('母婴安全')}`);
    await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const at = (re: RegExp) => performance.getEntriesByType('resource').filter((e) => re.test(e.name)).map((e) => e.startTime);
      return { ...(globalThis as unknown as { __seen: { options: number; first: number } }).__seen, filters: at(/\.pf_filter$/) };
    });
    expect(t.first).toBeGreaterThan(0);
    // From the head's totals: the options are there before any filter chunk is asked for.
    expect(t.options).toBeGreaterThanOrEqual(0);
    expect(t.options).toBeLessThan(t.first);
    expect(t.filters).toHaveLength(4);
    for (const start of t.filters) expect(start).toBeGreaterThanOrEqual(t.first);
    // The seeds' filter chunks are small: the counts follow the results on their own.
    expect(await page.textContent('select[data-filter="city"] option:nth-child(2)')).toMatch(/（\d+）$/);
  });
});
