import { describe, expect, it } from 'vitest';
import { departmentEntry } from '../../../../src/lib/schemas.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import type { Item, KbDocument } from '../../types.ts';
import { departmentEntries } from './entries.ts';
import { departmentReport } from './report.ts';

/** A document with measures naming the given departments (only what departmentEntries reads). */
function doc(id: string, city: string | null, measures: [lead: string[], partner: string[]][]): KbDocument {
  const items = measures.map(([leadDepartments, partnerDepartments], k) => ({ id: `${id}-m${k + 1}`, docId: id, kind: 'measure', leadDepartments, partnerDepartments }) as unknown as Item);
  return { id, city, items } as unknown as KbDocument;
}

describe('departmentEntries', () => {
  it('one entry per body across cities and levels, names as printed (most used first), item ids by role', () => {
    const entries = departmentEntries([
      doc('b', '吉林省', [[['吉林省卫生健康委员会'], ['省妇联']]]),
      doc('a', '大安市', [[['市卫健局', '市妇联'], []], [['市卫健局'], ['市卫生健康局']], [['市妇联'], []]]),
    ]);
    expect(entries.map((e) => e.id)).toEqual(['health', 'womens-federation']);
    const health = entries[0]!;
    expect(health).toMatchObject({ name: '市卫健局', label: '卫生健康委（局）', collective: false, known: true, cities: ['大安市', '吉林省'] });
    expect(health.names).toEqual([{ name: '市卫健局', count: 2 }, { name: '吉林省卫生健康委员会', count: 1 }, { name: '市卫生健康局', count: 1 }]);
    // Documents by id (a before b), items in reading order; lead and partner kept apart.
    expect(health.lead).toEqual(['a-m1', 'a-m2', 'b-m1']);
    expect(health.partner).toEqual(['a-m2']);
    expect(entries[1]!.lead).toEqual(['a-m1', 'a-m3']);
    expect(entries[1]!.partner).toEqual(['b-m1']);
    for (const e of entries) expect(departmentEntry.parse(e)).toEqual(e);
  });

  it('an item naming one body twice in one role counts once', () => {
    const [e] = departmentEntries([doc('a', '某市', [[['市卫健局', '卫生健康局'], []]])]);
    expect(e!.lead).toEqual(['a-m1']);
  });

  it('collective actors are entries of their own, flagged', () => {
    const entries = departmentEntries([doc('a', '某市', [[['市政府'], ['各县（市）区政府']]])]);
    expect(entries.map((e) => [e.id, e.collective])).toEqual([['government', false], ['lower-governments', true]]);
  });

  it('unknown bodies are told apart by name even when their slugs collide, with slugs that depend only on the name', () => {
    // 市石油局 / 市时有局: same toneless pinyin (shi-you-ju), two bodies.
    const both = departmentEntries([doc('a', '某市', [[['市石油局'], ['市时有局']]])]);
    expect(both).toHaveLength(2);
    expect(new Set(both.map((e) => e.id)).size).toBe(2);
    for (const e of both) expect(e.id).toMatch(/^shi-you-ju-[0-9a-f]{6}$/);
    const alone = departmentEntries([doc('a', '某市', [[['市石油局'], []]])]);
    expect(alone.map((e) => e.id)).toEqual(['shi-you-ju']);
  });

  it('on the seeds: every printed name in exactly one entry, every department-naming item listed', () => {
    const kb = seedKb();
    const entries = departmentEntries(kb.documents);
    const printed = new Set(kb.documents.flatMap((d) => d.items.flatMap((i) => [...i.leadDepartments, ...i.partnerDepartments])));
    expect(entries.flatMap((e) => e.names.map((n) => n.name)).sort()).toEqual([...printed].sort());
    const withLead = kb.documents.flatMap((d) => d.items.filter((i) => i.leadDepartments.length).map((i) => i.id));
    expect(new Set(entries.flatMap((e) => e.lead))).toEqual(new Set(withLead));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});

describe('departmentReport', () => {
  it('counts the departments and names the printed forms the alias table does not know', () => {
    const lines = departmentReport([doc('a', '某市', [[['市卫健局', '市石油局'], ['各有关部门']]])]);
    expect(lines[0]).toBe('列为牵头或配合的部门共 3 个（其中统称 1 个）');
    expect(lines[1]).toMatch(/aliases\.ts.*市石油局$/);
    expect(departmentReport([doc('a', '某市', [[[], []]])])).toEqual([]);
  });
});
