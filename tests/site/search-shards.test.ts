/**
 * Past SHARD_PAGES the index is built in bundles (main pages, then item pages by document), each
 * reused from the cache while the text it indexes is unchanged, and merged into one search.
 * Run on a copy of the built site with a small shard size, so the seeds make three bundles, and
 * a filter budget of one byte, so the page treats its filter chunks as a large site's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, search } from '../support/browser.ts';
import { DIST, ROOT, loadKb } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-shards-'));
const dist = path.join(work, 'dist');
const env = { ...process.env, KB_DIST_DIR: dist, KB_PAGEFIND_SHARD_PAGES: '300', KB_PAGEFIND_CACHE_DIR: path.join(work, 'cache'), KB_SEARCH_FILTER_BUDGET: '1' };

/** Runs the postbuild step on the copy; returns [bundles, unchanged] from its summary line. */
function postbuild(): [number, number] {
  const run = spawnSync('npm', ['run', '--silent', 'index-search'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const m = /分 (\d+) 组，其中 (\d+) 组与上次构建相同/.exec(run.stdout);
  expect(m, run.stdout).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  cpSync(DIST, dist, { recursive: true });
  server = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Pagefind in shards', () => {
  let bundles = 0;
  it('merges the shards into one search: every query finds what the one-bundle site finds', async () => {
    let reused: number;
    [bundles, reused] = postbuild();
    expect(bundles).toBeGreaterThanOrEqual(2);
    expect(reused).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dist, 'pagefind', 'shards.json'), 'utf8'))).toHaveLength(bundles - 1);
    const kb = await loadKb();
    const fuxinMeasure = kb.documents.flatMap((d) => d.items).find((i) => i.title.includes('加强母婴安全保障'))!;
    const { page, errors } = await openPage(browser);
    const results = await search(page, server.url, '母婴安全');
    expect(results.map((r) => r.url).slice(0, 3)).toContain(`/items/${fuxinMeasure.id}/`);
    // Items of both plans (different documents, so possibly different shards) are found.
    const cities = new Set((await search(page, server.url, '留守儿童')).flatMap((r) => r.city.split('|')));
    expect(cities.has('阜新市') && cities.has('大安市')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reuses every bundle when nothing indexed changed, and re-indexes only the shard whose plan item changed', async () => {
    // A reused bundle is left as it is in dist/ (hard links to the cache), not copied again.
    const entry = path.join(dist, 'pagefind-shards', '1', 'pagefind-entry.json');
    const before = statSync(entry);
    expect(postbuild()).toEqual([bundles, bundles]);
    expect(statSync(entry).ino).toBe(before.ino);
    expect(statSync(entry).nlink).toBeGreaterThanOrEqual(2);
    // An item of a plan: plans' items live in the shards (other kinds' in the main bundle).
    const kb = await loadKb();
    const plan = kb.documents.find((d) => d.kind === 'plan')!;
    const file = path.join(dist, 'items', plan.items[0]!.id, 'index.html');
    const html = readFileSync(file, 'utf8');
    // Outside the indexed article (the related-items table changes whenever links do), or in an
    // element Pagefind ignores (the topic link): reused.
    writeFileSync(file, html.replace('</article>', '</article><p>相关条目已更新</p>').replace('<dd data-pagefind-ignore>', '<dd data-pagefind-ignore>另一主题 '));
    expect(postbuild()).toEqual([bundles, bundles]);
    // In the indexed text: that shard alone is indexed again.
    writeFileSync(file, html.replace('</h1>', '</h1><p>新增的一句话</p>'));
    expect(postbuild()).toEqual([bundles, bundles - 1]);
  });

  it('fetches large filter chunks only once a filter is used: the options list their values, then their counts', async () => {
    expect(readFileSync(path.join(dist, 'search', 'index.html'), 'utf8')).toContain('"countsOnDemand":true');
    const { page, errors } = await openPage(browser);
    const fetched: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('.pf_filter') && fetched.push(new URL(r.url()).pathname)));
    const results = await search(page, server.url, '留守儿童');
    expect(results.length).toBeGreaterThan(0);
    const labels = () => page.$$eval('select[data-filter="city"] option', (os) => os.slice(1).map((o) => o.textContent!));
    expect((await labels()).length).toBeGreaterThan(1);
    for (const label of await labels()) expect(label).not.toMatch(/（\d+）/);
    expect(fetched).toEqual([]);
    // About to choose a city: every bundle's filter chunks, then this query's counts.
    await page.focus('select[data-filter="city"]');
    await page.waitForFunction(() => /（\d+）$/.test(document.querySelector('select[data-filter="city"] option:nth-child(2)')?.textContent ?? ''), null, { timeout: 30_000 });
    expect(new Set(fetched.map((f) => f.replace(/filter\/.*$/, ''))).size).toBe(bundles);
    const counts = Object.fromEntries((await labels()).map((l) => [l.replace(/（\d+）$/, ''), Number(/（(\d+)）$/.exec(l)![1])]));
    const [city, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
    expect(n).toBeGreaterThan(0);
    await page.selectOption('select[data-filter="city"]', city);
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('city') === c && /^找到/.test(document.getElementById('status')?.textContent ?? ''), city, { timeout: 30_000 });
    const filtered = await page.$$eval('#results > li', (lis) => lis.map((li) => (li as HTMLElement).dataset.city ?? ''));
    expect(filtered.length).toBeGreaterThan(0);
    for (const c of filtered) expect(c.split('|')).toContain(city);
    expect(errors).toEqual([]);
  });
});
