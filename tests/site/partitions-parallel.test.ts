/**
 * `npm run build` past its page threshold: the seeds in partitions of at most 500 pages, two
 * Astro processes at a time (KB_PARTITION_PAGES, KB_PARTITION_JOBS), from the suite's ingest
 * output, taken into the render store (scripts/lib/build/by-document.ts). The site is the
 * one-process build's, byte for byte apart from Pagefind's bundle, the aggregate partition loaded
 * no items through the collections, and a second build from the same input runs no Astro at all.
 * The partitions write to a temp dir inside the project's .kb-build/ (KB_BUILD_DIR: outside the
 * project they would run one at a time, scripts/lib/build/jobs.ts), the site to a temp dir
 * (KB_DIST_DIR), so the suite's dist/ stays as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../support/kb.ts';
import { differingFiles, filesUnder } from '../support/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-partitions-parallel-'));
const dist = path.join(work, 'dist');
mkdirSync(path.join(ROOT, '.kb-build'), { recursive: true });
const buildDir = mkdtempSync(path.join(ROOT, '.kb-build', 'test-parallel-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
const env = { ...process.env, KB_BUILD_DIR: buildDir, KB_DIST_DIR: dist, KB_PAGEFIND_CACHE_DIR: path.join(work, 'cache'), KB_PARTITION_PAGES: '500', KB_PARTITION_JOBS: '2' };

const files = (dir: string) => filesUnder(dir, { withoutSearch: true });

const build = (args: string[]) => {
  const run = spawnSync('npx', ['tsx', 'scripts/build.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${run.stdout}\n${run.stderr}`;
  expect(run.status, out).toBe(0);
  return out;
};
let log = '';
let again = '';
beforeAll(() => {
  log = build(['--skip-ingest']);
  again = build(['--skip-ingest']);
}, 600_000);

describe('a build split by its page threshold, partitions side by side', () => {
  it('plans bounded partitions and runs two at a time, each ending its content sync once the one before has bundled', () => {
    const planned = /构建：(\d+) 个分区，同时构建 2 个/.exec(log);
    expect(planned, log).not.toBeNull();
    const count = Number(planned![1]);
    expect(count).toBeGreaterThanOrEqual(3);
    // A first build renders the whole site, in those partitions, into the render store.
    expect(log).toMatch(new RegExp(`构建：整站渲染（${count} 个分区，`));
    // Lines of partitions running at once carry their partition.
    expect(log).toMatch(/^\[1\/\d+\] .*generating static routes/m);
    // Partition 2 loads its content while partition 1 bundles, but ends its content sync (which
    // rewrites .astro/content-modules.mjs) only after partition 1's bundles are built.
    const lines = log.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const lastAt = (pattern: RegExp) => lines.findLastIndex((l) => pattern.test(l));
    expect(at(/^\[2\/\d+\] .*Syncing content/)).toBeLessThan(at(/^\[1\/\d+\] .*generating static routes/));
    expect(at(/^\[2\/\d+\] .*Synced content/)).toBeGreaterThan(lastAt(/^\[1\/\d+\] .*\[vite\].*built in/));
    // The aggregate partition's pages come from summaries: Astro's notice that its items collection is empty was expected and dropped.
    expect(log).not.toMatch(/The collection "items" does not exist or is empty/);
  });

  it('built again from the same input, renders nothing and keeps the site', () => {
    expect(again).toMatch(/构建：渲染 0 份文档，其余 \d+ 份沿用上次/);
    expect(again).not.toMatch(/Syncing content/);
    expect(differingFiles(files(dist), dist, DIST)).toEqual([]);
  });

  it('merges into the one-process site, byte for byte', () => {
    const merged = files(dist);
    expect(merged).toEqual(files(DIST));
    expect(differingFiles(merged, dist, DIST)).toEqual([]);
  });
});
