/**
 * The search page's head, completed once Pagefind has written its bundles: the files Pagefind
 * fetches first one after another (entry, then meta and wasm) are named only now, with their
 * hashes, so postbuild adds `<link rel="preload">`s for them and the list of extra bundles to
 * merge (no shards.json round trip). On a phone those round trips then overlap the page's own.
 * The page's own modules' imports get modulepreloads (otherwise fetched only once the importing
 * module has arrived), and the index chunks' word ranges let a small inline script preload the
 * chunks of the query in the URL before any module runs.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFilter, readMeta, type BundleMeta, type ChunkRange } from './pagefind-meta.ts';

/** What the search page reads at run time (src/scripts/pagefind.ts, element #kb-pagefind). */
export interface SearchBoot {
  /** Pagefind's metaCacheTag: the entry is fetched as pagefind-entry.json?ts=<tag>, so it can be preloaded. */
  tag: string;
  /** Extra bundles merged into the main one's search, as URL paths ending in /. */
  shards: string[];
  /** Per bundle URL, its index chunks' word ranges (read by CHUNK_PRELOADER); bundles past CHUNK_MAP_BUDGET are left out. */
  chunks?: Record<string, ChunkRange[]>;
  /**
   * Per filter name, per value: the pages carrying it, over all bundles (what Pagefind's
   * `filters()` returns). The page lists the options from it without fetching the filter chunks.
   */
  filters?: Record<string, Record<string, number>>;
  /**
   * The filter chunks are larger than FILTER_COUNTS_BUDGET: the page fetches them (for the
   * options' counts of a query) only once a filter is used, not after every first query.
   */
  countsOnDemand?: true;
}

/**
 * Bytes of chunk ranges the page's head may carry. The seed site's one bundle needs about
 * 0.5 KB; a sharded site's later bundles past this load their chunks as before (after Pagefind
 * has started), so the page stays small.
 */
export const CHUNK_MAP_BUDGET = 24_000;

/**
 * Bytes of filter chunks (all bundles) the page fetches after a query's first results, for the
 * options' counts. The seed site's are about 5 KB; on 300 documents they are 840 KB, more than
 * the rest of a first query, so past this they wait until a filter is used.
 */
export const FILTER_COUNTS_BUDGET = Number(process.env.KB_SEARCH_FILTER_BUDGET ?? 64_000);

/**
 * Run in the search page's head, before any module: preloads the index chunks that Pagefind will
 * fetch for the query in the URL, so they download while the page's scripts, Pagefind's code and
 * wasm do. It mirrors Pagefind 1.6: the query normalised as `search()` in pagefind.js does (word
 * segments, punctuation dropped, lower case, diacritics stripped), each word looked up as
 * pagefind_web's `request_indexes` does (the chunk whose range holds it, in code point order).
 * A miss only costs the time it saves; tests/site/search-preload.test.ts checks both agree.
 */
export const CHUNK_PRELOADER = String.raw`(() => {
  try {
    const boot = JSON.parse(document.getElementById('kb-pagefind').textContent);
    const q = new URLSearchParams(location.search).get('q');
    if (!q || !boot.chunks) return;
    const punct = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
    const words = Array.from(new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(q), (s) => Array.from(s.segment).filter((c) => !punct.test(c)).join('').toLocaleLowerCase())
      .join(' ').split(/\s+/).filter(Boolean)
      .map((w) => w.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, ''));
    const cmp = (a, b) => {
      const x = Array.from(a), y = Array.from(b);
      for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
      return x.length - y.length;
    };
    for (const [url, ranges] of Object.entries(boot.chunks)) {
      const hashes = new Set();
      for (const w of words) {
        const hit = ranges.find(([from, to]) => cmp(w, from) >= 0 && cmp(w, to) <= 0);
        if (hit) hashes.add(hit[2]);
      }
      for (const hash of hashes) {
        const link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.fetchPriority = 'high';
        link.href = url + 'index/' + hash + '.pf_index';
        document.head.append(link);
      }
    }
  } catch {
    // Only a head start: Pagefind fetches what it needs anyway.
  }
})();`;

interface Entry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/** Escaped for an HTML attribute value in double quotes. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The tags for the head: the main bundle's pagefind.js (modulepreload) and wasm, and, for every bundle, its entry, and its meta when it has one language (with several, which one the
 * browser picks depends on the page). `bundles` are URL paths ending in /, the main one first.
 */
export function preloadTags(bundles: { url: string; entry: Entry; meta?: BundleMeta }[], boot: SearchBoot, modules: string[] = []): string {
  // Pagefind's code, entry, meta and wasm first: everything else waits for Pagefind to start,
  // while the index chunks are needed only once it has (on a slow link the browser then gives
  // the former the bandwidth first). No filter chunks: the options come from the boot JSON, and
  // their counts for a query are fetched after its first results (src/scripts/search.ts).
  const fetchLink = (href: string, priority: 'high' | 'low') => `<link rel="preload" href="${attr(href)}" as="fetch" crossorigin fetchpriority="${priority}">`;
  // In the head: a link in the page's body is found only once the parser gets there.
  const tags = modules.map((href) => `<link rel="modulepreload" href="${attr(href)}">`);
  tags.push(`<link rel="modulepreload" href="${attr(bundles[0]!.url)}pagefind.js" fetchpriority="high">`);
  for (const [i, { url, entry }] of bundles.entries()) {
    tags.push(fetchLink(`${url}pagefind-entry.json?ts=${boot.tag}`, 'high'));
    const langs = Object.values(entry.languages);
    if (langs.length !== 1) continue;
    tags.push(fetchLink(`${url}pagefind.${langs[0]!.hash}.pf_meta`, 'high'));
    // Only the main bundle's wasm runs: Pagefind merges the shards without loading theirs (55 KB each).
    if (i === 0) tags.push(fetchLink(`${url}wasm.${langs[0]!.wasm ?? 'unknown'}.pagefind`, 'high'));
  }
  // JSON in a script element: only "</" could end it early.
  tags.push(`<script type="application/json" id="kb-pagefind">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>`);
  if (boot.chunks && Object.keys(boot.chunks).length) tags.push(`<script>${CHUNK_PRELOADER}</script>`);
  return tags.join('');
}

/** A short hash of the bundles' entries: changes whenever any index does, so no stale entry is served from cache. */
export function bootTag(entries: string[]): string {
  const hash = createHash('sha256');
  for (const e of entries) hash.update(`${e}\0`);
  return hash.digest('hex').slice(0, 12);
}

const BLOCK = /<!--kb-pagefind-->[\s\S]*?<!--\/kb-pagefind-->/;

/** A page without the tags written here: what the index depends on (they change with the index, not with the page). */
export const withoutPreloads = (html: string) => html.replace(BLOCK, '');

/**
 * Writes the tags into `page` (dist/search/index.html) at the start of its head, replacing any
 * from a previous postbuild run. Throws, naming the page, when it has no <head>.
 */
export async function writeSearchPreloads(dist: string, page: string, bundleDirs: string[]): Promise<SearchBoot> {
  const raw = await Promise.all(bundleDirs.map((b) => readFile(path.join(dist, b, 'pagefind-entry.json'), 'utf8')));
  const bundles = bundleDirs.map((b, i) => ({ url: `/${b}/`, entry: JSON.parse(raw[i]!) as Entry }));
  const boot: SearchBoot = { tag: bootTag(raw), shards: bundles.slice(1).map((b) => b.url) };
  const metas = await Promise.all(bundles.map((b) => bundleMeta(dist, b)));
  const withMeta = bundles.map((b, i) => ({ ...b, meta: metas[i] }));
  const chunks = chunkMap(withMeta);
  if (Object.keys(chunks).length) boot.chunks = chunks;
  const filters = await filterTotals(dist, withMeta);
  if (filters) {
    boot.filters = filters.totals;
    if (filters.bytes > FILTER_COUNTS_BUDGET) boot.countsOnDemand = true;
  }
  const file = path.join(dist, page);
  if (!existsSync(file)) throw new Error(`搜索索引：找不到搜索页 dist/${page}，无法写入预加载。请检查 src/pages/search.astro 后重新运行 npm run build。`);
  const html = withoutPreloads(await readFile(file, 'utf8'));
  // First in the head, before the stylesheet: an inline script after a stylesheet waits for it.
  const at = /<head>(\s*<meta charset="[^"]*">)?/i.exec(html);
  if (!at) throw new Error(`搜索索引：搜索页 dist/${page} 中没有 <head>，无法写入预加载。请检查页面布局 src/layouts/Base.astro。`);
  const modules = await moduleImports(dist, html);
  const end = at.index + at[0].length;
  await writeFile(file, `${html.slice(0, end)}<!--kb-pagefind-->${preloadTags(withMeta, boot, modules)}<!--/kb-pagefind-->${html.slice(end)}`);
  return boot;
}

/** A single-language bundle's meta (several languages: which one loads depends on the page). */
async function bundleMeta(dist: string, { url, entry }: { url: string; entry: Entry }): Promise<BundleMeta | undefined> {
  const langs = Object.values(entry.languages);
  if (langs.length !== 1) return undefined;
  const meta = path.join(url, `pagefind.${langs[0]!.hash}.pf_meta`);
  return readMeta(path.join(dist, meta), `dist${meta}`);
}

/**
 * The filters' values and page counts over all bundles, read from their filter chunks, and the
 * chunks' bytes; undefined when a bundle's meta could not be read (the page then asks Pagefind).
 */
async function filterTotals(dist: string, bundles: { url: string; meta?: BundleMeta }[]): Promise<{ totals: Record<string, Record<string, number>>; bytes: number } | undefined> {
  if (bundles.some((b) => !b.meta)) return undefined;
  const totals: Record<string, Record<string, number>> = {};
  let bytes = 0;
  for (const { url, meta } of bundles) {
    for (const hash of meta!.filters) {
      const file = path.join(url, 'filter', `${hash}.pf_filter`);
      const raw = await readFile(path.join(dist, file));
      bytes += raw.length;
      const { name, counts } = parseFilter(raw, `dist${file}`);
      const into = (totals[name] ??= {});
      for (const [value, n] of Object.entries(counts)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return { totals, bytes };
}

/** The index chunks' word ranges of the bundles, in order, while they fit CHUNK_MAP_BUDGET. */
function chunkMap(bundles: { url: string; meta?: BundleMeta }[]): Record<string, ChunkRange[]> {
  const map: Record<string, ChunkRange[]> = {};
  let bytes = 0;
  for (const { url, meta } of bundles) {
    if (!meta) continue;
    bytes += JSON.stringify(meta.chunks).length;
    if (bytes > CHUNK_MAP_BUDGET) break;
    map[url] = meta.chunks;
  }
  return map;
}

/**
 * What the page's module scripts import statically, transitively, as URL paths: the browser
 * finds those only once the importing module has arrived, one round trip later.
 */
export async function moduleImports(dist: string, html: string): Promise<string[]> {
  const entries = [...html.matchAll(/<script type="module" src="(\/[^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set(entries);
  const found: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const file = path.join(dist, entries[i]!);
    if (!existsSync(file)) continue;
    // Vite's output: `import"./x.js"` and `from"./x.js"`; `import("./x.js")` is dynamic and left alone.
    for (const m of (await readFile(file, 'utf8')).matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const url = path.posix.join(path.posix.dirname(entries[i]!), m[1]!);
      if (seen.has(url)) continue;
      seen.add(url);
      entries.push(url);
      found.push(url);
    }
  }
  return found;
}
