import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  alignItems,
  compareDocuments,
  COMPARISON_COLUMNS,
  comparisonRows,
  ownNote,
  possibleNote,
  sharedPopulations,
  type CompareFile,
  type CompareItem,
} from './compare.ts';
import { CSV_BOM, CSV_OPTIONS } from './csv.ts';
import { encodeCuts, sideOf, splitWords } from './diff.ts';
import { cutWords } from '../../scripts/lib/text/segment.ts';
import { parseStrictCsv, pythonCsvShape } from '../../scripts/lib/testing/strict-csv.ts';
import { compareFiles } from '../../scripts/lib/publish/emit/compare.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';

const cut = (text: string) => ({ text, cuts: encodeCuts(cutWords(text)) });

let serial = 0;
const item = (id: string, related: [string, number][] = [], over: Partial<CompareItem> = {}): CompareItem => ({
  id,
  number: id.slice(-1),
  title: '',
  // Distinct words per item unless a test gives the text: likeness in words then plays no part.
  ...cut(`第${++serial}号甲乙${id}丙丁。`),
  kind: 'measure',
  population: '妇女',
  domain: '妇女与健康',
  related,
  ...over,
});
const ids = (list: { a: CompareItem; b: CompareItem }[]) => list.map((p) => [p.a.id, p.b.id]);

describe('pairing two documents’ items', () => {
  it('chooses the pairs with the highest total over the domain, not best-first: one early pair cannot take the item a later one needs', () => {
    // Best-first takes a1–b1 (0.9) and leaves a2 with nothing; the optimum pairs a1–b2 and a2–b1.
    const a = [item('a1', [['b1', 0.9], ['b2', 0.8]]), item('a2', [['b1', 0.85], ['x9', 0.99]])];
    const b = [item('b1'), item('b2')];
    const { pairs, onlyA, onlyB } = alignItems(a, b);
    expect(ids(pairs)).toEqual([
      ['a1', 'b2'],
      ['a2', 'b1'],
    ]);
    expect(pairs.map((p) => p.link)).toEqual([0.8, 0.85]);
    expect([onlyA, onlyB]).toEqual([[], []]);
    // A link seen from both ends counts once, at its higher score.
    expect(alignItems([item('a1', [['b1', 0.3]])], [item('b1', [['a1', 0.6]])]).pairs.map((p) => p.link)).toEqual([0.6]);
  });

  it('pairs goal with goal and measure with measure of one domain only, whatever the link', () => {
    const a = [item('a1', [['b1', 0.95]], { kind: 'goal' }), item('a2', [['b2', 0.9]], { domain: '妇女与教育' })];
    const b = [item('b1'), item('b2')];
    const { pairs, onlyA, onlyB } = alignItems(a, b);
    expect(pairs).toEqual([]);
    expect(onlyA.map((o) => [o.item.id, o.nearest])).toEqual([
      ['a1', null],
      ['a2', null],
    ]);
    expect(onlyB.map((o) => o.item.id)).toEqual(['b1', 'b2']);
  });

  it('finds pairs the cross-links lost (each item keeps only its best few) by likeness in words', () => {
    const a = [item('a1', [], cut('加强孕产妇系统管理，孕产妇死亡率控制在10/10万以下。')), item('a2', [], cut('普及生殖健康和优生优育知识，减少非意愿妊娠。'))];
    const b = [item('b1', [], cut('普及生殖健康和优生优育知识，促进健康孕育。')), item('b2', [], cut('孕产妇死亡率控制在12/10万以下，加强孕产妇系统管理。'))];
    const { pairs } = alignItems(a, b);
    expect(ids(pairs)).toEqual([
      ['a1', 'b2'],
      ['a2', 'b1'],
    ]);
    expect(pairs.every((p) => p.link === null && p.text > 0.3)).toBe(true);
  });

  it('a shared indicator decides which of two look-alikes is the pair; the other joins it as a split when it holds the rest of the text', () => {
    // The case, written afresh: B wrote two of A's goals as one (贫血率 and 超重、肥胖).
    const b1 = item('b1', [], { kind: 'goal', indicators: ['5岁以下儿童贫血率'], ...cut('5岁以下儿童贫血率控制在10%以下，儿童超重、肥胖上升趋势得到有效控制。') });
    const a1 = item('a1', [['b1', 0.6]], { kind: 'goal', indicators: ['12岁儿童龋患率', '5岁以下儿童贫血率'], ...cut('5岁以下儿童贫血率控制在10%以下，12岁儿童龋患率控制在25%以内。') });
    const a2 = item('a2', [['b1', 0.7]], { kind: 'goal', ...cut('儿童超重、肥胖上升趋势得到有效控制。') });
    const filler = ['新生儿死亡率下降到3‰以下。', '适龄儿童免疫规划疫苗接种率保持在95%以上。', '儿童新发近视率逐步下降。'].map((t, k) => item(`f${k}`, [], { kind: 'goal', ...cut(t) }));
    const { pairs, onlyA } = alignItems([a1, a2], [b1], {}, [a1, a2, b1, ...filler]);
    expect(ids(pairs)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b1'],
    ]);
    expect(pairs[0]!.indicators).toEqual(['5岁以下儿童贫血率']);
    expect(pairs.map((p) => p.split)).toEqual([true, true]);
    expect(onlyA).toEqual([]);
  });

  it('says 可能对应, not “only”, for two leftovers alike in few words, and names the nearest item of a true “only” and why it is no pair', () => {
    const a = [
      item('a1', [], cut('加强孕产妇系统管理，孕产妇死亡率控制在10/10万以下。')),
      item('a2', [['b2', 0.2]], cut('普及健康知识，妇女健康素养水平提高。')),
      item('a3', [['b1', 0.1]], cut('妇女常见病防治力度不断加大。')),
    ];
    const b = [item('b1', [], cut('孕产妇死亡率控制在12/10万以下，加强孕产妇系统管理。')), item('b2', [], cut('妇女健康意识普遍增强，疾病预防能力逐步提高。'))];
    const c = alignItems(a, b);
    expect(ids(c.pairs)).toEqual([['a1', 'b1']]);
    expect(ids(c.possible)).toEqual([['a2', 'b2']]);
    expect(c.possible[0]!.why).toBe('weak');
    expect(possibleNote(c.possible[0]!, { a: '甲市', b: '乙市' })).toBe('两条是彼此仅有的候选，但相同的词不多（相似度 0.20），请对照原文确认是否对应。');
    expect(c.onlyA.map((o) => [o.item.id, o.nearest?.item.id, o.nearest?.pairedWith.map((x) => x.id)])).toEqual([['a3', 'b1', ['a1']]]);
    expect(ownNote(c.onlyA[0]!, '甲市', '乙市')).toMatch(/^最接近的是乙市 妇女与健康 策略措施 1（相似度 0\.\d\d），它已与甲市 妇女与健康 策略措施 1 对应，这一条没有补充它的其他内容。$/);
    expect(c.onlyB).toEqual([]);
  });

  it('every item in scope is paired, 可能对应 or its side’s own; an own item is in no pair', () => {
    const a = [item('a1', [['b1', 0.8]]), item('a2', [['b1', 0.5]]), item('a3')];
    const b = [item('b1'), item('b2', [['a3', 0.15]])];
    const c = alignItems(a, b);
    const placed = [...c.pairs, ...c.possible].flatMap((p) => [p.a.id, p.b.id]);
    const own = [...c.onlyA, ...c.onlyB].map((o) => o.item.id);
    expect(new Set([...placed, ...own])).toEqual(new Set(['a1', 'a2', 'a3', 'b1', 'b2']));
    for (const id of own) expect(placed).not.toContain(id);
  });
});

describe('comparing two documents', () => {
  const file = (id: string, populations: CompareFile['document']['populations'], items: CompareItem[]): CompareFile => ({
    document: { id, title: id, city: id, kind: 'plan', populations },
    items,
  });
  const a = file('A', ['妇女', '儿童'], [
    item('a1', [['b1', 0.8]], { ...cut('加强妇女全生命周期的健康服务。'), title: '加强妇女全生命周期的健康服务' }),
    item('a2', [['b2', 0.6]], { domain: '儿童与健康', population: '儿童' }),
    item('a3', [], { domain: '妇女与教育' }),
  ]);
  const b = file('B', ['妇女'], [item('b1', [], cut('提高妇女全生命周期的健康服务水平。')), item('b2', [], { domain: '儿童与健康', population: '儿童' })]);

  it('keeps to the populations both cover and to the chosen domain; each pair has its differences', () => {
    expect(sharedPopulations(a.document, b.document)).toEqual(['妇女']);
    const all = compareDocuments(a, b);
    expect(ids(all.pairs)).toEqual([['a1', 'b1']]);
    expect(all.onlyA.map((o) => o.item.id)).toEqual(['a3']); // a2 is about children, which B does not cover
    expect(all.onlyB).toEqual([]);
    const p = all.pairs[0]!;
    expect(splitWords(p.b.text, p.b.cuts)).toContain('服务水平'); // the words the ingest cut, not characters
    expect([sideOf(p.parts, 'a'), sideOf(p.parts, 'b')]).toEqual([p.a.text, p.b.text]);
    expect(p.parts.filter((x) => x.op !== 'equal').map((x) => x.text)).toEqual(['加强', '提高', '水平']);
    const health = compareDocuments(a, b, '妇女与健康');
    expect(health.onlyA).toEqual([]);
    expect(compareDocuments(a, file('C', ['儿童'], [])).populations).toEqual(['儿童']);
  });

  it('as CSV rows: a header with domain and kind, then pairs, 可能对应, each side’s own items with a note; read strictly', async () => {
    const rows = comparisonRows(compareDocuments(a, b), { a: '甲市', b: '乙市' });
    expect(rows[0]).toEqual([...COMPARISON_COLUMNS]);
    expect(COMPARISON_COLUMNS).toEqual(expect.arrayContaining(['domain', 'kind', 'a.name', 'b.name', 'note']));
    const col = (name: (typeof COMPARISON_COLUMNS)[number]) => COMPARISON_COLUMNS.indexOf(name);
    expect(rows.slice(1).map((r) => [r[col('domain')], r[col('kind')], r[col('status')], r[col('a.id')], r[col('a.name')], r[col('b.id')]])).toEqual([
      ['妇女与健康', '策略措施', 'paired', 'a1', '妇女与健康 策略措施 1', 'b1'],
      ['妇女与教育', '策略措施', 'only-a', 'a3', '妇女与教育 策略措施 3', ''],
    ]);
    expect(rows[2]![col('note')]).toBe('乙市没有妇女与教育的策略措施可以对照。');
    expect(rows[1]![col('a.text')]).toBe('加强妇女全生命周期的健康服务。');
    expect(rows.every((r) => r.length === COMPARISON_COLUMNS.length)).toBe(true);
    // Written as the page writes it, with a line feed in a text: one record per row for a strict reader and for Python.
    const withBreak = compareDocuments(file('A', ['妇女'], [item('a1', [['b1', 0.8]], cut('第一段。\n第二段，"引号"。'))]), file('B', ['妇女'], [item('b1')]));
    const csv = CSV_BOM + stringify(comparisonRows(withBreak, { a: '甲市', b: '乙市' }), { ...CSV_OPTIONS, quoted_match: [...CSV_OPTIONS.quoted_match] });
    const records = parseStrictCsv(csv);
    expect(records).toHaveLength(2);
    expect(records[1]![col('a.text')]).toBe('第一段。\n第二段，"引号"。');
    expect(await pythonCsvShape(csv)).toEqual({ records: 2, widths: [COMPARISON_COLUMNS.length] });
  });
});

describe('on the seeds: 阜新 (001) vs 大安 (003), the issue’s cases', () => {
  const files = compareFiles(seedKb());
  const file = (id: string) => JSON.parse(files.get(`compare/${id}.json`)!) as CompareFile;
  const fuxin = file('001_6e786ead64a8a593');
  const daan = file('003_89b52d1760550c11');
  const F = (s: string) => `001_6e786ead64a8a593-${s}`;
  const D = (s: string) => `003_89b52d1760550c11-${s}`;

  it('儿童与健康: 阜新 goal 9 (贫血率、生长迟缓率 10%/5%) pairs with 大安 goal 8, which states the same two targets; 阜新 goal 10 joins it as a split', () => {
    const c = compareDocuments(fuxin, daan, '儿童与健康');
    const g8 = c.pairs.filter((p) => p.b.id === D('children-health-g8'));
    expect(g8.map((p) => p.a.id).sort()).toEqual([F('children-health-g10'), F('children-health-g9')]);
    expect(g8.find((p) => p.a.id === F('children-health-g9'))!.indicators).toEqual(expect.arrayContaining(['5岁以下儿童贫血率', '5岁以下儿童生长迟缓率']));
    expect(g8.every((p) => p.split)).toBe(true);
    expect(c.onlyA.map((o) => o.item.id)).not.toContain(F('children-health-g9'));
  });

  it('妇女与健康: 阜新 goal 9 (健康素养水平提高) and 大安 goal 7 (健康意识普遍增强) are not called “only”: 可能对应', () => {
    const c = compareDocuments(fuxin, daan, '妇女与健康');
    const own = [...c.onlyA, ...c.onlyB].map((o) => o.item.id);
    expect(own).not.toContain(F('women-health-g9'));
    expect(own).not.toContain(D('women-health-g7'));
    expect(ids([...c.pairs, ...c.possible])).toContainEqual([F('women-health-g9'), D('women-health-g7')]);
  });

  it('a domain’s pairs are the same whether the domain is chosen or all are compared', () => {
    const all = compareDocuments(fuxin, daan);
    const inDomain = (d: string) => (p: { a: CompareItem }) => p.a.domain === d;
    for (const d of ['妇女与健康', '儿童与教育'] as const) {
      const one = compareDocuments(fuxin, daan, d);
      expect(ids(all.pairs.filter(inDomain(d)))).toEqual(ids(one.pairs));
      expect(ids(all.possible.filter(inDomain(d)))).toEqual(ids(one.possible));
    }
  });
});
