import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentPartition, ownedByDocuments, partitionItems, partitionOf, planPartitions, projectDepartments, projectIndicators, type DocumentPages } from './partition';

/** A seeded corpus of document sizes as a province has them: task lists of 20–80 pages, plans of 200–600. */
function corpus(count: number, seed: number): DocumentPages[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, (_, k) => ({
    id: `${String(k).padStart(4, '0')}_${(Math.floor(rnd() * 1e12)).toString(16)}`,
    pages: rnd() < 0.5 ? 20 + Math.floor(rnd() * 60) : 200 + Math.floor(rnd() * 400),
  }));
}

const shuffled = <T>(list: T[], seed: number) => {
  let s = seed;
  return list
    .map((x) => ({ x, r: (s = (Math.imul(s, 48271) + 1) >>> 0) }))
    .sort((a, b) => a.r - b.r)
    .map(({ x }) => x);
};

describe('planPartitions', () => {
  for (const [count, maxPages] of [[30, 2_000], [300, 10_000], [1_000, 35_000], [1_000, 5_000]] as const) {
    it(`${count} documents, at most ${maxPages} pages: every document in exactly one group, groups bounded, same plan whatever the input order`, () => {
      const docs = corpus(count, count + maxPages);
      const plan = planPartitions(docs, { maxPages });
      const total = docs.reduce((t, d) => t + d.pages, 0);
      const pages = new Map(docs.map((d) => [d.id, d.pages]));
      const all = plan.groups.flat();
      expect(all.sort()).toEqual(docs.map((d) => d.id).sort());
      expect(new Set(all).size).toBe(docs.length);
      for (const g of plan.groups) expect(g.reduce((t, id) => t + pages.get(id)!, 0)).toBeLessThanOrEqual(maxPages);
      // Filled, not scattered: all but the last group take more than half the bound.
      for (const g of plan.groups.slice(0, -1)) expect(g.reduce((t, id) => t + pages.get(id)!, 0)).toBeGreaterThan(maxPages / 2);
      expect(plan.count).toBe(total <= maxPages ? 1 : plan.groups.length + 1);
      expect(planPartitions(shuffled(docs, 3), { maxPages })).toEqual(plan);
    });
  }

  it('a site that fits one partition is one partition, built whole', () => {
    const plan = planPartitions(corpus(5, 1), { maxPages: 35_000 });
    expect(plan).toEqual({ groups: [], count: 1 });
    expect(partitionOf(plan, 1)).toBeUndefined();
  });

  it('a single document larger than the bound gets a group of its own', () => {
    const plan = planPartitions([{ id: 'a', pages: 10 }, { id: 'b', pages: 500 }, { id: 'c', pages: 10 }], { maxPages: 100 });
    expect(plan.groups).toEqual([['a'], ['b'], ['c']]);
  });

  it('a document whose id sorts last changes only the last group (the other partitions stay cached)', () => {
    const docs = corpus(300, 9);
    const before = planPartitions(docs, { maxPages: 10_000 });
    const after = planPartitions([...docs, { id: '9999_new', pages: 400 }], { maxPages: 10_000 });
    const changed = after.groups.filter((g, k) => JSON.stringify(g) !== JSON.stringify(before.groups[k]));
    expect(changed.length).toBe(1);
    expect(changed[0]).toContain('9999_new');
  });

  it('a fixed count (a CI matrix) gives exactly count − 1 groups of about equal pages, and the aggregate last', () => {
    const docs = corpus(200, 4);
    const pages = new Map(docs.map((d) => [d.id, d.pages]));
    const total = docs.reduce((t, d) => t + d.pages, 0);
    for (const count of [2, 3, 5, 9]) {
      const plan = planPartitions(docs, { maxPages: 35_000, count });
      expect(plan.count).toBe(count);
      expect(plan.groups).toHaveLength(count - 1);
      expect(plan.groups.flat().sort()).toEqual(docs.map((d) => d.id).sort());
      for (const g of plan.groups) expect(Math.abs(g.reduce((t, id) => t + pages.get(id)!, 0) - total / (count - 1))).toBeLessThan(700);
      expect(partitionOf(plan, count)).toEqual({ k: count, n: count });
      expect(partitionOf(plan, 1)?.docs).toEqual(plan.groups[0]);
    }
    expect(() => planPartitions(docs.slice(0, 2), { maxPages: 100, count: 5 })).toThrow(/分区数 5 多于文档数 2/);
    expect(() => partitionOf(planPartitions(docs, { maxPages: 35_000, count: 3 }), 4)).toThrow(/分区 4\/3 不存在/);
  });
});

describe('which partition a page belongs to', () => {
  it('document partitions own item, document and source pages; the aggregate everything else', () => {
    for (const f of ['items/001_x-3/index.html', 'documents/001_x/index.html', 'sources/001_x.txt']) expect(ownedByDocuments(f)).toBe(true);
    for (const f of ['index.html', 'documents/index.html', 'topics/t1/index.html', 'cities/index.html', '_astro/site.css', 'data/items.json', 'sitemap-0.xml', 'itemsearch/index.html'])
      expect(ownedByDocuments(f)).toBe(false);
  });

  it('reads KB_PARTITION and rejects a malformed one', () => {
    expect(currentPartition({})).toBeUndefined();
    expect(currentPartition({ KB_PARTITION: '{"k":1,"n":2,"docs":["a"]}' })).toEqual({ k: 1, n: 2, docs: ['a'] });
    expect(() => currentPartition({ KB_PARTITION: '{"k":3,"n":2}' })).toThrow(/KB_PARTITION/);
  });
});

describe('what a document partition loads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-partition-'));
  mkdirSync(dir, { recursive: true });
  const item = (id: string, docId: string, related: string[] = [], addressedBy: string[] = []) => ({ id, docId, related: related.map((r) => ({ id: r })), ...(addressedBy.length ? { addressedBy: addressedBy.map((r) => ({ id: r })) } : {}) });
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify([item('a-1', 'a', ['b-1']), item('a-2', 'a', [], ['c-2'])]));
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify([item('b-1', 'b', ['a-1']), item('b-2', 'b')]));
  writeFileSync(path.join(dir, 'c.json'), JSON.stringify([item('c-1', 'c'), item('c-2', 'c')]));

  const load = async (docs?: string[]) => {
    const out: string[] = [];
    for await (const { entries } of partitionItems(dir, docs ? { k: 1, n: 2, docs } : undefined)) out.push(...entries.map((e) => e.id));
    return out.sort();
  };

  it('its documents’ items and the other items they name, nothing else', async () => {
    expect(await load(['a'])).toEqual(['a-1', 'a-2', 'b-1', 'c-2']);
    expect(await load(['c'])).toEqual(['c-1', 'c-2']);
    expect(await load()).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'c-1', 'c-2']);
  });

  it('its share of departments and indicators: other documents’ measures and targets left out', () => {
    const own = new Set(['a-1', 'a-2']);
    const departments = [
      { id: 'd1', lead: ['a-1', 'b-1'], partner: ['c-1'] },
      { id: 'd2', lead: ['b-2'], partner: [] },
    ];
    expect(projectDepartments(departments, own)).toEqual([{ id: 'd1', lead: ['a-1'], partner: [] }]);
    const indicators = [
      { id: 'i1', targets: [{ itemId: 'b-1' }, { itemId: 'a-2' }], results: [{ target: 0, reached: 1 }] },
      { id: 'i2', targets: [{ itemId: 'c-1' }] },
    ];
    expect(projectIndicators(indicators, own)).toEqual([{ id: 'i1', targets: [{ itemId: 'a-2' }] }]);
  });
});
