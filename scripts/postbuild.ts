/**
 * After `astro build`: index dist/ with Pagefind (Node API). Pagefind's npm package runs the
 * binary from @pagefind/<platform>; we require the *extended* one, which segments Chinese
 * (the plain binary would index whole runs of Han characters as single words, so 母婴安全
 * would never match inside a sentence).
 *
 * Pagefind holds a whole index in memory while building it (about 90 KB per Chinese item page
 * with 1.6), so a large site is indexed in shards of at most KB_PAGEFIND_SHARD_PAGES pages,
 * one binary at a time: the first shard is the main bundle (dist/pagefind/), the others go to
 * dist/pagefind-shards/<n>/, listed in dist/pagefind/shards.json, and the search page merges
 * them into one search (Pagefind's mergeIndex).
 *
 * Each bundle is kept in a cache under the hash of what it indexes, already compacted
 * (pagefind-compact.ts), and dist/'s copy is hard links to it, updated in place
 * (scripts/lib/build/assemble.ts): an unchanged bundle costs reading its pages and no writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { STRUCTURED_DOCUMENT_KINDS, type DocumentKind } from '../src/lib/vocabulary.ts';
import { assembleTree } from './lib/build/assemble.ts';
import { filesUnder } from './lib/build/walk.ts';
import { MAIN_BUNDLE, SHARDS_DIR } from './lib/search-outputs.ts';
import { compactPageIds } from './pagefind-compact.ts';
import { withoutPreloads, writeSearchPreloads } from './search-preload.ts';
import { writeSearchEnglish } from './search-english.ts';
import { writeSearchVocabulary } from './search-vocabulary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.resolve(root, process.env.KB_DIST_DIR ?? 'dist');
const SHARD_PAGES = Number(process.env.KB_PAGEFIND_SHARD_PAGES ?? 30_000);
// Bundles of unchanged pages are reused from here (KB_CACHE=off indexes everything anew).
const CACHE_DIR = path.resolve(root, process.env.KB_PAGEFIND_CACHE_DIR ?? 'node_modules/.cache/kb-pagefind');
const USE_CACHE = process.env.KB_CACHE !== 'off';

// Pagefind's Node API runs `pagefind_extended` from its platform package when that package
// ships it (else the plain binary). Make sure it does, rather than index Chinese unsegmented.
const platformPackage = `@pagefind/${process.platform}-${process.arch}`;
let binary: string;
try {
  binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/pagefind_extended`);
} catch {
  throw new Error(`搜索索引：${platformPackage} 中没有 pagefind_extended 程序，中文将无法分词。请在本机重新运行 \`npm install\`。`);
}

/** Every HTML page of the site, as paths relative to dist/, in a stable order. */
function htmlPages(): string[] {
  // Synchronous: on 96,000 pages the promise version takes 20 s, this one 2.
  const entries = readdirSync(dist, { recursive: true }) as string[];
  return entries
    .filter((f) => f.endsWith('.html') && !f.startsWith(MAIN_BUNDLE + path.sep) && !f.startsWith(SHARDS_DIR + path.sep))
    .sort();
}

const urlOf = (file: string) => `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, '');

/**
 * Pagefind's index chunk size for a bundle of `pages` pages (in its unit: a word's locations plus
 * one per page, summed over the chunk's words; 20,000 by default). A query fetches one chunk per
 * word and bundle, mostly other words' postings: on the seeds 85 KB for 母婴安全's three words.
 * Smaller chunks cut that but lengthen the chunk list every first query loads (the meta, and the
 * ranges in the search page's head), in proportion to the bundle's text: their sum is least
 * near the square root of the bundle's size, about 1,500 on the seeds' 1,125 pages.
 */
function indexChunkSize(pages: number): number {
  return Math.min(20_000, Math.max(500, Math.round(45 * Math.sqrt(pages))));
}

/** Index `files` into a bundle at `outputPath`; returns how many pages got a search record. */
async function indexShard(files: string[], outputPath: string): Promise<void> {
  await rm(outputPath, { recursive: true, force: true });
  // Read by the binary, which createIndex starts anew for each bundle (close() below ends it).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize(files.length));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`搜索索引：Pagefind 无法建立索引（${errors.join('; ')}）。请重新运行 npm run build。`);
  // A few files in flight keep the binary busy without holding many pages in this process.
  for (let at = 0; at < files.length; at += 16) {
    const batch = files.slice(at, at + 16);
    const added = await Promise.all(
      batch.map(async (f) => index.addHTMLFile({ url: urlOf(f), content: await readFile(path.join(dist, f), 'utf8') })),
    );
    for (const [k, r] of added.entries()) {
      if (r.errors.length) throw new Error(`搜索索引：Pagefind 无法索引 ${batch[k]}（${r.errors.join('; ')}）。请重新运行 npm run build。`);
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`搜索索引：Pagefind 写入索引失败（${written.errors.join('; ')}）。请检查磁盘空间后重新运行 npm run build。`);
  // Ends the binary, and with it the memory this shard's index held.
  await pagefind.close();
}

/** Pages a bundle indexed (only pages with data-pagefind-body get a record), from its entry file. */
async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

// A cached bundle is only as good as the binary that wrote it.
const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(binary), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** FNV-1a: a stable, fast string hash, to put a document's pages in the same shard every build. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

/**
 * Pages into bundles. A small site is one bundle. Past SHARD_PAGES, the pages that can change
 * with any new document form the main bundle: home, lists, domains, cities, and the items of
 * opinions, reports and speeches (their domain is inferred from the whole corpus, so a new plan
 * can change it). Items of plans and task lists, whose indexed text depends on their own
 * document only, go to shards by document: adding a document changes the main bundle and one shard.
 */
async function bundlesOf(pages: string[]): Promise<string[][]> {
  if (pages.length <= SHARD_PAGES) return [pages];
  const data = async <T>(name: string) => JSON.parse(await readFile(path.join(dist, 'data', `${name}.json`), 'utf8')) as T[];
  const kindOf = new Map((await data<{ id: string; kind: DocumentKind }>('documents')).map((d) => [d.id, d.kind]));
  const docOf = new Map((await data<{ id: string; docId: string }>('items')).map((i) => [i.id, i.docId]));
  const stableDoc = (f: string) => {
    const id = /^items[\\/]([^\\/]+)[\\/]index\.html$/.exec(f)?.[1];
    const doc = id === undefined ? undefined : docOf.get(id);
    return doc !== undefined && STRUCTURED_DOCUMENT_KINDS.has(kindOf.get(doc)!) ? doc : undefined;
  };
  const sharded = pages.filter((f) => stableDoc(f) !== undefined);
  // A power of two, so the number of shards (and which shard a document is in) only changes
  // when the number of item pages doubles: shards hold SHARD_PAGES/2 to SHARD_PAGES pages.
  const count = 2 ** Math.max(0, Math.ceil(Math.log2(sharded.length / SHARD_PAGES)));
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const f of sharded) shards[fnv1a(stableDoc(f)!) % count]!.push(f);
  return [pages.filter((f) => stableDoc(f) === undefined), ...shards.filter((s) => s.length > 0)];
}

/** Elements Pagefind skips (data-pagefind-ignore): simple ones, whose tag does not nest in itself. */
const IGNORED = /<(dt|dd|p|span|a)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;

/**
 * What a bundle's index depends on: each page's URL and the part Pagefind reads. For an item
 * page that is within its <article>: the item's text (data-pagefind-body) and its hidden search
 * record (meta and filters, src/components/ItemSearchRecord.astro). The key takes the article
 * without the elements marked data-pagefind-ignore: the related-items table around it, and the
 * topic link in it, change whenever links do, without changing what is indexed. The rest of the
 * article (heading, labels) is not indexed either but changes only with the item, so it may stay
 * in the key. For any other page, all of it.
 */
function bundleKey(files: string[], bundle: number): string {
  // The bundle's number too: the cached bundle is compacted, and its page ids carry the number.
  const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${indexChunkSize(files.length)}\0${bundle}\0`);
  for (const f of files) {
    const html = readFileSync(path.join(dist, f), 'utf8');
    const article = f.startsWith(`items${path.sep}`) ? /<article[\s\S]*<\/article>/.exec(html)?.[0]?.replace(IGNORED, '') : undefined;
    // The search page's preloads are written after indexing, from the index: not part of the key.
    hash.update(`${f}\0${article ?? withoutPreloads(html)}\0`);
  }
  return hash.digest('hex');
}

/**
 * A bundle from the cache when its pages' indexed content is unchanged, else indexed anew (and
 * compacted) into the cache; dist/<bundle> is then made hard links to the cached files.
 */
async function buildBundle(files: string[], bundle: string, s: number): Promise<{ indexed: number; reused: boolean }> {
  const key = bundleKey(files, s);
  usedKeys.add(key);
  const cached = path.join(CACHE_DIR, key);
  const reused = USE_CACHE && existsSync(path.join(cached, 'pagefind-entry.json'));
  if (!reused) {
    // Indexed under a temp name and renamed: a half-written bundle is never taken for a cached one.
    const staging = `${cached}.${process.pid}.tmp`;
    await indexShard(files, staging);
    await compactPageIds(path.dirname(staging), path.basename(staging), s);
    await rm(cached, { recursive: true, force: true });
    await rename(staging, cached);
  }
  // Never written through afterwards: shards.json and the search page are files of their own.
  const links = new Map(filesUnder(cached).map((f) => [f, { link: path.join(cached, f) }]));
  await assembleTree(path.join(dist, bundle), links);
  return { indexed: await indexedPages(cached), reused };
}

/** Bundles this build used; the cache keeps only these, so it does not grow build after build. */
const usedKeys = new Set<string>();

const started = performance.now();
const pages = htmlPages();
const bundles = await bundlesOf(pages);
await mkdir(CACHE_DIR, { recursive: true });
const extraBundles: string[] = [];
let indexed = 0;
let reused = 0;
for (const [s, files] of bundles.entries()) {
  const bundle = s === 0 ? MAIN_BUNDLE : `${SHARDS_DIR}/${s}`;
  const result = await buildBundle(files, bundle, s);
  indexed += result.indexed;
  if (result.reused) reused++;
  if (s > 0) extraBundles.push(`/${bundle}/`);
}
// Shards of an earlier build that this one does not have (the site shrank).
const shardsDir = path.join(dist, SHARDS_DIR);
for (const entry of existsSync(shardsDir) ? await readdir(shardsDir) : []) {
  if (!extraBundles.includes(`/${SHARDS_DIR}/${entry}/`)) await rm(path.join(shardsDir, entry), { recursive: true, force: true });
}
for (const entry of await readdir(CACHE_DIR)) if (!usedKeys.has(entry)) await rm(path.join(CACHE_DIR, entry), { recursive: true, force: true });
// The search page merges these into the main bundle's search (listed in its head too, with preloads).
await writeFile(path.join(dist, MAIN_BUNDLE, 'shards.json'), `${JSON.stringify(extraBundles)}\n`);
await writeSearchPreloads(dist, path.join('search', 'index.html'), [MAIN_BUNDLE, ...extraBundles.map((b) => b.slice(1, -1))]);

console.log(
  `搜索索引：Pagefind（${path.basename(binary)}）读取 ${pages.length} 个页面，索引 ${indexed} 个，分 ${bundles.length} 组，其中 ${reused} 组与上次构建相同；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒 → dist/${MAIN_BUNDLE}/`,
);
// The browser's did-you-mean and query rejoining (scripts/search-vocabulary.ts).
const vocabulary = await writeSearchVocabulary(dist);
console.log(`搜索词表：${vocabulary.words} 个词，${(vocabulary.bytes / 1024).toFixed(0)} KB（gzip ${(vocabulary.gzip / 1024).toFixed(0)} KB）→ dist/search-vocabulary.json`);
// English queries read as the index's words (scripts/search-english.ts, CC-CEDICT at build time only).
const english = await writeSearchEnglish(dist, vocabulary.vocabulary);
console.log(`英文检索词：${english.words} 个词，${(english.bytes / 1024).toFixed(0)} KB（gzip ${(english.gzip / 1024).toFixed(0)} KB）→ dist/search-english.json`);
if (indexed === 0 || !existsSync(path.join(dist, MAIN_BUNDLE, 'pagefind.js'))) {
  console.error('搜索索引：没有索引任何页面（页面中没有 data-pagefind-body？）。请检查页面模板。');
  process.exitCode = 1;
}
