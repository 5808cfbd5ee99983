/**
 * The departments collection as the pages use it: built once per build (like kb.ts's item
 * index), looked up by slug and by name as printed (an item's department fields hold printed
 * names; the ingest's normaliser already decided which department each one is).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ItemSummary } from './item-summaries';
import { DOMAINS, NO_DOMAIN } from './vocabulary';

export type DepartmentData = CollectionEntry<'departments'>['data'];
export type Role = 'lead' | 'partner';
export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', partner: '配合' };

export interface DepartmentIndex {
  /** Most measures first (led + partnered), then by key. */
  all: DepartmentData[];
  bySlug: Map<string, DepartmentData>;
  /** Printed name → its department. */
  byPrinted: Map<string, DepartmentData>;
}

let index: Promise<DepartmentIndex> | undefined;

export const measureCount = (d: DepartmentData) => d.lead.length + d.partner.length;

export function departmentIndex(): Promise<DepartmentIndex> {
  index ??= getCollection('departments').then((entries) => {
    const all = entries.map((e) => e.data).sort((a, b) => measureCount(b) - measureCount(a) || b.lead.length - a.lead.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const byPrinted = new Map<string, DepartmentData>();
    for (const d of all) for (const n of d.names) byPrinted.set(n.name, d);
    return { all, bySlug: new Map(all.map((d) => [d.id, d])), byPrinted };
  });
  return index;
}

/** The id of a department page's group of measures: one role, one domain, one document. */
export const departmentGroupId = (role: Role, domainSlug: string | null, docId?: string) =>
  [role, domainSlug ?? 'none', ...(docId ? [docId] : [])].join('-');

export interface DomainGroup {
  name: string;
  slug: string | null;
  documents: { docId: string; docTitle: string; cityName: string; items: ItemSummary[] }[];
  count: number;
}

/**
 * Items grouped by domain (the national outlines' order, 未归类 last), then by document in
 * the order given (the collection keeps documents by id, items in reading order).
 */
export function byDomainAndDocument(items: readonly ItemSummary[]): DomainGroup[] {
  const groups = [...DOMAINS.map((d) => ({ name: d.name as string, slug: d.slug as string | null })), { name: NO_DOMAIN, slug: null }];
  return groups
    .map((g) => {
      const inDomain = items.filter((i) => (i.domain ?? NO_DOMAIN) === g.name);
      const documents = new Map<string, DomainGroup['documents'][number]>();
      for (const i of inDomain) {
        const doc = documents.get(i.docId) ?? { docId: i.docId, docTitle: i.docTitle, cityName: i.cityName, items: [] };
        doc.items.push(i);
        documents.set(i.docId, doc);
      }
      return { ...g, documents: [...documents.values()], count: inDomain.length };
    })
    .filter((g) => g.count > 0);
}
