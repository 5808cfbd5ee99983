import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootTag, preloadTags, writeSearchPreloads } from './search-preload.ts';

/** A dist/ with a search page and bundles whose entries name the given languages. */
function site(bundles: Record<string, Record<string, { hash: string; wasm: string | null }>>, head = '<head><title>搜索</title></head>'): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'kb-preload-'));
  mkdirSync(path.join(dist, 'search'));
  writeFileSync(path.join(dist, 'search', 'index.html'), `<!doctype html><html>${head}<body><h1>搜索</h1></body></html>`);
  for (const [dir, languages] of Object.entries(bundles)) {
    mkdirSync(path.join(dist, dir), { recursive: true });
    writeFileSync(path.join(dist, dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages }));
  }
  return dist;
}
const hrefs = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin>/g)].map((m) => m[1]);
const bootOf = (html: string) => JSON.parse(/<script type="application\/json" id="kb-pagefind">(.*?)<\/script>/.exec(html)![1]!) as { tag: string; shards: string[] };

describe('search page preloads', () => {
  it('preloads each bundle’s entry (with the tag Pagefind will ask for), meta and wasm, and lists the shards', async () => {
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
      '/pagefind-shards/1/wasm.zh-cn.pagefind',
    ]);
    expect(bootOf(html)).toEqual({ tag: boot.tag, shards: ['/pagefind-shards/1/'] });
    expect(html.match(/<link rel="modulepreload" href="[^"]+">/g)).toEqual(['<link rel="modulepreload" href="/pagefind/pagefind.js">']);
    // In the head, before the body.
    expect(html.indexOf('kb-pagefind')).toBeLessThan(html.indexOf('</head>'));
  });

  it('replaces its tags on a second run instead of adding more', async () => {
    const dist = site({ pagefind: { 'zh-cn': { hash: 'zh-cn_aaa', wasm: null } } });
    await writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind']);
    writeFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { 'zh-cn': { hash: 'zh-cn_ccc', wasm: null } } }));
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
    await expect(writeSearchPreloads(dist, path.join('search', 'index.html'), ['pagefind'])).rejects.toThrow(/dist\/search\/index\.html 中没有 <\/head>.*Base\.astro/);
    await expect(writeSearchPreloads(dist, path.join('nowhere', 'index.html'), ['pagefind'])).rejects.toThrow(/找不到搜索页 dist\/nowhere\/index\.html/);
  });
});
