/**
 * Vitest globalSetup for the site suite: build the real site once (ingest → astro build →
 * Pagefind). KB_SKIP_BUILD=1 reuses an existing dist/ (when you know it is fresh).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (process.env.KB_SKIP_BUILD === '1') {
    if (!existsSync(`${root}/dist/pagefind/pagefind.js`)) throw new Error('KB_SKIP_BUILD=1 but dist/ has no Pagefind index: run `npm run build`');
    return;
  }
  const started = Date.now();
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`npm run build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const summary = run.stdout.split('\n').filter((l) => /^(收录|搜索索引)：|page\(s\) built/.test(l));
  console.log(`site built in ${((Date.now() - started) / 1000).toFixed(0)} s\n${summary.join('\n')}`);
}
