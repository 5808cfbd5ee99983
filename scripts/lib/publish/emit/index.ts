/**
 * Writes the knowledge base as Astro content-collection entries (content/generated/) and
 * open-data files (public/data/). Atomic: everything is staged in a temp sibling dir and
 * swapped in by rename, so a failed ingest never leaves half-written output. Deterministic:
 * the same KnowledgeBase gives byte-identical files.
 */
import { mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ItemEntry } from '../../../../src/lib/schemas.ts';
import { byCodePoint } from '../../../../src/lib/collation.ts';
import { DOMAINS } from '../../understand/domains.ts';
import type { KbDocument, KnowledgeBase } from '../../types.ts';
import { dataFileChunks } from './data.ts';
import { departmentEntries } from '../../relate/departments/entries.ts';
import { compareFileEntries } from './compare.ts';
import { addressIndex, withAroundFields } from './addresses.ts';
import { cityEntry, citySlug, documentEntry, domainEntry, fileSafe, itemEntry, relatedItems, topicEntry, type Placed } from './entries.ts';
import { documentBody, mdxFile } from './mdx.ts';
import { reportDocuments } from '../report/index.ts';
import { indicatorEntries } from '../../relate/indicators/entries.ts';

/** A JSON array with one entry per line: compact, and a rebuild's diff reads entry by entry. */
export function jsonLines(entries: readonly object[]): string {
  return entries.length ? `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n` : '[]\n';
}

/**
 * Relative path (under content/generated/) → file text, for every collection entry. Documents
 * and domains are MDX (a document's body is its whole text); items, cities and topics are data
 * entries in JSON arrays, rendered by .astro templates (see src/lib/json-loader.ts for why).
 */
export function generatedEntries(kb: KnowledgeBase): Map<string, string> {
  return new Map(generatedEntryFiles(kb));
}

/** `generatedEntries` one file at a time, in the same order: what writeGenerated writes as it goes. */
export function* generatedEntryFiles(kb: KnowledgeBase, phase: (name: string) => void = () => {}): Generator<[string, string]> {
  const docs = [...kb.documents].sort((a, b) => byCodePoint(a.id, b.id));
  const topics = [...kb.topics].sort((a, b) => byCodePoint(a.id, b.id));
  const placed = new Map<string, Placed>();
  for (const doc of docs) doc.items.forEach((item, order) => placed.set(item.id, { item, doc, order }));

  const topicOf = new Map<string, ItemEntry['topic']>();
  for (const t of topics) for (const id of t.items) if (!topicOf.has(id)) topicOf.set(id, { id: fileSafe(t.id), title: t.title });
  const related = relatedItems(kb.links, placed);
  const addresses = addressIndex(kb.addresses);

  for (const doc of docs) {
    yield [`documents/${doc.id}.mdx`, mdxFile(documentEntry(doc), documentBody(doc))];
    const items = doc.items.map((item) => withAroundFields(itemEntry(placed.get(item.id)!, topicOf.get(item.id) ?? null, related.get(item.id) ?? []), item, addresses));
    yield [`items/${doc.id}.json`, jsonLines(items)];
  }
  phase('写入文档与条目');
  const all = [...placed.values()];
  for (const d of DOMAINS) yield [`domains/${d.slug}.mdx`, mdxFile(domainEntry(d, all, topics, placed), [])];

  const byCity = new Map<string, KbDocument[]>();
  for (const doc of docs) byCity.set(citySlug(doc.city), [...(byCity.get(citySlug(doc.city)) ?? []), doc]);
  const cities = [...byCity].sort((a, b) => byCodePoint(a[0], b[0])).map(([slug, cityDocs]) => cityEntry(slug, cityDocs));
  yield ['cities/cities.json', jsonLines(cities)];
  phase('写入领域与城市');
  yield ['topics/topics.json', jsonLines(topics.map((t) => topicEntry(t, placed, related)))];
  phase('写入主题');
  yield ['departments/departments.json', jsonLines(departmentEntries(docs))];
  yield ['indicators/indicators.json', jsonLines(indicatorEntries(kb))];
  yield ['report/documents.json', jsonLines([...reportDocuments(kb.documents)].sort((a, b) => byCodePoint(a.id, b.id)))];
}

/**
 * Write each file as it comes (a file's text, or its pieces in order), so that only one file's
 * text is held at a time: the whole output is 2 GB at 1,000 documents (docs/scale.md).
 */
async function writeTree(dir: string, files: Iterable<readonly [string, string | Iterable<string>]>): Promise<number> {
  const made = new Set<string>();
  let count = 0;
  for (const [path, text] of files) {
    const file = join(dir, path);
    const parent = dirname(file);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    if (typeof text === 'string') await writeFile(file, text);
    else await writePieces(file, text);
    count++;
  }
  return count;
}

/** Pieces gathered up to about half a million characters per write (one to one and a half MB of UTF-8). */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    for (const piece of pieces) {
      pending.push(piece);
      length += piece.length;
      if (length >= 1 << 19) {
        await handle.write(pending.join(''));
        pending = [];
        length = 0;
      }
    }
    if (pending.length) await handle.write(pending.join(''));
  } finally {
    await handle.close();
  }
}

/** Put `staged` at `target`, moving any previous version aside first and deleting it after. */
async function swapIn(staged: string, target: string, trash: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  if (existsSync(target)) await rename(target, trash);
  await rename(staged, target);
}

/** Collections the ingest writes, one directory each under content/generated/. */
export const GENERATED_COLLECTIONS = ['documents', 'items', 'domains', 'cities', 'topics', 'departments', 'indicators', 'report'] as const;

export async function writeGenerated(kb: KnowledgeBase, rootDir: string, options: { onPhase?: (phase: string) => void } = {}): Promise<{ files: number }> {
  const phase = options.onPhase ?? (() => {});
  // The staging dir is a sibling of content/generated (same filesystem → rename is atomic);
  // .gitignore covers content/.generated-*/.
  await mkdir(join(rootDir, 'content'), { recursive: true });
  const stage = await mkdtemp(join(rootDir, 'content', '.generated-'));
  try {
    // Every collection directory exists even when empty, so Astro's glob loaders find it.
    // (A generator, not an array spread: each entry is written and dropped before the next is made.)
    const entries = await writeTree(
      join(stage, 'generated'),
      (function* () {
        for (const c of GENERATED_COLLECTIONS) yield [`${c}/.keep`, ''] as const;
        yield* generatedEntryFiles(kb, phase);
      })(),
    );
    phase('写入条目');
    const data = await writeTree(join(stage, 'data'), dataFileChunks(kb));
    phase('写入开放数据');
    const compare = await writeTree(join(stage, 'data'), compareFileEntries(kb));
    phase('写入对照文件');
    await swapIn(join(stage, 'generated'), join(rootDir, 'content', 'generated'), join(stage, 'old-generated'));
    await swapIn(join(stage, 'data'), join(rootDir, 'public', 'data'), join(stage, 'old-data'));
    return { files: entries - GENERATED_COLLECTIONS.length + data + compare };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
