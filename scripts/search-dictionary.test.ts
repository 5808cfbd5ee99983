import { describe, expect, it } from 'vitest';
import { readerBridge, simplifiedPairs } from './search-dictionary.ts';

const pairs = (s: string) => new Map([...s].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!] as const] : [])));

describe('traditional → simplified pairs from CC-CEDICT', () => {
  it('pairs the traditional form of each character the index uses', () => {
    const p = pairs(simplifiedPairs(new Set([...'儿童妇女权益'])));
    expect(p.get('兒')).toBe('儿');
    expect(p.get('婦')).toBe('妇');
    expect(p.get('權')).toBe('权');
  });
  it('leaves out characters the index does not use, and traditional forms also written in simplified text', () => {
    const p = pairs(simplifiedPairs(new Set([...'儿童'])));
    expect(p.get('婦')).toBeUndefined();
    // 著 is the traditional form of 着 but also a simplified character of its own (著名).
    expect(pairs(simplifiedPairs(new Set([...'着著']))).has('著')).toBe(false);
  });
});

describe('the reader bridge', () => {
  // An index of a few plan words, as the vocabulary counts them (items each is in).
  const words = ['女童', '男童', '艾滋病', '儿童', '孩子', '保护'];
  const counts = [3, 2, 2, 90, 40, 80];
  const bridge = readerBridge({ words, counts, items: 100 });

  it('bridges an everyday word one character off an index word of the same first meaning (女孩 → 女童)', () => {
    expect(bridge['女孩']).toEqual(['女童']);
    expect(bridge['男孩']).toEqual(['男童']);
  });
  it('never bridges a word the index has, nor to a word that would flood the results', () => {
    for (const w of words) expect(bridge[w]).toBeUndefined();
    // 儿童 is in 90 of the 100 items: past the flooding guard, so nothing is bridged to it.
    expect(Object.values(bridge).flat()).not.toContain('儿童');
    for (const targets of Object.values(bridge)) expect(targets.length).toBeLessThanOrEqual(2);
  });
  it('stays small: no bridge from words that only translate alike', () => {
    expect(Object.keys(bridge).length).toBeLessThan(40);
    expect(bridge['证券']).toBeUndefined();
  });
});
