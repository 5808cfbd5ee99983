/**
 * Open-data exports (dist/data/*.json and CSV twins). Keys in English, values as in the
 * documents. The field lists are in src/lib/open-data.ts, the schema the 数据下载 page shows.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_BOM, CSV_OPTIONS } from '../../../../src/lib/csv.ts';
import { DATA_SCHEMA, type DataName } from '../../../../src/lib/open-data.ts';
import { departmentUrl, documentUrl, itemUrl } from '../../../../src/lib/urls.ts';
import { itemName } from '../../../../src/lib/item-name.ts';
import { departmentEntries } from '../../relate/departments/entries.ts';
import type { KnowledgeBase } from '../../types.ts';
import { addressIndex } from './addresses.ts';
import { reportData, reportDocuments } from '../report/index.ts';
import { targetsOf } from '../../relate/indicators/entries.ts';


const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A page's address in the data files: absolute on the published site (KB_SITE_URL, as the
 * sitemap and feed use), so a downloaded CSV still links to its pages; the path otherwise.
 */
export function publicUrl(path: string, site = process.env.KB_SITE_URL): string {
  return site ? new URL(path, site).href : path;
}

/** Rows of each export, keys in schema order, entries sorted, so output is deterministic. */
export function dataRows(kb: KnowledgeBase): Record<DataName, Record<string, unknown>[]> {
  const sources = dataRowSources(kb);
  return Object.fromEntries((Object.keys(sources) as DataName[]).map((name) => [name, [...sources[name]()]])) as Record<DataName, Record<string, unknown>[]>;
}

/**
 * The rows of each export, made one at a time as they are written (each call starts again):
 * at 1,000 documents the items and links exports are a million rows, which held as objects and
 * then as one string each would be most of the ingest's memory (docs/scale.md).
 */
export function dataRowSources(kb: KnowledgeBase): Record<DataName, () => Iterable<Record<string, unknown>>> {
  const docs = [...kb.documents].sort(byId);
  const documents = () => docs.map((d) => ({
    id: d.id,
    title: d.title,
    city: d.city,
    province: d.province,
    level: d.level,
    kind: d.kind,
    date: d.date,
    docNumber: d.docNumber,
    source: d.source,
    sha256: d.sha256,
    url: publicUrl(documentUrl(d.id)),
    itemCount: d.items.length,
  }));
  // Items stay in document order (reading order), documents sorted by id.
  const addressed = addressIndex(kb.addresses);
  function* items() {
    for (const d of docs) {
      for (const i of d.items) {
        yield {
          id: i.id,
          docId: d.id,
          city: d.city,
          population: i.population,
          domain: i.domain,
          kind: i.kind,
          number: i.number,
          title: i.title,
          text: i.text,
          leadDepartments: i.leadDepartments,
          partnerDepartments: i.partnerDepartments,
          repeats: i.repeats ?? null,
          otherDomains: i.otherDomains ?? [],
          addresses: (addressed.from.get(i.id) ?? []).map((a) => a.id),
          url: publicUrl(itemUrl(i.id)),
        };
      }
    }
  }
  const sortedLinks = [...kb.links].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : b.score - a.score || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)));
  function* links() {
    for (const l of sortedLinks) yield { source: l.source, target: l.target, score: l.score, sharedTerms: l.sharedTerms };
  }
  const topics = () => [...kb.topics].sort(byId).map((t) => ({ id: t.id, title: t.title, domain: t.domain, items: t.items }));
  const departments = () => departmentEntries(kb.documents).map((d) => ({
    key: d.id,
    name: d.name,
    label: d.label,
    collective: d.collective,
    names: d.names.map((n) => n.name),
    leadCount: d.lead.length,
    partnerCount: d.partner.length,
    leadItems: d.lead,
    partnerItems: d.partner,
    cities: d.cities,
    url: publicUrl(departmentUrl(d.id)),
  }));
  // Targets by indicator, then document and reading order (the stage's order within one indicator).
  const indicators = () => {
    const itemOf = new Map(docs.flatMap((d) => d.items.map((i) => [i.id, i] as const)));
    return [...targetsOf(kb)]
      .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))
      .map((t) => {
        const item = itemOf.get(t.itemId);
        return {
          itemId: t.itemId,
          docId: t.docId,
          city: t.city,
          indicator: t.indicator,
          comparator: t.comparator,
          value: t.value,
          valueMax: t.valueMax,
          unit: t.unit,
          year: t.year,
          text: t.text,
          item: item ? itemName(item) : null,
          itemTitle: item?.title ?? null,
          url: publicUrl(itemUrl(t.itemId)),
        };
      });
  };
  return { documents, items, links, topics, departments, indicators };
}

/** CSV with a UTF-8 BOM (so Excel shows Chinese), quoted as src/lib/csv.ts says; arrays joined with `；`, null as empty. */
export function toCsv(name: DataName, rows: Iterable<Record<string, unknown>>): string {
  return [...csvChunks(name, rows)].join('');
}

/** Rows per piece of a streamed export: big enough that a piece is one write, small enough to hold. */
const ROWS_PER_CHUNK = 2000;

function* chunksOf<T>(rows: Iterable<T>): Generator<T[]> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** `toCsv` in pieces: the header with the first, every record ending in its delimiter, so the pieces join to the same text. */
export function* csvChunks(name: DataName, rows: Iterable<Record<string, unknown>>): Generator<string> {
  const columns = DATA_SCHEMA[name].map((f) => f.name);
  const options = { ...CSV_OPTIONS, quoted_match: [...CSV_OPTIONS.quoted_match], columns };
  const record = (r: Record<string, unknown>) =>
    columns.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.join('；');
      return String(v);
    });
  let first = true;
  for (const chunk of chunksOf(rows)) {
    yield (first ? CSV_BOM : '') + stringify(chunk.map(record), { ...options, header: first });
    first = false;
  }
  if (first) yield CSV_BOM + stringify([], { ...options, header: true });
}

/** `JSON.stringify(rows, null, 1)` of an array, in pieces of rows (JSON strings hold no raw newline, so indenting a row is a replace). */
export function* jsonArrayChunks(rows: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const chunk of chunksOf(rows)) {
    yield (first ? '[\n ' : ',\n ') + chunk.map((r) => JSON.stringify(r, null, 1).replaceAll('\n', '\n ')).join(',\n ');
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** All data files, relative path → content. */
export function dataFiles(kb: KnowledgeBase): Map<string, string> {
  return new Map([...dataFileChunks(kb)].map(([path, chunks]) => [path, [...chunks].join('')]));
}

/** The data files one after another, each as pieces of text: what writeGenerated streams to disk. */
export function* dataFileChunks(kb: KnowledgeBase): Generator<[string, Iterable<string>]> {
  const sources = dataRowSources(kb);
  for (const name of Object.keys(DATA_SCHEMA) as DataName[]) {
    yield [`${name}.json`, jsonArrayChunks(sources[name]())];
    yield [`${name}.csv`, csvChunks(name, sources[name]())];
  }
  // The editor's report (what was recognised, and warnings): not a table, so JSON only.
  yield ['ingest-report.json', [JSON.stringify(reportData(reportDocuments(kb.documents)), null, 1) + '\n']];
}
