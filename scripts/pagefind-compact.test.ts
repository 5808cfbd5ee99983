import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cbor } from './lib/testing/cbor.ts';
import { compactPageIds, pageId } from './pagefind-compact.ts';
import { parseMeta } from './pagefind-meta.ts';

const meta = (pages: unknown[]) => ['1.6.0', pages, [['0', '儿童', 'zh-cn_i1'], ['儿童节', '龙', 'zh-cn_i2']], [['city', 'zh-cn_f1']], [['date', [1, 0]]]];

/** A dist/ with one bundle whose meta lists `pages` ([hash, word count, group]) and a fragment file for each. */
function bundle(pages: [string, number, string][], fragments = pages.map(([h]) => h)): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'kb-compact-'));
  const dir = path.join(dist, 'pagefind-shards', '2');
  mkdirSync(path.join(dir, 'fragment'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { 'zh-cn': { hash: 'zh-cn_m', wasm: null, page_count: pages.length } } }));
  writeFileSync(path.join(dir, 'pagefind.zh-cn_m.pf_meta'), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(meta(pages))])));
  for (const h of fragments) writeFileSync(path.join(dir, 'fragment', `${h}.pf_fragment`), `fragment of ${h}`);
  return dist;
}
const readRaw = (dist: string) => gunzipSync(readFileSync(path.join(dist, 'pagefind-shards', '2', 'pagefind.zh-cn_m.pf_meta')));

describe('shorter page ids in a Pagefind bundle', () => {
  it('renumbers the pages in the meta’s order and renames their fragments, keeping the rest of the meta', async () => {
    // The second page's id is the first one's new id: renamed in place, its fragment would be overwritten.
    const pages: [string, number, string][] = [['zh-cn_7a2161e', 524, ''], ['2-0', 14, ''], ['zh-cn_e17df3d', 300, ''], ...Array.from({ length: 40 }, (_, k): [string, number, string] => [`zh-cn_${(k + 4096).toString(16)}aaa`, k, ''])];
    const dist = bundle(pages);
    const result = await compactPageIds(dist, path.join('pagefind-shards', '2'), 2);
    expect(result).toMatchObject({ pages: 43 });
    const raw = readRaw(dist);
    expect(raw).toEqual(Buffer.concat([Buffer.from('pagefind_dcd'), cbor(meta(pages.map(([, wc, g], n) => [pageId(2, n), wc, g])))]));
    const dir = path.join(dist, 'pagefind-shards', '2', 'fragment');
    expect(readdirSync(dir).sort()).toEqual(pages.map((_, n) => `${pageId(2, n)}.pf_fragment`).sort());
    pages.forEach(([h], n) => expect(readFileSync(path.join(dir, `${pageId(2, n)}.pf_fragment`), 'utf8')).toBe(`fragment of ${h}`));
    expect(pageId(2, 42)).toBe('2-16');
    // What the search page's head reads of the meta is unchanged.
    expect(parseMeta(readFileSync(path.join(dist, 'pagefind-shards', '2', 'pagefind.zh-cn_m.pf_meta')), 'm').chunks).toEqual(meta([])[2]);
    // Run again (as on a bundle already renumbered): nothing changes.
    await compactPageIds(dist, path.join('pagefind-shards', '2'), 2);
    expect(readRaw(dist)).toEqual(raw);
  });

  it('leaves a bundle whose fragments are grouped in shared files as it is', async () => {
    const dist = bundle([['zh-cn_aaa', 3, 'zh-cn_g1'], ['zh-cn_bbb', 4, 'zh-cn_g1']], ['zh-cn_g1']);
    const before = readRaw(dist);
    expect(await compactPageIds(dist, path.join('pagefind-shards', '2'), 2)).toBeUndefined();
    expect(readRaw(dist)).toEqual(before);
    expect(existsSync(path.join(dist, 'pagefind-shards', '2', 'fragment', 'zh-cn_g1.pf_fragment'))).toBe(true);
  });

  it('names the meta and the page when a listed page has no fragment, before renaming anything', async () => {
    const dist = bundle([['zh-cn_aaa', 3, ''], ['zh-cn_bbb', 4, '']], ['zh-cn_aaa']);
    await expect(compactPageIds(dist, path.join('pagefind-shards', '2'), 2)).rejects.toThrow(/\/pagefind-shards\/2\/pagefind\.zh-cn_m\.pf_meta 列出的页面 zh-cn_bbb 在 fragment\/ 中没有文件/);
    expect(existsSync(path.join(dist, 'pagefind-shards', '2', 'fragment', 'zh-cn_aaa.pf_fragment'))).toBe(true);
  });
});
