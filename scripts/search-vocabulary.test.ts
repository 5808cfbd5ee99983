import { describe, expect, it } from 'vitest';
import { buildVocabulary } from './search-vocabulary.ts';

describe('search vocabulary', () => {
  const items = [
    { title: '关爱单亲母亲', text: '为单亲妈妈提供帮助，推广母乳喂养。' },
    { title: '母乳喂养', text: '加强母乳喂养宣传，开展梅毒筛查。' },
    { text: 'Plan 2030：行动。' },
  ];
  const v = buildVocabulary(items);
  it('holds the items’ words as the index segments them, counted once per item', () => {
    expect(v.words).toContain('单亲');
    expect(v.counts[v.words.indexOf('母乳喂养')]).toBe(2);
    expect(v.counts[v.words.indexOf('单亲')]).toBe(1);
  });
  it('keeps only words of two or more Han characters, most items first', () => {
    for (const w of v.words) expect(w).toMatch(/^\p{Script=Han}{2,}$/u);
    expect(v.words[0]).toBe('母乳喂养');
    for (let i = 1; i < v.counts.length; i++) expect(v.counts[i]!).toBeLessThanOrEqual(v.counts[i - 1]!);
  });
  it('gives every Han character its toneless readings, several for a polyphone', () => {
    expect(v.readings['养']).toBe('yang');
    expect(v.readings['行']!.split(' ')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(v.readings['P']).toBeUndefined();
    // A common character the items never use still has its reading: typos put such characters.
    expect(v.readings['霉']).toBe('mei');
    expect(Object.keys(v.readings).length).toBeGreaterThan(3700);
  });
  it('is deterministic and keeps at most the words asked for', () => {
    expect(JSON.stringify(buildVocabulary(items))).toBe(JSON.stringify(v));
    expect(buildVocabulary(items, 2).words).toEqual(v.words.slice(0, 2));
  });
});
