/**
 * Search evaluation (not a test): run each query of bench/fixtures/search-eval.json on a built
 * dist/ with real Pagefind in headless Chromium, and count a success when one of the first 5
 * results is a page whose own indexed text (its data-pagefind-body) holds one of the query's
 * `find` words. Prints one JSON line per query (with --verbose) and one per group, and appends
 * the summary to bench/out/search-eval.jsonl.
 * Run: `npx tsx bench/search-eval.ts dist [--verbose] [--set heldout|heldout2|…|heldout6]` (the
 * held-out sets, bench/fixtures/search-heldout*.json; which of them were tuned on is in the
 * README's Search section).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/support/browser.ts';
import { serve } from '../tests/support/server.ts';
import { OUT_DIR, progress, writeResult } from './lib/output.ts';

export interface EvalQuery {
  q: string;
  find: string[];
}
export interface EvalSet {
  groups: Record<string, EvalQuery[]>;
}

const TOP = 5;

/** The text Pagefind indexed on a page: its data-pagefind-body element, tags dropped, spaces removed. */
export function bodyText(html: string): string {
  const at = html.search(/<[^>]+data-pagefind-body/);
  const part = at < 0 ? html : html.slice(at);
  return part.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
}

export const succeeds = (texts: string[], find: string[]) => texts.some((t) => find.some((w) => t.includes(w)));

export async function evaluate(dist: string, verbose = false, setName = 'eval'): Promise<Record<string, { ok: number; of: number }>> {
  const set = JSON.parse(await readFile(fileURLToPath(new URL(`fixtures/search-${setName}.json`, import.meta.url)), 'utf8')) as EvalSet;
  const server = await serve(resolve(dist));
  const browser = await launch();
  const pages = new Map<string, string>();
  const textOf = async (url: string) => {
    if (!pages.has(url)) pages.set(url, bodyText(await (await fetch(new URL(url, server.url))).text()));
    return pages.get(url)!;
  };
  const summary: Record<string, { ok: number; of: number }> = {};
  try {
    const page = await browser.newPage();
    for (const [group, queries] of Object.entries(set.groups)) {
      const s = (summary[group] = { ok: 0, of: queries.length });
      for (const { q, find } of queries) {
        await page.goto(`${server.url}/search/?${new URLSearchParams({ q })}`);
        await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
        const urls = (await page.$$eval('#results > li', (lis) => lis.map((li) => (li as HTMLElement).dataset.url ?? ''))).slice(0, TOP);
        const ok = succeeds(await Promise.all(urls.map(textOf)), find);
        if (ok) s.ok++;
        if (verbose) console.log(JSON.stringify({ group, q, ok, results: urls.length }));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return summary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: npx tsx bench/search-eval.ts <dist dir> [--verbose]');
  const at = process.argv.indexOf('--set');
  const setName = at > 0 ? process.argv[at + 1]! : 'eval';
  const summary = await evaluate(dist, process.argv.includes('--verbose'), setName);
  const total = Object.values(summary).reduce((a, g) => ({ ok: a.ok + g.ok, of: a.of + g.of }), { ok: 0, of: 0 });
  progress(Object.entries(summary).map(([g, s]) => `${g} ${s.ok}/${s.of}`).join(', ') + `; total ${total.ok}/${total.of}`);
  await writeResult({ date: new Date().toISOString(), dist: resolve(dist), set: setName, summary, total }, `${OUT_DIR}search-eval.jsonl`);
}
