import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED, SEEDS_DIR } from './lib/testing/seeds.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Run `npm run ingest` as an editor would, on another seeds folder and output folder. */
function ingest(seedsDir: string, outDir: string, env: Record<string, string> = { KB_CACHE: 'off' }) {
  return spawnSync('npm', ['run', '--silent', 'ingest'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KB_SEEDS_DIR: seedsDir, KB_OUT_DIR: outDir, ...env },
  });
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file, 'utf8'));
    }
  }
  return files;
}

describe('npm run ingest', () => {
  it('reports each document, then on bad input names the file and fix, exits 1 and keeps the previous output', async () => {
    const seeds = await mkdtemp(path.join(tmpdir(), 'kb-ingest-seeds-'));
    const out = await mkdtemp(path.join(tmpdir(), 'kb-ingest-out-'));
    await copyFile(path.join(SEEDS_DIR, SEED.jinganReport), path.join(seeds, SEED.jinganReport));

    const good = ingest(seeds, out);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(new RegExp(`${SEED.jinganReport}\\s+落实情况报告\\s+utf-8\\s+\\d+ 段\\s+10 条`));
    expect(good.stdout).toMatch(/关联 \d+ 毫秒/);
    // Every line the editor reads is Chinese: no English sentence of three words or more.
    for (const line of `${good.stdout}\n${good.stderr}`.split('\n')) expect(line, line).not.toMatch(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/i);
    const before = await snapshot(out);
    expect([...before.keys()].some((f) => f.startsWith(`content${path.sep}generated${path.sep}items${path.sep}`))).toBe(true);
    expect(before.has(path.join('public', 'data', 'items.json'))).toBe(true);

    await writeFile(path.join(seeds, 'broken.txt.meta.json'), '{"date":"27/6/2025"}');
    await writeFile(path.join(seeds, 'broken.txt'), '市人大常委会关于我市妇女儿童权益保障情况报告的审议意见\n');
    const bad = ingest(seeds, out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/收录失败，没有写入任何文件/);
    expect(bad.stderr).toMatch(/broken\.txt\.meta\.json："date" 应为“年-月-日”格式的真实日期.*实际是 "27\/6\/2025"。请改正这个值/);
    expect(await snapshot(out)).toEqual(before);
  }, 60_000);

  it('after adding a document re-parses only that one, and writes what a build from scratch writes', async () => {
    const seeds = await mkdtemp(path.join(tmpdir(), 'kb-ingest-seeds-'));
    const cache = await mkdtemp(path.join(tmpdir(), 'kb-ingest-cache-'));
    const [cachedOut, freshOut] = await Promise.all([mkdtemp(path.join(tmpdir(), 'kb-ingest-out-')), mkdtemp(path.join(tmpdir(), 'kb-ingest-out-'))]);
    await copyFile(path.join(SEEDS_DIR, SEED.jinganReport), path.join(seeds, SEED.jinganReport));
    const first = ingest(seeds, cachedOut, { KB_CACHE_DIR: cache });
    expect(first.stdout).toMatch(/中共 1 份文档，其中 0 份未变，重新读取 1 份/);

    await copyFile(path.join(SEEDS_DIR, SEED.ansanOpinion), path.join(seeds, SEED.ansanOpinion));
    const second = ingest(seeds, cachedOut, { KB_CACHE_DIR: cache });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/中共 2 份文档，其中 1 份未变，重新读取 1 份/);
    expect(ingest(seeds, freshOut).status).toBe(0);
    expect(await snapshot(cachedOut)).toEqual(await snapshot(freshOut));
  }, 60_000);
});
