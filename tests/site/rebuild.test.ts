/**
 * An editor adds a document and rebuilds (the one-partition build by document,
 * scripts/lib/build/by-document.ts): Astro renders again only the documents whose own pages
 * changed and the aggregate pages, the rest comes from the render store, the item pages get
 * their links filled in, and the site is the one a cold build gives, byte for byte.
 * In a throwaway copy of the project (bench/lib/project.ts), so the suite's output stays as it is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../../bench/lib/project.ts';
import { ROOT } from '../support/kb.ts';
import { filesUnder } from '../support/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-rebuild-'));
const site = path.join(work, 'site');
const seeds = path.join(work, 'seeds');
const seedNames = readdirSync(path.join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort();
// The speech joins last: a document of another kind than the plan, with items of its own.
const added = seedNames.find((f) => f.startsWith('004_'))!;

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(path.join(site, 'node_modules', '.bin', 'tsx'), [script, ...args], {
    cwd: site,
    env: { ...process.env, KB_SEEDS_DIR: seeds, KB_OUT_DIR: site, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}
const buildLine = (out: string) => out.split('\n').find((l) => l.startsWith('构建：')) ?? out;

const files = (dir: string) => filesUnder(dir);

let first = '';
let warm = '';
let cold = '';
beforeAll(async () => {
  await copySite(ROOT, site);
  mkdirSync(seeds);
  for (const f of seedNames) if (f !== added) copyFileSync(path.join(ROOT, 'seeds', f), path.join(seeds, f));
  run('scripts/ingest.ts', []);
  first = buildLine(run('scripts/build.ts', ['--skip-ingest', '--skip-search']));
  copyFileSync(path.join(ROOT, 'seeds', added), path.join(seeds, added));
  run('scripts/ingest.ts', []);
  warm = buildLine(run('scripts/build.ts', ['--skip-ingest', '--skip-search']));
  cold = buildLine(run('scripts/build.ts', ['--skip-ingest', '--skip-search'], { KB_CACHE: 'off', KB_DIST_DIR: path.join(work, 'cold') }));
  console.log(`rebuild after adding ${added}: ${warm}`);
}, 600_000);

describe('adding a document and rebuilding', () => {
  it('renders the whole site the first time, then only the documents whose pages changed', () => {
    expect(first).toMatch(/^构建：整站渲染/);
    const rendered = /^构建：渲染 (\d+) 份文档/.exec(warm);
    expect(rendered, warm).not.toBeNull();
    expect(Number(rendered![1])).toBeGreaterThanOrEqual(1);
    expect(Number(rendered![1])).toBeLessThan(seedNames.length);
    expect(warm).toContain(added.replace(/\.[^.]+$/, ''));
    expect(warm).toMatch(/其余 [1-9]\d* 份沿用上次/);
    expect(cold).toMatch(/^构建：整站渲染/);
  });

  it('gives the site a cold build gives, byte for byte, links filled in', () => {
    const warmDist = path.join(site, 'dist');
    const coldDist = path.join(work, 'cold');
    const list = files(warmDist);
    expect(list).toEqual(files(coldDist));
    const differ = list.filter((f) => !readFileSync(path.join(warmDist, f)).equals(readFileSync(path.join(coldDist, f))));
    expect(differ).toEqual([]);
    const items = list.filter((f) => /^items\/[^/]+\/index\.html$/.test(f));
    expect(items.length).toBeGreaterThan(600);
    for (const f of items) expect(readFileSync(path.join(warmDist, f), 'utf8'), f).not.toContain('<!--kb-item-');
    // The new document's items are on the site, with the related items the rest of the corpus gives them.
    const id = added.replace(/\.[^.]+$/, '');
    const own = items.filter((f) => f.startsWith(`items/${id}-`));
    expect(own.length).toBeGreaterThan(10);
    expect(own.some((f) => readFileSync(path.join(warmDist, f), 'utf8').includes('相关条目'))).toBe(true);
  });
});

// Then the document leaves again, rebuilt with runs of at most one page (KB_PARTITION_PAGES), so
// the changed documents are rendered one group each, as on a site past one partition. After the
// tests above, which compare the site with the document in it.
describe('removing it again, in runs smaller than a document', () => {
  let removed = '';
  beforeAll(() => {
    rmSync(path.join(seeds, added));
    run('scripts/ingest.ts', []);
    removed = buildLine(run('scripts/build.ts', ['--skip-ingest', '--skip-search'], { KB_PARTITION_PAGES: '1' }));
    run('scripts/build.ts', ['--skip-ingest', '--skip-search'], { KB_CACHE: 'off', KB_DIST_DIR: path.join(work, 'cold-removed') });
    console.log(`rebuild after removing ${added}, runs of at most one page: ${removed}`);
  }, 600_000);

  it('past one partition, renders the changed documents a group at a time and gives the cold build\'s site', () => {
    const rendered = /^构建：渲染 (\d+) 份文档.*（Astro (\d+) 次）/.exec(removed);
    expect(rendered, removed).not.toBeNull();
    // Every document is larger than a run of one page: one run each, and one for the aggregate pages.
    expect(Number(rendered![1])).toBeGreaterThanOrEqual(2);
    expect(Number(rendered![2])).toBe(Number(rendered![1]) + 1);
    expect(removed).toMatch(/其余 [1-9]\d* 份沿用上次/);
    const warmDist = path.join(site, 'dist');
    const coldDist = path.join(work, 'cold-removed');
    const list = files(warmDist);
    expect(list).toEqual(files(coldDist));
    expect(list.filter((f) => !readFileSync(path.join(warmDist, f)).equals(readFileSync(path.join(coldDist, f))))).toEqual([]);
    expect(list.some((f) => f.startsWith(`items/${added.replace(/\.[^.]+$/, '')}-`))).toBe(false);
  });
});
