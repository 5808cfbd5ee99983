/**
 * What the ingest tells the editor about departments: how many the documents name, and the
 * printed names the alias table does not know. An unknown name still gets a page of its own,
 * but if it is a known body under another name (a new abbreviation), it splits that body in
 * two until its form is added to aliases.ts, so the editor should see it.
 */
import type { KbDocument } from '../types.ts';
import { departmentEntries } from './entries.ts';

export function departmentReport(documents: readonly KbDocument[]): string[] {
  const entries = departmentEntries(documents);
  if (!entries.length) return [];
  const unknown = entries.filter((e) => !e.known);
  const lines = [`departments: ${entries.length} named as lead or partner (${entries.filter((e) => e.collective).length} collective)`];
  if (unknown.length) {
    lines.push(
      `  not in scripts/lib/departments/aliases.ts (each has a page of its own; if one is a listed body under another name, add the form to its entry): ${unknown.map((e) => e.names.map((n) => n.name).join('/')).join('、')}`,
    );
  }
  return lines;
}
