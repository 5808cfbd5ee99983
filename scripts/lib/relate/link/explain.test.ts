import { describe, expect, it } from 'vitest';
import { segmentItem } from '../../text/segment.ts';
import { buildVectorsFromWords } from '../../text/vectors.ts';
import { Explainer } from './explain.ts';

/** An explainer over items given as (title words, body words). */
const explainerOf = (items: [string[], string[]][], limit?: number, pool?: number) => {
  const { flat, space } = buildVectorsFromWords(items.map(([title, body]) => ({ title, body })));
  return new Explainer(flat, space, limit, pool);
};

describe('Explainer', () => {
  it('explains a match by the informative words two items share', () => {
    // Four reworded measures: two about safe childbirth, one about cancer screening, one about drowning.
    const texts: [string, string][] = [
      ['加强母婴安全保障', '加强母婴安全保障。全面落实妊娠风险筛查评估、高危孕产妇专案管理、危急重症救治制度。加强妇女工作。'],
      ['保障孕产妇安全分娩', '保障孕产妇安全分娩。落实妊娠风险筛查评估、高危孕产妇专案管理、危急重症救治。加强妇女工作。'],
      ['加大宫颈癌、乳腺癌综合防治力度', '加大宫颈癌、乳腺癌综合防治力度。提高筛查率，加强妇女工作。'],
      ['预防和减少儿童溺水', '预防和减少儿童溺水。加强水域隐患排查，加强妇女工作。'],
    ];
    const { flat, space } = buildVectorsFromWords(texts.map(([t, x]) => segmentItem(t, x)));
    const terms = new Explainer(flat, space).explain(0, 1);
    expect(terms.length).toBe(5);
    expect(terms).not.toContain('妇女');
    expect(terms.join('/')).toMatch(/孕产妇|筛查|妊娠|危急/);
  });

  it('orders by contribution to the score, ties by term, at most limit words', () => {
    // 母婴 is a title word on both sides (counted three times): the heaviest.
    const ex = explainerOf([
      [['母婴'], ['乙', '甲', '丁']],
      [['母婴'], ['甲', '乙', '丙']],
      [['溺水'], ['丁', '丙']],
    ]);
    expect(ex.explain(0, 1)).toEqual(['母婴', '乙', '甲']); // 乙 (U+4E59) before 甲 (U+7532)
    expect(explainerOf([[['母婴'], ['乙', '甲']], [['母婴'], ['甲', '乙']]], 2).explain(0, 1)).toEqual(['母婴', '乙']);
  });

  it('leaves out a shared word inside a longer shared word', () => {
    const ex = explainerOf([
      [['妇幼'], ['妇幼保健', '服务']],
      [['妇幼'], ['妇幼保健', '服务']],
      [['溺水'], ['服务']],
    ]);
    // 妇幼 weighs more (a title word) but is part of 妇幼保健; 服务, in every item, weighs least.
    expect(ex.explain(0, 1)).toEqual(['妇幼保健', '服务']);
  });

  it('keeps spares for subsumed words: with no spares, the subsumed word is all it has', () => {
    const items: [string[], string[]][] = [
      [['妇幼'], ['妇幼保健']],
      [['妇幼'], ['妇幼保健']],
      [['溺水'], []],
    ];
    expect(explainerOf(items, 1, 3).explain(0, 1)).toEqual(['妇幼保健']);
    expect(explainerOf(items, 1, 1).explain(0, 1)).toEqual(['妇幼']);
  });

  it('is symmetric, empty when nothing is shared, and right after switching items', () => {
    const ex = explainerOf([
      [['母婴'], ['安全']],
      [['母婴'], ['安全', '溺水']],
      [['溺水'], ['水域']],
    ]);
    expect(ex.explain(0, 2)).toEqual([]);
    expect(ex.explain(1, 2)).toEqual(['溺水']);
    expect(ex.explain(0, 1)).toEqual(ex.explain(1, 0));
    expect(ex.explain(0, 1)).toEqual(['母婴', '安全']);
  });
});
