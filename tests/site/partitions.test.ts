/**
 * A partitioned build of the seeds (`npm run build -- --partition 1/2`, `--partition 2/2`,
 * `--merge`, three processes from the suite's ingest output) yields the same site as the
 * one-process build: every file byte for byte apart from Pagefind's bundle, and a working search.
 * Written to a temp dir (KB_BUILD_DIR, KB_DIST_DIR), so the suite's dist/ stays as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, search } from '../support/browser.ts';
import { DIST, ROOT, loadKb } from '../support/kb.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { differingFiles, filesUnder, PAGEFIND_BOOT } from '../support/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-partitions-'));
const dist = path.join(work, 'dist');
const env = { ...process.env, KB_BUILD_DIR: path.join(work, 'build'), KB_DIST_DIR: dist, KB_PAGEFIND_CACHE_DIR: path.join(work, 'cache') };

function build(...args: string[]): string {
  const run = spawnSync('npx', ['tsx', 'scripts/build.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

const files = (dir: string) => filesUnder(dir, { withoutSearch: true });

let server: StaticServer;
let browser: Browser;
const logs: string[] = [];
beforeAll(async () => {
  logs.push(build('--partition', '1/2'), build('--partition', '2/2'), build('--merge'));
  server = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a build in two partitions', () => {
  it('renders each page in one partition and merges them into the same site, byte for byte', () => {
    expect(logs[0]).toMatch(/分区 1\/2（5 份文档）/);
    expect(logs[1]).toMatch(/分区 2\/2（汇总页面）/);
    expect(logs[2]).toMatch(/已由 2 个分区拼合/);
    const merged = files(dist);
    expect(merged).toEqual(files(DIST));
    // The search page's preload block names Pagefind's hashed bundle files, left out above as
    // Pagefind's own output: compare the pages without it, and check that the merge wrote one.
    expect(readFileSync(path.join(dist, 'search', 'index.html'), 'utf8')).toMatch(PAGEFIND_BOOT);
    expect(differingFiles(merged, dist, DIST)).toEqual([]);
  });

  it('a partition whose input did not change is not built again', () => {
    expect(build('--partition', '1/2')).toMatch(/分区 1\/2（5 份文档）与上次相同/);
  });

  it('searches the merged site', async () => {
    const kb = await loadKb();
    const fuxinMeasure = kb.documents.flatMap((d) => d.items).find((i) => i.title.includes('加强母婴安全保障'))!;
    const { page, errors } = await openPage(browser);
    const results = await search(page, server.url, '母婴安全');
    expect(results.map((r) => r.url).slice(0, 3)).toContain(`/items/${fuxinMeasure.id}/`);
    expect(errors).toEqual([]);
  });

  it('refuses to merge an incomplete set, naming what is there', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/build.ts', '--merge', '--partitions', '3'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/没有一套完整的分区（现有：.*1\/2/);
  });
});
