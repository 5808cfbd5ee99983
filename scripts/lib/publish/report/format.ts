/**
 * The editor's report as terminal lines, in Chinese: `documentLine` for the ingest's one line
 * per document, `warningLines` for its warnings (marked ⚠, repeated ones grouped with all their
 * lines), `warningCountLine` for the count at the end, `documentLines` for the add command's
 * full account of one document. Warnings go to their own list so the CLI can print them on
 * stderr.
 */
import { groupWarnings, isInformation, type DocumentReport } from '../../../../src/lib/ingest-report.ts';
import { DOCUMENT_KIND_LABEL, ITEM_KIND_LABEL, ITEM_KINDS, LEVEL_LABEL } from '../../../../src/lib/vocabulary.ts';
import { FIELD_LABEL } from './messages.ts';

export const WARNING_MARK = '⚠';
/** Information that needs nothing done (a county reusing its city's wording). */
export const INFO_MARK = 'ⓘ';

/** `  000_….txt  审议意见  utf-8  11 段  9 条  未知：文号` */
export function documentLine(d: DocumentReport): string {
  const unknown = d.unknown.length ? `  未知：${d.unknown.map((k) => FIELD_LABEL[k] ?? k).join('、')}` : '';
  return `  ${d.source}  ${DOCUMENT_KIND_LABEL[d.kind]}  ${d.encoding}  ${d.blocks} 段  ${d.items} 条${unknown}`;
}

/**
 * One document's warnings, one line per kind and wording with all its lines:
 * `⚠ 001_….txt 第 17–67 行：「妇女与健康」的策略措施编号为 1、2、4，缺少 3。请核对…`.
 */
export function warningLines(d: Pick<DocumentReport, 'source' | 'warnings'>): string[] {
  return groupWarnings(d.warnings).map((g) => `${isInformation(g) ? INFO_MARK : WARNING_MARK} ${d.source}${g.lines ? ` ${g.lines}` : ''}：${g.message}`);
}

/** `⚠ 2 条提示，涉及 1 份文档（详见 public/data/ingest-report.json）`, or `没有提示`. */
export function warningCountLine(reports: readonly DocumentReport[], where: string): string {
  const groups = reports.map((r) => groupWarnings(r.warnings));
  const info = groups.reduce((n, gs) => n + gs.filter(isInformation).length, 0);
  const warned = groups.reduce((n, gs) => n + gs.filter((g) => !isInformation(g)).length, 0);
  const docs = groups.filter((gs) => gs.some((g) => !isInformation(g))).length;
  const infoPart = info ? `另有 ${info} 条说明（${INFO_MARK}，无需处理）` : '';
  if (warned === 0) return infoPart ? `没有需要核对的提示；${infoPart}（详见 ${where}）` : '没有需要核对的提示';
  return `${WARNING_MARK} ${warned} 条提示需要核对，涉及 ${docs} 份文档${infoPart ? `；${infoPart}` : ''}（详见 ${where}）`;
}

/** The add command's last word on one document's warnings. */
export function addCountLine(d: Pick<DocumentReport, 'warnings'>): string {
  const groups = groupWarnings(d.warnings);
  const warned = groups.filter((g) => !isInformation(g)).length;
  const info = groups.length - warned;
  const infoPart = info ? `${info} 条说明（${INFO_MARK}）无需处理` : '';
  if (!warned) return infoPart ? `没有需要核对的提示；${infoPart}。` : '没有需要核对的提示。';
  return `${WARNING_MARK} 以上 ${warned} 条提示请核对${infoPart ? `，${infoPart}` : ''}；无论有无提示，文档都全文发布。`;
}

const kinds = (d: DocumentReport) =>
  ITEM_KINDS.filter((k) => d.itemsByKind[k])
    .map((k) => `${ITEM_KIND_LABEL[k]} ${d.itemsByKind[k]} 条`)
    .join('，') || '无';

/** Everything the ingest recognised in one document, for the add command. */
export function documentLines(d: DocumentReport): string[] {
  const value = (v: string | null) => v ?? '未知';
  const lines = [
    `${d.source}  →  ${d.id}`,
    `  标题    ${d.title}`,
    `  类型    ${DOCUMENT_KIND_LABEL[d.kind]}    层级 ${LEVEL_LABEL[d.level]}    编码 ${d.encoding}`,
    `  地方    ${value(d.city)}，${value(d.province)}`,
    `  日期    ${value(d.date)}`,
    `  人群    ${d.populations.join('、') || '未识别'}`,
    `  正文    ${d.blocks} 段`,
    `  条目    ${d.items} 条：${kinds(d)}`,
  ];
  if (d.domains.length) {
    lines.push(`  领域    ${d.domains.length} 个`);
    const width = Math.max(...d.domains.map((x) => x.domain.length));
    for (const x of d.domains) lines.push(`    ${x.domain}${'　'.repeat(width - x.domain.length)}  主要目标 ${x.goals} 条，策略措施 ${x.measures} 条`);
  } else {
    lines.push('  领域    文件结构中未写明领域');
  }
  lines.push(`  无领域  ${d.withoutDomain} 条${d.withoutDomain ? '（网站按文字推断其领域）' : ''}`);
  if (d.departments.length) {
    lines.push(`  部门    ${d.departments.length} 个：${d.departments.map((x) => `${x.name}（牵头 ${x.lead}，配合 ${x.partner}）`).join('；')}`);
  }
  return lines;
}
