import { describe, expect, it } from 'vitest';
import { decode } from '../../read/decode.ts';
import { normalise } from '../../read/normalise.ts';
import { SEED, SEEDS_DIR } from '../../testing/seeds.ts';
import type { Item } from '../../types.ts';
import { splitDepartments } from './departments.ts';
import { parseTaskList, recogniseTaskList } from './tasklist.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A small flattened table, written the way 003 is: every cell starts with a tab. */
const SMALL = [
  '附件1',
  '某市妇女发展规划（2021—2030年）重点任务清单',
  '\t发展领域',
  '\t主要目标',
  '\t策略措施',
  '\t牵头部门',
  '\t配合部门',
  '',
  '\t（五）',
  '妇女与',
  '社会保障',
  '\t1.妇女平等享有社会保障权益。',
  '2.逐步完善生育保障制度。',
  '\t1.完善惠及妇女群体的社会保障体系。全面落实社会保险。',
  '\t市社保局、',
  '市民政局',
  '\t',
  '',
  '\t',
  '\t',
  '\t2.保障女性的失业保险权益。督促用人单位依法参保。',
  '\t',
  '',
  '市委',
  '组织部',
  '\t',
  '',
  '附件2',
  '某市儿童发展规划（2021—2030年）重点任务清单',
  '\t发展领域',
  '\t主要目标',
  '\t策略措施',
  '\t牵头部门',
  '\t配合部门',
  '\t（7）      儿童与法律',
  '保护',
  '\t1.逐步完善保护儿童权益的法规政策体系。',
  '\t1.积极构建儿童权益保护政策法规体系。加强立法。',
  '\t市民政局',
  '\t市妇联，市教育局',
  '\t',
  '\t',
  '\t2.建立健全有效的未成年人违法犯罪防控体系。',
  '\t市民政局、',
  '市司法局',
].join('\n');

const brief = (i: Item) => ({
  id: i.id,
  population: i.population,
  domain: i.domain,
  number: i.number,
  title: i.title,
  lead: i.leadDepartments,
  partner: i.partnerDepartments,
});

describe('parseTaskList on a small table', () => {
  const items = parseTaskList('doc', normalise(SMALL).blocks);

  it('reads domains, goals, measures and departments cell by cell', () => {
    expect(items.map(brief)).toEqual([
      { id: 'doc-women-social-security-g1', population: '妇女', domain: '妇女与社会保障', number: '1', title: '妇女平等享有社会保障权益', lead: [], partner: [] },
      { id: 'doc-women-social-security-g2', population: '妇女', domain: '妇女与社会保障', number: '2', title: '逐步完善生育保障制度', lead: [], partner: [] },
      { id: 'doc-women-social-security-m1', population: '妇女', domain: '妇女与社会保障', number: '1', title: '完善惠及妇女群体的社会保障体系', lead: ['市社保局', '市民政局'], partner: [] },
      // Lead cell opens with an empty line and continues on untabbed lines; partner cell empty.
      { id: 'doc-women-social-security-m2', population: '妇女', domain: '妇女与社会保障', number: '2', title: '保障女性的失业保险权益', lead: ['市委组织部'], partner: [] },
      { id: 'doc-children-law-g1', population: '儿童', domain: '儿童与法律保护', number: '1', title: '逐步完善保护儿童权益的法规政策体系', lead: [], partner: [] },
      { id: 'doc-children-law-m1', population: '儿童', domain: '儿童与法律保护', number: '1', title: '积极构建儿童权益保护政策法规体系', lead: ['市民政局'], partner: ['市妇联', '市教育局'] },
      // The last row stops after its lead cell, as 003 does.
      { id: 'doc-children-law-m2', population: '儿童', domain: '儿童与法律保护', number: '2', title: '建立健全有效的未成年人违法犯罪防控体系', lead: ['市民政局', '市司法局'], partner: [] },
    ]);
  });

  it('keeps the item text whole and the section path', () => {
    const m1 = items.find((i) => i.id === 'doc-women-social-security-m1')!;
    expect(m1.text).toBe('完善惠及妇女群体的社会保障体系。全面落实社会保险。');
    expect(m1.kind).toBe('measure');
    expect(m1.section).toEqual(['附件1', '某市妇女发展规划（2021—2030年）重点任务清单', '（五）妇女与社会保障', '策略措施']);
    expect(items[0]!.section.at(-1)).toBe('主要目标');
  });
});

describe('splitDepartments', () => {
  it('splits on 、，, and line breaks between whole names', () => {
    expect(splitDepartments(['市妇联、', '市卫健局'])).toEqual(['市妇联', '市卫健局']);
    expect(splitDepartments(['市妇联，市教育局 团市委'])).toEqual(['市妇联', '市教育局', '团市委']);
    expect(splitDepartments(['市教育局', '市文旅局', '市工信局', '市科协'])).toEqual(['市教育局', '市文旅局', '市工信局', '市科协']);
  });

  it('joins a name wrapped inside the column', () => {
    expect(splitDepartments(['市委', '组织部'])).toEqual(['市委组织部']);
    expect(splitDepartments(['市残联、', '市退役军人', '事务局'])).toEqual(['市残联', '市退役军人事务局']);
  });

  it('keeps a collective name with separators inside its brackets whole', () => {
    expect(splitDepartments(['市教育局、各县（市、区）政府'])).toEqual(['市教育局', '各县（市、区）政府']);
    expect(splitDepartments(['各县(市、区)人民政府，市妇联'])).toEqual(['各县(市、区)人民政府', '市妇联']);
  });

  it('breaks lines before and after collective actors', () => {
    expect(splitDepartments(['市卫健局', '各县（市）区政府'])).toEqual(['市卫健局', '各县（市）区政府']);
    expect(splitDepartments(['各县（市）区', '市妇联'])).toEqual(['各县（市）区', '市妇联']);
    expect(splitDepartments(['市民政局', '有关部门'])).toEqual(['市民政局', '有关部门']);
    // …and still joins a collective wrapped inside the column.
    expect(splitDepartments(['各县（市）', '区政府'])).toEqual(['各县（市）区政府']);
  });

  it('gives nothing for an empty cell', () => {
    expect(splitDepartments([])).toEqual([]);
    expect(splitDepartments(['', '  '])).toEqual([]);
  });
});

/**
 * Expected counts for 003, counted by hand in seeds/003_89b52d1760550c11.txt (view it with
 * `sed 's/\t/→/g'`): per domain, goals are the numbered lines of the 主要目标 cell (the first
 * tab-led `1.` after the domain cell, then untabbed `2.`…), measures the tab-led `N.` lines
 * after it; the last number of each, each list checked to run 1…n without gaps.
 */
const DAAN_COUNTS: Record<string, [goals: number, measures: number]> = {
  妇女与健康: [9, 12],
  妇女与教育: [7, 10],
  妇女与经济: [9, 11],
  妇女参与决策和管理: [10, 10],
  妇女与社会保障: [9, 10],
  妇女与家庭建设: [9, 10],
  妇女与环境: [8, 9],
  妇女与法律: [9, 11],
  儿童与健康: [12, 13],
  儿童与安全: [10, 10],
  儿童与教育: [9, 11],
  儿童与福利: [10, 13],
  儿童与家庭: [8, 8],
  儿童与环境: [8, 9],
  儿童与法律保护: [10, 14],
};

describe('parseTaskList on the 大安 key-task lists (003)', () => {
  const docId = '003_89b52d1760550c11';
  const { blocks } = normalise(decode(readFileSync(path.join(SEEDS_DIR, SEED.daanTaskLists))).text);
  const items = parseTaskList(docId, blocks);
  const byId = new Map(items.map((i) => [i.id, i]));
  const measure = (slug: string, n: number) => byId.get(`${docId}-${slug}-m${n}`)!;

  it('finds every goal and measure of every domain of both lists', () => {
    const counts: Record<string, [number, number]> = {};
    for (const item of items) {
      const c = (counts[item.domain!] ??= [0, 0]);
      c[item.kind === 'goal' ? 0 : 1]++;
    }
    expect(counts).toEqual(DAAN_COUNTS);
  });

  it('numbers each list 1…n in order', () => {
    for (const domain of Object.keys(DAAN_COUNTS)) {
      for (const kind of ['goal', 'measure'] as const) {
        const numbers = items.filter((i) => i.domain === domain && i.kind === kind).map((i) => Number(i.number));
        expect(numbers, `${domain} ${kind}`).toEqual(numbers.map((_, k) => k + 1));
      }
    }
  });

  it('takes population from 附件1 (妇女) and 附件2 (儿童)', () => {
    for (const item of items) {
      const women = item.population === '妇女';
      expect(item.section[0]).toBe(women ? '附件1' : '附件2');
      expect(item.section[1]).toBe(women ? '大安市妇女发展规划（2021—2030年）重点任务清单' : '大安市儿童发展规划（2021—2030年）重点任务清单');
      expect(item.domain!.startsWith(item.population!)).toBe(true);
    }
  });

  it('reads domain cells split over lines or spaced out', () => {
    const headings = [...new Set(items.map((i) => `${i.section[2]} → ${i.domain}`))];
    expect(headings).toContain('（五）妇女与社会保障 → 妇女与社会保障');
    expect(headings).toContain('（四）妇女参与决策和管理 → 妇女参与决策和管理');
    expect(headings).toContain('（4）儿童与福利 → 儿童与福利');
    expect(headings).toContain('（7）儿童与法律保护 → 儿童与法律保护');
  });

  it('survives the numbering traps', () => {
    // `8.5岁以下儿童贫血率…` is goal 8 whose text starts `5岁以下`.
    expect(byId.get(`${docId}-children-health-g8`)!.text.startsWith('5岁以下儿童贫血率')).toBe(true);
    expect(byId.get(`${docId}-children-health-g9`)!.text.startsWith('儿童新发近视率')).toBe(true);
  });

  it('gives departments whole, lead and partner apart', () => {
    const deps = (i: Item) => [i.leadDepartments, i.partnerDepartments];
    // 003 lines 46–47 and 53–56: names split over lines after `、`.
    expect(deps(measure('women-health', 5))).toEqual([['市卫健局', '市妇联'], []]);
    expect(deps(measure('women-health', 6))).toEqual([['市卫健局', '市教育局', '市监局'], ['市妇联']]);
    // Lines 352–353: `市委` newline `组织部` is one name.
    expect(deps(measure('women-decision-making', 4))).toEqual([['市委组织部'], []]);
    // Lines 393–396: a lead cell opening with an empty line, then an empty partner cell.
    expect(deps(measure('women-decision-making', 10))).toEqual([['市委组织部', '市妇联'], []]);
    // Lines 512–517: `市退役军人` newline `事务局`.
    expect(deps(measure('women-family', 3))).toEqual([['市妇联', '市卫健局', '市民政局'], ['市残联', '市退役军人事务局']]);
    // Lines 1231–1234: four names on four lines without separators.
    expect(deps(measure('children-environment', 6))).toEqual([['市教育局', '市文旅局', '市工信局', '市科协'], []]);
    // Lines 1373–1375: the last row, cut off after its lead cell.
    expect(deps(measure('children-law', 14))).toEqual([['市民政局', '市司法局'], []]);
  });

  it('names only whole departments, and every measure has a lead', () => {
    const names = new Set(items.flatMap((i) => [...i.leadDepartments, ...i.partnerDepartments]));
    for (const name of names) expect(name).toMatch(/^(?:团市委|市[^、，,\s]+(?:局|委|会|院|部|联|办|协))$/);
    for (const item of items.filter((i) => i.kind === 'measure')) expect(item.leadDepartments.length, item.id).toBeGreaterThan(0);
    for (const item of items.filter((i) => i.kind === 'goal')) expect([...item.leadDepartments, ...item.partnerDepartments]).toEqual([]);
  });

  it('gives measures their title sentence and every item a non-empty text', () => {
    expect(measure('women-health', 4)).toMatchObject({ title: '保障孕产妇安全分娩', domainSource: 'structure' });
    expect(measure('women-health', 4).text.startsWith('保障孕产妇安全分娩。加强医疗机构产科质量规范化建设。')).toBe(true);
    for (const item of items) {
      expect(item.text.trim(), item.id).not.toBe('');
      expect(item.title.trim(), item.id).not.toBe('');
    }
  });

  it('gives unique ids that are the same on a second parse', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(parseTaskList(docId, blocks).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('is lossless: every numbered line of a domain is in exactly one item, whole', () => {
    for (const domain of Object.keys(DAAN_COUNTS)) {
      const own = items.filter((i) => i.domain === domain);
      // Each item's blocks are its text (less the printed number), then, for a measure,
      // the row's department cells, which the item lists as its lead and partner departments.
      const squash = (s: string) => s.replace(/[\s、，,]/g, '');
      for (const item of own) {
        const source = blocks.slice(item.blockStart, item.blockEnd + 1).map((b) => b.text).join('\n');
        const text = source.replace(/^\s*[0-9]+[.．、]\s*/, '');
        expect(text.startsWith(item.text), item.id).toBe(true);
        const departments = [...item.leadDepartments, ...item.partnerDepartments].join('');
        expect(squash(text.slice(item.text.length)), item.id).toBe(squash(departments));
      }
      // Every block in the domain's span that starts with a number belongs to one item.
      const first = Math.min(...own.map((i) => i.blockStart));
      const last = Math.max(...own.map((i) => i.blockEnd));
      const numbered = blocks.slice(first, last + 1).filter((b) => /^[0-9]+\./.test(b.text));
      const starts = new Set(own.map((i) => i.blockStart));
      expect(numbered.filter((b) => !starts.has(b.index)).map((b) => b.text), domain).toEqual([]);
      expect(numbered.length, domain).toBe(own.length);
    }
  });
});

describe('recogniseTaskList on other tables', () => {
  const table = (...lines: string[]) => normalise(lines.join('\n')).blocks;

  it('reads 序号 and 完成时限 columns as text, and the columns in any order', () => {
    const { items, notes } = recogniseTaskList('doc', table(
      '某县儿童发展规划重点任务清单', '\t序号', '\t发展领域', '\t策略措施', '\t主要目标', '\t配合部门', '\t牵头部门', '\t完成时限',
      '\t1', '\t儿童与福利', '\t3.完善制度。', '\t5.水平提升。', '\t县财政局', '\t县民政局', '\t2030年',
    ));
    expect(items.map(brief)).toEqual([
      // An excerpt of a list may start at any number, in the goals and the measures alike; a
      // row's goals come before its measures, whatever the column order.
      { id: 'doc-children-welfare-g5', population: '儿童', domain: '儿童与福利', number: '5', title: '水平提升', lead: [], partner: [] },
      { id: 'doc-children-welfare-m3', population: '儿童', domain: '儿童与福利', number: '3', title: '完善制度', lead: ['县民政局'], partner: ['县财政局'] },
    ]);
    expect(notes).toEqual([]);
  });

  it('notes a domain cell that names no domain, and a file without a table', () => {
    const odd = recogniseTaskList('doc', table('\t领域', '\t主要措施', '\t责任单位', '\t综合', '\t1.统筹推进。', '\t县政府办'));
    expect(odd.items.map((i) => [i.id, i.domain, i.leadDepartments])).toEqual([['doc-unclassified-m1', null, ['县政府办']]]);
    expect(odd.notes.map((n) => [n.code, n.message])).toEqual([['unknown-domain', '领域单元格「综合」不是 15 个发展领域之一，其条目的领域将按文字推断']]);
    const flat = recogniseTaskList('doc', table('某县妇女发展规划重点任务清单', '1.完善制度。'));
    expect(flat.items).toEqual([]);
    expect(flat.notes.map((n) => n.code)).toEqual(['no-items']);
    expect(flat.notes[0]!.message).toContain('未找到任务清单的表头');
  });
});

describe('recogniseTaskList on tables that number rows, not tasks', () => {
  const table = (...lines: string[]) => normalise(lines.join('\n')).blocks;
  const HEADER = ['某市妇女发展规划（2021—2030年）重点任务分工', '\t序号', '\t发展领域', '\t重点任务', '\t牵头单位', '\t责任单位', ''];
  const row = (...cells: string[]) => [...cells.map((c) => `\t${c}`), ''];

  it('gives one task per row, numbered within its domain; 责任单位 beside 牵头单位 are the partners', () => {
    const { items, notes } = recogniseTaskList('doc', table(
      ...HEADER,
      ...row('1', '妇女与健康', '完善妇女健康保障制度。健全工作机制。', '市卫健局', '各县（市）区政府'),
      ...row('2', '', '提升妇幼健康服务能力。', '市卫健局、市医保局', ''),
      ...row('3', '妇女与教育', '加强思想政治教育。', '市教育局', '市妇联、各县（市、区）政府'),
    ));
    expect(items.map(brief)).toEqual([
      { id: 'doc-women-health-m1', population: '妇女', domain: '妇女与健康', number: '1', title: '完善妇女健康保障制度', lead: ['市卫健局'], partner: ['各县（市）区政府'] },
      { id: 'doc-women-health-m2', population: '妇女', domain: '妇女与健康', number: '2', title: '提升妇幼健康服务能力', lead: ['市卫健局', '市医保局'], partner: [] },
      // Measure 1 of its domain, though its row is 序号 3.
      { id: 'doc-women-education-m1', population: '妇女', domain: '妇女与教育', number: '1', title: '加强思想政治教育', lead: ['市教育局'], partner: ['市妇联', '各县（市、区）政府'] },
    ]);
    expect(items[0]!.text).toBe('完善妇女健康保障制度。健全工作机制。');
    expect(items[0]!.section).toEqual(['某市妇女发展规划（2021—2030年）重点任务分工', '妇女与健康', '重点任务']);
    expect(notes).toEqual([]);
  });

  it('notes a 序号 that skips, repeats or is no number, with its line', () => {
    const { items, notes } = recogniseTaskList('doc', table(
      ...HEADER,
      ...row('1', '妇女与健康', '完善制度。', '市卫健局', ''),
      ...row('2', '', '提升能力。', '市卫健局', ''),
      ...row('4', '', '保障安全。', '市卫健局', ''),
      ...row('4', '', '健全体系。', '市卫健局', ''),
    ));
    expect(items).toHaveLength(4);
    expect(notes.map((n) => n.code)).toEqual(['row-numbering']);
    expect(notes[0]!.message).toBe(
      '任务清单「某市妇女发展规划（2021—2030年）重点任务分工」的序号列不连续：第 20 行的序号是 4，上一行是 2；第 26 行的序号 4 重复。可能漏掉、重复或误读了一行，请对照原文检查这些行的表格',
    );
  });

  it('reads a table without a domain column, noting that the domains are left to classification', () => {
    const { items, notes } = recogniseTaskList('doc', table(
      '某县儿童发展规划任务分解表', '\t编号', '\t工作任务', '\t责任单位', '\t完成时限', '',
      ...row('1', '加强儿童健康服务。', '县卫健局', '2025年'),
      ...row('2', '预防儿童溺水。', '县教育局、各乡镇（街道）', '长期坚持'),
    ));
    expect(items.map(brief)).toEqual([
      { id: 'doc-unclassified-m1', population: '儿童', domain: null, number: '1', title: '加强儿童健康服务', lead: ['县卫健局'], partner: [] },
      // 责任单位 alone is the lead; 完成时限 is kept as text, never a department.
      { id: 'doc-unclassified-m2', population: '儿童', domain: null, number: '2', title: '预防儿童溺水', lead: ['县教育局', '各乡镇（街道）'], partner: [] },
    ]);
    expect(notes.map((n) => [n.code, n.message])).toEqual([
      ['list-without-domain', '任务清单「某县儿童发展规划任务分解表」没有发展领域列（表头：编号、工作任务、责任单位、完成时限），其 2 条的领域将按文字推断；如原文另有领域，请在表头加上「发展领域」列'],
    ]);
  });

  it('reads a header whose names wrap in the cell, and one the vocabulary does not know', () => {
    const { items } = recogniseTaskList('doc', table(
      '某市儿童发展规划重点任务分工', '\t序号', '\t领域', '\t具体措施', '\t牵头', '单位', '\t考核指标', '\t配合单位', '',
      ...row('1', '儿童与安全', '预防儿童溺水。', '市教育局', '溺水死亡率下降', '市应急局'),
    ));
    expect(items.map(brief)).toEqual([
      { id: 'doc-children-safety-m1', population: '儿童', domain: '儿童与安全', number: '1', title: '预防儿童溺水', lead: ['市教育局'], partner: ['市应急局'] },
    ]);
  });

  it('reads header names spaced out or with a note in brackets, and leaves columns of people as text', () => {
    const { items } = recogniseTaskList('doc', table(
      '某市儿童发展规划重点任务分工', '\t序 号', '\t领　域', '\t重点任务', '\t责任单位（牵头）', '\t责任单位（配合）', '\t牵头领导', '',
      ...row('1', '儿童与安全', '预防儿童溺水。', '市教育局', '市应急局', '张三'),
    ));
    expect(items.map(brief)).toEqual([
      { id: 'doc-children-safety-m1', population: '儿童', domain: '儿童与安全', number: '1', title: '预防儿童溺水', lead: ['市教育局'], partner: ['市应急局'] },
    ]);
  });

  it('carries a lead cell left empty under a merged one in a text copy, and says so', () => {
    const { items, notes } = recogniseTaskList('doc', table(
      ...HEADER,
      ...row('1', '妇女与健康', '完善制度。', '市卫健局', ''),
      ...row('2', '', '提升能力。', '', '市妇联'),
    ));
    expect(items.map((i) => [i.leadDepartments, i.partnerDepartments])).toEqual([[['市卫健局'], []], [['市卫健局'], ['市妇联']]]);
    expect(notes.map((n) => n.code)).toEqual(['carried-department']);
    expect(notes[0]!.message).toContain('」第 16 行的任务没有填写牵头单位，已按合并单元格沿用上一行的牵头单位');
  });

  it('reads a domain cell repeated on every row as one domain, and a short domain name under the title\'s population', () => {
    const { items } = recogniseTaskList('doc', table(
      ...HEADER,
      ...row('1', '健康', '完善制度。', '市卫健局', ''),
      ...row('2', '健康', '提升能力。', '市卫健局', ''),
      ...row('3', '【妇女与教育】', '加强教育。', '市教育局', ''),
    ));
    expect(items.map((i) => i.id)).toEqual(['doc-women-health-m1', 'doc-women-health-m2', 'doc-women-education-m1']);
  });

  it('gives a goals cell repeated on every row of its domain once', () => {
    const goalsCell = ['1.妇女健康水平提高。', '2.孕产妇死亡率下降。'];
    const header = ['某市妇女发展规划重点任务清单', '\t发展领域', '\t主要目标', '\t策略措施', '\t牵头部门', ''];
    const { items } = recogniseTaskList('doc', table(
      ...header,
      '\t妇女与健康', `\t${goalsCell[0]}`, goalsCell[1]!, '\t1.完善制度。', '\t市卫健局', '',
      '\t妇女与健康', `\t${goalsCell[0]}`, goalsCell[1]!, '\t2.提升能力。', '\t市卫健局', '',
    ));
    expect(items.map((i) => i.id)).toEqual(['doc-women-health-g1', 'doc-women-health-g2', 'doc-women-health-m1', 'doc-women-health-m2']);
  });

  it('never joins a line typed between spreadsheet rows to the cell before it', () => {
    const { items } = recogniseTaskList('doc', table(
      '某县妇女发展规划重点任务分工', '序号\t重点任务\t牵头单位\t责任单位',
      '妇女与健康', '1\t完善制度。\t县卫健局\t县妇联',
      '注：以下任务由各乡镇落实', '2\t提升能力。\t县卫健局',
    ));
    expect(items.map((i) => [i.domain, i.number, i.leadDepartments, i.partnerDepartments])).toEqual([
      ['妇女与健康', '1', ['县卫健局'], ['县妇联']],
      ['妇女与健康', '2', ['县卫健局'], []],
    ]);
  });

  it('gathers many cells that name no domain into one note that suspects the columns', () => {
    const rows = ['甲', '乙', '丙', '丁'].flatMap((d, k) => row(String(k + 1), d, `任务${k}。`, '市卫健局', ''));
    const { notes } = recogniseTaskList('doc', table(...HEADER, ...rows));
    expect(notes.map((n) => n.code)).toEqual(['unknown-domain']);
    expect(notes[0]!.message).toContain('有 4 个领域单元格不是 15 个发展领域之一');
  });
});
