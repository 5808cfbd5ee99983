import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../pipeline.ts';
import { seedKb } from '../testing/seed-kb.ts';
import { SEED, seedText } from '../testing/seeds.ts';
import { comparableText, DUPLICATE_OPTIONS, estimateSimilarity, exactDuplicateMessage, exactDuplicates, nearDuplicateWarnings, nearDuplicates, overlap, sketch } from './duplicates.ts';

const doc = (name: string, text: string | Uint8Array) => ingestDocument(name, typeof text === 'string' ? Buffer.from(text) : text);

describe('exact duplicates', () => {
  const text = seedText(SEED.jinganReport);

  it('the same bytes under two names, and the same text in GBK with CRLF, are found and named', () => {
    const a = doc('a.txt', text);
    const b = doc('b.txt', text);
    const c = doc('c.txt', iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'));
    const found = exactDuplicates([a, b, c]);
    expect(found.map((d) => [d.first.source, d.second.source, d.same])).toEqual([['a.txt', 'b.txt', 'bytes'], ['a.txt', 'c.txt', 'text']]);
    expect(exactDuplicateMessage(found[0]!, (s) => `seeds/${s}`)).toBe('seeds/b.txt: is byte for byte the same file as seeds/a.txt; keep one of them and remove the other (and its .meta.json)');
    expect(exactDuplicateMessage(found[1]!)).toMatch(/^c\.txt: has the same text as a\.txt \(gb18030 and utf-8 decoded/);
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
