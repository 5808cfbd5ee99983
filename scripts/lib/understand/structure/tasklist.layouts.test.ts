/**
 * Task lists in the layouts other governments publish (scripts/lib/testing/tasklists.ts):
 * seed 003's own tasks rewritten into other column sets, orders, numberings and containers,
 * each read through the whole ingest of one document (format → decode → normalise → metadata
 * → structure). Every layout must give back the same goals and measures: domain, number,
 * text, lead and partner departments. A table of what was recovered is printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentEntries } from '../../relate/departments/entries.ts';
import { DOMAINS } from '../domains.ts';
import { readSource } from '../../read/formats/index.ts';
import { ingestDocument } from '../../pipeline.ts';
import { documentWarnings } from '../../publish/report/warnings.ts';
import { random, renderTaskList, seedTaskLists, shuffled, type Container, type ExpectedItem, type TaskListLayout, type TruthTable } from '../../testing/tasklists.ts';
import type { Item, KbDocument } from '../../types.ts';
import type { StructureNoteCode } from './notes.ts';

const col = (kind: TaskListLayout['columns'][number]['kind'], name: string) => ({ kind, name });

/** The class first, then the column vocabulary and orders of real lists. */
const FIXED: TaskListLayout[] = [
  {
    name: 'index-five-columns',
    // 序号 | 发展领域 | 重点任务 | 牵头单位 | 责任单位: rows numbered, tasks not; 责任单位 beside 牵头单位 are the partners.
    columns: [col('index', '序号'), col('domain', '发展领域'), col('measures', '重点任务'), col('lead', '牵头单位'), col('partner', '责任单位')],
    numbering: 'rows',
    domainCells: 'merged',
    collective: true,
    titleWord: '重点任务分工',
  },
  {
    name: 'index-domain-repeated',
    columns: [col('index', '序号'), col('domain', '领域'), col('measures', '主要任务'), col('lead', '牵头部门'), col('partner', '责任部门'), col('deadline', '完成时限')],
    numbering: 'rows',
    domainCells: 'repeated',
    collective: true,
    titleWord: '任务分解表',
  },
  {
    name: 'index-no-domain',
    // No domain column: the tasks still come out, their domains left to classification.
    columns: [col('index', '编号'), col('measures', '工作任务'), col('lead', '牵头单位'), col('partner', '配合单位'), col('deadline', '时间进度')],
    numbering: 'rows',
    domainCells: 'merged',
    collective: true,
    titleWord: '重点任务分工方案',
  },
  {
    name: 'responsible-alone',
    // 责任单位 alone is the lead.
    columns: [col('index', '序号'), col('domain', '发展领域'), col('measures', '具体措施'), col('lead', '责任单位'), col('deadline', '完成时限')],
    numbering: 'rows',
    domainCells: 'merged',
    collective: true,
    departmentsPerLine: true,
    titleWord: '责任分工',
  },
  {
    name: 'goals-numbered-tasks-by-row',
    // The goals keep their own numbers in a merged cell; the tasks are numbered by 序号.
    columns: [col('index', '序号'), col('domain', '发展领域'), col('goals', '主要目标'), col('measures', '任务措施'), col('lead', '牵头部门'), col('partner', '协同单位'), col('deadline', '时间进度')],
    numbering: 'rows',
    domainCells: 'merged',
    titleWord: '重点任务分工',
  },
  {
    name: 'own-numbers-index-restarting',
    columns: [col('index', '序号'), col('domain', '领域'), col('goals', '目标任务'), col('measures', '策略措施'), col('lead', '牵头部门'), col('partner', '参与单位')],
    numbering: 'own',
    domainCells: 'merged',
    indexRestarts: true,
    departmentsPerLine: true,
    titleWord: '重点任务清单',
  },
  {
    name: 'own-numbers-responsible-and-partner',
    // 责任部门 with a partner column and no 牵头 column is the lead.
    columns: [col('domain', '发展领域'), col('goals', '目标'), col('measures', '重点任务'), col('lead', '责任部门'), col('partner', '配合部门')],
    numbering: 'own',
    domainCells: 'repeated',
    collective: true,
    titleWord: '重点任务分工',
  },
  {
    name: 'two-row-header',
    // 责任单位 over 牵头单位 | 配合单位.
    columns: [col('index', '序号'), col('domain', '发展领域'), col('measures', '重点任务'), col('lead', '牵头单位'), col('partner', '配合单位'), col('deadline', '完成时限')],
    numbering: 'rows',
    domainCells: 'merged',
    twoRowHeader: true,
    collective: true,
    titleWord: '重点任务分工',
  },
  {
    name: 'title-without-kind-word',
    // Titled like the plan itself: a task list by its table.
    columns: [col('index', '序号'), col('domain', '领域'), col('measures', '重点工作'), col('lead', '牵头单位'), col('partner', '协同单位')],
    numbering: 'rows',
    domainCells: 'merged',
    titleWord: '',
  },
  {
    name: 'numbers-through-the-table',
    // Goals and measures numbered 1…n through the whole table, not again in each domain.
    columns: [col('domain', '发展领域'), col('goals', '主要目标'), col('measures', '主要措施'), col('lead', '牵头部门'), col('partner', '配合部门')],
    numbering: 'through',
    domainCells: 'merged',
    titleWord: '重点任务清单',
  },
  {
    name: 'domain-rows',
    // No domain column: a row across the table names each domain above its tasks.
    columns: [col('index', '序号'), col('measures', '重点任务'), col('lead', '牵头单位'), col('partner', '责任单位'), col('deadline', '完成时限')],
    numbering: 'rows',
    domainCells: 'rows',
    collective: true,
    titleWord: '重点任务分工',
  },
  {
    name: 'domain-rows-with-goals',
    columns: [col('goals', '主要目标'), col('measures', '策略措施'), col('lead', '牵头部门'), col('partner', '配合部门')],
    numbering: 'own',
    domainCells: 'rows',
    titleWord: '重点任务清单',
  },
  {
    name: 'own-numbers-no-domain',
    // Measures numbered 1… again in each domain, with no domain column to say where one starts.
    columns: [col('goals', '主要目标'), col('measures', '策略措施'), col('lead', '牵头部门'), col('partner', '配合部门')],
    numbering: 'own',
    domainCells: 'merged',
    titleWord: '重点任务清单',
  },
];

/** Column orders a list may print, drawn with a fixed seed: the same on every run. */
function shuffledLayouts(count: number): TaskListLayout[] {
  const next = random(20260);
  const out: TaskListLayout[] = [];
  for (let n = 0; n < count; n++) {
    const base = FIXED[n % FIXED.length]!;
    const index = base.columns.filter((c) => c.kind === 'index');
    out.push({ ...base, twoRowHeader: false, name: `${base.name}-shuffled-${n + 1}`, columns: [...index, ...shuffled(base.columns.filter((c) => c.kind !== 'index'), next)] });
  }
  return out;
}

const LAYOUTS = [...FIXED, ...shuffledLayouts(4)];
const CONTAINERS: Container[] = ['word-text', 'spreadsheet', 'docx'];

const brief = (i: Item): ExpectedItem => ({
  kind: i.kind as ExpectedItem['kind'],
  population: i.population!,
  domain: i.domain,
  number: i.number,
  text: i.text,
  lead: i.leadDepartments,
  partner: i.partnerDepartments,
});
const same = (e: ExpectedItem) => JSON.stringify({ kind: e.kind, population: e.population, domain: e.domain, number: e.number, text: e.text, lead: e.lead, partner: e.partner });

const table: string[] = [];

describe('task lists in other layouts, from seed 003', () => {
  let truth: TruthTable[];
  beforeAll(() => {
    truth = seedTaskLists();
  });

  it('takes its ground truth from 003 as read today: 161 measures and 137 goals, with departments', () => {
    const measures = truth.flatMap((t) => t.domains.flatMap((d) => d.measures));
    expect([truth.length, measures.length, truth.flatMap((t) => t.domains.flatMap((d) => d.goals)).length]).toEqual([2, 161, 137]);
    expect(measures.every((m) => m.lead.length > 0)).toBe(true);
  });

  for (const layout of LAYOUTS) {
    for (const container of CONTAINERS) {
      describe(`${layout.name} as ${container}`, () => {
        let doc: KbDocument;
        let expected: ExpectedItem[];
        let notes: StructureNoteCode[];
        beforeAll(async () => {
          const rendered = await renderTaskList(truth, layout, container);
          expected = rendered.expected;
          doc = ingestDocument(rendered.file, rendered.bytes, undefined, await readSource(rendered.file, rendered.bytes));
          notes = (doc.notes ?? []).map((n) => n.code);
          const got = new Set(doc.items.map((i) => same(brief(i))));
          const right = expected.filter((e) => got.has(same(e))).length;
          table.push(`| ${layout.name} | ${container} | ${doc.kind} | ${right}/${expected.length} | ${doc.items.length} | ${notes.join(', ') || '—'} |`);
        });

        it('is a task list, titled as printed', () => {
          expect(doc.kind).toBe('tasklist');
          expect(doc.title).toBe(`大安市妇女发展规划（2021—2030年）${layout.titleWord}；大安市儿童发展规划（2021—2030年）${layout.titleWord}`);
        });

        it('gives every goal and measure back: domain, number, text, lead and partner', () => {
          expect(doc.items.map(brief)).toEqual(expected);
        });

        it('keeps the ids 003 gives when the table has a domain column, and every id unique', () => {
          expect(new Set(doc.items.map((i) => i.id)).size).toBe(doc.items.length);
          if (!layout.columns.some((c) => c.kind === 'domain') && layout.domainCells !== 'rows') return;
          const slugs = (i: Item) => i.id.slice(doc.id.length + 1);
          expect(doc.items.filter((i) => i.kind === 'measure').map(slugs)).toEqual(
            expected.filter((e) => e.kind === 'measure').map((e) => `${SLUGS[e.domain!]}-m${e.number}`),
          );
        });

        it('notes only what it could not read', () => {
          const withoutDomain = !layout.columns.some((c) => c.kind === 'domain') && layout.domainCells !== 'rows';
          expect(notes).toEqual(withoutDomain ? ['list-without-domain', 'list-without-domain'] : []);
        });

        it('gives the editor no warning beyond those notes: no numbering, empty-list or unassigned-text warning', () => {
          expect(documentWarnings(doc).map((w) => (w.code === 'structure' ? w.note : w.code))).toEqual(notes);
        });

        it('reads 各县（市）区政府 as a partner beside a lead, a lead alone', () => {
          if (!layout.collective) return;
          const hasPartner = layout.columns.some((c) => c.kind === 'partner');
          const holders = doc.items.filter((i) => (hasPartner ? i.partnerDepartments : i.leadDepartments).includes('各县（市）区政府'));
          expect(holders.length).toBe(expected.filter((e) => (hasPartner ? e.partner : e.lead).includes('各县（市）区政府')).length);
          expect(holders.length).toBeGreaterThan(40);
          // The departments stage sees it, as a collective actor of its own.
          const entry = departmentEntries([doc]).find((e) => e.id === 'lower-governments');
          expect(entry).toMatchObject({ collective: true, name: '各县（市）区政府' });
          expect(entry![hasPartner ? 'partner' : 'lead']).toHaveLength(holders.length);
        });

        it('starts every item where its block says', () => {
          for (const item of doc.items) expect(doc.blocks[item.blockStart]!.text.slice(item.textStart).startsWith(item.text.split('\n')[0]!), item.id).toBe(true);
        });
      });
    }
  }

  afterAll(() => {
    console.log(['| layout | container | kind | items right | items | notes |', '|---|---|---|---|---|---|', ...table].join('\n'));
  });
});

const SLUGS: Record<string, string> = Object.fromEntries(DOMAINS.map((d) => [d.name, d.slug]));
