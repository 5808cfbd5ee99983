import { describe, expect, it } from 'vitest';
import { cityEntry, documentEntry, domainEntry, itemEntry, readAsSummary, relatedItems, topicEntry, type Placed } from './entries.ts';
import * as schema from '../../../../src/lib/schemas.ts';
import { DOMAINS } from '../../../../src/lib/vocabulary.ts';
import { seedKb } from '../../testing/seed-kb.ts';

describe('collection entries built from the seeds', () => {
  const kb = seedKb();
  const placed = new Map<string, Placed>();
  for (const doc of kb.documents) doc.items.forEach((item, order) => placed.set(item.id, { item, doc, order }));
  const related = relatedItems(kb.links, placed);

  it('pass the collection schemas the pages read (strictly: no field missing, none extra)', () => {
    for (const doc of kb.documents) expect(schema.documentEntry.strict().parse(documentEntry(doc))).toBeTruthy();
    for (const p of placed.values()) {
      expect(schema.itemEntry.strict().parse(itemEntry(p, null, related.get(p.item.id) ?? []))).toBeTruthy();
    }
    for (const d of DOMAINS) expect(schema.domainEntry.strict().parse(domainEntry(d, [...placed.values()], kb.topics, placed))).toBeTruthy();
    expect(schema.cityEntry.strict().parse(cityEntry('fu-xin-shi', kb.documents.filter((d) => d.city === '阜新市')))).toBeTruthy();
    for (const t of kb.topics) expect(schema.topicEntry.strict().parse(topicEntry(t, placed))).toBeTruthy();
  });

  it('show every link from both ends, best first', () => {
    const link = kb.links[0]!;
    expect(related.get(link.source)!.map((r) => r.id)).toContain(link.target);
    expect(related.get(link.target)!.map((r) => r.id)).toContain(link.source);
    for (const list of related.values()) {
      const scores = list.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

describe('readAsSummary', () => {
  it('totals what each radical was read as over the document, most frequent first, with its lines', () => {
    const summary = readAsSummary([
      { line: 3, from: '⺠', to: '民', count: 1, reason: 'radical' },
      { line: 1, from: '⼥', to: '女', count: 2, reason: 'radical' },
      { line: 4, from: '⼥', to: '女', count: 3, reason: 'radical' },
    ]);
    expect(summary).toEqual([
      { from: '⼥', to: '女', count: 5, lines: 2 },
      { from: '⺠', to: '民', count: 1, lines: 1 },
    ]);
  });
});
