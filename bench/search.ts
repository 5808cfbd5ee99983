/**
 * Search benchmark (not a test): serve a built dist/ on 127.0.0.1, open /search/ in headless
 * Chromium and run a fixed list of queries one after another on the same page, as a reader
 * would. Per query: time until the first result is rendered and the bytes fetched under
 * /pagefind/ (the first query includes loading Pagefind itself and the filter lists).
 * One JSON line per query on stdout and in bench/out/search.jsonl.
 * With --phone, a phone profile (Chrome DevTools Protocol): 4× CPU slowdown, 1.6 Mbps down,
 * 750 kbps up, 150 ms latency, a 390 px viewport.
 * With --gzip, the server compresses text (HTML, JS, CSS, JSON) as a real host does; without it,
 * everything goes uncompressed (the figures of issue 17). --trace prints each request's start and
 * end on stderr, to see which round trips follow one another.
 * Run: `npm run bench:search -- <dist dir> [--phone] [--gzip] [--trace]` (after `npm run build`: `npm run bench:search -- dist`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/browser.ts';
import { serve } from '../tests/support/server.ts';
import { OUT_DIR, machine, progress, writeResult } from './lib/output.ts';
import { countPages } from './lib/project.ts';

const QUERIES = ['母婴安全', '托育', '留守儿童', '家庭暴力', '就业性别歧视', '孕产妇死亡率', '近视', '12338'];
const TIMEOUT_MS = 60_000;
const TRACE = process.argv.includes('--trace');
/** Wall-clock time of the first navigation, for --trace. */
let navStart = 0;

interface Probe {
  /** performance.now() when the query's first result (or its 找到 0 status) appeared. */
  at?: number;
}

/**
 * Installed before the page's own scripts: timestamps, in the page's clock, the moment a result
 * list item (or a zero-result status) appears, without the polling delay of waiting from outside.
 */
function installProbe(): void {
  const probe: Probe = {};
  (globalThis as unknown as { __probe: Probe }).__probe = probe;
  new MutationObserver(() => {
    if (probe.at !== undefined) return;
    const zero = /^找到 0 /.test(document.getElementById('status')?.textContent ?? '');
    if (document.querySelector('#results > li') || zero) probe.at = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Bytes and requests for search (Pagefind's bundles, the vocabulary) since the last reset; waits for requests still in flight. */
function trackPagefind(page: Page) {
  let bytes: Promise<number>[] = [];
  let inFlight = 0;
  const isPagefind = (url: string) => /^\/(pagefind|pagefind-shards)\/|^\/search-vocabulary\.json$/.test(new URL(url).pathname);
  page.on('request', (r) => {
    if (isPagefind(r.url())) inFlight++;
  });
  page.on('requestfailed', (r) => {
    if (isPagefind(r.url())) inFlight--;
  });
  page.on('requestfinished', (r) => {
    // --trace: each request's start and end (ms from navigation), to see the round trips in a row.
    if (TRACE) {
      const t = r.timing();
      const end = t.responseEnd > 0 ? t.responseEnd : 0;
      progress(`  ${new URL(r.url()).pathname.padEnd(52)} ${Math.round(t.startTime - navStart)}–${Math.round(t.startTime + end - navStart)} ms`);
    }
    if (!isPagefind(r.url())) return;
    inFlight--;
    bytes.push(r.sizes().then((s) => s.responseBodySize));
  });
  return {
    reset: () => void (bytes = []),
    async total(): Promise<{ bytes: number; requests: number }> {
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      const sizes = await Promise.all(bytes);
      return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
    },
  };
}

/** The first query loads the page with ?q=: time from navigation start. */
async function firstQuery(page: Page, base: string, q: string): Promise<number> {
  navStart = Date.now();
  await page.goto(`${base}/search/?${new URLSearchParams({ q })}`, { waitUntil: 'commit' });
  return probeTime(page, 0);
}

/** Later queries are typed into the box and submitted on the loaded page: time from submit. */
async function nextQuery(page: Page, q: string): Promise<number> {
  const submitted = await page.evaluate((query) => {
    (globalThis as unknown as { __probe: Probe }).__probe.at = undefined;
    (document.getElementById('q') as HTMLInputElement).value = query;
    const t0 = performance.now();
    (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
    return t0;
  }, q);
  return probeTime(page, submitted);
}

async function probeTime(page: Page, since: number): Promise<number> {
  const at = await page.waitForFunction(() => (globalThis as unknown as { __probe: Probe }).__probe.at, null, { timeout: TIMEOUT_MS });
  return Math.round((((await at.jsonValue()) as number) - since) * 10) / 10;
}

/** The count the status announces once the page is complete (the first results show before it). */
async function resultCount(page: Page): Promise<number> {
  await page.waitForFunction(() => /^找到 \d+/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: TIMEOUT_MS });
  return Number(/找到 (\d+)/.exec((await page.textContent('#status')) ?? '')?.[1] ?? 0);
}

/** The phone profile of issue 17, applied to one page through the DevTools Protocol. */
async function emulatePhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
}

export async function benchSearch(dist: string, phone = false, gzip = false): Promise<void> {
  const root = resolve(dist);
  const pages = await countPages(root);
  const server = await serve(root, { gzip });
  const browser = await launch();
  progress(`search: ${QUERIES.length} queries on ${root} (${pages} pages)${phone ? ', phone profile' : ''}${gzip ? ', gzip' : ''}`);
  try {
    const page = await browser.newPage(phone ? { viewport: { width: 390, height: 844 } } : {});
    if (phone) await emulatePhone(page);
    await page.addInitScript(installProbe);
    const traffic = trackPagefind(page);
    for (const [i, q] of QUERIES.entries()) {
      traffic.reset();
      const ms = i === 0 ? await firstQuery(page, server.url, q) : await nextQuery(page, q);
      const { bytes, requests } = await traffic.total();
      const results = await resultCount(page);
      // --trace: the search page's own stages (performance marks named kb:…), on the first query.
      if (TRACE && i === 0) {
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kb:')).map((m) => [m.name, Math.round(m.startTime)] as const));
        for (const [name, at] of [...marks, ['first result', Math.round(ms)] as const]) progress(`  ${name.padEnd(52)} ${at} ms`);
      }
      await writeResult(
        { date: new Date().toISOString(), machine: machine(), dist: root, pages, profile: phone ? 'phone' : 'desktop', gzip, query: q, loadsPagefind: i === 0, ms, results, bytes, requests },
        `${OUT_DIR}search.jsonl`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: npm run bench:search -- <dist dir>');
  await benchSearch(dist, process.argv.includes('--phone'), process.argv.includes('--gzip'));
}
