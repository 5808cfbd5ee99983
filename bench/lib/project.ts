/**
 * Throwaway Astro projects for the benchmark: a copy of this site's sources, and a plain
 * baseline site. Both get their own node_modules directory of symlinks to the project's
 * packages: the packages are shared, but Astro's and Vite's caches (node_modules/.astro holds
 * the content layer's data store) stay in the temp dir, so every build is cold and the
 * project's own caches are never touched.
 */
import { cp, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** What `astro build` and the ingest/postbuild scripts read (the generated data is excluded). */
const SITE_SOURCES = ['src', 'content/pages', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const GENERATED = ['public/data'];
const CACHES = new Set(['.astro', '.vite', '.cache']);

export async function copySite(root: string, dir: string): Promise<void> {
  for (const source of SITE_SOURCES) {
    await cp(join(root, source), join(dir, source), {
      recursive: true,
      filter: (from) => !GENERATED.some((g) => isInside(relative(root, from), g)),
    });
  }
  await linkNodeModules(root, dir);
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

async function linkNodeModules(root: string, dir: string): Promise<void> {
  const from = join(root, 'node_modules');
  const to = join(dir, 'node_modules');
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (!CACHES.has(name)) await symlink(join(from, name), join(to, name));
  }
}

// A neutral passage of about 100 characters; each page shows three rotations of it.
const PASSAGE =
  '坚持男女平等基本国策，保障妇女儿童合法权益，促进妇女全面发展和儿童健康成长。各地结合实际制定规划，' +
  '明确目标任务和策略措施，健全工作机制，加强监测评估，推动规划各项目标如期实现，让发展成果更多更公平地惠及全体人民。';

/**
 * The smallest honest Astro site with `pages` pages of ~300 Chinese characters: one dynamic
 * route, no content collections, no integrations. What Astro costs for that many pages.
 */
export async function writeBaseline(root: string, dir: string, pages: number): Promise<void> {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'kb-bench-baseline', private: true, type: 'module' }, null, 2));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n`,
  );
  await writeFile(
    join(dir, 'src/pages/[id].astro'),
    `---
const PASSAGE = ${JSON.stringify(PASSAGE)};
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, k) => ({ params: { id: 'p' + k }, props: { k } }));
}
const { k } = Astro.props;
const text = [0, 1, 2].map((r) => { const at = (k * 7 + r * 31) % PASSAGE.length; return PASSAGE.slice(at) + PASSAGE.slice(0, at); }).join('');
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>第 {k} 页</title></head>
  <body><main><h1>第 {k} 页</h1><p>{text}</p></main></body>
</html>
`,
  );
  await linkNodeModules(root, dir);
}

/** Every file under `dir`, recursively. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Pages of a built site: its HTML files, whatever the routes are called. */
export async function countPages(dist: string): Promise<number> {
  return (await files(dist)).filter((f) => f.endsWith('.html')).length;
}

export async function sizeMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const f of await files(dir)) bytes += (await stat(f)).size;
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
