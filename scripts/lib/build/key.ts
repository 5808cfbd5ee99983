/**
 * A partition's cache key (scripts/build.ts): the hash of everything its pages show, so a
 * partition whose key is unchanged need not be rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ownItemIds, partitionItems, projectDepartments, projectIndicators, shownOfNamed, type Partition } from '../../../src/lib/partition.ts';

/** Files under `dir`, relative and `/`-separated, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** What every page depends on: the site's code and settings. */
async function codeHash(root: string, hash: ReturnType<typeof createHash>): Promise<void> {
  hash.update(`env\0${process.env.KB_SITE_URL ?? ''}\0${process.env.KB_INCREMENTAL ?? ''}\0`);
  for (const source of ['src', 'content/pages', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) {
    const full = path.join(root, source);
    if (!existsSync(full)) continue;
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
export async function partitionKey(root: string, p: Partition | undefined): Promise<string> {
  const generated = path.join(root, 'content', 'generated');
  const hash = createHash('sha256');
  await codeHash(root, hash);
  // Which documents, not the partition's number: a partition that keeps its documents when
  // the partition count changes keeps its key (scripts/build.ts then moves its output).
  hash.update(`partition\0${JSON.stringify(p === undefined ? 'site' : (p.docs ?? 'aggregate'))}\0`);
  if (p?.docs) {
    const own = new Set(p.docs.map((d) => `${d}.json`));
    for await (const { file, entries } of partitionItems(path.join(generated, 'items'), p)) {
      hash.update(`items/${file}\0${JSON.stringify(own.has(file) ? entries : entries.map(shownOfNamed))}\0`);
    }
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

