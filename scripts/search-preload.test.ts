import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cbor } from './lib/testing/cbor.ts';
import { parseFilter, parseMeta } from './pagefind-meta.ts';
import { bootTag, CHUNK_PRELOADER, FILTER_COUNTS_BUDGET, moduleImports, preloadTags, writeSearchPreloads } from './search-preload.ts';

const metaFile = (chunks: string[][], filters: string[][]) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(['1.6.0', [['p1', 300]], chunks, filters, []])]));
/** A filter chunk as Pagefind writes it: the filter's name, then each value with its pages' numbers. */
const filterFile = (name: string, values: [string, number[]][]) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor([name, values])]));

/** A dist/ with a search page and bundles whose entries name the given languages; each language's meta holds two chunks and one filter. */
function site(bundles: Record<string, Record<string, { hash: string; wasm: string | null }>>, head = '<head><title>搜索</title></head>'): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'kb-preload-'));
  mkdirSync(path.join(dist, 'search'));
  writeFileSync(path.join(dist, 'search', 'index.html'), `<!doctype html><html>${head}<body><h1>搜索</h1></body></html>`);
  for (const [dir, languages] of Object.entries(bundles)) {
    mkdirSync(path.join(dist, dir), { recursive: true });
    writeFileSync(path.join(dist, dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages }));
    for (const { hash } of Object.values(languages)) {
      writeFileSync(path.join(dist, dir, `pagefind.${hash}.pf_meta`), metaFile([['0', '儿童', `${hash}_i1`], ['儿童节', '龙', `${hash}_i2`]], [['city', `${hash}_f1`]]));
      mkdirSync(path.join(dist, dir, 'filter'), { recursive: true });
      writeFileSync(path.join(dist, dir, 'filter', `${hash}_f1.pf_filter`), filterFile('city', [['大安市', [0, 3, 7]], ['阜新市', [1]]]));
    }
  }
  return dist;
}

/** Runs the head's chunk preloader on a page whose URL has ?q=query; returns the hrefs it preloads. */
function preloaded(boot: object, query: string): string[] {
  const links: { href: string; rel: string; as: string; crossOrigin: string; fetchPriority: string }[] = [];
  const document = {
    getElementById: (id: string) => (id === 'kb-pagefind' ? { textContent: JSON.stringify(boot) } : null),
    createElement: () => ({ href: '', rel: '', as: '', crossOrigin: '', fetchPriority: '' }),
    head: { append: (l: (typeof links)[number]) => links.push(l) },
  };
  new Function('document', 'location', CHUNK_PRELOADER)(document, { search: `?${new URLSearchParams({ q: query })}` });
  for (const l of links) expect([l.rel, l.as, l.crossOrigin, l.fetchPriority]).toEqual(['preload', 'fetch', 'anonymous', 'high']);
  return links.map((l) => l.href);
}
const hrefs = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin fetchpriority="(?:high|low)">/g)].map((m) => m[1]);
const bootOf = (html: string) => JSON.parse(/<script type="application\/json" id="kb-pagefind">(.*?)<\/script>/.exec(html)![1]!) as { tag: string; shards: string[] };

describe('search page preloads', () => {
  it('preloads each bundle’s entry (with the tag Pagefind will ask for) and meta, the main bundle’s wasm only (shards are merged without theirs), and lists the shards', async () => {
    const dist = site({
      pagefind: { 'zh-cn': { hash: 'zh-cn_aaa', wasm: null } },
      'pagefind-shards/1': { 'zh-cn': { hash: 'zh-cn_bbb', wasm: 'zh-cn' } },
    });
    const boot = await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind', 'pagefind-shards/1']);
    const html = readFileSync(path.join(dist, 'search', 'index.html'), 'utf8');
    expect(hrefs(html)).toEqual([
      `/pagefind/pagefind-entry.json?ts=${boot.tag}`,
      '/pagefind/pagefind.zh-cn_aaa.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
      `/pagefind-shards/1/pagefind-entry.json?ts=${boot.tag}`,
      '/pagefind-shards/1/pagefind.zh-cn_bbb.pf_meta',
    ]);
    expect(bootOf(html)).toEqual({
      tag: boot.tag,
      shards: ['/pagefind-shards/1/'],
      chunks: {
        '/pagefind/': [['0', '儿童', 'zh-cn_aaa_i1'], ['儿童节', '龙', 'zh-cn_aaa_i2']],
        '/pagefind-shards/1/': [['0', '儿童', 'zh-cn_bbb_i1'], ['儿童节', '龙', 'zh-cn_bbb_i2']],
      },
      // Summed over the bundles, so the page lists the options without the filter chunks.
      filters: { city: { 大安市: 6, 阜新市: 2 } },
    });
    expect(html.match(/<link rel="modulepreload" href="[^"]+"[^>]*>/g)).toEqual(['<link rel="modulepreload" href="/pagefind/pagefind.js" fetchpriority="high">']);
    // Pagefind's start first; the filter chunks wait for the first results (src/scripts/search.ts).
    expect(html).toContain('pagefind.zh-cn_aaa.pf_meta" as="fetch" crossorigin fetchpriority="high"');
    expect(html).not.toContain('.pf_filter');
    // First in the head, before anything that would hold the inline script back.
    expect(html.indexOf('<!--kb-pagefind-->')).toBe(html.indexOf('<head>') + '<head>'.length);
    expect(html.indexOf(CHUNK_PRELOADER)).toBeLessThan(html.indexOf('<title>'));
  });

  it('preloads the chunks holding the words of the query in the URL, in each bundle, and nothing without a query', async () => {
    const dist = site({ pagefind: { 'zh-cn': { hash: 'a', wasm: null } }, 'pagefind-shards/1': { 'zh-cn': { hash: 'b', wasm: null } } });
    const boot = await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind', 'pagefind-shards/1']);
    // 儿童 ends the first chunk, 留守 (after 儿童节 in code point order) is in the second.
    expect(preloaded(boot, '儿童')).toEqual(['/pagefind/index/a_i1.pf_index', '/pagefind-shards/1/index/b_i1.pf_index']);
    expect(preloaded(boot, '留守儿童')).toEqual(expect.arrayContaining(['/pagefind/index/a_i2.pf_index']));
    // Punctuation and Latin case are dropped as Pagefind drops them.
    expect(preloaded(boot, '「儿童」')).toEqual(preloaded(boot, '儿童'));
    expect(preloaded(boot, '')).toEqual([]);
    expect(preloaded({ tag: 't', shards: [] }, '儿童')).toEqual([]);
  });

  it('has the page fetch the filter chunks for counts only once a filter is used when they are larger than the budget', async () => {
    const dist = site({ pagefind: { 'zh-cn': { hash: 'a', wasm: null } } });
    const many = Array.from({ length: 40_000 }, (_, i) => i * 7);
    writeFileSync(path.join(dist, 'pagefind', 'filter', 'a_f1.pf_filter'), filterFile('city', [['大安市', many]]));
    expect(statSync(path.join(dist, 'pagefind', 'filter', 'a_f1.pf_filter')).size).toBeGreaterThan(FILTER_COUNTS_BUDGET);
    const boot = await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind']);
    expect(boot.countsOnDemand).toBe(true);
    expect(boot.filters).toEqual({ city: { 大安市: 40_000 } });
    const small = await writeSearchPreloads(site({ pagefind: { 'zh-cn': { hash: 'b', wasm: null } } }), path.join('search', 'index.html'), ['pagefind']);
    expect(small.countsOnDemand).toBeUndefined();
  });

  it('reads a filter chunk’s values and page counts, and names the file when it is not one', () => {
    expect(parseFilter(filterFile('domain', [['儿童与健康', [1, 2, 300]], ['妇女与健康', []]]), 'f.pf_filter')).toEqual({ name: 'domain', counts: { 儿童与健康: 3, 妇女与健康: 0 } });
    expect(() => parseFilter(gzipSync(Buffer.from('nope')), 'dist/pagefind/filter/x.pf_filter')).toThrow(/dist\/pagefind\/filter\/x\.pf_filter 不是 Pagefind 的筛选分块/);
    expect(() => parseFilter(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(['city', ['大安市']])])), 'y.pf_filter')).toThrow(/y\.pf_filter 中没有筛选项的取值列表/);
  });

  it('reads the chunk ranges and filters of a meta file, and names the file when it is not one', () => {
    expect(parseMeta(metaFile([['a', 'b', 'h1']], [['city', 'f']]), 'x.pf_meta')).toEqual({ chunks: [['a', 'b', 'h1']], filters: ['f'] });
    expect(() => parseMeta(gzipSync(Buffer.from('not a meta file')), 'dist/pagefind/x.pf_meta')).toThrow(/dist\/pagefind\/x\.pf_meta 不是 Pagefind 的元数据文件/);
    expect(() => parseMeta(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(['1.6.0', []])])), 'y.pf_meta')).toThrow(/y\.pf_meta 中没有索引分块/);
  });

  it('modulepreloads what the page’s module scripts import, transitively, not what they import dynamically', async () => {
    const dist = site({});
    mkdirSync(path.join(dist, '_astro'));
    writeFileSync(path.join(dist, '_astro', 'page.js'), 'import{a}from"./shared.js";import"./side.js";const l=()=>import("./lazy.js");');
    writeFileSync(path.join(dist, '_astro', 'shared.js'), 'import"./deep.js";export const a=1;');
    writeFileSync(path.join(dist, '_astro', 'side.js'), 'import{a}from"./shared.js";');
    writeFileSync(path.join(dist, '_astro', 'deep.js'), '');
    expect(await moduleImports(dist, '<head><script type="module" src="/_astro/page.js"></script></head>')).toEqual(['/_astro/shared.js', '/_astro/side.js', '/_astro/deep.js']);
  });

  it('replaces its tags on a second run instead of adding more', async () => {
    const dist = site({ pagefind: { 'zh-cn': { hash: 'zh-cn_aaa', wasm: null } } });
    await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind']);
    writeFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { 'zh-cn': { hash: 'zh-cn_ccc', wasm: null } } }));
    writeFileSync(path.join(dist, 'pagefind', 'pagefind.zh-cn_ccc.pf_meta'), metaFile([['0', '龙', 'zh-cn_ccc_i1']], [['city', 'zh-cn_ccc_f1']]));
    writeFileSync(path.join(dist, 'pagefind', 'filter', 'zh-cn_ccc_f1.pf_filter'), filterFile('city', [['大安市', [0]]]));
    const boot = await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind']);
    const html = readFileSync(path.join(dist, 'search', 'index.html'), 'utf8');
    expect(hrefs(html)).toEqual([`/pagefind/pagefind-entry.json?ts=${boot.tag}`, '/pagefind/pagefind.zh-cn_ccc.pf_meta', '/pagefind/wasm.unknown.pagefind']);
    expect(html.match(/id="kb-pagefind"/g)).toHaveLength(1);
  });

  it('preloads only the entry of a bundle with several languages (the browser picks one by the page)', () => {
    const tags = preloadTags([{ url: '/pagefind/', entry: { languages: { 'zh-cn': { hash: 'a', wasm: null }, en: { hash: 'b', wasm: 'en' } } } }], { tag: 't1', shards: [] });
    expect(hrefs(tags)).toEqual(['/pagefind/pagefind-entry.json?ts=t1']);
  });

  it('keeps the boot JSON from closing its script element', () => {
    const tags = preloadTags([{ url: '/pagefind/', entry: { languages: {} } }], { tag: 't', shards: ['/a</script><b>/'] });
    expect(tags).not.toContain('</script><b>');
    expect(bootOf(tags).shards).toEqual(['/a</script><b>/']);
  });

  it('changes the tag whenever an entry changes, so a cached entry is never taken for the new one', () => {
    expect(bootTag(['{"a":1}'])).toBe(bootTag(['{"a":1}']));
    expect(bootTag(['{"a":1}'])).not.toBe(bootTag(['{"a":2}']));
    expect(bootTag(['{"a":1}', '{}'])).not.toBe(bootTag(['{"a":1}']));
  });

  it('names the page and the fix when the search page is missing or has no head', async () => {
    const dist = site({ pagefind: { 'zh-cn': { hash: 'h', wasm: null } } }, '');
    await expect(writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind'])).rejects.toThrow(/dist\/search\/index\.html 中没有 <head>.*Base\.astro/);
    await expect(writeSearchPreloads(dist, path.join('nowhere', 'index.html'), ['pagefind'])).rejects.toThrow(/找不到搜索页 dist\/nowhere\/index\.html/);
  });
});
