/**
 * What one added document changes (bench --add-one): a hash of every item entry the ingest wrote
 * and of every HTML page in dist/, before and after the rebuild. Item entries that changed say
 * which documents' partitions had to be rendered again (their items' related lists took in the
 * new document); pages that changed say what a perfect incremental build would still rewrite.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Snapshot {
  /** item id → [document id, hash of its entry] */
  items: Map<string, [string, string]>;
  /** page path under dist/ → hash */
  pages: Map<string, string>;
}

export interface Changed {
  itemsBefore: number;
  /** Item entries that existed before and differ after (the new document's own are not counted). */
  items: number;
  /** Documents (other than the new one) with at least one changed item entry. */
  documents: number;
  pagesBefore: number;
  /** Pages that existed before and differ after. */
  pages: number;
  addedPages: number;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export async function snapshot(site: string): Promise<Snapshot> {
  const items = new Map<string, [string, string]>();
  const itemsDir = join(site, 'content', 'generated', 'items');
  for (const file of existsSync(itemsDir) ? (await readdir(itemsDir)).filter((f) => f.endsWith('.json')).sort() : []) {
    const text = await readFile(join(itemsDir, file), 'utf8');
    if (!text.trim()) continue;
    for (const entry of JSON.parse(text) as { id: string; docId: string }[]) {
      items.set(entry.id, [entry.docId, sha(JSON.stringify(entry))]);
    }
  }
  const pages = new Map<string, string>();
  const dist = join(site, 'dist');
  if (existsSync(dist)) {
    for (const f of (await readdir(dist, { recursive: true })) as string[]) {
      if (f.endsWith('.html') && !f.startsWith('pagefind')) pages.set(f, sha(await readFile(join(dist, f))));
    }
  }
  return { items, pages };
}

export function changedBetween(before: Snapshot, after: Snapshot): Changed {
  const documents = new Set<string>();
  let items = 0;
  for (const [id, [doc, hash]] of before.items) {
    const now = after.items.get(id);
    if (now && now[1] !== hash) {
      items++;
      documents.add(doc);
    }
  }
  let pages = 0;
  let addedPages = 0;
  for (const [f, hash] of after.pages) {
    const was = before.pages.get(f);
    if (was === undefined) addedPages++;
    else if (was !== hash) pages++;
  }
  return { itemsBefore: before.items.size, items, documents: documents.size, pagesBefore: before.pages.size, pages, addedPages };
}
