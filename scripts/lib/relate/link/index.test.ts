import { beforeAll, describe, expect, it } from 'vitest';
import { seedKb } from '../../testing/seed-kb.ts';
import type { Item } from '../../types.ts';
import { kindsComparable, linkItems } from './index.ts';

let items: Item[];
let docs: { id: string; city: string | null }[];
beforeAll(() => {
  const kb = seedKb();
  items = kb.documents.flatMap((d) => d.items);
  docs = kb.documents.map((d) => ({ id: d.id, city: d.city }));
}, 120_000);

describe('linkItems', () => {
  it('gives the same links, topics and ids whatever the input order', () => {
    const a = linkItems(items, docs);
    const b = linkItems([...items].reverse(), [...docs].reverse());
    expect(b.links).toEqual(a.links);
    expect(b.topics).toEqual(a.topics);
    expect(a.stats.candidates).toBeGreaterThan(0);
  });

  it('never links two documents of the same city; unknown city is a place of its own', () => {
    const [fuxin, daan] = ['001_6e786ead64a8a593', '003_89b52d1760550c11'];
    const sameCity = docs.map((d) => (d.id === daan ? { ...d, city: '阜新市' } : d));
    const { links } = linkItems(items, sameCity);
    expect(links.some((l) => l.source.startsWith(fuxin) && l.target.startsWith(daan))).toBe(false);
    const unknown = docs.map((d) => (d.id === fuxin || d.id === daan ? { ...d, city: null } : d));
    expect(linkItems(items, unknown).links.some((l) => l.source.startsWith(fuxin) && l.target.startsWith(daan))).toBe(true);
  });

  it('links goals to goals and measures to measures; summaries to either but goals', () => {
    expect(kindsComparable('goal', 'measure')).toBe(false);
    expect(kindsComparable('recommendation', 'measure')).toBe(true);
    expect(kindsComparable('report', 'goal')).toBe(false);
    const kindOf = new Map(items.map((i) => [i.id, i.kind]));
    for (const l of linkItems(items, docs).links) expect(kindsComparable(kindOf.get(l.source)!, kindOf.get(l.target)!)).toBe(true);
  });

  it('keeps topic ids stable when another city joins a topic', () => {
    const { topics } = linkItems(items, docs);
    const without = linkItems(items.filter((i) => !i.docId.startsWith('000_') && !i.docId.startsWith('002_')), docs);
    const ids = new Set(topics.map((t) => t.id));
    const kept = without.topics.filter((t) => ids.has(t.id));
    expect(kept.length / without.topics.length).toBeGreaterThan(0.9);
  });
});
