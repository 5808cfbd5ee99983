import { describe, expect, it } from 'vitest';
import { buildEnglish } from '../../scripts/search-english.ts';
import { buildVocabulary } from '../../scripts/search-vocabulary.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import { lexicon } from './search-correct.ts';
import { englishIndex, englishSearches, lemma } from './search-english.ts';

const vocabulary = buildVocabulary(seedKb().documents.flatMap((d) => d.items));
const lex = lexicon(vocabulary);
const index = englishIndex(buildEnglish(vocabulary));
const read = (q: string) => englishSearches(q, index, lex);

describe('English queries read through CC-CEDICT glosses of the seeds’ words', () => {
  it('lemmatises lightly: plurals, -ing, -ation and a final e', () => {
    expect(lemma('feeding')).toBe('feed');
    expect(lemma('vaccination')).toBe(lemma('vaccine'));
    expect(lemma('obesity')).toBe(lemma('obese'));
    expect(lemma('women')).toBe('woman');
    expect(lemma('crisis')).toBe('crisis');
  });
  it('reads breastfeeding, breast-feeding and breast feeding alike, the word of one sense first', () => {
    for (const q of ['breastfeeding', 'breast-feeding', 'breast feeding', 'Breastfeeding']) expect(read(q).searches[0], q).toBe('母乳喂养');
  });
  it('finds the index word a gloss says, and an everyday word’s plan words (童婚 → 早婚)', () => {
    expect(read('divorce').searches).toContain('离婚');
    expect(read('vaccination').searches).toContain('疫苗');
    expect(read('child marriage').searches).toContain('早婚');
    expect(read('child marriage').whole).toBe(true);
  });
  it('reads a query no gloss covers word by word, and nothing from words it does not know', () => {
    const r = read('juvenile crime');
    expect(r.whole).toBe(false);
    expect(r.searches).toContain('犯罪');
    expect(read('xyzzy plugh').searches).toEqual([]);
    expect(read('of').searches).toEqual([]);
  });
});

describe('possessives', () => {
  it("reads women's as woman: the same search as without the possessive", () => {
    expect(read("women's rights").searches[0]).toBe(read('women rights').searches[0]);
    expect(read("children's health").searches[0]).toBe(read('children health').searches[0]);
  });
});
