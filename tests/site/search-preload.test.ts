/**
 * Issue 17 (phone speed): the search page's head preloads Pagefind's entry, meta and wasm, so
 * they load beside the page's own files, not one after another. Each preload names a file of
 * dist/, and Pagefind fetches exactly the preloaded URLs: each of them is requested once (a
 * missed preload shows as a second request, e.g. the entry with another ?ts=).
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
const preloads = () => [...head().matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin>/g)].map((m) => m[1]!);

describe('search page preloads', () => {
  it('preloads the entry, meta and wasm of the index, files that exist in dist/', () => {
    const hrefs = preloads();
    expect(hrefs.some((h) => /^\/pagefind\/pagefind-entry\.json\?ts=\w+$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(h))).toBe(true);
    for (const h of hrefs) expect(existsSync(path.join(DIST, h.replace(/\?.*$/, ''))), h).toBe(true);
    expect(head()).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
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
});
