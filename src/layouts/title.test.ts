import { describe, expect, it } from 'vitest';
import { MAX_TITLE, cutText, pageTitle } from './title.ts';

describe('page titles', () => {
  it('keep short titles whole', () => {
    expect(pageTitle('城市')).toBe('城市 · 妇女儿童发展规划知识库');
    expect(pageTitle('妇女儿童发展规划知识库')).toBe('妇女儿童发展规划知识库');
  });

  it('cut long titles to at most 80 characters at a boundary, with …', () => {
    const title = '上海市静安区人民政府关于《上海市静安区第二届人大常委会第三十六次会议关于检查本区贯彻实施〈上海市妇女权益保障条例〉情况的审议意见》落实情况的报告';
    const t = pageTitle(title);
    expect(t.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(t).toMatch(/… · 妇女儿童发展规划知识库$/);
    // Cut after a closing bracket, not inside a word.
    expect(t.replace(/… · .*$/, '')).toBe('上海市静安区人民政府关于《上海市静安区第二届人大常委会第三十六次会议关于检查本区贯彻实施〈上海市妇女权益保障条例〉情况的审议意见》');
  });

  it('cut at punctuation when there is some, plainly otherwise, and never inside a surrogate pair', () => {
    expect(cutText('一二三四五，六七八九十', 8)).toBe('一二三四五…');
    expect(cutText('一二三四五六七八九十', 8)).toBe('一二三四五六七…');
    const emoji = '😀'.repeat(10);
    const cut = cutText(emoji, 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(cut).toBe(`${'😀'.repeat(3)}…`);
  });
});
