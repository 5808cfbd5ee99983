/**
 * Filling item pages after Astro: the placeholder `astro build` renders where the addressed
 * measures and related items go (src/lib/item-links.ts) is replaced with their HTML, from the
 * ingest's item entries. Keeps Astro's item pages independent of other documents, so a new
 * document re-renders only its own pages (docs/scale.md, "Rebuilding what changed").
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { itemLinksHtml, itemTopicHtml, linkedItem, LINKS_PLACEHOLDER, TOPIC_PLACEHOLDER, type LinkedItem, type LinkingItem } from '../../../src/lib/item-links.ts';

export type ItemEntry = LinkedItem & LinkingItem & { docId: string } & Record<string, unknown>;

/** Every document's item entries (content/generated/items/<doc>.json), documents in id order. */
export async function readItemFiles(dir: string): Promise<{ doc: string; entries: ItemEntry[] }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out: { doc: string; entries: ItemEntry[] }[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    out.push({ doc: file.slice(0, -'.json'.length), entries: text.trim() ? (JSON.parse(text) as ItemEntry[]) : [] });
  }
  return out;
}

/** What the filled sections show of every item, by id. */
export function namedItems(docs: readonly { entries: readonly ItemEntry[] }[]): Map<string, LinkedItem> {
  const named = new Map<string, LinkedItem>();
  for (const d of docs) for (const i of d.entries) named.set(i.id, linkedItem(i));
  return named;
}

/** What replaces an item page's placeholders. */
export interface Fragment {
  topic: string;
  links: string;
}

export function linksFragment(item: LinkingItem, named: ReadonlyMap<string, LinkedItem>): Fragment {
  return { topic: itemTopicHtml(item), links: itemLinksHtml(item, (id) => named.get(id)) };
}

export const fragmentHash = (f: Fragment) => createHash('sha256').update(f.topic).update('\0').update(f.links).digest('base64url');

const once = (html: string, placeholder: string, text: string, file: string) => {
  const at = html.indexOf(placeholder);
  if (at < 0 || html.indexOf(placeholder, at + 1) >= 0) {
    throw new Error(`构建：${file} 中应恰有一处 ${placeholder}（条目页由其他文档决定的部分），实际${at < 0 ? '没有' : '多于一处'}。请检查 src/pages/items/[id].astro 后重新运行 npm run build。`);
  }
  return html.slice(0, at) + text + html.slice(at + placeholder.length);
};

/** The page with its placeholders filled; `file` names the page in the error. */
export function fillPage(html: string, fragment: Fragment, file: string): string {
  return once(once(html, TOPIC_PLACEHOLDER, fragment.topic, file), LINKS_PLACEHOLDER, fragment.links, file);
}
