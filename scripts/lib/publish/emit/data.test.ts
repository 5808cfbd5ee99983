import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATA_SCHEMA } from '../../../../src/lib/open-data.ts';
import { stringify } from 'csv-stringify/sync';
import { CSV_BOM, CSV_OPTIONS } from '../../../../src/lib/csv.ts';
import { csvChunks, dataFiles, dataRows, jsonArrayChunks, publicUrl, toCsv } from './data.ts';
import { fixtureKb } from '../../testing/fixture.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { parseStrictCsv, pythonCsvShape } from '../../testing/strict-csv.ts';

describe('data exports', () => {
  const kb = fixtureKb();
  const files = dataFiles(kb);

  it('writes a JSON and a CSV file per export, and the editor\'s report', () => {
    expect([...files.keys()].sort()).toEqual(
      [...['documents', 'items', 'links', 'topics', 'departments', 'indicators'].flatMap((n) => [`${n}.csv`, `${n}.json`]), 'ingest-report.json'].sort(),
    );
  });

  it('JSON rows carry exactly the schema keys, in schema order', () => {
    for (const name of Object.keys(DATA_SCHEMA) as (keyof typeof DATA_SCHEMA)[]) {
      const rows = JSON.parse(files.get(`${name}.json`)!);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Object.keys(r)).toEqual(DATA_SCHEMA[name].map((f) => f.name));
    }
  });

  it('documents are sorted by id with item counts; items keep values as in the documents', () => {
    const { documents, items } = dataRows(kb);
    expect(documents.map((d) => d.id)).toEqual(['da_003', 'fx_001', 'zz_bad']);
    expect(documents.find((d) => d.id === 'fx_001')).toMatchObject({ city: '阜新市', docNumber: '阜政发〔2022〕11号', itemCount: 3, url: '/documents/fx_001/' });
    const m = items.find((i) => i.id === 'da_003-women-health-m4')!;
    expect(m).toMatchObject({ docId: 'da_003', city: '大安市', kind: 'measure', partnerDepartments: ['市妇联', '市医保局'], url: '/items/da_003-women-health-m4/' });
    expect(items.find((i) => i.id === 'zz_bad-i1')).toMatchObject({ city: null, domain: null });
  });

  it('CSV has a UTF-8 BOM, a header in schema order, arrays joined with ；, and quotes hostile text', () => {
    const csv = files.get('items.csv')!;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(DATA_SCHEMA.items.map((f) => f.name).join(','));
    expect(csv).toContain('市妇联；市医保局');
    expect(toCsv('links', [{ source: 'a', target: 'b', score: 0.5, sharedTerms: ['x,"y"', 'z'] }])).toBe('\uFEFFsource,target,score,sharedTerms\r\na,b,0.5,"x,""y""；z"\r\n');
  });

  it('CSV quotes line breaks of every kind, so a CSV reader gets one record per row', () => {
    const topics = [
      { id: 't1', title: '一是\n二是', domain: null, items: ['a'] },
      { id: 't2', title: 'CR\r\nLF', domain: '妇女与健康', items: ['b', 'c'] },
    ];
    const records = parse(toCsv('topics', topics), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toEqual([
      { id: 't1', title: '一是\n二是', domain: '', items: 'a' },
      { id: 't2', title: 'CR\r\nLF', domain: '妇女与健康', items: 'b；c' },
    ]);
  });

  it('CSV quotes a bare LF, a lone CR, a quote and leading or trailing space, so a strict RFC 4180 reader gets every record whole', () => {
    const hostile = ['一是\n二是', '行尾\r', ' 前空格', '后空格 ', '全角空格\u3000', 'say "x"', 'a,b', '普通'];
    const topics = hostile.map((title, k) => ({ id: `t${k}`, title, domain: null, items: ['a', 'b'] }));
    const csv = toCsv('topics', topics);
    const records = parseStrictCsv(csv);
    expect(records).toHaveLength(hostile.length + 1);
    expect(records.slice(1).map((r) => r[1])).toEqual(hostile);
    expect(csv).toContain('\r\nt7,普通,,a；b\r\n'); // plain text stays unquoted
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = fixtureKb();
    shuffled.documents.reverse();
    shuffled.links.reverse();
    expect(dataFiles(shuffled)).toEqual(files);
  });
});

describe('items export on the seeds: what the item pages show of the documents around the plans', () => {
  it('an opinion, report or speech item lists the plan measures it addresses, best first, as on its page', () => {
    const kb = seedKb();
    const items = dataRows(kb).items as { id: string; kind: string; addresses: string[]; otherDomains: string[] }[];
    const byId = new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));
    const withAddresses = items.filter((i) => i.addresses.length > 0);
    expect(withAddresses.length).toBeGreaterThan(10);
    for (const row of withAddresses) {
      expect(['recommendation', 'report', 'speech']).toContain(row.kind);
      const expected = (kb.addresses ?? []).filter((a) => a.source === row.id).sort((a, b) => b.score - a.score || (a.target < b.target ? -1 : 1));
      expect(row.addresses).toEqual(expected.map((a) => a.target));
      for (const id of row.addresses) expect(['measure', 'goal']).toContain(byId.get(id)?.kind);
    }
    expect(items.some((i) => i.otherDomains.length > 0)).toBe(true);
  });
});

describe('every CSV of the seeds’ open data, read strictly', () => {
  const kb = seedKb();
  const files = dataFiles(kb);
  const rows = dataRows(kb);

  for (const name of Object.keys(DATA_SCHEMA) as (keyof typeof DATA_SCHEMA)[]) {
    it(`${name}.csv: one record per row of ${name}.json, each with every field, for a strict reader and for Python’s csv module`, async () => {
      const csv = files.get(`${name}.csv`)!;
      const records = parseStrictCsv(csv);
      const width = DATA_SCHEMA[name].length;
      expect(records).toHaveLength(rows[name].length + 1);
      expect(records.every((r) => r.length === width)).toBe(true);
      const columns = DATA_SCHEMA[name].map((f) => f.name);
      const text = columns.findIndex((c) => c === 'text' || c === 'title');
      if (text >= 0) expect(records.slice(1).map((r) => r[text])).toEqual(rows[name].map((r) => String(r[columns[text]!] ?? '')));
      expect(await pythonCsvShape(csv)).toEqual({ records: rows[name].length + 1, widths: [width] });
    });
  }

  it('items.csv holds the speech passages whose text has a line feed, whole (688 records of 15 fields on the seeds)', () => {
    const items = rows.items as { id: string; text: string }[];
    const broken = items.filter((i) => /[\r\n]/.test(i.text));
    expect(broken.length).toBeGreaterThan(0);
    const records = parseStrictCsv(files.get('items.csv')!);
    const byId = new Map(records.map((r) => [r[0], r]));
    for (const i of broken) expect(byId.get(i.id)?.[8]).toBe(i.text);
    expect(records.length - 1).toBe(items.length);
  });
});

describe('addresses in the data files', () => {
  it('are absolute when the site URL is set, paths otherwise', () => {
    expect(publicUrl('/items/a-b/', 'https://kb.example.org')).toBe('https://kb.example.org/items/a-b/');
    expect(publicUrl('/items/a-b/', 'https://kb.example.org/sub/')).toBe('https://kb.example.org/items/a-b/');
    expect(publicUrl('/items/a-b/', undefined)).toBe('/items/a-b/');
  });

  it('name the item each target comes from: domain, kind and number, its title and its page', () => {
    const kb = seedKb();
    const { indicators } = dataRows(kb);
    const items = new Map(kb.documents.flatMap((d) => d.items).map((i) => [i.id, i]));
    expect(indicators.length).toBeGreaterThan(50);
    for (const t of indicators) {
      const item = items.get(t.itemId as string)!;
      expect(t.itemTitle).toBe(item.title);
      expect(t.url).toBe(`/items/${item.id}/`);
      expect(t.item).toMatch(new RegExp(`^(${item.domain ?? '未归类'} )?(主要目标|策略措施|审议建议|落实情况|讲话要点)( ${item.number})?$`));
    }
    const mmr = indicators.find((t) => t.indicator === '孕产妇死亡率' && String(t.itemId).startsWith('001_'))!;
    expect(mmr.item).toBe('妇女与健康 主要目标 2');
  });
});

describe('exports written in pieces (as writeGenerated streams them) join to the text of the whole', () => {
  // Rows with what could break a piecewise serialiser: line breaks inside strings, nested arrays
  // (empty and not), nulls, quotes, a BOM-like character, and counts around the piece size (2,000).
  const row = (k: number) => ({
    id: `t${k}`,
    title: k % 7 === 0 ? `一是\n二是 "${k}"` : k % 11 === 0 ? ` 前空格\r\n${k}` : `标题${k}\uFEFF`,
    domain: k % 3 === 0 ? null : '妇女与健康',
    items: k % 5 === 0 ? [] : [`a${k}`, `b,${k}`],
  });
  const rowsOf = (n: number) => Array.from({ length: n }, (_, k) => row(k));
  // The serialisers the ingest used when it held every export whole.
  const wholeCsv = (rows: ReturnType<typeof rowsOf>) =>
    CSV_BOM +
    stringify(
      rows.map((r) => [r.id, r.title, r.domain ?? '', r.items.join('；')]),
      { ...CSV_OPTIONS, quoted_match: [...CSV_OPTIONS.quoted_match], header: true, columns: DATA_SCHEMA.topics.map((f) => f.name) },
    );

  for (const n of [0, 1, 1999, 2000, 2001, 4500]) {
    it(`${n} rows: JSON as JSON.stringify(rows, null, 1), CSV as one csv-stringify call`, () => {
      const rows = rowsOf(n);
      const json = [...jsonArrayChunks(rows)];
      expect(json.join('')).toBe(JSON.stringify(rows, null, 1) + '\n');
      const csv = [...csvChunks('topics', rows)];
      expect(csv.join('')).toBe(wholeCsv(rows));
      // Held in pieces indeed: one per 2,000 rows (JSON: and its closing bracket).
      expect(csv).toHaveLength(Math.max(1, Math.ceil(n / 2000)));
      expect(json).toHaveLength(Math.ceil(n / 2000) + 1);
    });
  }
});
