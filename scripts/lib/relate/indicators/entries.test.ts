import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorEntry } from '../../../../src/lib/schemas.ts';
import { dataRows } from '../../publish/emit/data.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import type { KnowledgeBase } from '../../types.ts';
import { indicatorEntries } from './entries.ts';
import { collectTargets } from './index.ts';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = seedKb();
});

describe('the indicators stage in the pipeline', () => {
  it('gives the knowledge base its targets, each cut exactly from its item, none from a repeated passage', () => {
    const items = new Map(kb.documents.flatMap((d) => d.items.map((i) => [i.id, { item: i, doc: d }] as const)));
    expect(kb.targets!.length).toBeGreaterThan(100);
    for (const t of kb.targets!) {
      const { item, doc } = items.get(t.itemId)!;
      expect(item.text.slice(t.start, t.start + t.text.length)).toBe(t.text);
      expect(t.docId).toBe(doc.id);
      expect(t.city).toBe(doc.city);
      expect(item.repeats).toBeUndefined();
    }
  });

  it('marks what a speech reports as reached, while plans and task lists state targets', () => {
    const kinds = new Map(kb.documents.map((d) => [d.id, d.kind]));
    const reached = kb.targets!.filter((t) => t.comparator === 'reached');
    for (const t of reached) expect(['speech', 'report', 'opinion']).toContain(kinds.get(t.docId));
    expect(kb.targets!.filter((t) => kinds.get(t.docId) === 'plan' || kinds.get(t.docId) === 'tasklist').every((t) => t.comparator !== 'reached')).toBe(true);
  });

  it('tells the editor, in Chinese with file and lines, about a goal\'s figure it could not read as a target', () => {
    const doc = structuredClone(kb.documents.find((d) => d.id.startsWith('001_'))!);
    const goal = doc.items.find((i) => i.id.endsWith('children-family-g6'))!;
    // A figure in a sentence of no shape the reader knows: a value, then a noun, no predicate.
    goal.text = '家庭教育指导服务体系基本建成。覆盖95%的城市社区。';
    doc.items = [goal];
    const warnings: string[] = [];
    collectTargets([doc], (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^001_[0-9a-f]+\.txt 第 \d+(–\d+)? 行（\S+-children-family-g6）：数值未读作目标（不列入指标对比）：“….*95%.*…”。/);
    // On the seeds every goal figure is read.
    const seedWarnings: string[] = [];
    collectTargets(kb.documents, (m) => seedWarnings.push(m));
    expect(seedWarnings).toEqual([]);
  });
});

describe('indicatorEntries', () => {
  it('one valid entry per indicator, ASCII ids, every target once, cities counted once', () => {
    const entries = indicatorEntries(kb);
    for (const e of entries) expect(indicatorEntry.parse(e)).toEqual(e);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.id).toMatch(/^[a-z0-9-]+$/);
    expect(entries.reduce((n, e) => n + e.targets.length, 0)).toBe(kb.targets!.length);
    const mmr = entries.find((e) => e.name === '孕产妇死亡率')!;
    expect(mmr.cities).toEqual(['大安市', '阜新市']);
    expect(mmr.units).toEqual(['/10万']);
  });

  it('computes the targets when a knowledge base comes without them, the same as the pipeline', () => {
    const without = { ...kb, targets: undefined };
    expect(indicatorEntries(without)).toEqual(indicatorEntries(kb));
  });

  it('the open-data rows: one per target, by indicator, with the columns the data page documents', () => {
    const { indicators } = dataRows(kb);
    expect(indicators).toHaveLength(kb.targets!.length);
    expect(Object.keys(indicators[0]!)).toEqual(['itemId', 'docId', 'city', 'indicator', 'comparator', 'value', 'valueMax', 'unit', 'year', 'text', 'item', 'itemTitle', 'url']);
    const names = indicators.map((r) => r.indicator as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
