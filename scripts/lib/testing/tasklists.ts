/**
 * Key-task lists in the layouts other governments publish, generated from seed 003's own
 * recognised items (its goals, measures, lead and partner departments): the same tasks in
 * other column sets (序号, 重点任务, 牵头单位/责任单位, 完成时限 …), column orders, numberings
 * (the cells' own `1.` or one task per row under a 序号 column), domain cells merged, repeated
 * or missing, and containers (Word's text export, a spreadsheet copy, a `.docx` written by the
 * `docx` package). Each rendering comes with what a reader must recover from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { decode } from '../read/decode.ts';
import { normalise } from '../read/normalise.ts';
import { parseTaskList } from '../understand/structure/tasklist.ts';
import type { DomainName, Population } from '../types.ts';
import { SEED, SEEDS_DIR } from './seeds.ts';

export interface TruthMeasure {
  /** The measure's number within its domain in 003 (its id's `m4`). */
  number: string;
  text: string;
  lead: string[];
  partner: string[];
}

export interface TruthDomain {
  domain: DomainName;
  /** The domain cell as 003 prints it (`（五）妇女与社会保障`). */
  heading: string;
  goals: { number: string; text: string }[];
  measures: TruthMeasure[];
}

export interface TruthTable {
  population: Population;
  domains: TruthDomain[];
}

/** Seed 003's two lists (妇女, 儿童) as its recogniser reads them: the ground truth. */
export function seedTaskLists(): TruthTable[] {
  const { blocks } = normalise(decode(readFileSync(path.join(SEEDS_DIR, SEED.daanTaskLists))).text);
  const tables: TruthTable[] = [];
  for (const item of parseTaskList('003', blocks)) {
    let table = tables.find((t) => t.population === item.population);
    if (!table) tables.push((table = { population: item.population!, domains: [] }));
    let domain = table.domains.find((d) => d.domain === item.domain);
    if (!domain) table.domains.push((domain = { domain: item.domain!, heading: item.section[2]!, goals: [], measures: [] }));
    if (item.kind === 'goal') domain.goals.push({ number: item.number, text: item.text });
    else domain.measures.push({ number: item.number, text: item.text, lead: item.leadDepartments, partner: item.partnerDepartments });
  }
  return tables;
}

export type ColumnKind = 'index' | 'domain' | 'goals' | 'measures' | 'lead' | 'partner' | 'deadline';

export interface TaskListLayout {
  name: string;
  /** The columns in printed order, with the header each prints. */
  columns: { kind: ColumnKind; name: string }[];
  /**
   * `own`: cells number their goals and measures (`1.`), restarting per domain, as 003;
   * `through`: the same numbers running on through the table (Word's numbering down a column);
   * `rows`: task cells unnumbered.
   */
  numbering: 'own' | 'through' | 'rows';
  /**
   * A domain cell in a domain's first row only (merged), or on every row; or `rows`: no domain
   * column, a row across the table naming each domain above its tasks (typed on a line of its
   * own in a spreadsheet copy).
   */
  domainCells: 'merged' | 'repeated' | 'rows';
  /** The 序号 restarts at 1 in each domain, rather than running through the table. */
  indexRestarts?: boolean;
  /** `各县（市）区政府` added to every third measure's partners (its lead when the table has no partner column). */
  collective?: boolean;
  /** Department names one per line (paragraph), without separators, rather than joined by `、`. */
  departmentsPerLine?: boolean;
  /**
   * A header of two rows: `责任单位` spanning the lead and partner columns (which must stand side
   * by side, lead first), their own names (the layout's) under it, the other header cells merged down.
   */
  twoRowHeader?: boolean;
  /** What the title calls the list: `重点任务分工`, `任务分解表` … */
  titleWord: string;
}

export type Container = 'word-text' | 'spreadsheet' | 'docx';

export interface ExpectedItem {
  kind: 'goal' | 'measure';
  population: Population;
  /** Null when the table has no domain column: classification infers it later. */
  domain: DomainName | null;
  number: string;
  text: string;
  lead: string[];
  partner: string[];
}

export interface RenderedTaskList {
  file: string;
  bytes: Uint8Array;
  expected: ExpectedItem[];
  title: string;
}

const COLLECTIVE = '各县（市）区政府';
const DEADLINES = ['2025年', '2030年', '长期坚持', '2025年底前', '持续推进'];
const CITY = '大安市';

interface Row {
  cells: Map<ColumnKind, string[]>;
  /** A row across the table that only names a domain. */
  heading?: string;
  /** The domain and goal cells continue the ones above (merged down). */
  continued: boolean;
}

/** One table's rows and the items they must give. */
function tableRows(table: TruthTable, layout: TaskListLayout, container: Container): { rows: Row[]; expected: ExpectedItem[] } {
  const has = (kind: ColumnKind) => layout.columns.some((c) => c.kind === kind);
  const rows: Row[] = [];
  const expected: ExpectedItem[] = [];
  let index = 0;
  let collectiveTurn = 0;
  let position = 0;
  // Numbers running through the table: the goals and measures of the domains before.
  let goalsBefore = 0;
  let measuresBefore = 0;
  for (const [di, d] of table.domains.entries()) {
    if (layout.indexRestarts) index = 0;
    const domain = has('domain') || layout.domainCells === 'rows' ? d.domain : null;
    if (layout.domainCells === 'rows') rows.push({ cells: new Map(), continued: false, heading: d.heading });
    // A spreadsheet cell holds one line, so goals go one per row there; Word cells hold the list.
    const goalsPerRow = container === 'spreadsheet';
    if (goalsPerRow && d.goals.length > d.measures.length) throw new Error(`${d.domain}: more goals than rows`);
    d.measures.forEach((m, k) => {
      // A row's goals come before its measure, in reading order.
      const rowGoals = goalsPerRow ? d.goals.slice(k, k + 1) : k === 0 ? d.goals : [];
      if (has('goals')) for (const g of rowGoals) expected.push({ kind: 'goal', population: table.population, domain, number: g.number, text: g.text, lead: [], partner: [] });
      let lead = [...m.lead];
      let partner = has('partner') ? [...m.partner] : [];
      if (layout.collective && ++collectiveTurn % 3 === 0) {
        if (has('partner')) partner = [...partner, COLLECTIVE];
        else lead = [...lead, COLLECTIVE];
      }
      const first = k === 0;
      const cells = new Map<ColumnKind, string[]>();
      cells.set('index', [String(++index)]);
      // Domain cells as narrow columns wrap them: `妇女与` newline `社会保障` in every other domain.
      const heading = di % 2 === 1 && container !== 'spreadsheet' ? d.heading.replace(/与/, '与\n').split('\n') : [d.heading];
      cells.set('domain', first || layout.domainCells === 'repeated' ? heading : []);
      const through = layout.numbering === 'through';
      const goal = (g: { number: string; text: string }) => `${Number(g.number) + (through ? goalsBefore : 0)}.${g.text}`;
      cells.set('goals', goalsPerRow ? (d.goals[k] ? [goal(d.goals[k]!)] : []) : first ? d.goals.map(goal) : []);
      cells.set('measures', [layout.numbering === 'rows' ? m.text : `${Number(m.number) + (through ? measuresBefore : 0)}.${m.text}`]);
      cells.set('lead', lead);
      cells.set('partner', partner);
      cells.set('deadline', [DEADLINES[(index + di) % DEADLINES.length]!]);
      rows.push({ cells, continued: !first });
      // Without a domain column an unnumbered task's number is its place among the table's rows.
      const number = domain || layout.numbering !== 'rows' ? m.number : String(++position);
      expected.push({ kind: 'measure', population: table.population, domain, number, text: m.text, lead, partner });
    });
    goalsBefore += d.goals.length;
    measuresBefore += d.measures.length;
  }
  return { rows, expected };
}

const title = (table: TruthTable, layout: TaskListLayout) => `${CITY}${table.population}发展规划（2021—2030年）${layout.titleWord}`;

/** Department names as a cell prints them: joined by `、`, or one per line. */
function departmentLines(names: string[], layout: TaskListLayout): string[] {
  if (names.length === 0) return [];
  return layout.departmentsPerLine ? names : [names.join('、')];
}

function cellLines(row: Row, kind: ColumnKind, layout: TaskListLayout): string[] {
  const lines = row.cells.get(kind) ?? [];
  return kind === 'lead' || kind === 'partner' ? departmentLines(lines, layout) : lines;
}

/** The header as rows of names; a two-row header's spanned and merged cells empty. */
function headerRows(layout: TaskListLayout): string[][] {
  if (!layout.twoRowHeader) return [layout.columns.map((c) => c.name)];
  const lead = layout.columns.findIndex((c) => c.kind === 'lead');
  if (layout.columns[lead + 1]?.kind !== 'partner') throw new Error(`${layout.name}: a two-row header needs the partner column right after the lead`);
  return [
    layout.columns.map((c, i) => (i === lead ? '责任单位' : i === lead + 1 ? '' : c.name)),
    layout.columns.map((c, i) => (i === lead || i === lead + 1 ? c.name : '')),
  ];
}

/** Word's plain-text export (seed 003's form): a tab before each cell, a cell's further lines untabbed, an empty line after each row. */
function wordText(tables: { table: TruthTable; rows: Row[] }[], layout: TaskListLayout): string {
  const out: string[] = [];
  tables.forEach(({ table, rows }, t) => {
    out.push(`附件${t + 1}`, title(table, layout));
    for (const names of headerRows(layout)) out.push(...names.map((n) => `\t${n}`), '');
    for (const row of rows) {
      if (row.heading) {
        // A cell spanning the table, printed as docx.ts prints one: its text, then the columns it covers empty.
        out.push(`\t${row.heading}`, ...layout.columns.slice(1).map(() => '\t'), '');
        continue;
      }
      for (const c of layout.columns) {
        const [head = '', ...rest] = cellLines(row, c.kind, layout);
        out.push(`\t${head}`, ...rest);
      }
      out.push('');
    }
  });
  return out.join('\n');
}

/** A copy from a spreadsheet: one row per line, tabs between cells, a row's trailing empty cells dropped, CRLF. */
function spreadsheet(tables: { table: TruthTable; rows: Row[] }[], layout: TaskListLayout): string {
  const out: string[] = [];
  tables.forEach(({ table, rows }, t) => {
    out.push(`附件${t + 1}`, title(table, layout), ...headerRows(layout).map((names) => names.join('\t').replace(/\t+$/, '')));
    for (const row of rows) {
      if (row.heading) {
        out.push(row.heading);
        continue;
      }
      const cells = layout.columns.map((c) => (c.kind === 'lead' || c.kind === 'partner' ? (row.cells.get(c.kind) ?? []).join('、') : (row.cells.get(c.kind) ?? []).join('')));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      out.push(cells.join('\t'));
    }
  });
  return out.join('\r\n') + '\r\n';
}

/**
 * A Word file: domain (and goal) cells merged down their domain's rows when the layout
 * merges them; the 序号 column numbered by Word itself and, when the cells number their own
 * measures, those numbered by Word too, restarting in each domain.
 */
async function docxFile(tables: { table: TruthTable; rows: Row[] }[], layout: TaskListLayout): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let instance = 0;
  for (const [t, { table, rows }] of tables.entries()) {
    children.push(new Paragraph(`附件${t + 1}`), new Paragraph({ text: title(table, layout), alignment: AlignmentType.CENTER }));
    const [top, sub] = headerRows(layout);
    const header = sub
      ? [
          // 责任单位 spans the two department columns; every other header cell is merged down over both rows.
          new TableRow({
            children: top!.flatMap((name, i) =>
              name === '' ? [] : [new TableCell({ children: [new Paragraph(name)], ...(sub[i] === '' ? { verticalMerge: VerticalMergeType.RESTART } : { columnSpan: 2 }) })],
            ),
          }),
          new TableRow({
            children: sub.map((name) => new TableCell({ children: [new Paragraph(name)], ...(name === '' ? { verticalMerge: VerticalMergeType.CONTINUE } : {}) })),
          }),
        ]
      : [new TableRow({ children: layout.columns.map((c) => new TableCell({ children: [new Paragraph(c.name)] })) })];
    const indexInstance = ++instance;
    const throughInstance = ++instance;
    let measureInstance = 0;
    const body = rows.map((row) => {
      if (row.heading) return new TableRow({ children: [new TableCell({ children: [new Paragraph(row.heading)], columnSpan: layout.columns.length })] });
      if (!row.continued) measureInstance = ++instance;
      return new TableRow({
        children: layout.columns.map((c) => {
          const lines = cellLines(row, c.kind, layout);
          const merged = layout.domainCells === 'merged' && (c.kind === 'domain' || c.kind === 'goals');
          const verticalMerge = merged ? (row.continued ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART) : undefined;
          let paragraphs: Paragraph[];
          if (c.kind === 'index' && !layout.indexRestarts) {
            paragraphs = [new Paragraph({ text: '', numbering: { reference: 'rows', level: 0, instance: indexInstance } })];
          } else if (c.kind === 'measures' && layout.numbering !== 'rows') {
            // Word numbers the column: again in each domain, or on through the table.
            const numbering = { reference: 'measures', level: 0, instance: layout.numbering === 'through' ? throughInstance : measureInstance };
            paragraphs = lines.map((l) => new Paragraph({ text: l.replace(/^[0-9]+\./, ''), numbering }));
          } else {
            paragraphs = lines.map((l) => new Paragraph(l));
          }
          return new TableCell({ children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')], ...(verticalMerge ? { verticalMerge } : {}) });
        }),
      });
    });
    children.push(new Table({ rows: [...header, ...body] }));
  }
  const level = { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 };
  const doc = new Document({
    numbering: { config: [{ reference: 'rows', levels: [level] }, { reference: 'measures', levels: [level] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Seed 003's lists rendered in `layout` and `container`, with what they must give. */
export async function renderTaskList(truth: TruthTable[], layout: TaskListLayout, container: Container): Promise<RenderedTaskList> {
  const tables = truth.map((table) => ({ table, ...tableRows(table, layout, container) }));
  const expected = tables.flatMap((t) => t.expected);
  const file = `${layout.name}.${container === 'docx' ? 'docx' : 'txt'}`;
  const bytes =
    container === 'docx'
      ? await docxFile(tables, layout)
      : new TextEncoder().encode(container === 'word-text' ? wordText(tables, layout) : spreadsheet(tables, layout));
  return { file, bytes, expected, title: truth.map((t) => title(t, layout)).join('；') };
}

/** The benchmarks' deterministic PRNG (mulberry32), for shuffled column orders that are the same on every run. */
export { random } from '../../../bench/lib/random.ts';

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
