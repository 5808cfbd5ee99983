/**
 * `npm run build`: ingest, Astro, search index, in partitions of a bounded number of pages
 * (docs/scale.md, "Partitions"; the planner and what each partition loads: src/lib/partition.ts).
 *
 *   npm run build                         ingest, every partition (one Astro process each), merge
 *   npm run build -- --partition k/N      one partition from the shared ingest output (no ingest)
 *   npm run build -- --merge              assemble dist/ from .kb-build/partitions/ and index it
 *
 * A site of at most KB_PARTITION_PAGES pages (default 25,000) is one partition: plain
 * `astro build` into dist/, as before. Each partition's output is kept with the hash of
 * everything its pages show (its loaders' input, the site's code); a partition whose hash is
 * unchanged is not built again. Options: --partitions N (fix the count), --skip-ingest,
 * --skip-search.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ownedByDocuments,
  ownItemIds,
  partitionItems,
  partitionOf,
  planPartitions,
  projectDepartments,
  projectIndicators,
  PARTITION_ENV,
  type Partition,
  type Plan,
} from '../src/lib/partition.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const generated = path.join(root, 'content', 'generated');
const PARTITIONS_DIR = path.join(root, '.kb-build', 'partitions');
const MAX_PAGES = Number(process.env.KB_PARTITION_PAGES ?? 25_000);
const USE_CACHE = process.env.KB_CACHE !== 'off';
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
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

async function plan(count?: number): Promise<Plan> {
  return planPartitions(await documentPages(), { maxPages: MAX_PAGES, count });
}

const partitionDir = (k: number, n: number) => path.join(PARTITIONS_DIR, `${k}-of-${n}`);

/** Files under `dir`, relative and `/`-separated, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** What every page depends on: the site's code and settings. */
async function codeHash(hash: ReturnType<typeof createHash>): Promise<void> {
  hash.update(`env\0${process.env.KB_SITE_URL ?? ''}\0${process.env.KB_INCREMENTAL ?? ''}\0`);
  for (const source of ['src', 'content/pages', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) {
    const full = path.join(root, source);
    const files = (await stat(full)).isDirectory() ? (await filesUnder(full)).map((f) => path.join(source, f)) : [source];
    for (const f of files) {
      if (/\.test\.ts$/.test(f)) continue;
      hash.update(`${f}\0`).update(await readFile(path.join(root, f))).update('\0');
    }
  }
}

/**
 * The cache key of a partition: a hash of everything its pages show. A document partition's is
 * what its loaders load (src/content.config.ts reads the same functions): its items and the
 * items they name, its documents, its share of departments and indicators. The aggregate
 * partition's is the whole ingest output and public/.
 */
export async function partitionKey(p: Partition | undefined): Promise<string> {
  const hash = createHash('sha256');
  await codeHash(hash);
  hash.update(`partition\0${JSON.stringify(p ?? null)}\0`);
  if (p?.docs) {
    for await (const { file, entries } of partitionItems(path.join(generated, 'items'), p)) hash.update(`items/${file}\0${JSON.stringify(entries)}\0`);
    for (const doc of p.docs) hash.update(`documents/${doc}\0`).update(await readFile(path.join(generated, 'documents', `${doc}.mdx`)).catch(() => Buffer.from('missing'))).update('\0');
    const ids = await ownItemIds(path.join(generated, 'items'), p);
    const json = async (name: string) => JSON.parse(await readFile(path.join(generated, name, `${name}.json`), 'utf8').catch(() => '[]')) as never[];
    hash.update(`departments\0${JSON.stringify(projectDepartments(await json('departments'), ids))}\0`);
    hash.update(`indicators\0${JSON.stringify(projectIndicators(await json('indicators'), ids))}\0`);
  } else {
    for (const dir of ['content/generated', 'public']) {
      for (const f of await filesUnder(path.join(root, dir))) hash.update(`${dir}/${f}\0`).update(await readFile(path.join(root, dir, f))).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Build partition k of the plan unless its output for the same key is already there. */
async function buildPartition(thePlan: Plan, k: number): Promise<{ reused: boolean; ms: number }> {
  const started = performance.now();
  const p = partitionOf(thePlan, k)!;
  const dir = partitionDir(k, thePlan.count);
  const key = await partitionKey(p);
  const marker = path.join(dir, 'partition.json');
  if (USE_CACHE && existsSync(marker) && (JSON.parse(await readFile(marker, 'utf8')) as { key: string }).key === key) {
    console.log(`构建：分区 ${k}/${thePlan.count}（${p.docs ? `${p.docs.length} 份文档` : '汇总页面'}）与上次相同，沿用 ${path.relative(root, dir)}/`);
    return { reused: true, ms: performance.now() - started };
  }
  await rm(marker, { force: true });
  await mkdir(dir, { recursive: true });
  console.log(`构建：分区 ${k}/${thePlan.count}（${p.docs ? `${p.docs.length} 份文档` : '汇总页面'}）…`);
  await run(bin('astro'), ['build'], { [PARTITION_ENV]: JSON.stringify(p) });
  // Written last: a partition interrupted half-way is never taken for a finished one.
  await writeFile(marker, `${JSON.stringify({ k, n: thePlan.count, docs: p.docs ?? null, key }, null, 1)}\n`);
  return { reused: false, ms: performance.now() - started };
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
const SITEMAP_PAGE = 45_000; // @astrojs/sitemap's entries per file

/**
 * dist/ from the partitions in .kb-build/partitions/: the document partitions' item, document and
 * source pages, the aggregate partition's everything else, and one sitemap of all pages.
 */
async function merge(only?: number): Promise<number> {
  const dirs = existsSync(PARTITIONS_DIR) ? await readdir(PARTITIONS_DIR) : [];
  const markers = (
    await Promise.all(dirs.map(async (d) => JSON.parse(await readFile(path.join(PARTITIONS_DIR, d, 'partition.json'), 'utf8').catch(() => 'null')) as { k: number; n: number } | null))
  ).filter((m) => m !== null);
  const complete = [...new Set(markers.map((m) => m.n))].filter((c) => (only === undefined || c === only) && markers.filter((m) => m.n === c).length === c);
  if (complete.length > 1) throw new Error(`构建：.kb-build/partitions/ 中有 ${complete.map((c) => `${c} 个分区`).join('和')}的几套输出。请用 --partitions N 指明拼合哪一套。`);
  const n = complete[0];
  if (n === undefined) {
    const have = markers.map((m) => `${m.k}/${m.n}`).join('、') || '无';
    throw new Error(`构建：.kb-build/partitions/ 中没有一套完整的分区（现有：${have}）。请先运行 npm run build -- --partition k/N（k 取 1 到 N），再运行 --merge。`);
  }
  const dist = path.join(root, 'dist');
  await rm(dist, { recursive: true, force: true });
  const urls: string[] = [];
  let sitemapHead = '';
  for (let k = 1; k <= n; k++) {
    const out = path.join(partitionDir(k, n), 'dist');
    const aggregate = k === n;
    for (const f of await filesUnder(out)) {
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
      await place(path.join(out, f), path.join(dist, f));
    }
  }
  if (sitemapHead) {
    const loc = (u: string) => /<loc>([^<]*)<\/loc>/.exec(u)![1]!;
    // Astro lists pages route by route (routes in path order, a route's pages in its
    // getStaticPaths order, a section's index first): a stable sort on the section restores that
    // order from the partitions' lists, which keep documents in id order.
    const section = (u: string) => {
      const parts = new URL(loc(u)).pathname.split('/').filter(Boolean);
      return `${parts[0] ?? ''}\0${parts.length > 1 ? 1 : 0}`;
    };
    urls.sort((a, b) => (section(a) < section(b) ? -1 : section(a) > section(b) ? 1 : 0));
    const site = new URL(loc(urls[0]!)).origin;
    const names: string[] = [];
    for (let at = 0, s = 0; at < urls.length; at += SITEMAP_PAGE, s++) {
      names.push(`sitemap-${s}.xml`);
      await writeFile(path.join(dist, `sitemap-${s}.xml`), `${sitemapHead}${urls.slice(at, at + SITEMAP_PAGE).join('')}</urlset>`);
    }
    await writeFile(
      path.join(dist, 'sitemap-index.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${names.map((f) => `<sitemap><loc>${site}/${f}</loc></sitemap>`).join('')}</sitemapindex>`,
    );
  }
  return n;
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
  const thePlan = await plan(values.partitions ? Number(values.partitions) : undefined);
  if (thePlan.count === 1) {
    await run(bin('astro'), ['build']);
  } else {
    // Outputs of another partition count are of no further use (and would make --merge ambiguous).
    for (const d of existsSync(PARTITIONS_DIR) ? await readdir(PARTITIONS_DIR) : []) {
      if (!d.endsWith(`-of-${thePlan.count}`)) await rm(path.join(PARTITIONS_DIR, d), { recursive: true, force: true });
    }
    let reused = 0;
    for (let k = 1; k <= thePlan.count; k++) if ((await buildPartition(thePlan, k)).reused) reused++;
    await merge(thePlan.count);
    console.log(`构建：${thePlan.count} 个分区（每区至多约 ${MAX_PAGES} 页），其中 ${reused} 个与上次相同；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒 → dist/`);
  }
  if (!values['skip-search']) await run(bin('tsx'), ['scripts/postbuild.ts']);
}

try {
  await main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
