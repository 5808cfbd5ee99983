/**
 * What the ingest tells the editor about departments: how many the documents name, and the
 * printed names the alias table does not know. An unknown name still gets a page of its own,
 * but if it is a known body under another name (a new abbreviation), it splits that body in
 * two until its form is added to aliases.ts, so the editor should see it.
 */
import type { KbDocument } from '../../types.ts';
import { departmentEntries } from './entries.ts';

export function departmentReport(documents: readonly KbDocument[]): string[] {
  const entries = departmentEntries(documents);
  if (!entries.length) return [];
  const unknown = entries.filter((e) => !e.known);
  const lines = [`列为牵头或配合的部门共 ${entries.length} 个（其中统称 ${entries.filter((e) => e.collective).length} 个）`];
  if (unknown.length) {
    lines.push(
      `  以下部门名称不在 scripts/lib/relate/departments/aliases.ts 中（各自单独成页；如其中某个是表中部门的另一种写法，请把这种写法加到该部门的条目中）：${unknown.map((e) => e.names.map((n) => n.name).join('/')).join('、')}`,
    );
  }
  return lines;
}
