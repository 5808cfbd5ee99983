/**
 * The knowledge base as collection entries: one typed builder per collection, each returning
 * exactly the frontmatter its schema in src/lib/schemas.ts describes, so `tsc` catches a
 * field the pages expect and the emitter forgot.
 */
import type { CityEntry, DocumentEntry, DomainEntry, ItemEntry, RelatedItem, TopicEntry } from '../../../../src/lib/schemas.ts';
import { ITEM_KINDS, UNKNOWN_CITY, type Domain, type DomainName, type DomainSlug } from '../../../../src/lib/vocabulary.ts';
import { byChinese, byCodePoint } from '../../../../src/lib/collation.ts';
import { domainByName } from '../../understand/domains.ts';
import { slugify } from '../../ids.ts';
import type { KbDocument, Link, Replaced, Topic } from '../../types.ts';
import { itemCuts, topicReference } from './differences.ts';
import type { Placed } from './placed.ts';

export type { Placed } from './placed.ts';

export const cityName = (city: string | null) => city ?? UNKNOWN_CITY.name;
export const citySlug = (city: string | null) => (city ? slugify(city) : UNKNOWN_CITY.slug);
/** Topic ids are ASCII already; anything else is slugged so it can be a file and a URL. */
export const fileSafe = (id: string) => (/^[A-Za-z0-9_-]+$/.test(id) ? id : slugify(id));
const domainSlug = (name: DomainName | null): DomainSlug | null => (name ? (domainByName(name)?.slug ?? null) : null);

export function documentEntry(doc: KbDocument): DocumentEntry {
  return {
    id: doc.id,
    title: doc.title,
    issuer: doc.issuer,
    city: doc.city,
    cityName: cityName(doc.city),
    citySlug: citySlug(doc.city),
    province: doc.province,
    level: doc.level,
    kind: doc.kind,
    date: doc.date,
    docNumber: doc.docNumber,
    populations: doc.populations,
    source: doc.source,
    sha256: doc.sha256,
    encoding: doc.encoding,
    overridden: doc.overridden,
    itemCount: doc.items.length,
    blockCount: doc.blocks.length,
    removedCount: doc.removed.length,
    ...(doc.replaced?.length ? { readAs: readAsSummary(doc.replaced) } : {}),
    ...(doc.ocr ? { ocr: doc.ocr } : {}),
    ...(doc.removed.length ? { removedByReason: countBy(doc.removed.map((r) => r.reason)) } : {}),
  };
}

/** Characters read as others over the whole document, most frequent first: what the reader page notes. */
export function readAsSummary(replaced: readonly Replaced[]): NonNullable<DocumentEntry['readAs']> {
  const totals = new Map<string, { from: string; to: string; count: number; lines: number }>();
  for (const r of replaced) {
    const key = `${r.from}\0${r.to}`;
    const t = totals.get(key) ?? { from: r.from, to: r.to, count: 0, lines: 0 };
    t.count += r.count;
    t.lines += 1;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count || byCodePoint(a.from, b.from));
}

interface Relation {
  id: string;
  score: number;
  sharedTerms: string[];
}

/**
 * Each item's related items: its links (the link stage has already chosen each item's best,
 * from both ends of every pair), best first; when two links join the same pair the higher
 * score wins.
 */
export function relatedItems(links: readonly Link[], placed: ReadonlyMap<string, Placed>): Map<string, RelatedItem[]> {
  const relations = new Map<string, Relation[]>();
  const add = (from: string, to: string, score: number, sharedTerms: string[]) => {
    if (!placed.has(to) || !placed.has(from)) return;
    const list = relations.get(from) ?? [];
    const existing = list.find((r) => r.id === to);
    if (existing) {
      if (score > existing.score) Object.assign(existing, { score, sharedTerms });
    } else list.push({ id: to, score, sharedTerms });
    relations.set(from, list);
  };
  for (const l of links) add(l.source, l.target, l.score, l.sharedTerms);
  const related = new Map<string, RelatedItem[]>();
  for (const [from, list] of relations) {
    list.sort((a, b) => b.score - a.score || byCodePoint(a.id, b.id));
    related.set(
      from,
      list.map((r) => ({ id: r.id, score: Math.round(r.score * 1000) / 1000, sharedTerms: r.sharedTerms })),
    );
  }
  return related;
}

export function itemEntry({ item, doc, order }: Placed, topic: ItemEntry['topic'], related: RelatedItem[]): ItemEntry {
  return {
    id: item.id,
    docId: doc.id,
    docTitle: doc.title,
    docKind: doc.kind,
    city: doc.city,
    cityName: cityName(doc.city),
    citySlug: citySlug(doc.city),
    province: doc.province,
    order,
    kind: item.kind,
    population: item.population,
    domain: item.domain,
    domainSlug: domainSlug(item.domain),
    domainSource: item.domainSource,
    number: item.number,
    title: item.title,
    // Also in frontmatter so listing pages show it without rendering each MDX body.
    text: item.text,
    section: item.section,
    leadDepartments: item.leadDepartments,
    partnerDepartments: item.partnerDepartments,
    topic,
    related,
    repeats: item.repeats ?? null,
  };
}

/**
 * A domain with what its page shows, computed here once rather than per page: its cities and
 * its topics in outline order (a topic ranks by its earliest goal, else its earliest measure,
 * by position in the documents), so the page never scans every item for every topic.
 */
export function domainEntry(domain: Domain, items: readonly Placed[], topics: readonly Topic[], placed: ReadonlyMap<string, Placed>): DomainEntry {
  const inDomain = items.filter((p) => p.item.domain === domain.name);
  const cities = [...new Set(inDomain.map((p) => cityName(p.doc.city)))].sort(byChinese);
  const outlineKey = (t: Topic): [number, number] => {
    const members = t.items.flatMap((id) => placed.get(id) ?? []);
    const kind = Math.min(...members.map((p) => ITEM_KINDS.indexOf(p.item.kind)));
    return [kind, Math.min(...members.filter((p) => ITEM_KINDS.indexOf(p.item.kind) === kind).map((p) => p.order))];
  };
  const rows = topics
    .filter((t) => t.domain === domain.name)
    .map((t) => ({ id: fileSafe(t.id), key: outlineKey(t) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || byCodePoint(a.id, b.id));
  return {
    name: domain.name,
    domainSlug: domain.slug,
    population: domain.population,
    order: domain.order,
    itemCount: inDomain.length,
    cities,
    topics: rows.map((r) => r.id),
  };
}

export function cityEntry(slug: string, docs: readonly KbDocument[]): CityEntry {
  const first = docs[0]!;
  return {
    id: slug,
    name: cityName(first.city),
    citySlug: slug,
    known: first.city !== null,
    province: docs.find((d) => d.province)?.province ?? null,
    level: first.level,
    documents: docs.map((d) => d.id),
    itemCount: docs.reduce((n, d) => n + d.items.length, 0),
  };
}

export function topicEntry(topic: Topic, placed: ReadonlyMap<string, Placed>, related: ReadonlyMap<string, readonly RelatedItem[]> = new Map()): TopicEntry {
  const members = topic.items.filter((id) => placed.has(id));
  const cities = [...new Set(members.map((id) => cityName(placed.get(id)!.doc.city)))].sort(byChinese);
  return {
    id: fileSafe(topic.id),
    title: topic.title,
    domain: topic.domain,
    domainSlug: domainSlug(topic.domain),
    items: members,
    cities,
    reference: topicReference(members, placed, related),
    cuts: members.map((id) => itemCuts(placed.get(id)!.item)),
  };
}

/** How often each value occurs, in the order of first occurrence. */
function countBy<K extends string>(values: K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
