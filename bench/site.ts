/**
 * End-to-end build benchmark (not a test): for each corpus size, synthesise a seeds/ directory,
 * build the site from it in a temp copy of the project (ingest → astro build → Pagefind, each a
 * child process timed and memory-watched), then build a plain Astro site with as many pages as
 * a baseline. One JSON line per size on stdout and in bench/out/results.jsonl; progress on
 * stderr. See bench/README.md. Run: `npm run bench -- [--sizes 5,30] [--search] [--keep]`.
 */
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus, type SyntheticDocument } from './lib/corpus.ts';
import { runStage, type StageRun } from './lib/measure.ts';
import { OUT_DIR, ROOT, machine, progress, seconds, writeResult } from './lib/output.ts';
import { copySite, countPages, sizeMb, writeBaseline } from './lib/project.ts';
import { benchSearch } from './search.ts';
import { changedBetween, snapshot, type Changed } from './lib/changes.ts';

const DEFAULT_SIZES = [5, 30, 100, 300];

interface Options {
  memLimitMb: number;
  keep: boolean;
  /** After each size, add one more document and time the rebuild (caches warm, as an editor's). */
  addOne: boolean;
  /** The stages to run, in build order: a later stage needs the earlier ones (`--stages ingest` stops after the ingest). */
  stages: Set<Stage>;
}

const STAGES = ['ingest', 'astro', 'pagefind', 'baseline'] as const;
type Stage = (typeof STAGES)[number];

/** What one size measured; stages that did not run stay undefined (and out of the JSON). */
interface Measured {
  documents: number;
  items?: number;
  pages?: number;
  ingest?: StageRun;
  linkMs?: number;
  emitMs?: number;
  astro?: StageRun;
  pagefind?: StageRun;
  distMb?: number;
  pagefindMb?: number;
  baseline?: StageRun & { pages: number };
  /** With --add-one: the rebuild after one more document joins the corpus. */
  addOne?: { ingest: StageRun; astro: StageRun; pagefind: StageRun; parsed?: number; partitionsReused?: number; documentsRendered?: number; changed?: Changed };
  /** Astro processes the build ran (scripts/build.ts: one per partition). */
  partitions?: number;
  failed?: string;
}

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Node 22 from node_modules first, as `npm run` does; no telemetry calls from Astro.
  return { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      search: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'add-one': { type: 'boolean', default: false },
      'mem-limit-gb': { type: 'string', default: '20' },
      stages: { type: 'string', default: STAGES.join(',') },
    },
  });
  const stages = values.stages.split(',').map((s) => s.trim());
  const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (unknown.length || !stages.includes('ingest')) throw new Error(`--stages: expected a list starting with ingest from ${STAGES.join(',')}, got ${values.stages}`);
  // Each stage reads the one before it, so the set is the prefix of the build order up to the last stage named.
  const last = Math.max(...stages.map((s) => STAGES.indexOf(s as Stage)));
  const sizes = values.sizes ? values.sizes.split(',').map(Number).sort((a, b) => a - b) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected document counts like 5,30, got ${values.sizes}`);
  const options: Options = { memLimitMb: Number(values['mem-limit-gb']) * 1024, keep: values.keep, addOne: values['add-one'], stages: new Set(STAGES.slice(0, last + 1)) };
  if (options.addOne && !options.stages.has('baseline')) throw new Error('--add-one rebuilds the whole site: run it with every stage');

  // The newest complete build stays on disk until the search benchmark has used it.
  let lastBuild: string | undefined;
  for (const documents of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `kb-bench-${documents}-`));
    const measured = await benchSize(documents, dir, options);
    await writeResult(toRecord(measured), join(OUT_DIR, 'results.jsonl'));
    if (!measured.failed) {
      if (lastBuild && !options.keep) await rm(lastBuild, { recursive: true, force: true });
      lastBuild = dir;
    } else if (!options.keep) await rm(dir, { recursive: true, force: true });
    if (measured.failed) {
      progress(`[${documents}] failed (${measured.failed}); larger sizes skipped`);
      process.exitCode = 1;
      break;
    }
  }
  if (values.search && lastBuild && options.stages.has('pagefind')) await benchSearch(join(lastBuild, 'site', 'dist'));
  if (lastBuild && !options.keep) await rm(lastBuild, { recursive: true, force: true });
  if (options.keep && lastBuild) progress(`kept: ${lastBuild}`);
}

/** Build one size in `dir` (site/, seeds/, baseline/); stops at the first failed stage. */
async function benchSize(documents: number, dir: string, options: Options): Promise<Measured> {
  const m: Measured = { documents };
  const site = join(dir, 'site');
  const seeds = join(dir, 'seeds');
  const logs = join(OUT_DIR, 'logs');
  await mkdir(logs, { recursive: true });
  const stage = (name: string, command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) => {
    progress(`[${documents}] ${name}…`);
    return runStage(name, command, args, { cwd, env: childEnv(env), logFile: join(logs, `${documents}-${name}.log`), memLimitMb: options.memLimitMb });
  };

  progress(`[${documents}] corpus and project copy in ${dir}`);
  const synthetic = await writeCorpus(join(ROOT, 'seeds'), seeds, documents);
  await copySite(ROOT, site);

  const firstWrite = watchFirstWrite([join(site, 'content'), join(site, 'public')]);
  m.ingest = await stage('ingest', bin('tsx'), ['scripts/ingest.ts'], site, { KB_SEEDS_DIR: seeds, KB_OUT_DIR: site });
  const ingestEnd = performance.now();
  const wroteAt = firstWrite.close();
  m.failed = m.ingest.failed;
  if (m.failed) return m;
  if (wroteAt !== undefined) m.emitMs = ingestEnd - wroteAt;
  Object.assign(m, await readIngestLog(join(logs, `${documents}-ingest.log`), synthetic, documents));
  report(documents, 'ingest', m.ingest, `${m.items} items`);
  if (!options.stages.has('astro')) return m;

  // The site's own build script, without its ingest and search steps (timed as their own stages).
  m.astro = await stage('astro', bin('tsx'), ['scripts/build.ts', '--skip-ingest', '--skip-search'], site);
  m.failed = m.astro.failed;
  if (m.failed) return m;
  m.pages = await countPages(join(site, 'dist'));
  m.partitions = (await readBuildLog(join(logs, `${documents}-astro.log`))).partitions;
  report(documents, 'astro', m.astro, `${m.pages} pages, ${m.partitions} partition(s)`);
  if (!options.stages.has('pagefind')) return m;

  m.pagefind = await stage('pagefind', bin('tsx'), ['scripts/postbuild.ts'], site);
  m.failed = m.pagefind.failed;
  if (m.failed) return m;
  m.distMb = await sizeMb(join(site, 'dist'));
  // Past 30,000 pages the index is written in shards beside the main bundle.
  m.pagefindMb = (await sizeMb(join(site, 'dist', 'pagefind'))) + (await sizeMb(join(site, 'dist', 'pagefind-shards')).catch(() => 0));
  report(documents, 'pagefind', m.pagefind, `dist ${m.distMb} MB, pagefind ${m.pagefindMb} MB`);
  if (!options.stages.has('baseline')) return m;

  const baselineDir = join(dir, 'baseline');
  await writeBaseline(ROOT, baselineDir, m.pages);
  const baseline = await stage('baseline', bin('astro'), ['build'], baselineDir);
  m.baseline = { ...baseline, pages: await countPages(join(baselineDir, 'dist')).catch(() => 0) };
  m.failed = baseline.failed;
  report(documents, 'baseline', baseline, `${m.baseline.pages} pages`);
  if (options.addOne && !m.failed) await rebuildWithOneMore(m, seeds, site, stage);
  return m;
}

/**
 * An editor adds one document to the corpus and rebuilds: the same project directory, so the
 * ingest's parse cache and Astro's content store from the first build are there, as they are on
 * the editor's machine.
 */
async function rebuildWithOneMore(m: Measured, seeds: string, site: string, stage: (name: string, command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) => Promise<StageRun>): Promise<void> {
  const documents = m.documents;
  await writeCorpus(join(ROOT, 'seeds'), seeds, documents + 1);
  const before = await snapshot(site);
  const ingest = await stage('add-one-ingest', bin('tsx'), ['scripts/ingest.ts'], site, { KB_SEEDS_DIR: seeds, KB_OUT_DIR: site });
  const log = await readFile(join(OUT_DIR, 'logs', `${documents}-add-one-ingest.log`), 'utf8');
  const parsed = Number(/重新读取 (\d+) 份/.exec(log)?.[1] ?? NaN); // the ingest's first line (scripts/ingest.ts)
  const astro = await stage('add-one-astro', bin('tsx'), ['scripts/build.ts', '--skip-ingest', '--skip-search'], site);
  const { reused, documentsRendered } = await readBuildLog(join(OUT_DIR, 'logs', `${documents}-add-one-astro.log`));
  const pagefind = await stage('add-one-pagefind', bin('tsx'), ['scripts/postbuild.ts'], site);
  const changed = changedBetween(before, await snapshot(site));
  m.addOne = { ingest, astro, pagefind, parsed: Number.isNaN(parsed) ? undefined : parsed, partitionsReused: reused, documentsRendered, changed };
  progress(
    `[${documents}] add one document: ingest ${seconds(ingest.ms)} (parsed ${parsed}), astro ${seconds(astro.ms)} (${documentsRendered === undefined ? `${reused} partition(s) reused` : `${documentsRendered} of ${documents + 1} documents rendered`}), pagefind ${seconds(pagefind.ms)}; ` +
      `changed: ${changed.items} of ${changed.itemsBefore} item entries in ${changed.documents} documents, ${changed.pages} of ${changed.pagesBefore} pages (${changed.addedPages} new)`,
  );
}

/**
 * From scripts/build.ts's summary line: partitions built and reused (`--partitions N`), or, by
 * document (the default), the partitions of a whole render and the documents rendered again.
 */
async function readBuildLog(file: string): Promise<{ partitions: number; reused: number; documentsRendered?: number }> {
  const log = await readFile(file, 'utf8');
  const m = /构建：(\d+) 个分区（[^）]*），其中 (\d+) 个与上次相同/.exec(log);
  if (m) return { partitions: Number(m[1]), reused: Number(m[2]) };
  const whole = /构建：整站渲染（(?:(\d+) 个分区，)?/.exec(log);
  if (whole) return { partitions: Number(whole[1] ?? 1), reused: 0 };
  const partial = /构建：渲染 (\d+) 份文档/.exec(log);
  return { partitions: 1, reused: 0, documentsRendered: partial ? Number(partial[1]) : undefined };
}

function report(documents: number, name: string, run: StageRun, detail: string): void {
  progress(`[${documents}] ${name}: ${seconds(run.ms)}, peak RSS ${run.peakRssMb} MB, ${detail}`);
}

/**
 * When the ingest starts writing. It reads and links everything in memory first and only then
 * emits (into content/ and public/), so the first change there marks the emit stage's start —
 * without knowing the generated files' names.
 */
function watchFirstWrite(dirs: string[]): { close(): number | undefined } {
  let at: number | undefined;
  const watchers = dirs.map((d) => watch(d, () => (at ??= performance.now())));
  return {
    close() {
      for (const w of watchers) w.close();
      return at;
    },
  };
}

/** Items and link-stage time from the ingest's summary; warns when a copy's city was not recognised. */
async function readIngestLog(file: string, synthetic: SyntheticDocument[], documents: number): Promise<Partial<Measured>> {
  const log = await readFile(file, 'utf8');
  const items = Number(/(\d+) 条条目，/.exec(log)?.[1] ?? NaN);
  const segmentMs = Number(/分词 (\d+) 毫秒/.exec(log)?.[1] ?? NaN);
  const linkMs = Number(/关联 (\d+) 毫秒/.exec(log)?.[1] ?? NaN);
  const cityless = synthetic.filter((d) => new RegExp(`${d.source.replaceAll('.', '\\.')}.*未知：.*城市`).test(log));
  const listed = synthetic.filter((d) => log.includes(d.source));
  if (cityless.length) progress(`[${documents}] warning: no city recognised for ${cityless.map((d) => `${d.source} (${d.city})`).join(', ')}`);
  else if (synthetic.length && listed.length === synthetic.length) progress(`[${documents}] metadata: a city for each of the ${synthetic.length} synthetic documents`);
  return { items: Number.isNaN(items) ? undefined : items, linkMs: Number.isNaN(segmentMs + linkMs) ? undefined : segmentMs + linkMs };
}

const round = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));

function toRecord(m: Measured): object {
  const stages = [m.ingest, m.astro, m.pagefind];
  const done = stages.every((s) => s && !s.failed);
  return {
    date: new Date().toISOString(),
    machine: machine(),
    documents: m.documents,
    items: m.items,
    pages: m.pages,
    ms: {
      ingest: round(m.ingest?.ms),
      link: round(m.linkMs),
      emit: round(m.emitMs),
      astro: round(m.astro?.ms),
      pagefind: round(m.pagefind?.ms),
      total: done ? round(stages.reduce((t, s) => t + s!.ms, 0)) : undefined,
    },
    peakRssMb: { ingest: m.ingest?.peakRssMb, astro: m.astro?.peakRssMb, pagefind: m.pagefind?.peakRssMb },
    partitions: m.partitions,
    peakRssMbMax: Math.max(0, ...stages.map((s) => s?.peakRssMb ?? 0)),
    distMb: m.distMb,
    pagefindMb: m.pagefindMb,
    baseline: m.baseline && { pages: m.baseline.pages, ms: round(m.baseline.ms), peakRssMb: m.baseline.peakRssMb },
    overheadRatio: m.astro && m.baseline && !m.baseline.failed ? Math.round((m.astro.ms / m.baseline.ms) * 100) / 100 : undefined,
    addOne: m.addOne && {
      parsed: m.addOne.parsed,
      ms: {
        ingest: round(m.addOne.ingest.ms),
        astro: round(m.addOne.astro.ms),
        pagefind: round(m.addOne.pagefind.ms),
        total: round(m.addOne.ingest.ms + m.addOne.astro.ms + m.addOne.pagefind.ms),
      },
      peakRssMb: { ingest: m.addOne.ingest.peakRssMb, astro: m.addOne.astro.peakRssMb, pagefind: m.addOne.pagefind.peakRssMb },
      partitionsReused: m.addOne.partitionsReused,
      documentsRendered: m.addOne.documentsRendered,
      changed: m.addOne.changed,
    },
    failed: m.failed,
  };
}

await main();
