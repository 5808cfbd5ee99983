import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../scripts/search-vocabulary.ts';
import { correctQuery, editCost, lexicon, nearestWord, pinyinPhrase, rejoin, wordsForPinyin } from './search-correct.ts';

// Items written the way plans phrase these measures; the lexicon is built as the site builds it.
const items = [
  { title: '关爱单亲困难母亲', text: '为单亲家庭提供帮扶，推广母乳喂养，建设母婴室。' },
  { title: '预防艾滋病、梅毒和乙肝母婴传播', text: '开展梅毒筛查，加强母乳喂养指导和学前教育。' },
  { title: '依法签发人身安全保护令', text: '落实反家庭暴力法，及时签发人身安全保护令，防治性骚扰，严厉打击拐卖妇女儿童犯罪。' },
  { title: '发展学前教育', text: '提高学前教育普及水平，严厉打击拐卖儿童，防治家庭暴力和性骚扰。' },
];
const lex = lexicon(buildVocabulary(items));

describe('rejoining query pieces', () => {
  it('joins pieces the index holds as one word, longest first', () => {
    expect(rejoin(['单', '亲', '妈妈'], lex)).toEqual(['单亲', '妈妈']);
    expect(rejoin(['母', '乳', '喂养'], lex)).toEqual(['母乳喂养']);
  });
  it('leaves pieces whose joined form is no word of the index', () => {
    expect(rejoin(['家', '廷', '暴力'], lex)).toEqual(['家', '廷', '暴力']);
    expect(rejoin(['妈妈'], lex)).toEqual(['妈妈']);
  });
  it('without a lexicon joins runs of single characters', () => {
    expect(rejoin(['有', '托', '育', '机构'])).toEqual(['有托育', '机构']);
    expect(rejoin(['单', '亲', '妈妈'])).toEqual(['单亲', '妈妈']);
  });
});

describe('did-you-mean candidates', () => {
  it('counts a same-sounding character as half an edit', () => {
    expect(editCost('霉毒', '梅毒', lex)).toBe(0.5);
    expect(editCost('拐买', '拐卖', lex)).toBe(0.5);
    expect(editCost('人身安全护令', '人身安全保护令', lex)).toBe(1);
    expect(editCost('母婴乳', '母乳婴', lex)).toBe(1);
  });
  it('finds the index word a typo sounds like or nearly spells', () => {
    expect(nearestWord('霉毒', lex)).toBe('梅毒');
    expect(nearestWord('性骚饶', lex)).toBe('性骚扰');
    expect(nearestWord('母乳喂样', lex)).toBe('母乳喂养');
    expect(nearestWord('学钱教育', lex)).toBe('学前教育');
  });
  it('never rewrites a short run to a word that only looks like it, nor a word of the index', () => {
    expect(nearestWord('梅花', lex)).toBeUndefined();
    expect(nearestWord('梅毒', lex)).toBeUndefined();
  });
  it('corrects the typo inside a longer query and keeps its correct words', () => {
    expect(correctQuery('反家庭暴利', lex)?.query).toBe('反家庭暴力');
    expect(correctQuery('开展梅读筛查', lex)).toEqual({ query: '开展梅毒筛查', changes: [['梅读', '梅毒']] });
    expect(correctQuery('霉毒 学钱教育', lex)?.query).toBe('梅毒 学前教育');
  });
  it('leaves a query without typos alone, and Latin text too', () => {
    expect(correctQuery('母乳喂养', lex)).toBeUndefined();
    expect(correctQuery('开展梅毒筛查', lex)).toBeUndefined();
    expect(correctQuery('HPV', lex)).toBeUndefined();
  });
  it('reads pinyin as the index words it spells, with or without spaces and tones', () => {
    expect(wordsForPinyin('muru weiyang', lex)).toContain('母乳喂养');
    expect(wordsForPinyin('méidú', lex)).toEqual(['梅毒']);
    expect(wordsForPinyin('guaimai ertong', lex)).toEqual(['拐卖儿童']);
    expect(wordsForPinyin('xyz', lex)).toEqual([]);
  });
});

describe('pinyin of several words', () => {
  it('reads spaced or unspaced pinyin as the fewest index words it spells', () => {
    expect(pinyinPhrase('xingsaorao muru weiyang', lex)).toBe('性骚扰 母乳喂养');
    expect(pinyinPhrase('meidushaicha', lex)).toBe('梅毒 筛查');
  });
  it('leaves one word to wordsForPinyin and gibberish unread', () => {
    expect(pinyinPhrase('meidu', lex)).toBeUndefined();
    expect(pinyinPhrase('muruweiyang', lex)).toBeUndefined();
    expect(pinyinPhrase('qwrtzpxk', lex)).toBeUndefined();
  });
});
