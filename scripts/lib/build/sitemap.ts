/**
 * One sitemap of every page, from the `<url>` entries of the Astro runs that rendered them
 * (partitions, or the per-document store), in the order one `astro build` lists them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const SITEMAP_PAGE = 45_000; // @astrojs/sitemap's entries per file

const loc = (u: string) => /<loc>([^<]*)<\/loc>/.exec(u)![1]!;

/**
 * The sitemap files (name → text) for `urls`, the `<url>` entries of every page. `head` is a
 * sitemap file's text before its first `<url>`. `urls` come documents in id order, the
 * aggregate pages after them. None when there is nothing to list.
 */
export function sitemapFiles(head: string, urls: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!head || urls.length === 0) return out;
  // Astro lists pages route by route (routes in path order, a route's pages in its
  // getStaticPaths order, a section's index first): a stable sort on the section restores that
  // order from lists that keep documents in id order.
  const section = (u: string) => {
    const parts = new URL(loc(u)).pathname.split('/').filter(Boolean);
    return `${parts[0] ?? ''}\0${parts.length > 1 ? 1 : 0}`;
  };
  // Each entry's section computed once (parsing URLs inside the comparison took seconds at 96,000).
  const sorted = urls
    .map((u) => ({ u, key: section(u) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.u);
  const site = new URL(loc(sorted[0]!)).origin;
  for (let at = 0, s = 0; at < sorted.length; at += SITEMAP_PAGE, s++) {
    out.set(`sitemap-${s}.xml`, `${head}${sorted.slice(at, at + SITEMAP_PAGE).join('')}</urlset>`);
  }
  const index = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[...out.keys()].map((f) => `<sitemap><loc>${site}/${f}</loc></sitemap>`).join('')}</sitemapindex>`;
  out.set('sitemap-index.xml', index);
  return out;
}

/** Write sitemapFiles(head, urls) into `dist`. */
export async function writeSitemap(dist: string, head: string, urls: readonly string[]): Promise<void> {
  for (const [name, text] of sitemapFiles(head, urls)) await writeFile(path.join(dist, name), text);
}
