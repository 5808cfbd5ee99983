/**
 * The departments collection: one entry per body the documents name as lead (牵头) or partner
 * (配合) of a measure, across all cities, with the names it is printed under and the items it
 * leads and partners on. Only the items' department fields count: a body a plan mentions in
 * its text is not thereby responsible for anything.
 */
import { createHash } from 'node:crypto';
import type { DepartmentEntry } from '../../../../src/lib/schemas.ts';
import { byChinese, byCodePoint } from '../../../../src/lib/collation.ts';
import type { KbDocument } from '../../types.ts';
import { normaliseDepartment, type Department } from './normalise.ts';

interface Accumulated {
  department: Department;
  names: Map<string, number>;
  lead: Set<string>;
  partner: Set<string>;
  cities: Set<string>;
}

/** Entries sorted by key; item ids in document-id order, then reading order. */
export function departmentEntries(documents: readonly KbDocument[]): DepartmentEntry[] {
  const byIdentity = new Map<string, Accumulated>();
  const docs = [...documents].sort((a, b) => byCodePoint(a.id, b.id));
  for (const doc of docs) {
    for (const item of doc.items) {
      for (const [role, names] of [['lead', item.leadDepartments], ['partner', item.partnerDepartments]] as const) {
        for (const printed of names) {
          const department = normaliseDepartment(printed);
          if (!department) continue;
          // Unknown bodies are told apart by name: two names can share a slug (homophones).
          const identity = department.known ? department.key : `?${department.label}`;
          let acc = byIdentity.get(identity);
          if (!acc) byIdentity.set(identity, (acc = { department, names: new Map(), lead: new Set(), partner: new Set(), cities: new Set() }));
          const shown = printed.trim();
          acc.names.set(shown, (acc.names.get(shown) ?? 0) + 1);
          acc[role].add(item.id);
          if (doc.city) acc.cities.add(doc.city);
        }
      }
    }
  }
  const accumulated = [...byIdentity.values()];
  const slugs = uniqueSlugs(accumulated.map((a) => a.department));
  return accumulated
    .map((a, i): DepartmentEntry => {
      const names = [...a.names].sort((x, y) => y[1] - x[1] || byChinese(x[0], y[0])).map(([name, count]) => ({ name, count }));
      return {
        id: slugs[i]!,
        name: names[0]!.name,
        label: a.department.label,
        collective: a.department.collective,
        known: a.department.known,
        names,
        lead: [...a.lead],
        partner: [...a.partner],
        cities: [...a.cities].sort(byChinese),
      };
    })
    .sort((a, b) => byCodePoint(a.id, b.id));
}

/**
 * Each department's slug: its key, except that unknown bodies whose keys collide (homophones,
 * or a pinyin that spells a curated key) get a suffix from their own name, so the slug still
 * depends only on the name.
 */
function uniqueSlugs(departments: readonly Department[]): string[] {
  const count = new Map<string, number>();
  for (const d of departments) count.set(d.key, (count.get(d.key) ?? 0) + 1);
  return departments.map((d) =>
    !d.known && (count.get(d.key)! > 1 || departments.some((o) => o.known && o.key === d.key))
      ? `${d.key}-${createHash('sha256').update(d.label).digest('hex').slice(0, 6)}`
      : d.key,
  );
}
