/**
 * Item summaries: what the pages that aggregate across documents (home, cities, domains,
 * topics, departments, indicators) show of an item, and nothing more. The aggregate partition
 * of a partitioned build (src/lib/partition.ts) renders those pages from summaries read here,
 * one item file at a time, instead of loading every item through the content collections: at
 * 300 documents that was 5.5 GB and 90 s of content sync for about a thousand pages
 * (docs/scale.md, "Partitions").
 *
 * Plain data and node: only, no `astro:` imports, so the tests and the build share it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { itemEntry, type ItemEntry } from './schemas.ts';

/** The fields the aggregate pages read (src/pages/{index,cities,domains,topics,departments,indicators}, ItemList, DepartmentMeasures, DiffLegend). */
export const SUMMARY_FIELDS = ['id', 'docId', 'docTitle', 'order', 'cityName', 'citySlug', 'domain', 'kind', 'number', 'title', 'text', 'leadDepartments'] as const;

/**
 * `text` is the item's whole text where an aggregate page shows it (a topic's members, side by
 * side with their differences marked; a domain page that lists full texts; an item without a
 * title, which is named by the start of its text), and empty elsewhere.
 */
export type ItemSummary = Pick<ItemEntry, (typeof SUMMARY_FIELDS)[number]>;

const summarySchema = itemEntry.pick(Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, true])) as { [F in (typeof SUMMARY_FIELDS)[number]]: true });

/**
 * Whether an aggregate page shows the item's text: topic pages show every member's, a domain
 * page with few cities every item's (`fullTextDomains`: src/pages/domains/[slug].astro decides
 * which), and an item without a title is named by its text (`itemTitle`).
 */
export function showsText(i: Pick<ItemEntry, 'topic' | 'title' | 'domain'>, fullTextDomains: ReadonlySet<string>): boolean {
  return i.topic !== null || !i.title.trim() || (i.domain !== null && fullTextDomains.has(i.domain));
}

/** The summary of one item entry, as the ingest wrote it. */
export function summarise(i: ItemEntry, fullTextDomains: ReadonlySet<string>): ItemSummary {
  return {
    id: i.id,
    docId: i.docId,
    docTitle: i.docTitle,
    order: i.order,
    cityName: i.cityName,
    citySlug: i.citySlug,
    domain: i.domain,
    kind: i.kind,
    number: i.number,
    title: i.title,
    text: showsText(i, fullTextDomains) ? i.text : '',
    leadDepartments: i.leadDepartments,
  };
}

/**
 * Every item's summary from `dir` (content/generated/items/: one JSON array per document),
 * reading one file at a time so only the summaries stay in memory. The document partitions
 * validate the whole entries; here each summary is checked against the same schema's fields,
 * so a malformed file fails this partition too, naming the file.
 */
export async function readSummaries(dir: string, fullTextDomains: ReadonlySet<string>): Promise<ItemSummary[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out: ItemSummary[] = [];
  for (const file of files) {
    const entries = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ItemEntry[];
    if (!Array.isArray(entries)) throw new Error(`${path.join(dir, file)}：应为条目数组。请重新运行 npm run ingest。`);
    for (const entry of entries) {
      const checked = summarySchema.safeParse(entry);
      if (!checked.success) throw new Error(`${path.join(dir, file)}：条目 ${String((entry as { id?: unknown })?.id ?? '（无 id）')} 不合格式（${checked.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('；')}）。请重新运行 npm run ingest。`);
      out.push(summarise({ ...entry, ...checked.data }, fullTextDomains));
    }
  }
  return out;
}
