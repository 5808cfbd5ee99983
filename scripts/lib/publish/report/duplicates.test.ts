import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import { comparableText, DUPLICATE_OPTIONS, duplicateRelation, estimateSimilarity, exactDuplicateMessage, exactDuplicates, nearDuplicateWarnings, nearDuplicates, overlap, sketch } from './duplicates.ts';

const doc = (name: string, text: string | Uint8Array) => ingestDocument(name, typeof text === 'string' ? Buffer.from(text) : text);

describe('exact duplicates', () => {
  const text = seedText(SEED.jinganReport);

  it('the same bytes under two names, and the same text in GBK with CRLF, are found and named', () => {
    const a = doc('a.txt', text);
    const b = doc('b.txt', text);
    const c = doc('c.txt', iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'));
    const found = exactDuplicates([a, b, c]);
    expect(found.map((d) => [d.first.source, d.second.source, d.same])).toEqual([['a.txt', 'b.txt', 'bytes'], ['a.txt', 'c.txt', 'text']]);
    expect(exactDuplicateMessage(found[0]!, (s) => `seeds/${s}`)).toBe('seeds/b.txt：与 seeds/a.txt 是完全相同的文件。请保留其一，删除另一份（连同它的 .meta.json）。');
    expect(exactDuplicateMessage(found[1]!)).toBe('c.txt：与 a.txt 的文字完全相同（分别按 gb18030 和 utf-8 读取，页眉页码等不计）。请保留其一，删除另一份（连同它的 .meta.json）。');
  });

  it('one changed character is not an exact duplicate', () => {
    expect(exactDuplicates([doc('a.txt', text), doc('b.txt', text.replace('静安区', '静安县'))])).toEqual([]);
  });

  it('no two seeds are exact duplicates', () => {
    expect(exactDuplicates(seedKb().documents)).toEqual([]);
  });
});

describe('sketches', () => {
  it('estimate the Jaccard similarity of two texts near its exact value', () => {
    const a = comparableText(doc('a.txt', seedText(SEED.fuxinPlans)));
    // A quarter of the text replaced by other text.
    const b = a.slice(0, Math.floor(a.length * 0.75)) + comparableText(doc('b.txt', seedText(SEED.daanTaskLists))).slice(0, Math.floor(a.length * 0.25));
    const exact = overlap(a, b).similarity;
    const estimate = estimateSimilarity(sketch(a), sketch(b), DUPLICATE_OPTIONS.sketchSize);
    expect(exact).toBeGreaterThan(0.4);
    expect(exact).toBeLessThan(0.8);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.1);
  });

  it('count distinct shingles; an empty text has none', () => {
    expect(sketch('一二三四五一二三四五').size).toBe(5);
    expect(sketch('').size).toBe(0);
    expect(overlap('', '一二三四五')).toEqual({ similarity: 0, containment: 0 });
  });
});

describe('near duplicates', () => {
  it('a copy of a seed with a few edits is a near duplicate of it, each naming the other', () => {
    const text = seedText(SEED.jinganReport);
    const original = doc('002.txt', text);
    const edited = doc('005.txt', text.replace('静安区', '黄浦区').replace(/2025年12月22日/g, '2026年1月5日').replace('特此报告。', ''));
    const pairs = nearDuplicates([original, edited, doc('000.txt', seedText(SEED.ansanOpinion))]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.9);
    const warnings = nearDuplicateWarnings(pairs);
    expect(warnings.get(original)).toEqual([expect.objectContaining({ code: 'near-duplicate', other: '005.txt' })]);
    expect(warnings.get(edited)).toEqual([expect.objectContaining({ code: 'near-duplicate', other: '002.txt' })]);
  });

  it('one plan taken out of the file that holds both is contained in it', () => {
    const both = seedText(SEED.fuxinPlans);
    const children = both.slice(both.lastIndexOf('阜新市儿童发展规划（2021—2030 年）'));
    const [pair] = nearDuplicates([doc('both.txt', both), doc('children.txt', children)]);
    expect(pair!.containment).toBeGreaterThan(0.95);
    expect(pair!.similarity).toBeLessThan(0.8);
  });

  it('none among the five seeds, though they share much of their wording', () => {
    expect(nearDuplicates(seedKb().documents)).toEqual([]);
  });
});

describe('near-duplicate advice: other places are information, the same document twice is not', () => {
  const text = seedText(SEED.jinganReport);
  /** The report as another district's, or the same district's, with a sidecar saying where. */
  const as = (name: string, sidecar: object) => ingestDocument(name, Buffer.from(text.replace(/静安区/g, '某某区')), JSON.stringify(sidecar));
  const adviceOf = (a: ReturnType<typeof as>, b: ReturnType<typeof as>) => {
    const warnings = nearDuplicateWarnings(nearDuplicates([a, b]));
    return [warnings.get(a)![0]!, warnings.get(b)![0]!] as const;
  };

  it.each([
    ['a county reusing its city’s wording', { city: '阜新市', province: '辽宁省', level: 'city' }, { city: '彰武县', province: '辽宁省', level: 'county' }],
    ['two districts of one city', { city: '上海市静安区', level: 'district' }, { city: '上海市黄浦区', level: 'district' }],
    ['a province and one of its cities', { city: null, province: '辽宁省', level: 'province' }, { city: '铁岭市', province: '辽宁省', level: 'city' }],
    ['two cities of two provinces', { city: '大安市', province: '吉林省' }, { city: '铁岭市', province: '辽宁省' }],
  ])('%s: both are published, no "keep one"', (_, a, b) => {
    const [wa, wb] = adviceOf(as('a.txt', a), as('b.txt', b));
    for (const w of [wa, wb]) {
      expect(w).toMatchObject({ code: 'near-duplicate', relation: 'other-place' });
      expect(w.message).not.toMatch(/保留其一/);
      expect(w.message).toMatch(/无需处理/);
    }
    const place = (m: { city: string | null; province?: string }) => m.city ?? m.province!;
    expect(wa.message.startsWith(`${place(a)}的文件大部分文字与${place(b)}的文件（b.txt）相同`)).toBe(true);
    expect(wb.message.startsWith(`${place(b)}的文件大部分文字与${place(a)}的文件（a.txt）相同`)).toBe(true);
  });

  it('the same document twice (same place, same kind): keep one', () => {
    const [wa, wb] = adviceOf(as('a.txt', { city: '上海市静安区' }), as('b.txt', { city: '上海市静安区' }));
    expect(wa).toMatchObject({ relation: 'same-document', other: 'b.txt' });
    expect(wa.message).toMatch(/^与 b\.txt 的文字大部分相同（相似度 \d+%，较短一份的 \d+% 见于另一份），两份文件地方和类型相同，可能是同一文件收录了两次。请保留其一/);
    expect(wb.message).toMatch(/^与 a\.txt /);
  });

  it('the same place but another kind, and a place one does not state: ask, with the fix', () => {
    const [kind] = adviceOf(as('a.txt', { city: '上海市静安区' }), as('b.txt', { city: '上海市静安区', kind: 'opinion' }));
    expect(kind).toMatchObject({ relation: 'other-kind' });
    expect(kind.message).toContain('一份是落实情况报告、一份是审议意见');
    const [unknown, known] = adviceOf(as('a.txt', { city: null, province: null }), as('b.txt', { city: '上海市静安区' }));
    expect(unknown).toMatchObject({ relation: 'place-unknown' });
    expect(unknown.message).toContain('请在 a.txt.meta.json 中补充 "city"');
    expect(known.message).toContain('请在 a.txt.meta.json 中补充 "city"');
  });

  it('relations from metadata alone', () => {
    const base = as('a.txt', { city: '铁岭市', province: '辽宁省', level: 'city' });
    const other = (over: Partial<typeof base>) => ({ ...base, ...over });
    expect(duplicateRelation(base, other({}))).toBe('same-document');
    expect(duplicateRelation(base, other({ level: 'county' }))).toBe('other-place');
    expect(duplicateRelation(base, other({ city: '阜新市' }))).toBe('other-place');
    expect(duplicateRelation(base, other({ kind: 'plan' }))).toBe('other-kind');
    expect(duplicateRelation(other({ city: null, province: null }), other({ city: null, province: null }))).toBe('place-unknown');
  });
});
