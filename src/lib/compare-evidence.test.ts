import { describe, expect, it } from 'vitest';
import { containment, cosine, itemTerms, linkScore, sharedIndicators, termVectors } from './compare-evidence.ts';
import { encodeCuts } from './diff.ts';
import { cutWords } from '../../scripts/lib/text/segment.ts';

const item = (id: string, text: string, title = '', related: [string, number][] = []) => ({ id, title, text, cuts: encodeCuts(cutWords(text)), related });

describe('evidence for pairing two items', () => {
  it('counts words of two or more characters and numbers, title words twice, never punctuation', () => {
    const bag = itemTerms(item('x', '改善儿童营养状况。6个月内婴儿纯母乳喂养率达到50%以上。', '改善儿童营养状况'));
    expect(bag.get('儿童')).toBe(2);
    expect(bag.get('营养状况')).toBe(2);
    expect(bag.get('婴儿')).toBe(1);
    expect([...bag.keys()].some((w) => /^[。、，]$/.test(w))).toBe(false);
    expect([...bag.keys()].some((w) => /\d/.test(w))).toBe(true);
  });

  it('weighs words by how few items use them: the shared phrasing of every item counts for little', () => {
    const items = [
      item('a', '加强妇女健康服务，预防和减少孕产妇贫血。'),
      item('b', '加强妇女健康服务，提高宫颈癌筛查率。'),
      item('c', '加强妇女健康服务，普及生殖健康知识。'),
      item('d', '预防和减少孕产妇贫血，改善营养。'),
    ];
    const v = termVectors(items);
    // a shares 贫血 (rare) with d, and 加强…服务 (in every item) with b and c.
    expect(cosine(v.get('a')!, v.get('d')!)).toBeGreaterThan(cosine(v.get('a')!, v.get('b')!));
    for (const x of v.values()) expect([...x.values()].reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 9);
    // Squared idf leans harder on the rare words.
    const v2 = termVectors(items, 2);
    expect(containment(v2.get('a')!, v2.get('d')!)).toBeGreaterThan(containment(v.get('a')!, v.get('d')!));
  });

  it('containment: how much of one item another holds, which the cosine of a part and a whole understates', () => {
    const items = [item('whole', '5岁以下儿童贫血率控制在10%以下，儿童超重、肥胖上升趋势得到有效控制。'), item('part', '儿童超重、肥胖上升趋势得到有效控制。'), item('other', '新生儿死亡率下降到3‰以下。')];
    const v = termVectors(items);
    expect(containment(v.get('part')!, v.get('whole')!)).toBeCloseTo(1, 6);
    expect(containment(v.get('whole')!, v.get('part')!)).toBeLessThan(0.8);
    expect(containment(v.get('other')!, v.get('whole')!)).toBeLessThan(0.2);
  });

  it('link score from either end, and the indicators both set targets for', () => {
    expect(linkScore({ id: 'a', related: [['b', 0.4]] }, { id: 'b', related: [['a', 0.7]] })).toBe(0.7);
    expect(linkScore({ id: 'a', related: [['c', 0.4]] }, { id: 'b', related: [] })).toBeNull();
    expect(sharedIndicators({ indicators: ['孕产妇死亡率', '婴儿死亡率'] }, { indicators: ['婴儿死亡率'] })).toEqual(['婴儿死亡率']);
    expect(sharedIndicators({}, { indicators: ['婴儿死亡率'] })).toEqual([]);
  });
});
