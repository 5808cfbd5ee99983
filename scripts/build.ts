/**
 * `npm run build`: ingest, Astro, search index, in partitions of a bounded number of pages
 * (docs/scale.md, "Partitions"; the planner and what each partition loads: src/lib/partition.ts).
 *
 *   npm run build                         ingest, every partition (one Astro process each), merge
 *   npm run build -- --partition k/N      one partition from the shared ingest output (no ingest)
 *   npm run build -- --merge              assemble dist/ from .kb-build/partitions/ and index it
 *
 * `npm run build` renders by document (lib/build/by-document.ts): only the documents whose pages
 * changed and the aggregate pages go through Astro, in runs of at most KB_PARTITION_PAGES pages
 * (default 35,000); item pages get their links after. A first build of a site of at most that
 * many pages is one `astro build`; past it, partitions of at most that many pages, as many at once
 * as the cores and the free memory allow (KB_PARTITION_JOBS), and the aggregate partition renders
 * its pages from item summaries (docs/scale.md, "Partitions"). `--partitions N` (and the matrix's
 * `--partition k/N`, `--merge`) build whole partitions instead: each partition's output is kept
 * with the hash of everything its pages show (its loaders' input, the site's code), and a
 * partition whose hash is unchanged is not built again. Options: --skip-ingest, --skip-search.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ownedByDocuments, partitionItems, partitionOf, planPartitions, PARTITION_ENV, type Plan } from '../src/lib/partition.ts';
import { buildByDocument } from './lib/build/by-document.ts';
import { fillPage, linksFragment, namedItems, readItemFiles, type Fragment } from './lib/build/fill.ts';
import { partitionJobs } from './lib/build/jobs.ts';
import { partitionKey } from './lib/build/key.ts';
import { filesUnder } from './lib/build/walk.ts';
import { writeSitemap } from './lib/build/sitemap.ts';
import { MAIN_BUNDLE } from './lib/search-outputs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const generated = path.join(root, 'content', 'generated');
// Where partitions write (astro.config.mjs reads the same) and where --merge assembles the site.
const PARTITIONS_DIR = path.join(path.resolve(root, process.env.KB_BUILD_DIR ?? '.kb-build'), 'partitions');
const DIST = path.resolve(root, process.env.KB_DIST_DIR ?? 'dist');
// Pages per partition (KB_PARTITION_PAGES overrides it): a site of at most this many pages is
// one plain `astro build`; past it, partitions of at most this many pages. Chosen from the
// measurements in docs/scale.md ("Measured"): a document partition of 35,000 pages peaks at
// about 3.2 GB, so two side by side stay under 8 GB, and each Astro process costs a fixed
// 20–60 s (content sync, bundling), so smaller partitions would cost more time.
const DEFAULT_PARTITION_PAGES = 35_000;
const MAX_PAGES = process.env.KB_PARTITION_PAGES ? Number(process.env.KB_PARTITION_PAGES) : DEFAULT_PARTITION_PAGES;
// The file a partition's Astro process creates once it has bundled (astro.config.mjs), and the
// one it waits for before its content sync ends (src/content.config.ts).
const BUNDLED_ENV = 'KB_PARTITION_BUNDLED';
const MAY_BUNDLE_ENV = 'KB_PARTITION_MAY_BUNDLE';
const USE_CACHE = process.env.KB_CACHE !== 'off';
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

// A document partition renders the site's static pages too (Astro cannot leave a static route
// out; build.ts keeps only the aggregate partition's copies), and those read collections that
// such a partition leaves empty; the aggregate partition leaves the items empty (its pages read
// summaries): Astro's notice about each is expected there, and dropped.
const EMPTY_COLLECTION = /(\d\d:\d\d:\d\d )?(\x1b\[[0-9;]*m)*\[WARN\](\x1b\[[0-9;]*m)* (\x1b\[[0-9;]*m)*\[content\](\x1b\[[0-9;]*m)* The collection "(items|cities|domains|topics|pages|report|departments|indicators)" does not exist or is empty\. Please check your content config file for errors\.(\x1b\[[0-9;]*m)*\n?/g;

/** `prefix`: put before each line of the child's output (partitions running side by side). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, quietEmpty = false, prefix = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const piped = quietEmpty || prefix !== '';
    const child = spawn(command, args, { cwd: root, stdio: piped ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    if (piped) {
      const shown = (text: string) => {
        const kept = quietEmpty ? text.replace(EMPTY_COLLECTION, '') : text;
        return prefix ? kept.replace(/^(?=.)/gm, prefix) : kept;
      };
      for (const [from, to] of [[child.stdout!, process.stdout], [child.stderr!, process.stderr]] as const) {
        let pending = '';
        from.setEncoding('utf8');
        from.on('data', (chunk: string) => {
          const text = pending + chunk;
          const cut = text.lastIndexOf('\n') + 1;
          pending = text.slice(cut);
          to.write(shown(text.slice(0, cut)));
        });
        from.on('end', () => pending && to.write(shown(pending)));
      }
    }
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`构建：${path.basename(command)} ${args.join(' ')} 失败（退出码 ${code}），见上方输出。`))));
  });
}

/** Every document's page count (items + its page + its source file), from the ingest output. */
async function documentPages(): Promise<{ id: string; pages: number }[]> {
  const dir = path.join(generated, 'items');
  if (!existsSync(dir)) throw new Error('构建：content/generated/items/ 不存在。请先运行 npm run ingest（或不带参数的 npm run build）。');
  const out: { id: string; pages: number }[] = [];
  for await (const { file, entries } of partitionItems(dir, undefined)) out.push({ id: file.replace(/\.json$/, ''), pages: entries.length + 2 });
  return out;
}

/** KB_PARTITION_PAGES, checked: every way of planning partitions reads it through here. */
function maxPages(): number {
  if (!(MAX_PAGES > 0)) throw new Error(`构建：KB_PARTITION_PAGES 应为正数（每个分区至多的页数），收到 ${process.env.KB_PARTITION_PAGES}。`);
  return MAX_PAGES;
}

async function plan(count?: number): Promise<Plan> {
  return planPartitions(await documentPages(), { maxPages: maxPages(), count });
}

const partitionDir = (k: number, n: number) => path.join(PARTITIONS_DIR, `${k}-of-${n}`);

async function markerKey(marker: string): Promise<string | undefined> {
  return existsSync(marker) ? (JSON.parse(await readFile(marker, 'utf8')) as { key?: string }).key : undefined;
}

/**
 * Build partition k of the plan unless its output for the same key is already there. Side by
 * side with others (buildPartitions), its content sync waits for `mayBundle` before it writes
 * the project's .astro/content-modules.mjs, and `bundled` is called once its Astro process has
 * bundled, so the next partition may go on.
 */
async function buildPartition(
  thePlan: Plan,
  k: number,
  side?: { mayBundle: Promise<void>; bundled: () => void; prefix: string },
  withLinks = true,
): Promise<{ reused: boolean; ms: number }> {
  const started = performance.now();
  const p = partitionOf(thePlan, k)!;
  const dir = partitionDir(k, thePlan.count);
  const key = await partitionKey(root, p);
  const marker = path.join(dir, 'partition.json');
  // The same pages built under another partition number (the count grew): move them here.
  if (USE_CACHE && (await markerKey(marker)) !== key) {
    for (const other of existsSync(PARTITIONS_DIR) ? await readdir(PARTITIONS_DIR) : []) {
      const from = path.join(PARTITIONS_DIR, other);
      if (from !== dir && (await markerKey(path.join(from, 'partition.json'))) === key) {
        // This directory's own output may be another partition's now: set aside, not deleted.
        if (existsSync(dir)) await rename(dir, path.join(PARTITIONS_DIR, `stale-${k}-${process.pid}-${Date.now()}`));
        await rename(from, dir);
        const moved = JSON.parse(await readFile(marker, 'utf8')) as Record<string, unknown>;
        await writeFile(marker, `${JSON.stringify({ ...moved, k, n: thePlan.count }, null, 1)}\n`);
        break;
      }
    }
  }
  if (USE_CACHE && (await markerKey(marker)) === key) {
    console.log(`构建：分区 ${k}/${thePlan.count}（${p.docs ? `${p.docs.length} 份文档` : '汇总页面'}）与上次相同，沿用 ${path.relative(root, dir)}/`);
    if (p.docs && withLinks) await writePartitionLinks(dir, p.docs);
    return { reused: true, ms: performance.now() - started };
  }
  await rm(marker, { force: true });
  await mkdir(dir, { recursive: true });
  console.log(`构建：分区 ${k}/${thePlan.count}（${p.docs ? `${p.docs.length} 份文档` : '汇总页面'}）…`);
  // Each partition's peak memory, where GNU time is there to measure it (docs/scale.md).
  const timeFile = path.join(dir, 'time.txt');
  const timed = existsSync('/usr/bin/time');
  const bundledFile = path.join(dir, 'bundled');
  const mayBundleFile = path.join(dir, 'may-bundle');
  await rm(bundledFile, { force: true });
  await rm(mayBundleFile, { force: true });
  void side?.mayBundle.then(() => writeFile(mayBundleFile, ''));
  const watch = setInterval(() => existsSync(bundledFile) && (clearInterval(watch), side?.bundled()), 250);
  const env = { [PARTITION_ENV]: JSON.stringify(p), ...(side && { [BUNDLED_ENV]: bundledFile, [MAY_BUNDLE_ENV]: mayBundleFile }) };
  try {
    await run(timed ? '/usr/bin/time' : bin('astro'), timed ? ['-f', '%M %e', '-o', timeFile, bin('astro'), 'build'] : ['build'], env, true, side?.prefix ?? '');
  } finally {
    clearInterval(watch);
    await rm(bundledFile, { force: true });
  }
  if (timed) {
    const [kb, s] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
    console.log(`构建：分区 ${k}/${thePlan.count} 完成，用时 ${s!.toFixed(1)} 秒，峰值内存 ${(kb! / 1024 / 1024).toFixed(2)} GB`);
  }
  // Written last: a partition interrupted half-way is never taken for a finished one.
  await writeFile(marker, `${JSON.stringify({ k, n: thePlan.count, docs: p.docs ?? null, key }, null, 1)}\n`);
  if (p.docs && withLinks) await writePartitionLinks(dir, p.docs);
  return { reused: false, ms: performance.now() - started };
}

/**
 * The links HTML of a document partition's item pages (src/lib/item-links.ts), beside its
 * output: --merge fills the pages from it, so the merging job needs no ingest output. Written
 * on every build, reused partition or not: other documents change it without changing the
 * partition's key.
 */
async function writePartitionLinks(dir: string, docs: string[]): Promise<void> {
  const all = await readItemFiles(path.join(generated, 'items'));
  const named = namedItems(all);
  const own = new Set(docs);
  const links: Record<string, Fragment> = {};
  for (const d of all) if (own.has(d.doc)) for (const i of d.entries) links[i.id] = linksFragment(i, named);
  await writeFile(path.join(dir, 'links.json.tmp'), JSON.stringify(links));
  await rename(path.join(dir, 'links.json.tmp'), path.join(dir, 'links.json'));
}

/** Hard links where the file system allows them (dist/ then costs no copy), else copies. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`构建：${path.relative(root, to)} 由两个分区写出。请删除 .kb-build/partitions/ 后重新运行 npm run build。`);
    await writeFile(to, await readFile(from));
  }
}

const SITEMAP = /^sitemap-(index|\d+)\.xml$/;

/**
 * dist/ from the partitions in .kb-build/partitions/: the document partitions' item, document and
 * source pages, the aggregate partition's everything else, and one sitemap of all pages.
 */
async function merge(only?: number): Promise<number> {
  const dirs = existsSync(PARTITIONS_DIR) ? await readdir(PARTITIONS_DIR) : [];
  const markers = (
    await Promise.all(dirs.map(async (d) => JSON.parse(await readFile(path.join(PARTITIONS_DIR, d, 'partition.json'), 'utf8').catch(() => 'null')) as { k: number; n: number } | null))
  ).filter((m, at) => m !== null && dirs[at] === `${m.k}-of-${m.n}`) as { k: number; n: number }[];
  const complete = [...new Set(markers.map((m) => m.n))].filter((c) => (only === undefined || c === only) && markers.filter((m) => m.n === c).length === c);
  if (complete.length > 1) throw new Error(`构建：.kb-build/partitions/ 中有 ${complete.map((c) => `${c} 个分区`).join('和')}的几套输出。请用 --partitions N 指明拼合哪一套。`);
  const n = complete[0];
  if (n === undefined) {
    const have = markers.map((m) => `${m.k}/${m.n}`).join('、') || '无';
    throw new Error(`构建：.kb-build/partitions/ 中没有一套完整的分区（现有：${have}）。请先运行 npm run build -- --partition k/N（k 取 1 到 N），再运行 --merge。`);
  }
  const dist = DIST;
  await rm(dist, { recursive: true, force: true });
  const urls: string[] = [];
  let sitemapHead = '';
  for (let k = 1; k <= n; k++) {
    const out = path.join(partitionDir(k, n), 'dist');
    const aggregate = k === n;
    const linksFile = path.join(partitionDir(k, n), 'links.json');
    if (!aggregate && !existsSync(linksFile)) throw new Error(`构建：${path.relative(root, linksFile)} 不存在（条目页的相关条目）。请用本版本重新运行 npm run build -- --partition ${k}/${n}。`);
    const links = aggregate ? {} : (JSON.parse(await readFile(linksFile, 'utf8')) as Record<string, Fragment>);
    for (const f of filesUnder(out)) {
      if (SITEMAP.test(f)) {
        const xml = await readFile(path.join(out, f), 'utf8');
        if (f === 'sitemap-index.xml') continue;
        sitemapHead ||= xml.slice(0, xml.indexOf('<url>'));
        for (const u of xml.match(/<url>[\s\S]*?<\/url>/g) ?? []) {
          const loc = /<loc>([^<]*)<\/loc>/.exec(u)![1]!;
          const file = `${new URL(loc).pathname.slice(1)}index.html`;
          if (ownedByDocuments(file) !== aggregate) urls.push(u);
        }
        continue;
      }
      if (ownedByDocuments(f) === aggregate) continue;
      const item = /^items\/([^/]+)\/index\.html$/.exec(f)?.[1];
      if (item !== undefined) {
        // Filled in here, so written, not linked: the partition's own file stays as Astro rendered it.
        if (links[item] === undefined) throw new Error(`构建：${path.relative(root, linksFile)} 中没有条目 ${item} 的相关条目。请重新运行 npm run build -- --partition ${k}/${n}。`);
        await mkdir(path.dirname(path.join(dist, f)), { recursive: true });
        await writeFile(path.join(dist, f), fillPage(await readFile(path.join(out, f), 'utf8'), links[item], f));
        continue;
      }
      await place(path.join(out, f), path.join(dist, f));
    }
  }
  await writeSitemap(dist, sitemapHead, urls);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Scheduling: how many partitions run at once (docs/scale.md, "Partitions").

/**
 * Every partition of the plan, `partitionJobs` at a time, each an Astro process of its own.
 * Astro writes the project's .astro/content-modules.mjs (which lists the partition's MDX
 * entries) at the end of its content sync and reads it while bundling, so a partition's sync
 * ends only once the partition started before it has bundled (src/content.config.ts waits for
 * the file `mayBundle` writes); loading the content and rendering, the long parts, overlap.
 * Each writes its own directory and merge() reads
 * them in partition order, so the output is the same whatever order they finish in. After a
 * failure no further partition starts; the running ones finish, then the first error is thrown.
 * `withLinks`: write each document partition's links.json for --merge (the by-document build
 * fills the pages itself).
 */
async function buildPartitions(thePlan: Plan, withLinks = true): Promise<number> {
  const insideProject = !path.relative(root, PARTITIONS_DIR).startsWith('..');
  const jobs = partitionJobs(thePlan.count, { pages: MAX_PAGES, cores: availableParallelism(), free: freemem(), insideProject, env: process.env });
  console.log(`构建：${thePlan.count} 个分区，同时构建 ${jobs} 个${insideProject ? '' : `（KB_BUILD_DIR 在项目目录之外，Astro 会把各分区的打包文件都写进项目的 .astro/，只能逐个构建；把 KB_BUILD_DIR 设在项目目录内即可同时构建）`}`);
  const queue = Array.from({ length: thePlan.count }, (_, at) => at + 1);
  let gate: Promise<void> = Promise.resolve();
  let reused = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    for (let k = queue.shift(); k !== undefined && errors.length === 0; k = queue.shift()) {
      const mayBundle = gate;
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      try {
        if ((await buildPartition(thePlan, k, { mayBundle, bundled: open, prefix: jobs > 1 ? `[${k}/${thePlan.count}] ` : '' }, withLinks)).reused) reused++;
      } catch (error) {
        errors.push(error);
      } finally {
        open();
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  if (errors.length) throw errors[0];
  return reused;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partition: { type: 'string' },
      partitions: { type: 'string' },
      merge: { type: 'boolean', default: false },
      'skip-ingest': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  if (values.partition) {
    const m = /^(\d+)\/(\d+)$/.exec(values.partition);
    if (!m) throw new Error(`构建：--partition 应写成 k/N（例如 --partition 1/4），收到 ${values.partition}。`);
    const [k, n] = [Number(m[1]), Number(m[2])];
    if (n < 2) throw new Error('构建：--partition 的 N 至少为 2；整站一次构建请直接运行 npm run build。');
    const thePlan = await plan(n);
    await buildPartition(thePlan, k);
    return;
  }
  if (values.merge) {
    const n = await merge(values.partitions ? Number(values.partitions) : undefined);
    console.log(`构建：已由 ${n} 个分区拼合 dist/`);
    if (!values['skip-search']) await run(bin('tsx'), ['scripts/postbuild.ts']);
    return;
  }
  if (!values['skip-ingest']) await run(bin('tsx'), ['scripts/ingest.ts']);
  const thePlan = values.partitions ? await plan(Number(values.partitions)) : undefined;
  if (thePlan === undefined || thePlan.count === 1) {
    const r = await buildByDocument({
      root,
      buildDir: path.dirname(PARTITIONS_DIR),
      dist: DIST,
      useCache: USE_CACHE,
      astro: (args, env, partial) => run(bin('astro'), args, env, partial),
      maxPages: maxPages(),
      runPlan: async (p) => void (await buildPartitions(p, false)),
    });
    console.log(
      `构建：${r.whole ? `整站渲染（${r.runs > 1 ? `${r.runs} 个分区，` : ''}${r.changed.length} 份文档有变）` : `渲染 ${r.rendered} 份文档${r.rendered > 0 && r.rendered <= 10 ? `（${r.changed.join('、')}）` : ''}${r.aggregateRendered ? '和汇总页面' : ''}${r.runs > 1 ? `（Astro ${r.runs} 次）` : ''}，其余 ${r.documents - r.rendered} 份沿用上次`}；${r.filled} 个条目页填入相关条目；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（读取 ${(r.ms.keys! / 1000).toFixed(1)}，Astro ${(r.ms.astro! / 1000).toFixed(1)}，填入 ${(r.ms.fill! / 1000).toFixed(1)}，拼合 ${(r.ms.assemble! / 1000).toFixed(1)}）→ ${path.relative(root, DIST) || '.'}/${r.assembled.inPlace ? `（写入 ${r.assembled.written} 个文件，删除 ${r.assembled.removed} 个，其余 ${r.assembled.kept} 个不变）` : ''}`,
    );
  } else {
    const reused = await buildPartitions(thePlan);
    // Outputs of another partition count are of no further use (and would make --merge ambiguous).
    for (const d of existsSync(PARTITIONS_DIR) ? await readdir(PARTITIONS_DIR) : []) {
      if (!d.endsWith(`-of-${thePlan.count}`)) await rm(path.join(PARTITIONS_DIR, d), { recursive: true, force: true });
    }
    await merge(thePlan.count);
    console.log(`构建：${thePlan.count} 个分区${!values.partitions ? `（每区至多约 ${MAX_PAGES} 页）` : ''}，其中 ${reused} 个与上次相同；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒 → dist/`);
  }
  if (!values['skip-search']) await run(bin('tsx'), ['scripts/postbuild.ts']);
  else if (existsSync(path.join(DIST, MAIN_BUNDLE))) {
    // dist/ is updated in place, and the search step's files are its own: they stay as they were.
    console.log(`构建：按 --skip-search 没有重建搜索索引；${path.relative(root, DIST) || '.'}/${MAIN_BUNDLE}/ 仍是上次构建的索引，可能与页面不一致（运行 npm run index-search 重建）。`);
  }
}

try {
  await main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
