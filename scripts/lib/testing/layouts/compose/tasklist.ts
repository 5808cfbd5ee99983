/**
 * A key-task list (重点任务清单) from the truth of seed 003, as the table a Word document
 * holds: one row per measure, the domain and the goals in cells merged down the domain's rows,
 * departments per measure. Column sets: seed 003's five, without 配合部门, without 主要目标,
 * reordered, or `序号 | 发展领域 | 重点任务 | 牵头单位 | 责任单位` numbering rows, not tasks.
 */
import type { Layout } from '../dimensions.ts';
import type { Composed, DocBlock, Paragraph, TableCell } from '../model.ts';
import type { Random } from '../random.ts';
import type { DomainTruth, OutlineTruth, TruthItem } from '../truth.ts';
import { DOMAINS } from '../../../understand/domains.ts';
import { chineseNumeral } from './numbers.ts';

type Column = 'domain' | 'goals' | 'measures' | 'lead' | 'partner' | 'serial';

const COLUMNS: Record<Layout['table'], [Column, string][]> = {
  five: [['domain', '发展领域'], ['goals', '主要目标'], ['measures', '策略措施'], ['lead', '牵头部门'], ['partner', '配合部门']],
  'no-partner': [['domain', '发展领域'], ['goals', '主要目标'], ['measures', '策略措施'], ['lead', '牵头部门']],
  'no-goals': [['domain', '发展领域'], ['measures', '策略措施'], ['lead', '牵头部门'], ['partner', '配合部门']],
  reordered: [['domain', '发展领域'], ['measures', '策略措施'], ['goals', '主要目标'], ['partner', '配合部门'], ['lead', '牵头部门']],
  serial: [['serial', '序号'], ['domain', '发展领域'], ['measures', '重点任务'], ['lead', '牵头单位'], ['partner', '责任单位']],
};

const para = (role: Paragraph['role'], text: string): Paragraph => ({ kind: 'paragraph', role, text });

function selectDomains(outline: OutlineTruth, layout: Layout, rng: Random): DomainTruth[] {
  if (layout.subset === 'whole' || layout.subset === 'both') return outline.domains;
  const n = layout.subset === 'domains' ? rng.int(2, 4) : 1;
  const picked = new Set<number>();
  while (picked.size < Math.min(n, outline.domains.length)) picked.add(rng.int(0, outline.domains.length - 1));
  return outline.domains.filter((_, k) => picked.has(k));
}

function departments(names: readonly string[] | undefined, layout: Layout): string[] {
  if (!names || names.length === 0) return [];
  if (layout.departments === 'paragraphs') return [...names];
  return [names.join(layout.departments === 'comma' ? '，' : '、')];
}

export function composeTaskList(lists: OutlineTruth[], layout: Layout, rng: Random, city = '大安市'): Composed {
  const columns = COLUMNS[layout.table];
  const has = (c: Column) => columns.some(([k]) => k === c);
  const outlines = layout.subset === 'both' ? lists : [rng.pick(lists)];
  const blocks: DocBlock[] = [];
  const expected: TruthItem[] = [];
  const spreadsheet = layout.container === 'txt' && layout.tableText === 'spreadsheet';
  outlines.forEach((outline, k) => {
    if (outlines.length > 1) blocks.push(para('meta', `附件${k + 1}`));
    blocks.push(para('title', `${outline.title}${layout.table === 'serial' ? '重点任务分工' : '重点任务清单'}`));
    const rows: TableCell[][] = [];
    let serial = 0;
    for (const d of selectDomains(outline, layout, rng)) {
      const ordinal = DOMAINS.filter((x) => x.population === outline.population).findIndex((x) => x.name === d.domain) + 1;
      const domainText = layout.table === 'serial' ? d.domain : `（${chineseNumeral(ordinal)}）${d.domain}`;
      const goals = has('goals') ? d.goals : [];
      // A spreadsheet copy has no merged cells holding several goals: one goal per row beside the measures.
      const height = spreadsheet ? Math.max(goals.length, d.measures.length) : d.measures.length;
      let previousLead: string | undefined;
      for (let r = 0; r < height; r++) {
        const measure = d.measures[r];
        const row: TableCell[] = [];
        for (const [column] of columns) {
          switch (column) {
            case 'serial':
              row.push({ paragraphs: measure ? [String(++serial)] : [] });
              break;
            case 'domain':
              row.push(r === 0 ? { paragraphs: [domainText] } : { paragraphs: [], merged: !spreadsheet });
              break;
            case 'goals':
              if (spreadsheet) row.push({ paragraphs: goals[r] ? [`${goals[r]!.number}.${goals[r]!.text}`] : [] });
              else row.push(r === 0 ? { paragraphs: goals.map((g) => `${g.number}.${g.text}`) } : { paragraphs: [], merged: true });
              break;
            case 'measures':
              row.push({ paragraphs: measure ? [layout.table === 'serial' ? measure.text : `${measure.number}.${measure.text}`] : [] });
              break;
            case 'lead': {
              const lead = departments(measure?.lead, layout);
              // Word: a lead cell shared by consecutive measures is merged down, as editors do.
              const same = !spreadsheet && layout.container === 'docx' && r > 0 && lead.length > 0 && lead.join('\n') === previousLead;
              row.push(same ? { paragraphs: [], merged: true } : { paragraphs: lead });
              previousLead = lead.join('\n');
              break;
            }
            case 'partner':
              row.push({ paragraphs: departments(measure?.partner, layout) });
              break;
          }
        }
        rows.push(row);
      }
      for (const g of goals) expected.push(g);
      d.measures.forEach((m, r) => {
        const { lead, partner, ...rest } = m;
        expected.push({
          ...rest,
          // A table numbering rows (序号 1–N through the table) gives each task its place within its
          // domain as its number (structure/tasklist.ts): ids stay those of the domain's list.
          ...(layout.table === 'serial' ? { number: r + 1 } : {}),
          lead: lead ?? [],
          partner: has('partner') ? (partner ?? []) : [],
        });
      });
    }
    blocks.push({ kind: 'table', header: columns.map(([, name]) => name), rows });
  });
  const title = outlines.map((o) => (blocks.find((b) => b.kind === 'paragraph' && b.role === 'title' && b.text.startsWith(o.title)) as Paragraph).text).join('；');
  return { model: { blocks, title, issuer: `${city}人民政府` }, expected };
}
