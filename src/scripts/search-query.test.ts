import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { GLOSSARY } from '../lib/search-glossary.ts';
import { READER_WORDS, THESAURUS } from '../lib/search-thesaurus.ts';
import { buildVocabulary, withDictionary } from '../../scripts/search-vocabulary.ts';
import { lexicon } from './search-correct.ts';
import { containing, holdsWord, indexWords, matchesWords, pagefindSearch, phraseHolds, understand } from './search-query.ts';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';

const glossary = GLOSSARY.map((t) => ({ ...t, pinyin: pinyin(t.term) }));

describe('word boundaries', () => {
  it('finds a word inside a longer word but not across two words', () => {
    expect(holdsWord('依托儿科资源', '托儿')).toBe(false);
    expect(holdsWord('庆祝儿童节活动', '儿童')).toBe(true);
    expect(holdsWord('发展普惠托育服务', '托育')).toBe(true);
    // One straddling occurrence does not hide a good one later in the text.
    expect(holdsWord('依托儿科，兴办托儿所', '托儿')).toBe(true);
    expect(holdsWord('没有', '托育')).toBe(false);
  });
  it('drops a result whose only match cuts its words, keeps one that holds the words or has them as meta', () => {
    expect(matchesWords({ content: '依托儿科资源，所有新生儿', meta: {} }, '托儿所')).toBe(false);
    expect(matchesWords({ content: '加强母婴保健，保障安全', meta: {} }, '母婴安全')).toBe(true);
    expect(matchesWords({ content: '预防和制止家庭暴力', meta: { search: '家暴' } }, '家暴')).toBe(true);
    expect(matchesWords({ content: '拨打热线', meta: {} }, '12338')).toBe(true);
  });
  it('keeps a result holding a query piece that the index holds as one word (单亲 of 单亲妈妈)', () => {
    const lex = lexicon(buildVocabulary([{ text: '关爱单亲家庭和单亲母亲，帮助困难妈妈。' }]));
    const item = { content: '为单亲母亲提供就业帮扶', meta: {} };
    expect(matchesWords(item, '单亲妈妈', lex)).toBe(true);
    expect(matchesWords(item, '单亲妈妈')).toBe(true);
    // Still dropped when no piece stands in the text as a word.
    expect(matchesWords({ content: '简单亲切的服务', meta: {} }, '单亲妈妈', lex)).toBe(false);
  });
  it('reads pinyin as the index words it spells', () => {
    const lex = lexicon(buildVocabulary([{ text: '推广母乳喂养，建设母婴室。' }, { text: '母乳喂养指导' }]));
    expect(understand('muru weiyang', glossary, lex).searches).toContain('母乳喂养');
    expect(understand('muru weiyang', glossary).searches).not.toContain('母乳喂养');
  });
});

describe('understanding a query', () => {
  it('leaves the plans’ own words alone', () => {
    for (const q of ['母婴安全', '就业性别歧视', '孕产妇死亡率', '家务劳动', '12338']) expect(understand(q, glossary).searches).toEqual([q]);
  });
  it('searches an everyday word as the plans’ words too, the visitor’s own search first', () => {
    expect(understand('托儿所').searches).toEqual(['托儿所', '托育']);
    const p = understand('网瘾');
    expect(p.searches[0]).toBe('网瘾');
    expect(p.searches).toContain('网络沉迷');
    expect(p.terms).toContain('网络沉迷');
  });
  it('reduces a question to its content words, everyday words replaced', () => {
    const p = understand('孩子近视了政府管不管');
    expect(p.reduced).toBe('儿童 近视');
    expect(p.searches[0]).toBe('儿童 近视');
    expect(p.searches).toContain('近视');
    // A broad word alone would flood the results.
    expect(p.searches).not.toContain('儿童');
    for (const q of ['有没有免费的宫颈癌筛查', '残疾孩子怎么办', '哪些地方有托育']) {
      const r = understand(q);
      expect(r.reduced, q).toBeDefined();
      for (const frame of ['有没有', '免费', '怎么办', '哪些', '吗']) expect(r.reduced!, q).not.toContain(frame);
    }
    expect(understand('哪些地方有托育').searches).toContain('托育');
  });
  it('turns pinyin and English into the glossary’s Chinese terms', () => {
    expect(understand('muying anquan', glossary).searches).toContain('母婴安全');
    expect(understand('myopia', glossary).searches).toContain('近视');
    expect(understand('Domestic Violence', glossary).searches).toContain('家庭暴力');
    expect(understand('xyzzy', glossary).searches).toEqual(['xyzzy']);
  });
  it('empty queries search nothing', () => {
    expect(understand('   ').searches).toEqual([]);
  });
});

describe('the reader thesaurus', () => {
  it('has a few hundred entries, each mapping to a different word', () => {
    expect(READER_WORDS.length).toBeGreaterThanOrEqual(300);
    for (const [w, plan] of THESAURUS) expect(plan, w).not.toContain(w);
  });
});

describe('everyday words typed whole', () => {
  it('search their plan words even when the plan word is part of them', () => {
    expect(understand('孤儿院').searches).toContain('孤儿');
    expect(understand('单亲妈妈').searches).toContain('单亲');
  });
  it('keep a typo’s results that hold its longer pieces as words', () => {
    expect(matchesWords({ content: '预防和制止家庭暴力', meta: {} }, '家廷暴力')).toBe(true);
  });
});

describe('with the index’s vocabulary (the seeds’ items)', () => {
  const lex = lexicon(buildVocabulary(seedKb().documents.flatMap((d) => d.items)));
  it('reaches the index words that hold a word the index lacks, never across their own words', () => {
    expect(containing('拐', lex)).toContain('拐卖');
    // 妇女儿童 holds 女儿 only across 妇女|儿童.
    expect(containing('女儿', lex)).not.toContain('妇女儿童');
    // A character many index words share (防: 预防, 防治, 防控 …) says too little alone.
    expect(containing('防', lex)).toEqual([]);
    expect(indexWords('学前班', lex)).toEqual(['学前']);
    expect(indexWords('防骗', lex)).toContain('诈骗');
    expect(indexWords('托育', lex)).toEqual(['托育']);
  });
  it('drops question scaffolding by rule and keeps its subject: 孩子被拐了怎么办 → 儿童 拐卖', () => {
    const p = understand('孩子被拐了怎么办', [], lex);
    expect(p.reduced).toBe('儿童 拐卖');
    expect(p.searches).toContain('拐卖');
    // 归 beside 谁 frames the question; 离婚 is kept as typed, an official word.
    expect(understand('离婚了孩子归谁管', [], lex).reduced).toBe('离婚 儿童');
    expect(understand('遇到性骚扰该找谁', [], lex).reduced).toBe('性骚扰');
    // A word the index lacks and no index word holds has nothing to find (看不起).
    expect(understand('小孩得了大病看不起怎么办', [], lex).reduced).toBe('儿童 重大疾病');
  });
  it('searches the specific words of a longer query alone, the rarest first, never a flooding one', () => {
    const p = understand('孕妇补叶酸', [], lex);
    expect(p.searches[0]).toBe('孕妇补叶酸');
    expect(p.searches.indexOf('叶酸')).toBeGreaterThan(0);
    expect(p.searches.indexOf('叶酸')).toBeLessThan(p.searches.indexOf('孕产妇'));
    expect(understand('宝宝座椅', [], lex).searches).toContain('座椅');
    for (const q of ['宝宝座椅', '孕妇补叶酸', '学校心理老师']) for (const broad of ['儿童', '婴幼儿', '学校']) expect(understand(q, [], lex).searches, q).not.toContain(broad);
  });
  it('takes a thesaurus word only where it does not cut a word of the query (女工 in 男女|工资)', () => {
    expect(understand('男女工资一样', [], lex).searches.join(' ')).not.toContain('女职工');
    expect(understand('女工权益', [], lex).searches).toContain('女职工 权益');
  });
  it('leaves a one-word query and the plans’ own words as they were', () => {
    for (const q of ['母婴安全', '托育', '家庭暴力']) expect(understand(q, [], lex).searches, q).toEqual([q]);
  });
  it('when the query found little (partial), also searches the index words a term is cut into, alone, and says which', () => {
    // 产后 and 恢复 are index words that no seed item holds together.
    expect(understand('产后恢复', [], lex).searches).toEqual(['产后恢复']);
    const p = understand('产后恢复', [], lex, undefined, true);
    expect(p.searches[0]).toBe('产后恢复');
    expect(p.searches).toEqual(expect.arrayContaining(['产后', '恢复']));
    expect(p.partial).toEqual(expect.arrayContaining(['产后', '恢复']));
    // Never a flooding word alone, even then; a word of one piece has nothing to split.
    expect(understand('儿童近视', [], lex, undefined, true).searches).not.toContain('儿童');
    expect(understand('托育', [], lex, undefined, true)).toEqual(understand('托育', [], lex));
  });
});

describe('a term the browser cuts into characters', () => {
  it('is searched as a Pagefind phrase, where the phrase stands for it', () => {
    expect(pagefindSearch('托育')).toBe('"托育"');
    expect(pagefindSearch('托育 服务')).toBe('"托育" 服务');
    expect(pagefindSearch('儿童')).toBe('儿童');
    expect(pagefindSearch('tuoyu')).toBe('tuoyu');
    expect(phraseHolds(30, 41)).toBe(true);
    // 学前 lives mostly inside 学前教育, which a phrase does not match.
    expect(phraseHolds(3, 26)).toBe(false);
    expect(phraseHolds(0, 0)).toBe(false);
  });
  it('must stand whole in a result: 托 and 育 apart (依托 … 教育) are not 托育', () => {
    expect(matchesWords({ content: '依托现有机构设立家庭教育指导服务中心', meta: {} }, '托育')).toBe(false);
    expect(matchesWords({ content: '发展普惠托育服务', meta: {} }, '"托育"')).toBe(true);
  });
});

describe('questions of speech', () => {
  const lex = lexicon(buildVocabulary(seedKb().documents.flatMap((d) => d.items)));
  it('reads an A-not-A question (管不管, 会不会, 可不可以) as its content words', () => {
    for (const q of ['孩子近视了政府管不管', '孩子近视会不会有人管', '孩子近视可不可以报销']) {
      const plan = understand(q, glossary, lex);
      expect(plan.searches.some((s) => s.includes('近视')), q).toBe(true);
      expect(plan.searches.join(' '), q).not.toMatch(/管不管|会不会|可不可/);
    }
  });
  it('reads traditional characters and full-width forms as the index writes them', () => {
    const plan = understand('兒童　近視', glossary, lexicon(withDictionary(buildVocabulary(seedKb().documents.flatMap((d) => d.items)))));
    expect(plan.searches[0]).toBe('儿童 近视');
  });
});
