import { describe, expect, it } from 'vitest';
import { alignItems, compareDocuments, COMPARISON_COLUMNS, comparisonRows, sharedPopulations, type CompareFile, type CompareItem } from './compare.ts';
import { encodeCuts, sideOf, splitWords } from './diff.ts';
import { cutWords } from '../../scripts/lib/text/segment.ts';

const cut = (text: string) => ({ text, cuts: encodeCuts(cutWords(text)) });

const item = (id: string, related: [string, number][] = [], over: Partial<CompareItem> = {}): CompareItem => ({
  id,
  number: id.slice(-1),
  title: `标题${id}`,
  text: `正文${id}。`,
  kind: 'measure',
  population: '妇女',
  domain: '妇女与健康',
  cuts: '',
  related,
  ...over,
});

describe('aligning two documents’ items by their cross-links', () => {
  it('takes the best-scored link first, one to one, links from either end; pairs in A’s order', () => {
    // a1's best is b1 (0.9); a2 also links to b1 (0.8) but b1 is taken, so a2 gets b2 (0.5, from b2's end).
    const a = [item('a1', [['b1', 0.9]]), item('a2', [['b1', 0.8], ['x9', 0.99]]), item('a3')];
    const b = [item('b1'), item('b2', [['a2', 0.5]]), item('b3')];
    const { pairs, onlyA, onlyB } = alignItems(a, b);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.score])).toEqual([
      ['a1', 'b1', 0.9],
      ['a2', 'b2', 0.5],
    ]);
    expect(onlyA.map((i) => i.id)).toEqual(['a3']);
    expect(onlyB.map((i) => i.id)).toEqual(['b3']);
  });

  it('the greedy order is by score, not by position: a later better pair wins the shared item', () => {
    const a = [item('a1', [['b1', 0.4]]), item('a2', [['b1', 0.7]])];
    const b = [item('b1')];
    expect(alignItems(a, b).pairs.map((p) => p.a.id)).toEqual(['a2']);
    // The same link seen from both ends counts once, at its higher score.
    const both = alignItems([item('a1', [['b1', 0.3]])], [item('b1', [['a1', 0.6]])]);
    expect(both.pairs.map((p) => p.score)).toEqual([0.6]);
  });
});

describe('comparing two documents', () => {
  const file = (id: string, populations: CompareFile['document']['populations'], items: CompareItem[]): CompareFile => ({
    document: { id, title: id, city: id, kind: 'plan', populations },
    items,
  });
  const a = file('A', ['妇女', '儿童'], [
    item('a1', [['b1', 0.8]], cut('加强妇女全生命周期的健康服务。')),
    item('a2', [['b2', 0.6]], { domain: '儿童与健康', population: '儿童' }),
    item('a3', [], { domain: '妇女与教育' }),
  ]);
  const b = file('B', ['妇女'], [item('b1', [], cut('提高妇女全生命周期的健康服务水平。')), item('b2', [], { domain: '儿童与健康', population: '儿童' })]);

  it('keeps to the populations both cover and to the chosen domain; each pair has its differences', () => {
    expect(sharedPopulations(a.document, b.document)).toEqual(['妇女']);
    const all = compareDocuments(a, b);
    expect(all.pairs.map((p) => [p.a.id, p.b.id])).toEqual([['a1', 'b1']]);
    expect(all.onlyA.map((i) => i.id)).toEqual(['a3']); // a2 is about children, which B does not cover
    expect(all.onlyB).toEqual([]);
    const p = all.pairs[0]!;
    expect(splitWords(p.b.text, p.b.cuts)).toContain('服务水平'); // the words the ingest cut, not characters
    expect([sideOf(p.parts, 'a'), sideOf(p.parts, 'b')]).toEqual([p.a.text, p.b.text]);
    expect(p.parts.filter((x) => x.op !== 'equal').map((x) => x.text)).toEqual(['加强', '提高', '水平']);
    const health = compareDocuments(a, b, '妇女与健康');
    expect(health.onlyA).toEqual([]);
    expect(compareDocuments(a, file('C', ['儿童'], [])).populations).toEqual(['儿童']);
  });

  it('as CSV rows: a header, then pairs, then each side’s own items', () => {
    const rows = comparisonRows(compareDocuments(a, b));
    expect(rows[0]).toEqual([...COMPARISON_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['paired', 'a1', 'b1'],
      ['only-a', 'a3', ''],
    ]);
    expect(rows[1]![4]).toBe('加强妇女全生命周期的健康服务。');
    expect(rows.every((r) => r.length === COMPARISON_COLUMNS.length)).toBe(true);
  });
});
