/**
 * The search page's head, completed once Pagefind has written its bundles: the files Pagefind
 * fetches first one after another (entry, then meta and wasm) are named only now, with their
 * hashes, so postbuild adds `<link rel="preload">`s for them and the list of extra bundles to
 * merge (no shards.json round trip). On a phone those round trips then overlap the page's own.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the search page reads at run time (src/scripts/pagefind.ts, element #kb-pagefind). */
export interface SearchBoot {
  /** Pagefind's metaCacheTag: the entry is fetched as pagefind-entry.json?ts=<tag>, so it can be preloaded. */
  tag: string;
  /** Extra bundles merged into the main one's search, as URL paths ending in /. */
  shards: string[];
}

interface Entry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/** Escaped for an HTML attribute value in double quotes. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The tags for the head: the main bundle's pagefind.js (modulepreload) and, for every bundle, its entry, and its meta and wasm when it has one language (with several, which one the
 * browser picks depends on the page). `bundles` are URL paths ending in /, the main one first.
 */
export function preloadTags(bundles: { url: string; entry: Entry }[], boot: SearchBoot): string {
  const fetchLink = (href: string) => `<link rel="preload" href="${attr(href)}" as="fetch" crossorigin>`;
  // In the head: a link in the page's body is found only once the parser gets there.
  const tags = [`<link rel="modulepreload" href="${attr(bundles[0]!.url)}pagefind.js">`];
  for (const { url, entry } of bundles) {
    tags.push(fetchLink(`${url}pagefind-entry.json?ts=${boot.tag}`));
    const langs = Object.values(entry.languages);
    if (langs.length !== 1) continue;
    tags.push(fetchLink(`${url}pagefind.${langs[0]!.hash}.pf_meta`), fetchLink(`${url}wasm.${langs[0]!.wasm ?? 'unknown'}.pagefind`));
  }
  // JSON in a script element: only "</" could end it early.
  tags.push(`<script type="application/json" id="kb-pagefind">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>`);
  return tags.join('');
}

/** A short hash of the bundles' entries: changes whenever any index does, so no stale entry is served from cache. */
export function bootTag(entries: string[]): string {
  const hash = createHash('sha256');
  for (const e of entries) hash.update(`${e}\0`);
  return hash.digest('hex').slice(0, 12);
}

const BLOCK = /<!--kb-pagefind-->[\s\S]*?<!--\/kb-pagefind-->/;

/** A page without the tags written here: what the index depends on (they change with the index, not with the page). */
export const withoutPreloads = (html: string) => html.replace(BLOCK, '');

/**
 * Writes the tags into `page` (dist/search/index.html) before </head>, replacing any from a
 * previous postbuild run. Throws, naming the page, when it has no </head>.
 */
export async function writeSearchPreloads(dist: string, page: string, bundleDirs: string[]): Promise<SearchBoot> {
  const raw = await Promise.all(bundleDirs.map((b) => readFile(path.join(dist, b, 'pagefind-entry.json'), 'utf8')));
  const bundles = bundleDirs.map((b, i) => ({ url: `/${b}/`, entry: JSON.parse(raw[i]!) as Entry }));
  const boot: SearchBoot = { tag: bootTag(raw), shards: bundles.slice(1).map((b) => b.url) };
  const file = path.join(dist, page);
  if (!existsSync(file)) throw new Error(`搜索索引：找不到搜索页 dist/${page}，无法写入预加载。请检查 src/pages/search.astro 后重新运行 npm run build。`);
  const html = withoutPreloads(await readFile(file, 'utf8'));
  if (!html.includes('</head>')) throw new Error(`搜索索引：搜索页 dist/${page} 中没有 </head>，无法写入预加载。请检查页面布局 src/layouts/Base.astro。`);
  await writeFile(file, html.replace('</head>', `<!--kb-pagefind-->${preloadTags(bundles, boot)}<!--/kb-pagefind--></head>`));
  return boot;
}
