/**
 * What the ingest recognised in one document, as the editor's report shows it: metadata, items
 * per kind, the domains its structure gives with their goals and measures, items without a
 * domain, and the departments named. Plain counts from the parse; warnings are computed beside
 * (warnings.ts, duplicates.ts) and passed in.
 */
import type { DepartmentCount, DocumentReport, DomainCount, ReportWarning } from '../../../../src/lib/ingest-report.ts';
import { byChinese } from '../../../../src/lib/collation.ts';
import { DOMAINS, ITEM_KINDS, type ItemKind } from '../../../../src/lib/vocabulary.ts';
import type { KbDocument } from '../../types.ts';

/** Metadata fields reported as unknown when neither the text nor a sidecar gives them. */
export const REPORTED_UNKNOWN = ['city', 'province', 'date', 'docNumber', 'issuer'] as const;

export function documentReport(doc: KbDocument, warnings: ReportWarning[] = []): DocumentReport {
  const itemsByKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const item of doc.items) itemsByKind[item.kind]++;

  const counts = new Map<string, DomainCount>();
  let withoutDomain = 0;
  for (const item of doc.items) {
    // Only the document's own structure counts: a domain inferred from the text is the site's guess, not what the editor's file says.
    if (!item.domain || item.domainSource !== 'structure') {
      withoutDomain++;
      continue;
    }
    const count = counts.get(item.domain) ?? { domain: item.domain, population: DOMAINS.find((d) => d.name === item.domain)!.population, goals: 0, measures: 0 };
    if (item.kind === 'goal') count.goals++;
    if (item.kind === 'measure') count.measures++;
    counts.set(item.domain, count);
  }
  const domains = DOMAINS.flatMap((d) => counts.get(d.name) ?? []);

  const departments = new Map<string, DepartmentCount>();
  const count = (name: string, role: 'lead' | 'partner') => {
    const d = departments.get(name) ?? { name, lead: 0, partner: 0 };
    d[role]++;
    departments.set(name, d);
  };
  for (const item of doc.items) {
    for (const name of item.leadDepartments) count(name, 'lead');
    for (const name of item.partnerDepartments) count(name, 'partner');
  }

  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    encoding: doc.encoding,
    kind: doc.kind,
    level: doc.level,
    city: doc.city,
    province: doc.province,
    date: doc.date,
    populations: doc.populations,
    unknown: REPORTED_UNKNOWN.filter((k) => doc[k] === null),
    blocks: doc.blocks.length,
    items: doc.items.length,
    itemsByKind,
    domains,
    withoutDomain,
    departments: [...departments.values()].sort((a, b) => byChinese(a.name, b.name)),
    warnings,
  };
}
