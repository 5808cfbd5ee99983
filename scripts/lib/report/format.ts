/**
 * The editor's report as terminal lines: `ingestLines` for the whole corpus (one line per
 * document, its warnings marked ⚠ under it, a count at the end), `documentLines` for the add
 * command's full account of one document. Warnings go to their own list so the CLI can print
 * them on stderr.
 */
import type { DocumentReport } from '../../../src/lib/ingest-report.ts';
import { ITEM_KINDS } from '../../../src/lib/vocabulary.ts';

export const WARNING_MARK = '⚠';

/** The line every document has had since the first ingest, plus its domains in brief. */
export function documentLine(d: DocumentReport): string {
  const unknown = d.unknown.length ? `  unknown: ${d.unknown.join(', ')}` : '';
  return `  ${d.source}  ${d.kind}  ${d.encoding}  ${d.blocks} blocks  ${d.items} items${unknown}`;
}

export function warningLine(d: DocumentReport, message: string): string {
  return `${WARNING_MARK} ${d.source}: ${message}`;
}

/** `2 warnings in 1 document (details: dist/data/ingest-report.json)` or `no warnings`. */
export function warningCountLine(reports: readonly DocumentReport[], where: string): string {
  const n = reports.reduce((s, r) => s + r.warnings.length, 0);
  const docs = reports.filter((r) => r.warnings.length).length;
  return n === 0 ? 'no warnings' : `${WARNING_MARK} ${n} warning${n === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'} (all details: ${where})`;
}

const kinds = (d: DocumentReport) =>
  ITEM_KINDS.filter((k) => d.itemsByKind[k])
    .map((k) => `${d.itemsByKind[k]} ${k}${d.itemsByKind[k] === 1 ? '' : 's'}`)
    .join(', ') || 'none';

/** Everything the ingest recognised in one document, for the add command. */
export function documentLines(d: DocumentReport): string[] {
  const value = (v: string | null) => v ?? 'unknown';
  const lines = [
    `${d.source}  →  ${d.id}`,
    `  title       ${d.title}`,
    `  kind        ${d.kind}    level ${d.level}    encoding ${d.encoding}`,
    `  place       ${value(d.city)}, ${value(d.province)}`,
    `  date        ${value(d.date)}`,
    `  populations ${d.populations.join(', ') || 'none found'}`,
    `  text        ${d.blocks} blocks`,
    `  items       ${d.items}: ${kinds(d)}`,
  ];
  if (d.domains.length) {
    lines.push(`  domains     ${d.domains.length}`);
    const width = Math.max(...d.domains.map((x) => x.domain.length));
    for (const x of d.domains) lines.push(`    ${x.domain}${'　'.repeat(width - x.domain.length)}  ${x.goals} goals, ${x.measures} measures`);
  } else {
    lines.push('  domains     none given by the structure');
  }
  lines.push(`  no domain   ${d.withoutDomain} item${d.withoutDomain === 1 ? '' : 's'}${d.withoutDomain ? ' (the site infers their domain from the text)' : ''}`);
  if (d.departments.length) {
    lines.push(`  departments ${d.departments.length}: ${d.departments.map((x) => `${x.name} (${x.lead} lead, ${x.partner} partner)`).join('; ')}`);
  }
  return lines;
}
