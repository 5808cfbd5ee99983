import { describe, expect, it } from 'vitest';
import { buildEnglish, dictionary } from './search-english.ts';

describe('English glosses from CC-CEDICT', () => {
  it('reads the dictionary: simplified headwords, glosses split and cleaned, cross-references dropped', () => {
    const d = dictionary();
    expect(d.size).toBeGreaterThan(100_000);
    expect(d.get('母乳喂养')).toEqual(['breastfeeding']);
    expect(d.get('离婚')).toContain('to divorce');
    expect([...d.values()].flat().filter((g) => /^(variant of|see |cl:)/.test(g))).toEqual([]);
    // Reading the 10 MB dictionary takes seconds on a loaded machine.
  }, 60_000);
  it('keeps only the words asked for (and the thesaurus’s everyday words), in order, deterministically', () => {
    const e = buildEnglish({ words: ['母乳喂养', '离婚', '不是词语'] }, ['童婚']);
    expect(Object.keys(e.glosses)).toEqual(['母乳喂养', '离婚', '童婚']);
    expect(e.source).toMatch(/CC-CEDICT.*CC BY-SA 4\.0/);
    expect(JSON.stringify(buildEnglish({ words: ['母乳喂养', '离婚'] }, ['童婚']))).toBe(JSON.stringify(buildEnglish({ words: ['母乳喂养', '离婚'] }, ['童婚'])));
  });
});
