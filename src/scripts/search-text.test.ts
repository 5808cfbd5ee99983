import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from './pagefind.ts';
import { excerptText, foldKey, markedRuns, phraseFirst, settledCount, termPattern, termsOf, titleOf } from './search-text.ts';

const result = (over: Partial<PagefindResultData>): PagefindResultData => ({
  url: '/items/x/',
  content: '',
  excerpt: '',
  meta: {},
  filters: {},
  ...over,
});

describe('search text', () => {
  it('marks whole query terms only, longest first, never a term split into characters', () => {
    const pattern = termPattern(termsOf(' 托育  托育服务 '));
    expect(markedRuns('发展普惠托育服务，生育养育教育', pattern)).toEqual([
      { text: '发展普惠', marked: false },
      { text: '托育服务', marked: true },
      { text: '，生育养育教育', marked: false },
    ]);
    expect(markedRuns('<b>托育</b>', termPattern(['<b>托育</b>']))).toEqual([{ text: '<b>托育</b>', marked: true }]);
    expect(markedRuns('无匹配', null)).toEqual([{ text: '无匹配', marked: false }]);
  });

  it('puts results containing every term verbatim first, keeping the order otherwise', () => {
    const a = result({ url: 'a', content: '母婴 与 安全' });
    const b = result({ url: 'b', content: '加强母婴安全保障' });
    const c = result({ url: 'c', content: '母婴安全' });
    expect(phraseFirst([a, b, c], ['母婴安全']).map((r) => r.url)).toEqual(['b', 'c', 'a']);
  });

  it('shows the text around a whole term when Pagefind centred its excerpt on partial hits', () => {
    const content = `${'前文'.repeat(30)}发展普惠托育服务${'后文'.repeat(30)}`;
    const r = result({ content, excerpt: '鼓励<mark>生育</mark>，&lt;提高&gt;' });
    expect(excerptText(r, termPattern(['托育']))).toContain('发展普惠托育服务');
    expect(excerptText(result({ excerpt: '鼓励<mark>托育</mark>，&lt;x&gt;' }), termPattern(['托育']))).toBe('鼓励托育，<x>');
    // Pagefind's own excerpt, with ellipses where it is cut out of a longer text.
    const long = result({ content: '前文。鼓励托育，<x> 后文。', excerpt: '鼓励<mark>托育</mark>，&lt;x&gt;' });
    expect(excerptText(long, termPattern(['托育']))).toBe('…鼓励托育，<x>…');
    expect(excerptText(result({ content: '鼓励托育。 后文', excerpt: '鼓励<mark>托育</mark>。' }), termPattern(['托育']))).toBe('鼓励托育。…');
  });

  it('folds results of one city whose titles differ only by their number', () => {
    const goal = result({ meta: { title: '7 加强 母婴安全' }, filters: { city: ['阜新市'] } });
    const measure = result({ meta: { title: '（七） 加强母婴安全' }, filters: { city: ['阜新市'] } });
    const other = result({ meta: { title: '7 加强母婴安全' }, filters: { city: ['大安市'] } });
    expect(foldKey(goal)).toBe(foldKey(measure));
    expect(foldKey(goal)).not.toBe(foldKey(other));
  });

  it('marks a query term’s synonyms too, and counts an item with a synonym as holding the term', () => {
    const pattern = termPattern(['家暴']);
    expect(markedRuns('预防家庭暴力和家暴', pattern).filter((r) => r.marked).map((r) => r.text)).toEqual(['家庭暴力', '家暴']);
    const a = result({ url: 'a', content: '家 与 暴' });
    const b = result({ url: 'b', content: '预防和制止家庭暴力' });
    expect(phraseFirst([a, b], ['家暴']).map((r) => r.url)).toEqual(['b', 'a']);
    // The query's own word before its synonym.
    const c = result({ url: 'c', content: '反对家暴' });
    expect(phraseFirst([a, b, c], ['家暴']).map((r) => r.url)).toEqual(['c', 'b', 'a']);
    // The excerpt moves to the synonym when Pagefind centred it elsewhere.
    const content = `${'前文'.repeat(30)}制止家庭暴力${'后文'.repeat(30)}`;
    expect(excerptText(result({ content, excerpt: '前文前文' }), pattern)).toContain('制止家庭暴力');
  });

  it('reads an item heading `城市 · 编号 标题` without its city, and folds by it', () => {
    const goal = result({ meta: { title: '阜新市 · 7 加强母婴安全' }, filters: { city: ['阜新市'] } });
    const measure = result({ meta: { title: '阜新市 · （七） 加强母婴安全' }, filters: { city: ['阜新市'] } });
    expect(titleOf(goal)).toBe('7 加强母婴安全');
    expect(foldKey(goal)).toBe(foldKey(measure));
    // A page whose heading does not start with its city keeps its heading.
    expect(titleOf(result({ meta: { title: '阜新市妇女发展规划' }, filters: { city: ['阜新市'] } }))).toBe('阜新市妇女发展规划');
  });
});

describe('results settled while later ones are not loaded', () => {
  const r = (content: string) => ({ url: content, content, excerpt: '', meta: {}, filters: {} });
  it('counts the leading results that hold every term verbatim, and no more', () => {
    const ordered = phraseFirst([r('依托儿科'), r('发展托育服务'), r('托育机构')], ['托育']);
    expect(settledCount(ordered, ['托育'])).toBe(2);
    expect(settledCount([r('依托儿科'), r('托育')], ['托育'])).toBe(0);
    expect(settledCount([r('托育'), r('家庭暴力')], ['托育', '暴力'])).toBe(0);
    expect(settledCount([r('托育'), r('托育')], [])).toBe(0);
  });
});
