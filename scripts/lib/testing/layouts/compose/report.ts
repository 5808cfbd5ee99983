/**
 * The implementation report of seed 002 (落实情况报告) in one layout: sections `一、二、三、`,
 * each with items `（一）…` after a lead paragraph (numbered), or in prose: the section's
 * paragraphs each report one field and carry no marker. Both end with the closing formulas
 * (`特此报告。`, the issuer, the date), which are not items.
 */
import type { Layout } from '../dimensions.ts';
import type { Composed, DocBlock, Paragraph } from '../model.ts';
import type { ReportTruth, TruthItem } from '../truth.ts';
import { chineseNumeral } from './numbers.ts';

const para = (role: Paragraph['role'], text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', role, text, ...extra });

export function composeReport(report: ReportTruth, layout: Layout): Composed {
  const blocks: DocBlock[] = [];
  const expected: TruthItem[] = [];
  const titleAt = report.preamble.findIndex((p) => /报告$/.test(p));
  report.preamble.forEach((text, k) => blocks.push(para(k === titleAt ? 'title' : k < titleAt ? 'meta' : 'body', text)));
  for (const section of report.sections) {
    blocks.push(para('part', section.heading));
    if (layout.report === 'numbered') for (const text of section.lead) blocks.push(para('body', text));
    for (const item of section.items) {
      blocks.push(para('item', item.text, layout.report === 'numbered' ? { marker: `（${chineseNumeral(item.number)}）` } : {}));
      expected.push(item);
    }
    for (const text of section.after) blocks.push(para('closing', text));
  }
  return { model: { blocks, title: report.preamble[titleAt] ?? '', issuer: report.sections.at(-1)?.after.find((p) => /人民政府$/.test(p)) ?? '人民政府' }, expected };
}
