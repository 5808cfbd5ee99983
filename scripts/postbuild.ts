/**
 * After `astro build`: index dist/ with Pagefind (Node API). Pagefind's npm package runs the
 * binary from @pagefind/<platform>; we require the *extended* one, which segments Chinese
 * (the plain binary would index whole runs of Han characters as single words, so 母婴安全
 * would never match inside a sentence).
 *
 * Pagefind holds a whole index in memory while building it (about 90 KB per Chinese item page
 * with 1.6), so a large site is indexed in shards of at most KB_PAGEFIND_SHARD_PAGES pages,
 * one binary at a time: the first shard is the main bundle (dist/pagefind/), the others go to
 * dist/pagefind-shards/<n>/, listed in dist/pagefind/shards.json, and the search page merges
 * them into one search (Pagefind's mergeIndex).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const SHARD_PAGES = Number(process.env.KB_PAGEFIND_SHARD_PAGES ?? 30_000);
const MAIN_BUNDLE = 'pagefind';
const SHARDS_DIR = 'pagefind-shards';

// Pagefind's Node API runs `pagefind_extended` from its platform package when that package
// ships it (else the plain binary). Make sure it does, rather than index Chinese unsegmented.
const platformPackage = `@pagefind/${process.platform}-${process.arch}`;
let binary: string;
try {
  binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/pagefind_extended`);
} catch {
  throw new Error(`postbuild: ${platformPackage} has no pagefind_extended binary; Chinese would not be segmented. Reinstall with \`npm install\` on this platform.`);
}

/** Every HTML page of the site, as paths relative to dist/, in a stable order. */
async function htmlPages(): Promise<string[]> {
  const entries = (await readdir(dist, { recursive: true })) as string[];
  return entries
    .filter((f) => f.endsWith('.html') && !f.startsWith(MAIN_BUNDLE + path.sep) && !f.startsWith(SHARDS_DIR + path.sep))
    .sort();
}

const urlOf = (file: string) => `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, '');

/** Index `files` into a bundle at `outputPath`; returns how many pages got a search record. */
async function indexShard(files: string[], outputPath: string): Promise<number> {
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`postbuild: Pagefind createIndex failed: ${errors.join('; ')}`);
  // A few files in flight keep the binary busy without holding many pages in this process.
  for (let at = 0; at < files.length; at += 16) {
    const batch = files.slice(at, at + 16);
    const added = await Promise.all(
      batch.map(async (f) => index.addHTMLFile({ url: urlOf(f), content: await readFile(path.join(dist, f), 'utf8') })),
    );
    for (const [k, r] of added.entries()) {
      if (r.errors.length) throw new Error(`postbuild: Pagefind could not index ${batch[k]}: ${r.errors.join('; ')}`);
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`postbuild: Pagefind write failed: ${written.errors.join('; ')}`);
  // Ends the binary, and with it the memory this shard's index held.
  await pagefind.close();
  // Only pages with data-pagefind-body get a record (a fragment file).
  return (await readdir(path.join(outputPath, 'fragment'))).length;
}

const started = performance.now();
const pages = await htmlPages();
const shardCount = Math.max(1, Math.ceil(pages.length / SHARD_PAGES));
const perShard = Math.ceil(pages.length / shardCount);
await rm(path.join(dist, SHARDS_DIR), { recursive: true, force: true });
const extraBundles: string[] = [];
let indexed = 0;
for (let s = 0; s < shardCount; s++) {
  const bundle = s === 0 ? MAIN_BUNDLE : `${SHARDS_DIR}/${s}`;
  indexed += await indexShard(pages.slice(s * perShard, (s + 1) * perShard), path.join(dist, bundle));
  if (s > 0) extraBundles.push(`/${bundle}/`);
}
// The search page merges these into the main bundle's search.
await writeFile(path.join(dist, MAIN_BUNDLE, 'shards.json'), `${JSON.stringify(extraBundles)}\n`);

console.log(
  `postbuild: Pagefind (${path.basename(binary)}) read ${pages.length} pages, indexed ${indexed} in ${shardCount} shard(s) in ${((performance.now() - started) / 1000).toFixed(1)} s → dist/${MAIN_BUNDLE}/`,
);
if (indexed === 0 || !existsSync(path.join(dist, MAIN_BUNDLE, 'pagefind.js'))) {
  console.error('postbuild: no pages indexed (no data-pagefind-body found?)');
  process.exitCode = 1;
}
