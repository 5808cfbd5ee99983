import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeKey, documentKey, partitionKey } from './key';

/**
 * A small project: documents a, b, c; a's first item names b's first as related (shown only once
 * filled in after Astro, src/lib/item-links.ts); c is unrelated to a.
 */
let root: string;
const write = (file: string, data: unknown) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), typeof data === 'string' ? data : JSON.stringify(data));
};
const item = (id: string, docId: string, title: string, related: string[] = []) => ({ id, docId, title, related: related.map((r) => ({ id: r, score: 0.5 })) });
const A = { k: 1, n: 3, docs: ['a'] };
const AGGREGATE = { k: 3, n: 3 };

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kb-key-'));
  write('src/pages/items/[id].astro', '<h1>item</h1>');
  write('astro.config.mjs', 'export default {}');
  write('content/generated/items/a.json', [item('a-1', 'a', '加强母婴安全保障', ['b-1']), item('a-2', 'a', '促进就业')]);
  write('content/generated/items/b.json', [item('b-1', 'b', '保障孕产妇安全', ['a-1'])]);
  write('content/generated/items/c.json', [item('c-1', 'c', '发展托育服务')]);
  for (const d of ['a', 'b', 'c']) write(`content/generated/documents/${d}.mdx`, `---\nid: ${d}\n---\n正文 ${d}`);
  write('content/generated/departments/departments.json', [{ id: 'wsj', lead: ['a-1', 'c-1'], partner: [], names: [{ name: '市卫健局', count: 2 }] }]);
  write('content/generated/indicators/indicators.json', [{ id: 'i1', targets: [{ itemId: 'a-2' }, { itemId: 'c-1' }] }]);
  write('public/data/items.json', '[]');
});

describe('partitionKey', () => {
  it('is deterministic', async () => {
    expect(await partitionKey(root, A)).toBe(await partitionKey(root, A));
    expect(await partitionKey(root, A)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change when only an unrelated document changes: its items, its departments’ and indicators’ share', async () => {
    const before = await partitionKey(root, A);
    write('content/generated/items/c.json', [item('c-1', 'c', '发展普惠托育服务'), item('c-2', 'c', '新增一条')]);
    write('content/generated/documents/c.mdx', '---\nid: c\n---\n改写的正文');
    write('content/generated/departments/departments.json', [{ id: 'wsj', lead: ['a-1', 'c-1', 'c-2'], partner: [], names: [{ name: '市卫健局', count: 3 }], cities: ['阜新市', '大安市'] }]);
    write('content/generated/indicators/indicators.json', [{ id: 'i1', targets: [{ itemId: 'a-2' }, { itemId: 'c-1' }, { itemId: 'c-2' }] }]);
    write('public/data/items.json', '[1]');
    // b-1, which a-1 names, takes in a new related item: a's pages show only b-1's title.
    write('content/generated/items/b.json', [item('b-1', 'b', '保障孕产妇安全', ['a-1', 'c-2'])]);
    expect(await partitionKey(root, A)).toBe(before);
    // …nor when the partition number changes with the same documents (a larger plan).
    expect(await partitionKey(root, { k: 2, n: 5, docs: ['a'] })).toBe(before);
    // …nor when the items a-1 names change their titles, or a-1's own related list changes:
    // Astro renders a placeholder there, filled in afterwards.
    write('content/generated/items/b.json', [item('b-1', 'b', '保障孕产妇和婴儿安全', ['a-1'])]);
    write('content/generated/items/a.json', [item('a-1', 'a', '加强母婴安全保障', ['b-1', 'c-1']), item('a-2', 'a', '促进就业')]);
    expect(await partitionKey(root, A)).toBe(before);
  });

  it('changes with what the partition’s pages show', async () => {
    const before = await partitionKey(root, A);
    const changes: [string, unknown][] = [
      ['content/generated/items/a.json', [item('a-1', 'a', '加强母婴安全保障', ['b-1']), item('a-2', 'a', '促进妇女就业')]],
      ['content/generated/documents/a.mdx', '---\nid: a\n---\n正文 a 改'],
      ['content/generated/departments/departments.json', [{ id: 'wsj', lead: ['c-1'], partner: ['a-1'], names: [{ name: '市卫健局', count: 2 }] }]],
      ['content/generated/indicators/indicators.json', [{ id: 'i1', targets: [{ itemId: 'c-1' }] }]],
      ['src/pages/items/[id].astro', '<h1>item page, new layout</h1>'],
    ];
    for (const [file, data] of changes) {
      const keep = readFileSync(path.join(root, file), 'utf8');
      write(file, data);
      expect(await partitionKey(root, A), file).not.toBe(before);
      write(file, keep);
      expect(await partitionKey(root, A), `${file} restored`).toBe(before);
    }
    expect(await partitionKey(root, { k: 1, n: 3, docs: ['a', 'c'] })).not.toBe(before);
  });

  it('the aggregate partition’s key changes with any document', async () => {
    const before = await partitionKey(root, AGGREGATE);
    write('content/generated/items/c.json', [item('c-1', 'c', '发展普惠托育服务')]);
    expect(await partitionKey(root, AGGREGATE)).not.toBe(before);
  });
});

describe('documentKey', () => {
  const departments: { id: string; lead: string[]; partner: string[]; names: { name: string; count: number }[] }[] = [{ id: 'wsj', lead: ['a-1', 'c-1'], partner: [], names: [{ name: '市卫健局', count: 2 }] }];
  const indicators = [{ id: 'i1', targets: [{ itemId: 'a-2' }, { itemId: 'c-1' }] }];
  const entries = [item('a-1', 'a', '加强母婴安全保障', ['b-1']), item('a-2', 'a', '促进就业')];
  const key = (over: { entries?: typeof entries; mdx?: string; departments?: typeof departments; indicators?: typeof indicators; code?: string } = {}) =>
    documentKey(over.code ?? 'code', 'a', over.entries ?? entries, over.mdx ?? '正文 a', over.departments ?? departments, over.indicators ?? indicators);

  it('changes with the document’s own entries, its MDX, its share of departments and indicators, and the code', async () => {
    const before = key();
    expect(key()).toBe(before);
    expect(key({ entries: [entries[0]!, item('a-2', 'a', '促进妇女就业')] })).not.toBe(before);
    expect(key({ mdx: '正文 a 改' })).not.toBe(before);
    expect(key({ departments: [{ id: 'wsj', lead: ['c-1'], partner: ['a-1'], names: [{ name: '市卫健局', count: 2 }] }] })).not.toBe(before);
    expect(key({ indicators: [{ id: 'i1', targets: [{ itemId: 'c-1' }] }] })).not.toBe(before);
    expect(key({ code: await codeKey(root) })).not.toBe(before);
  });

  it('does not change with its items’ links to other documents, nor with other documents’ departments and indicators', () => {
    const before = key();
    expect(key({ entries: [{ ...item('a-1', 'a', '加强母婴安全保障', ['b-1', 'c-1']), addressedBy: [{ id: 'c-1', score: 0.3 }] } as never, entries[1]!] })).toBe(before);
    expect(key({ departments: [...departments, { id: 'fl', lead: ['c-1'], partner: [], names: [{ name: '市妇联', count: 1 }] }] })).toBe(before);
    expect(key({ indicators: [{ id: 'i1', targets: [{ itemId: 'a-2' }, { itemId: 'c-1' }, { itemId: 'c-2' }] }] })).toBe(before);
  });
});
