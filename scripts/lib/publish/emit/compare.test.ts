import { describe, expect, it } from 'vitest';
import type { CompareFile } from '../../../../src/lib/compare.ts';
import { splitWords } from '../../../../src/lib/diff.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { cutWords } from '../../text/segment.ts';
import { compareFiles } from './compare.ts';
import { relatedItems, type Placed } from './entries.ts';
import { topicReference } from './differences.ts';
import { targetsOf } from '../../relate/indicators/entries.ts';
import { byCodePoint } from '../../../../src/lib/collation.ts';

describe('the compare page’s data, on the seeds', () => {
  const kb = seedKb();
  const files = compareFiles(kb);
  const file = (id: string) => JSON.parse(files.get(`compare/${id}.json`)!) as CompareFile;
  const byId = new Map(kb.documents.map((d) => [d.id, d]));

  it('one file per plan or task list, with every item that is not a repeat, in reading order', () => {
    const comparable = kb.documents.filter((d) => d.kind === 'plan' || d.kind === 'tasklist');
    expect([...files.keys()].sort()).toEqual(comparable.map((d) => `compare/${d.id}.json`).sort());
    expect(comparable.map((d) => d.city).sort()).toEqual(['大安市', '阜新市']);
    for (const doc of comparable) {
      const f = file(doc.id);
      expect(f.document).toEqual({ id: doc.id, title: doc.title, city: doc.city, kind: doc.kind, populations: doc.populations });
      expect(f.items.map((i) => i.id)).toEqual(doc.items.filter((i) => !i.repeats).map((i) => i.id));
    }
    expect(compareFiles(seedKb())).toEqual(files); // deterministic
  });

  it('items carry their words as cuts that spell the text (jieba’s lossless cut) and links only to other comparable documents', () => {
    let linked = 0;
    for (const [, text] of files) {
      for (const i of (JSON.parse(text) as CompareFile).items) {
        expect(splitWords(i.text, i.cuts)).toEqual(cutWords(i.text));
        for (const [id, score] of i.related) {
          const doc = byId.get(id.slice(0, id.indexOf('-')))!;
          expect(['plan', 'tasklist']).toContain(doc.kind);
          expect(score).toBeGreaterThan(0);
          linked++;
        }
      }
    }
    expect(linked).toBeGreaterThan(300);
  });

  it('items carry the indicators they set targets for, as the indicators stage names them (sorted, once each)', () => {
    const byItem = new Map<string, Set<string>>();
    for (const t of targetsOf(kb)) byItem.set(t.itemId, (byItem.get(t.itemId) ?? new Set()).add(t.indicator));
    let withIndicators = 0;
    for (const [, text] of files) {
      for (const i of (JSON.parse(text) as CompareFile).items) {
        const expected = [...(byItem.get(i.id) ?? [])].sort(byCodePoint);
        expect(i.indicators ?? []).toEqual(expected);
        if (expected.length) withIndicators++;
      }
    }
    expect(withIndicators).toBeGreaterThan(30);
    const fuxinG9 = file('001_6e786ead64a8a593').items.find((i) => i.id === '001_6e786ead64a8a593-children-health-g9')!;
    expect(fuxinG9.indicators).toEqual(expect.arrayContaining(['5岁以下儿童贫血率', '5岁以下儿童生长迟缓率']));
  });
});

describe('a topic’s reference member', () => {
  const kb = seedKb();
  const placed = new Map<string, Placed>();
  for (const doc of kb.documents) doc.items.forEach((item, order) => placed.set(item.id, { item, doc, order }));
  const related = relatedItems(kb.links, placed);

  it('is the member with the highest summed link score to the others; ties and no links go to the earlier', () => {
    const [x, y, z] = [...placed.keys()].filter((id) => placed.get(id)!.doc.level !== 'province').slice(0, 3) as [string, string, string];
    const r = (id: string, score: number) => ({ id, score, sharedTerms: [] });
    // y is closest to both others (0.5 + 0.6); a link to an item outside the topic does not count.
    const links = new Map([
      [x, [r(y, 0.5), r(z, 0.1)]],
      [y, [r(x, 0.5), r(z, 0.6)]],
      [z, [r(y, 0.6), r(x, 0.1), r('elsewhere', 0.99)]],
    ]);
    expect(topicReference([x, y, z], placed, links)).toBe(y);
    expect(topicReference([x, z], placed, links)).toBe(x); // 0.1 each: the earlier
    expect(topicReference([z, x, y], placed, new Map())).toBe(z);
    expect(topicReference([], placed, links)).toBeNull();
    // On the seeds' topics: always a member.
    for (const t of kb.topics) expect(t.items).toContain(topicReference(t.items, placed, related));
  });

  it('prefers a provincial plan’s member, which the cities’ plans reword', () => {
    const t = kb.topics.find((x) => x.items.length >= 2)!;
    const last = t.items[t.items.length - 1]!;
    const p = placed.get(last)!;
    const province = new Map(placed);
    province.set(last, { ...p, doc: { ...p.doc, level: 'province' } });
    expect(topicReference(t.items, province, related)).toBe(last);
  });
});
