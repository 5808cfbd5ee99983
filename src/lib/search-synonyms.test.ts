import { describe, expect, it } from 'vitest';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import { MAX_SHARE, SYNONYM_GROUPS, synonymsOf, synonymTermsFor } from './search-synonyms.ts';

const GROUPS = [
  ['托育', '婴幼儿照护'],
  ['家暴', '家庭暴力'],
];

describe('search synonyms', () => {
  it('adds the other words of each group the text holds a word of, each once, never words the text has', () => {
    expect(synonymTermsFor('发展普惠托育服务', GROUPS)).toEqual(['婴幼儿照护']);
    expect(synonymTermsFor('托育机构和婴幼儿照护服务', GROUPS)).toEqual([]);
    expect(synonymTermsFor('预防家庭\n暴力，托育', GROUPS)).toEqual(['婴幼儿照护', '家暴']);
    expect(synonymTermsFor('加强母婴安全保障', GROUPS)).toEqual([]);
  });

  it('names a word’s synonyms, longest first, and none for a word of no group', () => {
    expect(synonymsOf('家暴', GROUPS)).toEqual(['家庭暴力']);
    expect(synonymsOf('校园霸凌')).toEqual(['校园欺凌', '学生欺凌']);
    expect(synonymsOf('妇女')).toEqual([]);
  });

  it('groups are sets of two or more distinct words, no word in two groups', () => {
    const all = SYNONYM_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const g of SYNONYM_GROUPS) expect(g.length).toBeGreaterThanOrEqual(2);
  });

  it(`no word of a group is in more than ${MAX_SHARE * 100}% of the seeds' items (a common word would flood results)`, () => {
    const texts = seedKb().documents.flatMap((d) => d.items.map((i) => `${i.title}${i.text}`.replace(/\s+/g, '')));
    const share = (w: string) => texts.filter((t) => t.includes(w)).length / texts.length;
    expect(SYNONYM_GROUPS.flat().filter((w) => share(w) > MAX_SHARE)).toEqual([]);
    // The rule has teeth: 妇女 and 女性, which readers also swap, are far too common to join.
    expect(share('妇女')).toBeGreaterThan(MAX_SHARE);
    expect(share('女性')).toBeGreaterThan(MAX_SHARE);
  });
});
